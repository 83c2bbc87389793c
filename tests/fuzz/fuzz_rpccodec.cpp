// libFuzzer target for the wire codec: any bytes as a request frame must be parsed, validated
// and decoded without crashing, and every value that decodes must survive encode → decode.
#include "core/protocol/changecodec.h"
#include "core/protocol/jsonvalue.h"
#include "core/protocol/rpccodec.h"

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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
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
