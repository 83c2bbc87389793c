#include "core/protocol/statementrequest.h"

#include "core/protocol/jsonreader.h"

#include <cmath>

namespace {

bool readParams(JsonReader &reader, StatementRequest *request, JsonReader::StringMemo *sqlMemo)
{
    bool seenSql = false, seenParams = false, seenFormat = false, seenPage = false;
    const bool read = reader.object([&](QByteArrayView name) {
        if (JsonReader::is(name, "sql") && !seenSql) {
            seenSql = true;
            QString &sql = request->statement.sql;
            return (sqlMemo ? reader.string(&sql, sqlMemo) : reader.string(&sql))
                   && !sql.trimmed().isEmpty();
        }
        if (JsonReader::is(name, "params") && !seenParams) {
            seenParams = true;
            return reader.array([&] {
                SqlValue value;
                if (!reader.scalar(&value))
                    return false;
                request->statement.params.append(value);
                return true;
            });
        }
        if (JsonReader::is(name, "rowFormat") && !seenFormat) {
            seenFormat = true;
            QByteArrayView format; // any other format is not an array's; escaped ones are rare
            if (!reader.plainString(&format))
                return false;
            request->arrayRows = format == "array";
            return true;
        }
        if (JsonReader::is(name, "pageSize") && !seenPage) {
            seenPage = true;
            double size = 0;
            bool integral = false;
            if (!reader.number(&size, &integral) || !integral || size < 1 || size > 1e9)
                return false;
            request->pageSize = int(size);
            return true;
        }
        return false;
    });
    return read && seenSql; // no sql: the general path words that
}

} // namespace

bool StatementRequest::read(QByteArrayView frame, StatementRequest *request,
                            JsonReader::StringMemo *sqlMemo)
{
    // Shared, not made per request.
    static const QString query = QStringLiteral("query");
    static const QString exec = QStringLiteral("exec");
    *request = StatementRequest{};
    JsonReader reader(frame);
    bool seenId = false, seenMethod = false, seenParams = false;
    const bool read = reader.object([&](QByteArrayView name) {
        if (JsonReader::is(name, "id") && !seenId) {
            seenId = true;
            if (reader.peek('"')) {
                // Kept as written; only ids with escapes or beyond ASCII are decoded first.
                const JsonReader atId = reader;
                if (QByteArrayView plain; reader.plainString(&plain)) {
                    request->id = RpcId::fromPlainCharacters(plain);
                    return true;
                }
                reader = atId;
                QString id;
                if (!reader.string(&id))
                    return false;
                request->id = RpcId::fromJson(id);
                return true;
            }
            double id = 0;
            bool integral = false;
            if (!reader.number(&id, &integral))
                return false;
            // As QJsonDocument keeps it: whole numbers that fit as integers.
            request->id = RpcId::fromJson(integral && std::abs(id) < 9.2e18 ? QJsonValue(qint64(id))
                                                                            : QJsonValue(id));
            return true;
        }
        if (JsonReader::is(name, "method") && !seenMethod) {
            seenMethod = true;
            QByteArrayView method;
            if (!reader.plainString(&method) || (method != "query" && method != "exec"))
                return false;
            request->method = method == "query" ? query : exec;
            return true;
        }
        if (JsonReader::is(name, "params") && !seenParams) {
            seenParams = true;
            return readParams(reader, request, sqlMemo);
        }
        return false;
    });
    if (!read || !reader.atEnd() || !seenId || !seenMethod || !seenParams)
        return false;
    // Paging is for reads; an exec that asks for it gets the general path's answer.
    return request->pageSize == 0 || request->method == QLatin1StringView("query");
}
