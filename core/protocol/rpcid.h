#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

// A request's id as its client wrote it (PROTOCOL.md §2: a string; other DoSQL clients send
// numbers), kept as its JSON text: a reply only copies it back. A QJsonValue holding a string
// allocates twice to hold it and again to write it, and a server answers thousands a second.
class RpcId
{
public:
    RpcId() = default; // null: the id of a frame that could not be read

    // A string or a number; anything else is null.
    static RpcId fromJson(const QJsonValue &value);
    // A string's characters as they stood between its quotes, when they are printable ASCII
    // without escapes (JsonReader::plainString): the JSON text is then those quotes around them.
    static RpcId fromPlainCharacters(QByteArrayView characters);

    bool isNull() const { return m_json.isEmpty(); }
    // The id's JSON text, "null" when null.
    QByteArray json() const;
    QJsonValue toJson() const;
    // A string's characters, or a number's text: what `cancel` names a request by.
    QString key() const;

    friend bool operator==(const RpcId &a, const RpcId &b) { return a.m_json == b.m_json; }
    friend bool operator!=(const RpcId &a, const RpcId &b) { return !(a == b); }

private:
    QByteArray m_json;
};
