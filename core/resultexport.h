#pragma once

#include "core/connection.h"
#include "core/statement.h"

#include <QObject>
#include <QPointer>
#include <QThread>

class ExportWriter;

// Writes every row of a statement to a file: CSV (RFC 4180), JSON, JSON Lines or SQL INSERT
// statements. It runs the statement again through the Connection API and streams: rows are
// formatted and written on a thread of its own, with flow control from the database to the disk,
// so no result is ever held whole and neither the caller's thread nor memory takes the load.
// The file appears only when everything was written (a cancelled or failed export leaves
// nothing behind).
class ResultExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultExport)

public:
    enum class Format { Csv, Json, JsonLines, SqlInsert };
    Q_ENUM(Format)

    struct Options
    {
        Format format = Format::Csv;
        QString path;
        QString tableName = QStringLiteral("result"); // for SQL INSERT
    };

    ResultExport(Connection *connection, const Statement &statement, const Options &options,
                 QObject *parent = nullptr);
    ~ResultExport() override;

    void start();
    void cancel();
    qint64 rowsWritten() const { return m_rows; }

Q_SIGNALS:
    void progress(qint64 rows);
    void finished(qint64 rows);
    void failed(const DbError &error);

private:
    void fail(const DbError &error);

    QPointer<Connection> m_connection;
    Statement m_statement;
    Options m_options;
    QThread m_thread;
    ExportWriter *m_writer; // lives on m_thread
    QPointer<QueryRequest> m_request;
    qint64 m_rows = 0;
    bool m_ended = false;
};
