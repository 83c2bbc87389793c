#include "core/resultexport.h"

#include "core/requestcontrol.h"
#include "core/resultformat.h"
#include "core/sqlinliner.h"
#include "core/sqlquoting.h"

#include <QSaveFile>

// The disk side of an export, on its own thread: formats batches and writes them to a QSaveFile,
// which replaces the target only on commit.
class ExportWriter final : public QObject
{
    Q_OBJECT

public:
    explicit ExportWriter(const ResultExport::Options &options)
        : m_options(options)
    {}

    void open(const QList<ResultColumn> &columns, std::function<void(const QString &)> failed)
    {
        m_columns = columns;
        m_file = std::make_unique<QSaveFile>(m_options.path);
        if (!m_file->open(QIODevice::WriteOnly))
            return failed(m_file->errorString());
        QByteArray head;
        switch (m_options.format) {
        case ResultExport::Format::Csv:
            head = ResultFormat::csvHeader(columns);
            break;
        case ResultExport::Format::Json:
            head = "[";
            break;
        case ResultExport::Format::JsonLines:
            break;
        case ResultExport::Format::SqlInsert: {
            QStringList names;
            for (const ResultColumn &c : columns)
                names << quoteIdentifier(c.name);
            m_insertPrefix = (QStringLiteral("INSERT INTO ") + quoteIdentifier(m_options.tableName)
                              + QStringLiteral(" (") + names.join(QStringLiteral(", "))
                              + QStringLiteral(") VALUES ("))
                                 .toUtf8();
            break;
        }
        }
        write(head, failed);
    }

    void writeRows(const RowBatch &batch, std::function<void(const QString &)> failed)
    {
        if (batch.encodedRows > 0) // already in the file's format
            return write(batch.encoded, failed);
        QByteArray out;
        for (const Row &row : batch.rows) {
            switch (m_options.format) {
            case ResultExport::Format::Csv:
                ResultFormat::appendCsvRow(out, row);
                break;
            case ResultExport::Format::Json:
                out += (m_first ? "\n" : ",\n") + ResultFormat::jsonObject(m_columns, row);
                break;
            case ResultExport::Format::JsonLines:
                out += ResultFormat::jsonObject(m_columns, row) + '\n';
                break;
            case ResultExport::Format::SqlInsert: {
                QStringList values;
                for (const SqlValue &v : row)
                    values << SqlInliner::literal(v);
                out += m_insertPrefix + values.join(QStringLiteral(", ")).toUtf8() + ");\n";
                break;
            }
            }
            m_first = false;
        }
        write(out, failed);
    }

    bool finish(QString *error)
    {
        if (!m_file) {
            *error = QStringLiteral("the file was never opened");
            return false;
        }
        if (m_options.format == ResultExport::Format::Json) {
            const QByteArray tail = m_first ? QByteArray("]\n") : QByteArray("\n]\n");
            if (m_file->write(tail) != tail.size()) {
                *error = m_file->errorString();
                return false;
            }
        }
        if (!m_file->commit()) {
            *error = m_file->errorString();
            return false;
        }
        m_file.reset();
        return true;
    }

    void discard()
    {
        if (m_file)
            m_file->cancelWriting();
        m_file.reset();
    }

private:
    void write(const QByteArray &bytes, const std::function<void(const QString &)> &failed)
    {
        if (!m_file || bytes.isEmpty())
            return;
        if (m_file->write(bytes) != bytes.size())
            failed(m_file->errorString());
    }

    ResultExport::Options m_options;
    QList<ResultColumn> m_columns;
    std::unique_ptr<QSaveFile> m_file;
    QByteArray m_insertPrefix;
    bool m_first = true;
};

ResultExport::ResultExport(Connection *connection, const Statement &statement,
                           const Options &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_statement(statement)
    , m_options(options)
    , m_writer(new ExportWriter(options))
{
    m_thread.setObjectName(QStringLiteral("dosql-export"));
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread.start();
}

ResultExport::~ResultExport()
{
    if (!m_ended) {
        ExportWriter *writer = m_writer;
        QMetaObject::invokeMethod(writer, [writer] { writer->discard(); });
    }
    if (m_request)
        m_request->cancel();
    m_thread.quit();
    m_thread.wait();
}

void ResultExport::fail(const DbError &error)
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_request)
        m_request->cancel();
    ExportWriter *writer = m_writer;
    QMetaObject::invokeMethod(writer, [writer] { writer->discard(); });
    Q_EMIT failed(error);
}

void ResultExport::cancel()
{
    fail({ErrorCode::Cancelled, tr("The export was cancelled; no file was written."), {}});
}

void ResultExport::start()
{
    if (!m_connection)
        return fail({ErrorCode::ConnectionClosed, tr("The database is closed."), {}});
    Statement statement = m_statement;
    statement.options.maxRows = -1;
    statement.options.batchSize = 4000;
    if (m_options.format == Format::Csv)
        statement.options.encoder = std::make_shared<ResultFormat::CsvEncoder>();
    QueryRequest *request = m_connection->query(statement, this);
    request->setReleasesBatchCreditsItself(true);
    m_request = request;
    ExportWriter *writer = m_writer;
    const QPointer<ResultExport> self(this);
    const QString path = m_options.path;
    // Failures on the writer's thread come back here.
    auto diskFailed = [self, path](const QString &why) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, path, why] {
                if (self)
                    self->fail({ErrorCode::ResourceExhausted,
                                tr("%1 could not be written: %2. Check the free space and the"
                                   " folder's permissions.")
                                    .arg(path, why),
                                {}});
            },
            Qt::QueuedConnection);
    };
    connect(request, &QueryRequest::columnsReady, this,
            [writer, diskFailed](const QList<ResultColumn> &columns) {
                QMetaObject::invokeMethod(
                    writer, [writer, columns, diskFailed] { writer->open(columns, diskFailed); });
            });
    connect(request, &QueryRequest::rowsReady, this,
            [this, writer, diskFailed, control = request->control()](const RowBatch &batch) {
                m_rows += batch.rowCount();
                Q_EMIT progress(m_rows);
                QMetaObject::invokeMethod(writer, [writer, batch, diskFailed, control] {
                    writer->writeRows(batch, diskFailed);
                    control->releaseBatchCredit(); // written: the next batch may come
                });
            });
    connect(request, &QueryRequest::finished, this, [writer, self] {
        // After the last batch on the writer's queue: commit there, report here.
        QMetaObject::invokeMethod(writer, [writer, self] {
            QString error;
            const bool ok = writer->finish(&error);
            QMetaObject::invokeMethod(
                self.data(),
                [self, ok, error] {
                    if (!self || self->m_ended)
                        return;
                    if (!ok)
                        return self->fail(
                            {ErrorCode::ResourceExhausted,
                             tr("%1 could not be saved: %2.").arg(self->m_options.path, error),
                             {}});
                    self->m_ended = true;
                    Q_EMIT self->finished(self->m_rows);
                },
                Qt::QueuedConnection);
        });
    });
    connect(request, &DbRequest::failed, this, [this](const DbError &error) { fail(error); });
}

#include "resultexport.moc"
