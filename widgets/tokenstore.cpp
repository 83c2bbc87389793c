#include "widgets/tokenstore.h"

#include <qt6keychain/keychain.h>

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{}

QString TokenStore::serviceName()
{
    return QStringLiteral("DoSQL Studio");
}

void TokenStore::read(const QString &id, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(id);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (readJob->error() == QKeychain::EntryNotFound)
            return done({}, {});
        if (readJob->error() != QKeychain::NoError)
            return done({}, tr("The keychain could not be read: %1").arg(readJob->errorString()));
        done(readJob->textData(), {});
    });
    job->start();
}

void TokenStore::write(const QString &id, const QString &token, WriteDone done)
{
    QKeychain::Job *job = nullptr;
    if (token.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(serviceName(), this);
        remove->setKey(id);
        job = remove;
    } else {
        auto *write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setKey(id);
        write->setTextData(token);
        job = write;
    }
    const bool removing = token.isEmpty();
    connect(job, &QKeychain::Job::finished, this, [done, removing](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError
            || (removing && finished->error() == QKeychain::EntryNotFound))
            return done({});
        done(tr("The keychain could not store the token: %1. It was not saved anywhere else.")
                 .arg(finished->errorString()));
    });
    job->start();
}
