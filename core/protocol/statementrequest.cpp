#include "core/protocol/statementrequest.h"

#include "core/protocol/jsonreader.h"

#include <algorithm>
#include <cmath>

namespace {

// The members as RemoteConnection writes them, in its order.
constexpr QByteArrayView kEnvelope[] = {"\"id\":", "\"method\":", "\"params\":"};
enum EnvelopeMember { Id, Method, Params };
constexpr QByteArrayView kParams[] = {"\"sql\":", "\"params\":", "\"rowFormat\":", "\"pageSize\":"};
enum ParamsMember { Sql, Values, RowFormat, PageSize };

bool hasText(const QString &sql)
{
    return std::any_of(sql.cbegin(), sql.cend(), [](QChar c) { return !c.isSpace(); });
}

// Whether `member` is a known one not seen before, marking it seen: an unknown or repeated
// member is the general path's to word.
bool firstOfKnown(qsizetype member, unsigned *seen)
{
    if (member < 0 || (*seen & (1u << member)))
        return false;
    *seen |= 1u << member;
    return true;
}

bool readParams(JsonReader &reader, StatementRequest *request, JsonReader::StringMemo *sqlMemo)
{
    unsigned seen = 0;
    const bool read = reader.objectInOrder(kParams, [&](qsizetype member) {
        if (!firstOfKnown(member, &seen))
            return false;
        switch (ParamsMember(member)) {
        case Sql: {
            QString &sql = request->statement.sql;
            return (sqlMemo ? reader.string(&sql, sqlMemo) : reader.string(&sql)) && hasText(sql);
        }
        case Values:
            return reader.array([&] {
                SqlValue value;
                if (!reader.scalar(&value))
                    return false;
                request->statement.params.append(std::move(value));
                return true;
            });
        case RowFormat: {
            QByteArrayView format; // any other format is not an array's; escaped ones are rare
            if (!reader.plainString(&format))
                return false;
            request->arrayRows = format == "array";
            return true;
        }
        case PageSize: {
            double size = 0;
            bool integral = false;
            if (!reader.number(&size, &integral) || !integral || size < 1 || size > 1e9)
                return false;
            request->pageSize = int(size);
            return true;
        }
        }
        return false;
    });
    return read && (seen & (1u << Sql)); // no sql: the general path words that
}

bool readId(JsonReader &reader, RpcId *id)
{
    if (reader.peek('"')) {
        // Kept as written; only ids with escapes or beyond ASCII are decoded first.
        const JsonReader atId = reader;
        if (QByteArrayView plain; reader.plainString(&plain)) {
            *id = RpcId::fromPlainCharacters(plain);
            return true;
        }
        reader = atId;
        QString text;
        if (!reader.string(&text))
            return false;
        *id = RpcId::fromJson(text);
        return true;
    }
    double number = 0;
    bool integral = false;
    if (!reader.number(&number, &integral))
        return false;
    // As QJsonDocument keeps it: whole numbers that fit as integers.
    *id = RpcId::fromJson(integral && std::abs(number) < 9.2e18 ? QJsonValue(qint64(number))
                                                                : QJsonValue(number));
    return true;
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
    unsigned seen = 0;
    const bool read = reader.objectInOrder(kEnvelope, [&](qsizetype member) {
        if (!firstOfKnown(member, &seen))
            return false;
        switch (EnvelopeMember(member)) {
        case Id:
            return readId(reader, &request->id);
        case Method: {
            QByteArrayView method;
            if (!reader.plainString(&method) || (method != "query" && method != "exec"))
                return false;
            request->method = method == "query" ? query : exec;
            return true;
        }
        case Params:
            return readParams(reader, request, sqlMemo);
        }
        return false;
    });
    if (!read || !reader.atEnd() || seen != 0b111)
        return false;
    // Paging is for reads; an exec that asks for it gets the general path's answer.
    return request->pageSize == 0 || request->method == QLatin1StringView("query");
}
