// libFuzzer target for the wire codec: any bytes as a request frame must be parsed, validated
// and decoded without crashing, and every value that decodes must survive encode → decode.
#include "core/protocol/changecodec.h"
#include "core/protocol/jsonvalue.h"
#include "core/protocol/rpccodec.h"
#include "core/protocol/statementrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

static void checkRoundTrip(const QJsonValue &json)
{
    SqlValue value;
    if (!JsonValue::decode(json, &value))
        return;
    SqlValue again;
    if (!JsonValue::decode(JsonValue::encode(value), &again))
        std::abort();
    // NaN is the one value that is not equal to itself.
    if (!(again == value)
        && !(value.type() == SqlValue::Type::Real && value.toReal() != value.toReal()))
        std::abort();
}

// A frame the fast reader accepts must read the same through the general path.
static void checkFastReader(const QByteArray &frame)
{
    StatementRequest fast;
    if (!StatementRequest::read(frame, &fast))
        return;
    const QJsonDocument document = QJsonDocument::fromJson(frame);
    if (!document.isObject())
        std::abort();
    const QJsonObject envelope = document.object();
    StatementRequest general;
    general.id = envelope.value(QStringLiteral("id"));
    general.method = envelope.value(QStringLiteral("method")).toString();
    DbError error;
    if (!RpcCodec::statementRequestFromParams(envelope.value(QStringLiteral("params")).toObject(),
                                              &general, &error))
        std::abort();
    if (fast.id.type() != general.id.type()
        || fast.id.toVariant().toString() != general.id.toVariant().toString()
        || fast.method != general.method || fast.statement.sql != general.statement.sql
        || fast.statement.params != general.statement.params || fast.arrayRows != general.arrayRows
        || fast.pageSize != general.pageSize)
        std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    checkFastReader(frame);
    const QJsonDocument document = QJsonDocument::fromJson(frame);
    if (!document.isObject())
        return 0;
    const QJsonObject envelope = document.object();
    const QJsonObject params = envelope.value(QStringLiteral("params")).toObject();
    Statement statement;
    DbError error;
    RpcCodec::statementFromParams(params, &statement, &error);
    for (const QJsonValue &v : params.value(QStringLiteral("params")).toArray())
        checkRoundTrip(v);
    for (const QJsonValue &s : params.value(QStringLiteral("statements")).toArray())
        RpcCodec::statementFromParams(s.toObject(), &statement, &error);
    RpcCodec::errorFromObject(envelope.value(QStringLiteral("error")).toObject());
    StatementResult result;
    if (RpcCodec::statementResultFromJson(envelope.value(QStringLiteral("result")).toObject(),
                                          &result))
        RpcCodec::queryResult(result, true, 0);
    ChangeEvent event;
    event.columns = {QStringLiteral("a")};
    for (const SqlValue &v : statement.params)
        event.after.append(v);
    ChangeCodec::lakeEvent(event);
    ChangeCodec::sseFrame(event);
    return 0;
}
