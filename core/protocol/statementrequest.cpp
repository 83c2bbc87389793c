#include "core/protocol/statementrequest.h"

#include "core/protocol/jsonreader.h"

#include <cmath>

namespace {

bool readParams(JsonReader &reader, StatementRequest *request)
{
    bool seenSql = false, seenParams = false, seenFormat = false, seenPage = false;
    const bool read = reader.object([&](QByteArrayView name) {
        if (JsonReader::is(name, "sql") && !seenSql) {
            seenSql = true;
            return reader.string(&request->statement.sql)
                   && !request->statement.sql.trimmed().isEmpty();
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
            QString format;
            if (!reader.string(&format))
                return false;
            request->arrayRows = format == u"array";
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

bool StatementRequest::read(QByteArrayView frame, StatementRequest *request)
{
    *request = StatementRequest{};
    JsonReader reader(frame);
    bool seenId = false, seenMethod = false, seenParams = false;
    const bool read = reader.object([&](QByteArrayView name) {
        if (JsonReader::is(name, "id") && !seenId) {
            seenId = true;
            if (reader.peek('"')) {
                QString id;
                if (!reader.string(&id))
                    return false;
                request->id = id;
                return true;
            }
            double id = 0;
            bool integral = false;
            if (!reader.number(&id, &integral))
                return false;
            // As QJsonDocument keeps it: whole numbers that fit as integers.
            if (integral && std::abs(id) < 9.2e18)
                request->id = qint64(id);
            else
                request->id = id;
            return true;
        }
        if (JsonReader::is(name, "method") && !seenMethod) {
            seenMethod = true;
            return reader.string(&request->method)
                   && (request->method == u"query" || request->method == u"exec");
        }
        if (JsonReader::is(name, "params") && !seenParams) {
            seenParams = true;
            return readParams(reader, request);
        }
        return false;
    });
    if (!read || !reader.atEnd() || !seenId || !seenMethod || !seenParams)
        return false;
    // Paging is for reads; an exec that asks for it gets the general path's answer.
    return request->pageSize == 0 || request->method == u"query";
}
