#include "core/protocol/jsonwriter.h"

#include "core/protocol/jsonvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>

JsonWriter::JsonWriter()
{
    grow(kInitialCapacity);
}

void JsonWriter::grow(qsizetype needed)
{
    m_out.resize(qMax(m_used + needed, 2 * m_out.size()));
    m_data = m_out.data();
    m_capacity = m_out.size();
}

QByteArray JsonWriter::take()
{
    m_out.resize(m_used);
    QByteArray out = std::move(m_out);
    m_out = QByteArray();
    m_data = nullptr;
    m_used = m_capacity = 0;
    return out;
}

void JsonWriter::beginObject()
{
    separate();
    put('{');
    m_hasMember.append(false);
}

void JsonWriter::endObject()
{
    put('}');
    m_hasMember.removeLast();
}

void JsonWriter::beginArray()
{
    separate();
    put('[');
    m_hasMember.append(false);
}

void JsonWriter::endArray()
{
    put(']');
    m_hasMember.removeLast();
}

void JsonWriter::key(const QString &name)
{
    separate();
    put('"');
    appendEscaped(name);
    put("\":", 2);
    m_afterKey = true;
}

void JsonWriter::null()
{
    separate();
    put("null", 4);
}

void JsonWriter::boolean(bool value)
{
    separate();
    if (value)
        put("true", 4);
    else
        put("false", 5);
}

void JsonWriter::integer(qint64 value)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    put(digits, end - digits);
}

void JsonWriter::real(double value)
{
    separate();
    if (!std::isfinite(value)) {
        put("null", 4);
        return;
    }
    // Whole numbers print without an exponent or fraction, as JSON.stringify does.
    if (value == std::trunc(value) && std::fabs(value) < 1e15) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, qint64(value)).ptr;
        put(digits, end - digits);
        return;
    }
    // The shortest text that reads back exactly, without QByteArray::number's allocations.
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    put(digits, end - digits);
}

void JsonWriter::milli(double value)
{
    const double thousandths = std::round(value * 1000);
    if (!(std::fabs(thousandths) < 1e15))
        return real(value); // out of an integer's reach (or not finite): written in full
    separate();
    const qint64 n = qint64(thousandths);
    char digits[32];
    char *p = digits;
    if (n < 0)
        *p++ = '-';
    const qint64 magnitude = n < 0 ? -n : n;
    p = std::to_chars(p, digits + sizeof digits, magnitude / 1000).ptr;
    if (int fraction = int(magnitude % 1000); fraction != 0) {
        *p++ = '.';
        *p++ = char('0' + fraction / 100);
        fraction %= 100;
        if (fraction != 0) {
            *p++ = char('0' + fraction / 10);
            if (fraction % 10 != 0)
                *p++ = char('0' + fraction % 10);
        }
    }
    put(digits, p - digits);
}

void JsonWriter::string(const QString &text)
{
    separate();
    put('"');
    appendEscaped(text);
    put('"');
}

void JsonWriter::string(const QString &text, StringMemo *memo)
{
    if (text.constData() != memo->text.constData() || text.size() != memo->text.size()) {
        JsonWriter json;
        json.string(text);
        memo->json = json.take();
        memo->text = text;
    }
    raw(memo->json);
}

void JsonWriter::string(QLatin1StringView text)
{
    separate();
    put('"');
    appendEscaped(QByteArrayView(text.data(), text.size()));
    put('"');
}

void JsonWriter::appendEscaped(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    const char *begin = utf8.data();
    const char *end = begin + utf8.size();
    const char *plain = begin; // start of the run not yet copied
    for (const char *p = begin; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(plain, p - plain);
        plain = p + 1;
        switch (c) {
        case '"':
            put("\\\"", 2);
            break;
        case '\\':
            put("\\\\", 2);
            break;
        case '\n':
            put("\\n", 2);
            break;
        case '\r':
            put("\\r", 2);
            break;
        case '\t':
            put("\\t", 2);
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            put(escape, sizeof escape);
        }
        }
    }
    put(plain, end - plain);
}

void JsonWriter::appendEscaped(const QString &text)
{
    // Names and most values are ASCII that needs no escape: copied one byte per character.
    reserve(text.size());
    char *out = m_data + m_used;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x80 || u == u'"' || u == u'\\')
            return appendEscaped(
                QByteArrayView(text.toUtf8())); // nothing counted yet: it starts again
        *out++ = char(u);
    }
    m_used += text.size();
}

void JsonWriter::value(const SqlValue &value)
{
    switch (value.type()) {
    case SqlValue::Type::Null:
        return null();
    case SqlValue::Type::Integer: {
        const qint64 i = value.toInteger();
        if (i >= -JsonValue::kMaxSafeInteger && i <= JsonValue::kMaxSafeInteger)
            return integer(i);
        beginObject();
        key(QLatin1StringView("$int"));
        string(QLatin1StringView(QByteArray::number(i)));
        return endObject();
    }
    case SqlValue::Type::Real: {
        const double d = value.toReal();
        if (std::isfinite(d))
            return real(d);
        beginObject();
        key(QLatin1StringView("$real"));
        string(std::isnan(d) ? QLatin1StringView("NaN")
               : d > 0       ? QLatin1StringView("Infinity")
                             : QLatin1StringView("-Infinity"));
        return endObject();
    }
    case SqlValue::Type::Text:
        return string(value.toText());
    case SqlValue::Type::Blob: {
        beginObject();
        key(QLatin1StringView("$blob"));
        const QByteArray base64 = value.toBlob().toBase64();
        string(QLatin1StringView(base64));
        return endObject();
    }
    }
}

void JsonWriter::json(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    case QJsonValue::Bool:
        return boolean(value.toBool());
    case QJsonValue::Double:
        return real(value.toDouble());
    case QJsonValue::String:
        return string(value.toString());
    case QJsonValue::Array:
        return raw(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return raw(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
}

void JsonWriter::raw(const QByteArray &json)
{
    separate();
    put(json.constData(), json.size());
}
