#include "core/protocol/jsonvalue.h"

#include <QJsonObject>

#include <cmath>
#include <limits>

namespace JsonValue {

QJsonValue encode(const SqlValue &value)
{
    switch (value.type()) {
    case SqlValue::Type::Null:
        return QJsonValue::Null;
    case SqlValue::Type::Integer: {
        const qint64 i = value.toInteger();
        if (i >= -kMaxSafeInteger && i <= kMaxSafeInteger)
            return double(i);
        return QJsonObject{{QStringLiteral("$int"), QString::number(i)}};
    }
    case SqlValue::Type::Real: {
        const double d = value.toReal();
        if (std::isfinite(d))
            return d;
        const QString text = std::isnan(d) ? QStringLiteral("NaN")
                             : d > 0       ? QStringLiteral("Infinity")
                                           : QStringLiteral("-Infinity");
        return QJsonObject{{QStringLiteral("$real"), text}};
    }
    case SqlValue::Type::Text:
        return value.toText();
    case SqlValue::Type::Blob:
        return QJsonObject{
            {QStringLiteral("$blob"), QString::fromLatin1(value.toBlob().toBase64())}};
    }
    return QJsonValue::Null;
}

namespace {

bool decodeObject(const QJsonObject &object, SqlValue *out)
{
    if (object.size() == 1 && object.contains(QStringLiteral("$int"))) {
        bool ok = false;
        const qint64 i = object.value(QStringLiteral("$int")).toString().toLongLong(&ok);
        if (!ok)
            return false;
        *out = SqlValue(i);
        return true;
    }
    if (object.size() == 1 && object.contains(QStringLiteral("$real"))) {
        const QString text = object.value(QStringLiteral("$real")).toString();
        if (text == u"Infinity")
            *out = SqlValue(std::numeric_limits<double>::infinity());
        else if (text == u"-Infinity")
            *out = SqlValue(-std::numeric_limits<double>::infinity());
        else if (text == u"NaN")
            *out = SqlValue(std::numeric_limits<double>::quiet_NaN());
        else
            return false;
        return true;
    }
    if (object.size() == 1 && object.contains(QStringLiteral("$blob"))) {
        if (!object.value(QStringLiteral("$blob")).isString())
            return false;
        const auto decoded = QByteArray::fromBase64Encoding(
            object.value(QStringLiteral("$blob")).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        *out = SqlValue::blob(*decoded);
        return true;
    }
    // sql.do serialises a Uint8Array as {"0":b0,"1":b1,...}.
    QByteArray bytes(object.size(), '\0');
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool ok = false;
        const int index = it.key().toInt(&ok);
        const double byte = it.value().toDouble(-1);
        if (!ok || index < 0 || index >= object.size() || byte < 0 || byte > 255
            || byte != std::floor(byte))
            return false;
        bytes[index] = char(int(byte));
    }
    *out = SqlValue::blob(bytes);
    return true;
}

} // namespace

SqlValue fromNumber(double d)
{
    if (d == std::floor(d) && std::abs(d) <= double(kMaxSafeInteger))
        return SqlValue(qint64(d));
    return SqlValue(d);
}

qint64 toInteger(double d)
{
    // 2^63 is the first double past qint64; NaN fails both comparisons.
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
        return 0;
    return qint64(d);
}

qint64 toInteger(const QJsonValue &value)
{
    return value.isString() ? value.toString().toLongLong() : toInteger(value.toDouble());
}

bool decode(const QJsonValue &json, SqlValue *out)
{
    switch (json.type()) {
    case QJsonValue::Null:
        *out = SqlValue();
        return true;
    case QJsonValue::Bool:
        *out = SqlValue(qint64(json.toBool() ? 1 : 0));
        return true;
    case QJsonValue::Double:
        *out = fromNumber(json.toDouble());
        return true;
    case QJsonValue::String:
        *out = SqlValue(json.toString());
        return true;
    case QJsonValue::Object:
        return decodeObject(json.toObject(), out);
    default:
        return false;
    }
}

} // namespace JsonValue
