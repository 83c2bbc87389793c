#include "widgets/draftstore.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent>

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    return file.commit();
}

} // namespace

DraftStore::DraftStore(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
{
    m_writer.setMaxThreadCount(1);
}

QString DraftStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/drafts");
}

void DraftStore::save(const Draft &draft)
{
    Draft entry = draft;
    entry.text.clear();
    bool known = false;
    for (Draft &d : m_index) {
        if (d.id == draft.id) {
            known = d.title == entry.title && d.location == entry.location;
            d = entry;
        }
    }
    if (!known) {
        m_index.removeIf([&](const Draft &d) { return d.id == draft.id; });
        m_index.append(entry);
        writeIndex();
    }
    const QString folder = m_folder;
    const QString path = m_folder + u'/' + draft.id + QStringLiteral(".sql");
    const QByteArray bytes = draft.text.toUtf8();
    [[maybe_unused]] auto future = QtConcurrent::run(&m_writer, [folder, path, bytes] {
        QDir().mkpath(folder);
        if (!writeFile(path, bytes))
            qWarning("The draft %s could not be saved.", qPrintable(path));
    });
}

void DraftStore::remove(const QString &id)
{
    m_index.removeIf([&](const Draft &d) { return d.id == id; });
    writeIndex();
    const QString path = m_folder + u'/' + id + QStringLiteral(".sql");
    [[maybe_unused]] auto future = QtConcurrent::run(&m_writer, [path] { QFile::remove(path); });
}

void DraftStore::writeIndex()
{
    QJsonArray list;
    for (const Draft &d : std::as_const(m_index))
        list.append(QJsonObject{{QStringLiteral("id"), d.id},
                                {QStringLiteral("title"), d.title},
                                {QStringLiteral("location"), d.location},
                                {QStringLiteral("database"), d.database},
                                {QStringLiteral("readOnly"), d.readOnly}});
    const QString folder = m_folder;
    const QByteArray bytes = QJsonDocument(list).toJson();
    [[maybe_unused]] auto future = QtConcurrent::run(&m_writer, [folder, bytes] {
        QDir().mkpath(folder);
        writeFile(folder + QStringLiteral("/index.json"), bytes);
    });
}

void DraftStore::load(std::function<void(const QList<Draft> &)> done)
{
    const QString folder = m_folder;
    auto *watcher = new QFutureWatcher<QList<Draft>>(this);
    connect(watcher, &QFutureWatcher<QList<Draft>>::finished, this, [this, watcher, done] {
        const QList<Draft> drafts = watcher->result();
        watcher->deleteLater();
        m_index = drafts;
        for (Draft &d : m_index)
            d.text.clear();
        done(drafts);
    });
    watcher->setFuture(QtConcurrent::run(&m_writer, [folder] {
        QList<Draft> drafts;
        QFile index(folder + QStringLiteral("/index.json"));
        if (!index.open(QIODevice::ReadOnly))
            return drafts;
        for (const QJsonValue &v : QJsonDocument::fromJson(index.readAll()).array()) {
            const QJsonObject o = v.toObject();
            Draft d;
            d.id = o.value(QStringLiteral("id")).toString();
            d.title = o.value(QStringLiteral("title")).toString();
            d.location = o.value(QStringLiteral("location")).toString();
            d.database = o.value(QStringLiteral("database")).toString();
            d.readOnly = o.value(QStringLiteral("readOnly")).toBool();
            QFile text(folder + u'/' + d.id + QStringLiteral(".sql"));
            if (d.id.isEmpty() || !text.open(QIODevice::ReadOnly))
                continue;
            d.text = QString::fromUtf8(text.readAll());
            drafts.append(d);
        }
        return drafts;
    }));
}
