#include "core/protocol/statementrequest.h"

#include "core/protocol/jsonreader.h"

#include <cmath>

namespace {

bool readParams(JsonReader &reader, StatementRequest *request)
{
    if (!reader.take('{'))
        return false;
    bool seenSql = false, seenParams = false, seenFormat = false, seenPage = false;
    if (reader.take('}'))
        return false; // no sql: the general path words that
    do {
        QByteArrayView name;
        if (!reader.key(&name))
            return false;
        if (JsonReader::is(name, "sql") && !seenSql) {
            seenSql = true;
            if (!reader.string(&request->statement.sql)
                || request->statement.sql.trimmed().isEmpty())
                return false;
        } else if (JsonReader::is(name, "params") && !seenParams) {
            seenParams = true;
            if (!reader.take('['))
                return false;
            if (!reader.take(']')) {
                do {
                    SqlValue value;
                    if (!reader.scalar(&value))
                        return false;
                    request->statement.params.append(value);
                } while (reader.take(','));
                if (!reader.take(']'))
                    return false;
            }
        } else if (JsonReader::is(name, "rowFormat") && !seenFormat) {
            seenFormat = true;
            QString format;
            if (!reader.string(&format))
                return false;
            request->arrayRows = format == u"array";
        } else if (JsonReader::is(name, "pageSize") && !seenPage) {
            seenPage = true;
            double size = 0;
            bool integral = false;
            if (!reader.number(&size, &integral) || !integral || size < 1 || size > 1e9)
                return false;
            request->pageSize = int(size);
        } else {
            return false;
        }
    } while (reader.take(','));
    return seenSql && reader.take('}');
}

} // namespace

bool StatementRequest::read(QByteArrayView frame, StatementRequest *request)
{
    *request = StatementRequest{};
    JsonReader reader(frame);
    if (!reader.take('{') || reader.peek('}'))
        return false;
    bool seenId = false, seenMethod = false, seenParams = false;
    do {
        QByteArrayView name;
        if (!reader.key(&name))
            return false;
        if (JsonReader::is(name, "id") && !seenId) {
            seenId = true;
            if (reader.peek('"')) {
                QString id;
                if (!reader.string(&id))
                    return false;
                request->id = id;
            } else {
                double id = 0;
                bool integral = false;
                if (!reader.number(&id, &integral))
                    return false;
                // As QJsonDocument keeps it: whole numbers that fit as integers.
                if (integral && std::abs(id) < 9.2e18)
                    request->id = qint64(id);
                else
                    request->id = id;
            }
        } else if (JsonReader::is(name, "method") && !seenMethod) {
            seenMethod = true;
            if (!reader.string(&request->method)
                || (request->method != u"query" && request->method != u"exec"))
                return false;
        } else if (JsonReader::is(name, "params") && !seenParams) {
            seenParams = true;
            if (!readParams(reader, request))
                return false;
        } else {
            return false;
        }
    } while (reader.take(','));
    if (!reader.take('}') || !reader.atEnd() || !seenId || !seenMethod || !seenParams)
        return false;
    // Paging is for reads; an exec that asks for it gets the general path's answer.
    return request->pageSize == 0 || request->method == u"query";
}
