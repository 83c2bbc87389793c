#include "server/loggedexecution.h"

#include "core/engine/changelog.h"
#include "core/engine/sqlitedb.h"
#include "core/protocol/jsonvalue.h"
#include "core/protocol/rpccodec.h"
#include "core/sqlkeywords.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

constexpr qint64 kIdempotencyWindowMs = 24LL * 3600 * 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("LoggedExecution", text);
}

QString fingerprint(const Statement &statement)
{
    QJsonArray params;
    for (const SqlValue &v : statement.params)
        params.append(JsonValue::encode(v));
    QJsonObject named;
    for (auto it = statement.namedParams.begin(); it != statement.namedParams.end(); ++it)
        named.insert(it.key(), JsonValue::encode(it.value()));
    const QByteArray text
        = statement.sql.toUtf8() + '\0'
          + QJsonDocument(QJsonArray{params, named}).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

} // namespace

std::optional<DbError> refuseStatement(const QString &keyword)
{
    if (isTransactionControl(keyword))
        return DbError{ErrorCode::InvalidRequest,
                       tr("%1 is not accepted as a statement; use the beginTransaction, commit and"
                          " rollback methods.")
                           .arg(keyword),
                       {}};
    if (keyword == QLatin1StringView("VACUUM"))
        return DbError{ErrorCode::InvalidRequest,
                       tr("VACUUM cannot run on a served database: every change runs inside the"
                          " transaction that logs it. Stop dosqld and vacuum the file with the"
                          " sqlite3 shell."),
                       {}};
    if (keyword == QLatin1StringView("ATTACH") || keyword == QLatin1StringView("DETACH"))
        return DbError{
            ErrorCode::Forbidden, tr("%1 is not allowed on a served database.").arg(keyword), {}};
    return std::nullopt;
}

std::optional<DbError> ensureIdempotencyTable(SqliteDb &db)
{
    return db.exec(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS _dosql_idempotency(key TEXT PRIMARY KEY,"
        " fingerprint TEXT NOT NULL, result TEXT NOT NULL, created INTEGER NOT NULL)"));
}

ExecutionOutcome runLogged(SqliteDb &db, ChangeLog &log, const QString &txId,
                           const QList<Statement> &statements, const QString &idempotencyKey)
{
    ExecutionOutcome outcome;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!idempotencyKey.isEmpty() && statements.size() == 1) {
        Row stored;
        if (auto e = db.query(QStringLiteral("SELECT fingerprint, result FROM _dosql_idempotency "
                                             "WHERE key = ? AND created > ?"),
                              {idempotencyKey, now - kIdempotencyWindowMs},
                              [&stored](const SqliteStatement &row) {
                                  stored = {row.value(0), row.value(1)};
                              })) {
            outcome.error = e;
            outcome.failedIndex = 0;
            return outcome;
        }
        if (!stored.isEmpty()) {
            if (stored.at(0).toText() != fingerprint(statements.first())) {
                outcome.error = DbError{ErrorCode::InvalidRequest,
                                        tr("The idempotency key was already used for a different"
                                           " statement or parameters; use a new key."),
                                        {}};
                outcome.failedIndex = 0;
                return outcome;
            }
            StatementResult result;
            RpcCodec::statementResultFromJson(
                QJsonDocument::fromJson(stored.at(1).toText().toUtf8()).object(), &result);
            outcome.results.append(result);
            outcome.replayed = true;
            return outcome;
        }
    }

    for (int i = 0; i < statements.size(); ++i) {
        const Statement &statement = statements.at(i);
        const QString keyword = firstSqlKeyword(statement.sql);
        std::optional<DbError> error = refuseStatement(keyword);
        StatementResult result;
        if (!error)
            error = db.exec(QStringLiteral("SAVEPOINT dosqld_statement"));
        if (!error) {
            error = StatementRunner::run(db, statement, -1, &result);
            if (!error)
                error = log.flush(txId, isSchemaChange(keyword) ? statement.sql : QString());
            if (error) {
                log.discard();
                db.exec(QStringLiteral("ROLLBACK TO dosqld_statement"));
            }
            db.exec(QStringLiteral("RELEASE dosqld_statement"));
        }
        if (isSchemaChange(keyword))
            log.schemaChanged();
        if (error) {
            outcome.error = error;
            outcome.failedIndex = i;
            return outcome;
        }
        outcome.results.append(std::move(result));
    }

    if (!idempotencyKey.isEmpty() && statements.size() == 1) {
        const QByteArray json = RpcCodec::queryResult(outcome.results.first(), true, 0);
        if (auto e = db.query(
                QStringLiteral("INSERT OR REPLACE INTO _dosql_idempotency VALUES (?, ?, ?, ?)"),
                {idempotencyKey, fingerprint(statements.first()), QString::fromUtf8(json), now})) {
            outcome.error = e;
            outcome.failedIndex = 0;
        }
    }
    return outcome;
}
