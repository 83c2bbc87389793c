#pragma once

#include "core/sqlvalue.h"

#include <QByteArray>
#include <QJsonValue>
#include <QVarLengthArray>

#include <cstring>

// Writes compact JSON straight into UTF-8 bytes. Replies carrying rows are built on the thread
// that read them, many thousands a second; going through QJsonObject and QJsonDocument costs
// several times more than the query itself.
//
// The caller keeps the nesting right; the writer places the commas.
class JsonWriter
{
public:
    // Most replies are a few hundred bytes: room for them from the start saves the growing.
    JsonWriter();
    static constexpr qsizetype kInitialCapacity = 256;

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // A member name inside an object; the next value call writes its value. A QLatin1StringView
    // name is one of the contract's, plain ASCII that needs no escaping, and goes in as it is.
    void key(QLatin1StringView name)
    {
        // One check for room, then the bytes: a reply or a request is mostly names.
        reserve(name.size() + 4);
        writeSeparator();
        putQuoted(name);
        m_data[m_used++] = ':';
        m_afterKey = true;
    }
    void key(const QString &name);

    void null();
    void boolean(bool value);
    void integer(qint64 value);
    // Finite values only (JSON has no others); the shortest text that reads back exactly.
    void real(double value);
    // `value` to three decimals ("12.345", "0.5"): for measured times, whose further digits are
    // noise, and whose shortest exact text costs a server more than the rest of a point query's
    // reply. Finite values only.
    void milli(double value);
    void string(const QString &text);
    void string(QLatin1StringView text);
    // A string the caller knows needs no escaping: one of the contract's words, or digits.
    void plainString(QLatin1StringView text)
    {
        reserve(text.size() + 3);
        writeSeparator();
        putQuoted(text);
    }
    // The last text written with it, and its JSON: for a text written again and again (a point
    // query's SQL), which then costs a comparison instead of being escaped anew. The same text
    // means the same characters in the same storage, which a QString never changes while it is
    // shared.
    struct StringMemo
    {
        QString text;
        QByteArray json;
    };
    void string(const QString &text, StringMemo *memo);
    // A SQLite value in the wire form of PROTOCOL.md §2.1 (see JsonValue::encode).
    void value(const SqlValue &value);
    // Any QJsonValue, for the rare members built the slow way.
    void json(const QJsonValue &value);
    // Bytes that already are one JSON value.
    void raw(const QByteArray &json);

    QByteArray bytes() const { return QByteArray(m_data, m_used); }
    QByteArrayView view() const { return QByteArrayView(m_data, m_used); }
    QByteArray take();
    // Starts over, keeping the room: for a writer that writes one frame after another.
    void clear()
    {
        m_used = 0;
        m_hasMember.clear();
        m_afterKey = false;
    }

private:
    // Bytes go straight into the buffer: QByteArray::append costs a hundred instructions a call
    // whatever it appends, and a small frame is made of dozens of pieces.
    void reserve(qsizetype size)
    {
        if (m_capacity - m_used < size)
            grow(size);
    }
    void put(char c)
    {
        reserve(1);
        m_data[m_used++] = c;
    }
    void put(const char *bytes, qsizetype size)
    {
        if (size == 0)
            return;
        reserve(size);
        std::memcpy(m_data + m_used, bytes, size_t(size));
        m_used += size;
    }
    void grow(qsizetype needed);
    // `text` in quotes, as it is, into room made already.
    void putQuoted(QLatin1StringView text)
    {
        m_data[m_used++] = '"';
        std::memcpy(m_data + m_used, text.data(), size_t(text.size()));
        m_used += text.size();
        m_data[m_used++] = '"';
    }
    // The comma before a value or a member, if one is due.
    void separate()
    {
        reserve(1);
        writeSeparator();
    }
    // The same, with room for it made already.
    void writeSeparator()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_hasMember.isEmpty()) {
            if (m_hasMember.back())
                m_data[m_used++] = ',';
            m_hasMember.back() = true;
        }
    }
    void appendEscaped(QByteArrayView utf8);
    // UTF-16 text escaped into the output, without a UTF-8 copy when it is plain ASCII.
    void appendEscaped(const QString &text);

    QByteArray m_out; // its size is the room; m_used of it is written
    char *m_data = nullptr;
    qsizetype m_used = 0;
    qsizetype m_capacity = 0;
    // Per open object or array: whether it already holds a member.
    QVarLengthArray<bool, 16> m_hasMember;
    bool m_afterKey = false;
};
