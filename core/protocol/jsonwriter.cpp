#include "core/protocol/jsonwriter.h"

#include "core/protocol/jsonvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasMember.isEmpty()) {
        if (m_hasMember.back())
            m_out.append(',');
        m_hasMember.back() = true;
    }
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_hasMember.append(false);
}

void JsonWriter::endObject()
{
    m_out.append('}');
    m_hasMember.removeLast();
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_hasMember.append(false);
}

void JsonWriter::endArray()
{
    m_out.append(']');
    m_hasMember.removeLast();
}

void JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out.append('"');
    appendEscaped(QByteArray::fromRawData(name.data(), name.size()));
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::key(const QString &name)
{
    separate();
    m_out.append('"');
    appendEscaped(name);
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
}

void JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonWriter::integer(qint64 value)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out.append(digits, end - digits);
}

void JsonWriter::real(double value)
{
    separate();
    if (!std::isfinite(value)) {
        m_out.append("null", 4);
        return;
    }
    // Whole numbers print without an exponent or fraction, as JSON.stringify does.
    if (value == std::trunc(value) && std::fabs(value) < 1e15) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, qint64(value)).ptr;
        m_out.append(digits, end - digits);
        return;
    }
    m_out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void JsonWriter::string(const QString &text)
{
    separate();
    m_out.append('"');
    appendEscaped(text);
    m_out.append('"');
}

void JsonWriter::string(QLatin1StringView text)
{
    separate();
    m_out.append('"');
    appendEscaped(QByteArray::fromRawData(text.data(), text.size()));
    m_out.append('"');
}

void JsonWriter::appendEscaped(const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    const char *begin = utf8.constData();
    const char *end = begin + utf8.size();
    const char *plain = begin; // start of the run not yet copied
    for (const char *p = begin; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(plain, p - plain);
        plain = p + 1;
        switch (c) {
        case '"':
            m_out.append("\\\"", 2);
            break;
        case '\\':
            m_out.append("\\\\", 2);
            break;
        case '\n':
            m_out.append("\\n", 2);
            break;
        case '\r':
            m_out.append("\\r", 2);
            break;
        case '\t':
            m_out.append("\\t", 2);
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            m_out.append(escape, sizeof escape);
        }
        }
    }
    m_out.append(plain, end - plain);
}

void JsonWriter::appendEscaped(const QString &text)
{
    // Names and most values are ASCII that needs no escape: copied one byte per character.
    const qsizetype start = m_out.size();
    m_out.resize(start + text.size());
    char *out = m_out.data() + start;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x80 || u == u'"' || u == u'\\') {
            m_out.truncate(start);
            return appendEscaped(text.toUtf8());
        }
        *out++ = char(u);
    }
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
    m_out.append(json);
}
