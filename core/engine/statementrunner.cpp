#include "core/engine/statementrunner.h"

#include "core/engine/sqlitedb.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StatementRunner", text);
}

} // namespace

std::optional<DbError> StatementRunner::bind(SqliteStatement &prepared, const Statement &statement)
{
    int positional = 0;
    for (int i = 1; i <= prepared.parameterCount(); ++i) {
        const QByteArrayView rawName = prepared.parameterName(i);
        SqlValue value;
        if (rawName.isEmpty() || rawName.startsWith('?')) {
            const int index = rawName.size() > 1 ? rawName.sliced(1).toInt() - 1 : positional;
            positional = index + 1;
            if (index < 0 || index >= statement.params.size())
                return DbError{ErrorCode::InvalidRequest,
                               tr("The statement has more parameters than values were given (%1)."
                                  " Supply a value for every parameter.")
                                   .arg(statement.params.size()),
                               {}};
            value = statement.params.at(index);
        } else {
            // Given with its prefix (":name") or without it ("name").
            const QString name = QString::fromUtf8(rawName);
            auto it = statement.namedParams.constFind(name);
            if (it == statement.namedParams.constEnd())
                it = statement.namedParams.constFind(name.mid(1));
            if (it == statement.namedParams.constEnd())
                return DbError{ErrorCode::InvalidRequest,
                               tr("No value was given for parameter %1.").arg(name),
                               {}};
            value = *it;
        }
        if (auto error = prepared.bind(i, value))
            return error;
    }
    return std::nullopt;
}

std::optional<DbError> StatementRunner::run(SqliteDb &db, const Statement &statement,
                                            qint64 rowLimit, StatementResult *result,
                                            bool onlyIfReadOnly)
{
    QElapsedTimer timer;
    timer.start();
    DbError error;
    QString tail;
    auto prepared = db.prepareCached(statement.sql, &error, &tail);
    if (!prepared)
        return error;
    DbError tailError;
    if (!tail.trimmed().isEmpty()
        && !(!db.prepare(tail, &tailError) && tailError.code == ErrorCode::InvalidRequest))
        return DbError{ErrorCode::InvalidRequest,
                       tr("Only one statement can run per request; use batch for several."),
                       {}};
    if (auto e = bind(*prepared, statement))
        return e;

    *result = StatementResult{};
    result->readOnly = prepared->isReadOnly();
    if (onlyIfReadOnly && !result->readOnly)
        return std::nullopt;
    int columnCount = -1;
    while (true) {
        const auto step = prepared->step();
        if (columnCount < 0) {
            // Read after the first step: a kept statement is prepared again there when the
            // schema changed since, and only then are its columns current.
            result->columns = prepared->columns();
            columnCount = int(result->columns.size());
        }
        if (step == SqliteStatement::StepResult::Done)
            break;
        if (step == SqliteStatement::StepResult::Error)
            return prepared->error();
        if (rowLimit >= 0 && result->rows.size() >= rowLimit) {
            result->hasMore = true;
            break;
        }
        Row row;
        row.reserve(columnCount);
        for (int c = 0; c < columnCount; ++c)
            row.append(prepared->value(c));
        result->rows.append(std::move(row));
    }
    if (!result->readOnly) {
        result->rowsAffected = db.changes();
        result->lastInsertRowid = db.lastInsertRowid();
    }
    result->durationMs = double(timer.nsecsElapsed()) / 1e6;
    return std::nullopt;
}
