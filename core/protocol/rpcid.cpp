#include "core/protocol/rpcid.h"

#include "core/protocol/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

RpcId RpcId::fromJson(const QJsonValue &value)
{
    if (!value.isString() && !value.isDouble())
        return {};
    JsonWriter json;
    json.json(value);
    RpcId id;
    id.m_json = json.take();
    return id;
}

RpcId RpcId::fromPlainCharacters(QByteArrayView characters)
{
    RpcId id;
    id.m_json.resize(characters.size() + 2);
    char *out = id.m_json.data();
    *out++ = '"';
    std::memcpy(out, characters.data(), size_t(characters.size()));
    out[characters.size()] = '"';
    return id;
}

QByteArray RpcId::json() const
{
    return isNull() ? QByteArrayLiteral("null") : m_json;
}

QJsonValue RpcId::toJson() const
{
    if (isNull())
        return QJsonValue::Null;
    return QJsonDocument::fromJson('[' + m_json + ']').array().at(0);
}

QString RpcId::key() const
{
    // A plain string's characters are its text less the quotes; the rest is rare.
    if (m_json.startsWith('"') && !m_json.contains('\\'))
        return QString::fromUtf8(m_json.sliced(1, m_json.size() - 2));
    return toJson().toVariant().toString();
}
