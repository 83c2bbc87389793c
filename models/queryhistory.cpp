#include "models/queryhistory.h"

#include "core/dbrequest.h"
#include "core/engine/localconnection.h"

#include <QDir>
#include <QStandardPaths>

QueryHistory::QueryHistory(const QString &path, QObject *parent)
    : QObject(parent)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    ConnectionSpec spec;
    spec.location = path;
    spec.mode = ConnectionSpec::OpenMode::Create;
    m_connection = std::make_unique<LocalConnection>(spec);
    connect(m_connection.get(), &Connection::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Failed) {
            // No history this session (say, a read-only home): asks end at once, empty.
            qWarning("The query history could not be opened: %s",
                     qPrintable(m_connection->lastError().message));
            m_ready = true;
            for (const auto &work : std::exchange(m_waiting, {}))
                work();
            return;
        }
        if (state != Connection::State::Open)
            return;
        QueryRequest *create = m_connection->query(
            Statement(QStringLiteral("CREATE TABLE IF NOT EXISTS history(id INTEGER PRIMARY KEY,"
                                     " at INTEGER NOT NULL, connection TEXT, sql TEXT NOT NULL,"
                                     " duration_ms REAL, ok INTEGER, rows INTEGER, error TEXT)")),
            this);
        connect(create, &DbRequest::ended, this, [this, create] {
            create->deleteLater();
            m_ready = true;
            for (const auto &work : std::exchange(m_waiting, {}))
                work();
        });
    });
    m_connection->open();
}

QueryHistory::~QueryHistory() = default;

QString QueryHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/history.db");
}

void QueryHistory::record(const Entry &entry)
{
    if (!m_ready) {
        m_waiting.append([this, entry] { record(entry); });
        return;
    }
    Statement insert(QStringLiteral("INSERT INTO history(at, connection, sql, duration_ms, ok,"
                                    " rows, error) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {SqlValue(entry.at.toMSecsSinceEpoch()), SqlValue(entry.connection),
                      SqlValue(entry.sql), SqlValue(entry.durationMs), SqlValue(entry.ok ? 1 : 0),
                      SqlValue(entry.rows),
                      entry.error.isEmpty() ? SqlValue() : SqlValue(entry.error)});
    QueryRequest *request = m_connection->query(insert, this);
    connect(request, &DbRequest::ended, this, [this, request] {
        request->deleteLater();
        Q_EMIT recorded();
    });
    // Old entries make way, so the history cannot grow without bound.
    QueryRequest *trim = m_connection->query(
        Statement(
            QStringLiteral("DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?"),
            {SqlValue(kMaxEntries)}),
        this);
    connect(trim, &DbRequest::ended, trim, &QObject::deleteLater);
}

void QueryHistory::search(const QString &text, int limit,
                          std::function<void(const QList<Entry> &)> done)
{
    if (!m_ready) {
        m_waiting.append([this, text, limit, done] { search(text, limit, done); });
        return;
    }
    Statement select(QStringLiteral("SELECT id, at, connection, sql, duration_ms, ok, rows, error"
                                    " FROM history WHERE ? = '' OR instr(lower(sql), lower(?)) > 0"
                                    " OR instr(lower(connection), lower(?)) > 0"
                                    " ORDER BY id DESC LIMIT ?"),
                     {SqlValue(text), SqlValue(text), SqlValue(text), SqlValue(limit)});
    auto entries = std::make_shared<QList<Entry>>();
    QueryRequest *request = m_connection->query(select, this);
    connect(request, &QueryRequest::rowsReady, this, [entries](const RowBatch &batch) {
        for (const Row &r : batch.rows) {
            Entry e;
            e.id = r.value(0).toInteger();
            e.at = QDateTime::fromMSecsSinceEpoch(r.value(1).toInteger());
            e.connection = r.value(2).toText();
            e.sql = r.value(3).toText();
            e.durationMs = r.value(4).toReal();
            e.ok = r.value(5).toInteger() != 0;
            e.rows = r.value(6).toInteger();
            e.error = r.value(7).toText();
            entries->append(e);
        }
    });
    connect(request, &DbRequest::ended, this, [request, entries, done] {
        request->deleteLater();
        done(*entries);
    });
}
