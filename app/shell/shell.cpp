#include "app/shell/shell.h"

#include "core/engine/localconnection.h"
#include "core/net/remoteconnection.h"
#include "core/protocol/changecodec.h"
#include "core/protocol/jsonwriter.h"
#include "core/resultformat.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QVariant>

#include <cstdio>

namespace {

// What a cell shows in the table format: NULL spelled out, BLOBs as their size.
QString cellText(const SqlValue &value)
{
    switch (value.type()) {
    case SqlValue::Type::Null:
        return QStringLiteral("NULL");
    case SqlValue::Type::Blob:
        return QStringLiteral("<%1 bytes>").arg(value.toBlob().size());
    default:
        return value.toText().replace(u'\n', u' ');
    }
}

} // namespace

Shell::Shell(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(stdout)
    , m_err(stderr)
{}

Shell::~Shell() = default;

void Shell::start()
{
    if (m_options.spec.isRemote())
        m_connection = std::make_unique<RemoteConnection>(m_options.spec);
    else
        m_connection = std::make_unique<LocalConnection>(m_options.spec);
    connect(m_connection.get(), &Connection::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Open)
            connected();
        else if (state == Connection::State::Failed) {
            const DbError error = m_connection->lastError();
            fail(error, error.code == ErrorCode::Unauthorized || error.code == ErrorCode::Forbidden
                            ? Unauthorized
                            : ConnectFailed);
        }
    });
    m_connection->open();
}

void Shell::fail(const DbError &error, int code)
{
    m_out.flush();
    m_err << "dosql-shell: " << error.codeName() << ": " << error.message << Qt::endl;
    Q_EMIT finished(code);
}

void Shell::connected()
{
    if (!m_options.statements.isEmpty())
        return runNext();
    if (m_options.listTables)
        return listTables();
    if (!m_options.schemaOf.isEmpty())
        return showSchema();
    if (!m_options.watchTables.isEmpty())
        return watch();
    Q_EMIT finished(Ok);
}

void Shell::runNext()
{
    if (m_next >= m_options.statements.size()) {
        m_out.flush();
        Q_EMIT finished(Ok);
        return;
    }
    const Statement statement(m_options.statements.at(m_next++));
    QueryRequest *request = m_connection->query(statement, this);
    // Tables need every row for their widths; CSV and JSON stream as the rows come.
    auto rows = std::make_shared<QList<Row>>();
    auto first = std::make_shared<bool>(true);
    connect(request, &QueryRequest::columnsReady, this,
            [this, request](const QList<ResultColumn> &columns) {
                if (m_options.format == Format::Csv && !columns.isEmpty())
                    m_out << QString::fromUtf8(ResultFormat::csvHeader(columns));
                else if (m_options.format == Format::Json)
                    m_out << '[';
                Q_UNUSED(request);
            });
    connect(request, &QueryRequest::rowsReady, this,
            [this, request, rows, first](const RowBatch &batch) {
                const QList<ResultColumn> columns = request->columns();
                for (const Row &row : batch.rows) {
                    switch (m_options.format) {
                    case Format::Table:
                        rows->append(row);
                        break;
                    case Format::Csv:
                        m_out << QString::fromUtf8(ResultFormat::csvRow(row));
                        break;
                    case Format::Json:
                        m_out << (*first ? "\n" : ",\n")
                              << QString::fromUtf8(ResultFormat::jsonObject(columns, row));
                        *first = false;
                        break;
                    }
                }
            });
    connect(request, &QueryRequest::finished, this,
            [this, request, rows](const ExecSummary &summary) {
                if (m_options.format == Format::Json)
                    m_out << "\n]\n";
                else if (m_options.format == Format::Table && !request->columns().isEmpty())
                    printTable(request->columns(), *rows);
                if (request->columns().isEmpty() && m_options.format == Format::Table)
                    m_out << tr("%n row(s) changed", nullptr, int(summary.rowsAffected)) << '\n';
                request->deleteLater();
                runNext();
            });
    connect(request, &DbRequest::failed, this, [this, request](const DbError &error) {
        request->deleteLater();
        fail(error,
             error.code == ErrorCode::ConnectionFailed || error.code == ErrorCode::ConnectionClosed
                 ? ConnectFailed
                 : StatementFailed);
    });
}

void Shell::printTable(const QList<ResultColumn> &columns, const QList<Row> &rows)
{
    QList<qsizetype> widths;
    for (const ResultColumn &c : columns)
        widths.append(c.name.size());
    for (const Row &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], qMin<qsizetype>(cellText(row.at(i)).size(), 60));
    }
    auto line = [&](const QStringList &cells, const QList<bool> &right) {
        QStringList padded;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const QString cell = cells.at(i).left(60);
            padded << (right.value(i) ? cell.rightJustified(widths.at(i))
                                      : cell.leftJustified(widths.at(i)));
        }
        m_out << padded.join(QStringLiteral(" | ")).trimmed() << '\n';
    };
    QStringList names;
    for (const ResultColumn &c : columns)
        names << c.name;
    line(names, {});
    QStringList rule;
    for (qsizetype w : std::as_const(widths))
        rule << QString(w, u'-');
    m_out << rule.join(QStringLiteral("-+-")) << '\n';
    for (const Row &row : rows) {
        QStringList cells;
        QList<bool> right;
        for (const SqlValue &v : row) {
            cells << cellText(v);
            right << (v.type() == SqlValue::Type::Integer || v.type() == SqlValue::Type::Real);
        }
        line(cells, right);
    }
    m_out << tr("(%n row(s))", nullptr, int(rows.size())) << '\n';
}

