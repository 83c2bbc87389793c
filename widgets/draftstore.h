#pragma once

#include "core/connectionspec.h"

#include <QObject>
#include <QThreadPool>

#include <functional>

// Keeps the text of open query tabs on disk as it is typed, so that it survives a restart or a
// crash: one file per tab and an index of which database each belongs to, in the app's data
// folder. Every write happens on a worker thread.
class DraftStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DraftStore)

public:
    struct Draft
    {
        QString id;
        QString title;
        QString location; // the connection's file or server address
        QString database;
        bool readOnly = false;
        QString text;
    };

    explicit DraftStore(const QString &folder = defaultFolder(), QObject *parent = nullptr);

    // Writes `draft` (text and index entry); a later call for the same id replaces it.
    void save(const Draft &draft);
    void remove(const QString &id);
    // Reads every draft (off this thread) and hands them back here.
    void load(std::function<void(const QList<Draft> &)> done);

    static QString defaultFolder();

private:
    void writeIndex();

    QString m_folder;
    QThreadPool m_writer; // one thread: writes land in the order they were asked for
    QList<Draft> m_index; // text left out: it lives in its own file
};
