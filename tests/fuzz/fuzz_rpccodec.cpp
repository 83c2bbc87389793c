// libFuzzer target for the wire codec: any bytes as a request or reply frame must be parsed,
// validated and decoded without crashing, every value that decodes must survive encode → decode,
// and the fast readers must agree with the general path on everything they accept.
#include "core/protocol/changecodec.h"
#include "core/protocol/jsonvalue.h"
#include "core/protocol/resultpage.h"
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
    general.id = RpcId::fromJson(envelope.value(QStringLiteral("id")));
    general.method = envelope.value(QStringLiteral("method")).toString();
    DbError error;
    if (!RpcCodec::statementRequestFromParams(envelope.value(QStringLiteral("params")).toObject(),
                                              &general, &error))
        std::abort();
    if (fast.id.json() != general.id.json() || fast.id.key() != general.id.key()
        || fast.method != general.method || fast.statement.sql != general.statement.sql
        || fast.statement.params != general.statement.params || fast.arrayRows != general.arrayRows
        || fast.pageSize != general.pageSize)
        std::abort();
}

static bool sameValue(const SqlValue &a, const SqlValue &b)
{
    const bool bothNaN = a.type() == SqlValue::Type::Real && b.type() == SqlValue::Type::Real
                         && a.toReal() != a.toReal() && b.toReal() != b.toReal();
    return bothNaN || (a.type() == b.type() && a == b);
}

// The same for the client's readers of replies: the envelope, and the result page in it.
// dosqld's replies are split without reading the result (RpcCodec::splitResultFrame): when the
// page reader takes what was split off, the frame must be a reply with that id and that result.
static void checkSplitReplies(const QByteArray &frame)
{
    QByteArrayView id, candidate;
    ResultPage page;
    if (!RpcCodec::splitResultFrame(frame, &id, &candidate) || !ResultPage::read(candidate, &page))
        return;
    QByteArrayView delimitedId, result;
    // The split-off text may keep the whitespace around the value; the value is the same.
    if (!RpcCodec::readResultFrame(frame, &delimitedId, &result) || delimitedId != id
        || result.trimmed() != candidate.trimmed())
        std::abort();
}

static void checkReplyReaders(const QByteArray &frame)
{
    QByteArrayView id, resultText;
    if (!RpcCodec::readResultFrame(frame, &id, &resultText))
        return;
    // The result is only delimited: the frame stands for a reply once the result checks out,
    // as RpcChannel and ResultPage::read check it.
    JsonReader check(resultText);
    const bool wholeResult = check.skip() && check.atEnd();
    ResultPage unchecked;
    if (ResultPage::read(resultText, &unchecked) && !wholeResult)
        std::abort(); // the page reader took text that is not JSON
    if (!wholeResult)
        return;
    const QJsonDocument document = QJsonDocument::fromJson(frame);
    if (!document.isObject())
        std::abort();
    const QJsonValue general = document.object().value(QStringLiteral("result"));
    const QJsonValue idValue = document.object().value(QStringLiteral("id"));
    const QString generalId
        = idValue.isDouble() ? QString::number(qint64(idValue.toDouble())) : idValue.toString();
    if (general.isUndefined() || QString::fromLatin1(id) != generalId
        || QJsonDocument::fromJson('[' + resultText.toByteArray() + ']').array().at(0) != general)
        std::abort();
    ResultPage fast;
    if (!ResultPage::read(resultText, &fast))
        return;
    ResultPage slow;
    if (!general.isObject() || !ResultPage::fromJson(general.toObject(), &slow))
        std::abort();
    if (fast.columns.size() != slow.columns.size() || fast.rows.size() != slow.rows.size()
        || fast.rowsAffected != slow.rowsAffected || fast.lastInsertRowid != slow.lastInsertRowid
        || fast.cursor != slow.cursor)
        std::abort();
    for (qsizetype i = 0; i < fast.columns.size(); ++i) {
        if (fast.columns.at(i).name != slow.columns.at(i).name
            || fast.columns.at(i).declaredType != slow.columns.at(i).declaredType)
            std::abort();
    }
    for (qsizetype r = 0; r < fast.rows.size(); ++r) {
        if (fast.rows.at(r).size() != slow.rows.at(r).size())
            std::abort();
        for (qsizetype c = 0; c < fast.rows.at(r).size(); ++c) {
            if (!sameValue(fast.rows.at(r).at(c), slow.rows.at(r).at(c)))
                std::abort();
        }
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    checkFastReader(frame);
    checkReplyReaders(frame);
    checkSplitReplies(frame);
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
