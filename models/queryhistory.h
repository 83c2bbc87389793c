#pragma once

#include "core/dberror.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>

class Connection;

// Every statement the user ran, with when, where, how long and how it ended, kept in the app's
// own SQLite database (through a LocalConnection, so nothing here touches the disk on the
// caller's thread). Searchable; entries can be run again from the editor.
class QueryHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryHistory)

public:
    struct Entry
    {
        qint64 id = 0;
        QDateTime at;
        QString connection; // the connection's title
        QString sql;
        double durationMs = 0;
        bool ok = true;
        qint64 rows = 0; // returned or changed
        QString error;   // when it failed
    };

    // Opens (creating) the history database at `path`.
    explicit QueryHistory(const QString &path, QObject *parent = nullptr);
    ~QueryHistory() override;

    void record(const Entry &entry);
    // The newest `limit` entries whose SQL or connection contains `text` (all when empty).
    void search(const QString &text, int limit, std::function<void(const QList<Entry> &)> done);

    // Where the app keeps it.
    static QString defaultPath();
    static constexpr qint64 kMaxEntries = 50000;

Q_SIGNALS:
    void recorded();

private:
    std::unique_ptr<Connection> m_connection;
    bool m_ready = false;
    QList<std::function<void()>> m_waiting; // asked for before the database was open
};