void Shell::listTables()
{
    SchemaRequest *request = m_connection->readSchema(this);
    connect(request, &SchemaRequest::finished, this, [this](const DatabaseSchema &schema) {
        QList<ResultColumn> columns{{QStringLiteral("name"), {}}, {QStringLiteral("type"), {}}};
        QList<Row> rows;
        for (const TableSchema &t : schema.tables)
            rows.append({SqlValue(t.name), SqlValue(QStringLiteral("table"))});
        for (const TableSchema &v : schema.views)
            rows.append({SqlValue(v.name), SqlValue(QStringLiteral("view"))});
        switch (m_options.format) {
        case Format::Table:
            for (const Row &row : rows)
                m_out << row.at(0).toText() << '\n';
            break;
        case Format::Csv:
            m_out << QString::fromUtf8(ResultFormat::csvHeader(columns));
            for (const Row &row : rows)
                m_out << QString::fromUtf8(ResultFormat::csvRow(row));
            break;
        case Format::Json: {
            QStringList objects;
            for (const Row &row : rows)
                objects << QString::fromUtf8(ResultFormat::jsonObject(columns, row));
            m_out << '[' << objects.join(QStringLiteral(",\n")) << "]\n";
            break;
        }
        }
        m_out.flush();
        Q_EMIT finished(Ok);
    });
    connect(request, &DbRequest::failed, this,
            [this](const DbError &error) { fail(error, StatementFailed); });
}

void Shell::showSchema()
{
    SchemaRequest *request = m_connection->readSchema(this);
    connect(request, &SchemaRequest::finished, this, [this](const DatabaseSchema &schema) {
        const TableSchema *table = schema.find(m_options.schemaOf);
        if (!table)
            return fail({ErrorCode::TableNotFound,
                         tr("There is no table or view \"%1\".").arg(m_options.schemaOf),
                         {}},
                        StatementFailed);
        if (m_options.format == Format::Json) {
            JsonWriter json;
            json.beginObject();
            json.key(QLatin1StringView("name"));
            json.string(table->name);
            json.key(QLatin1StringView("columns"));
            json.beginArray();
            for (const ColumnInfo &c : table->columns) {
                json.beginObject();
                json.key(QLatin1StringView("name"));
                json.string(c.name);
                json.key(QLatin1StringView("type"));
                json.string(c.declaredType);
                json.key(QLatin1StringView("notNull"));
                json.boolean(c.notNull);
                json.key(QLatin1StringView("primaryKeyPosition"));
                json.integer(c.primaryKeyPosition);
                if (c.hasDefault) {
                    json.key(QLatin1StringView("default"));
                    json.string(c.defaultValue);
                }
                json.endObject();
            }
            json.endArray();
            json.key(QLatin1StringView("sql"));
            json.string(table->sql);
            json.endObject();
            m_out << QString::fromUtf8(json.bytes()) << '\n';
        } else {
            m_out << table->sql << ";\n";
            for (const IndexInfo &index : table->indexes) {
                if (!index.sql.isEmpty())
                    m_out << index.sql << ";\n";
            }
            for (const TriggerInfo &trigger : table->triggers)
                m_out << trigger.sql << ";\n";
        }
        m_out.flush();
        Q_EMIT finished(Ok);
    });
    connect(request, &DbRequest::failed, this,
            [this](const DbError &error) { fail(error, StatementFailed); });
}

void Shell::watch()
{
    auto *remote = qobject_cast<RemoteConnection *>(m_connection.get());
    if (!remote)
        return fail({ErrorCode::InvalidRequest,
                     tr("--watch follows a server's change stream; give a server address."),
                     {}},
                    Usage);
    ChangeSubscription::Options options;
    options.tables = m_options.watchTables;
    if (!m_options.watchFrom.isEmpty()) {
        bool ok = false;
        options.fromLsn = m_options.watchFrom.toLongLong(&ok);
        if (!ok || options.fromLsn < 0)
            return fail({ErrorCode::InvalidLsn, tr("--from takes an LSN, a whole number."), {}},
                        Usage);
    }
    ChangeSubscription *subscription = remote->watch(options, this);
    connect(subscription, &ChangeSubscription::started, this,
            [this](ChangeSubscription::Mode mode, qint64 lsn) {
                m_err << "dosql-shell: watching "
                      << m_options.watchTables.join(QStringLiteral(", ")) << " ("
                      << QVariant::fromValue(mode).toString().toLower()
                      << (lsn > 0 ? QStringLiteral(", current LSN %1").arg(lsn) : QString()) << ")"
                      << Qt::endl;
            });
    // One JSON object per line, in the lake.do event shape; polled changes have no LSN and
    // say "inferred".
    connect(subscription, &ChangeSubscription::eventsReceived, this,
            [this](const QList<ChangeEvent> &events) {
                for (const ChangeEvent &event : events) {
                    QJsonObject object = ChangeCodec::lakeEvent(event);
                    if (event.lsn == 0) {
                        object.remove(QStringLiteral("lsn"));
                        object.remove(QStringLiteral("sequence"));
                        object.insert(QStringLiteral("inferred"), true);
                    }
                    m_out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
                }
                m_out.flush();
            });
    connect(subscription, &ChangeSubscription::gapDetected, this, [this](const QString &message) {
        m_err << "dosql-shell: gap: " << message << Qt::endl;
    });
    connect(subscription, &ChangeSubscription::failed, this, [this](const DbError &error) {
        fail(error, error.code == ErrorCode::Unauthorized ? Unauthorized : ConnectFailed);
    });
}
