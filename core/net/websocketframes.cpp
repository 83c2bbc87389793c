#include "core/net/websocketframes.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <cstring>

namespace {

// Copies `size` bytes from `from` to `to`, masking them with `key` or undoing that mask (the two
// are the same XOR, RFC 6455 §5.3), eight bytes at a time.
void mask(uchar *to, const uchar *from, qsizetype size, const uchar key[4])
{
    quint32 key32;
    std::memcpy(&key32, key, 4);
    if (key32 == 0) { // a server's frame, never masked
        if (size > 0)
            std::memcpy(to, from, size_t(size));
        return;
    }
    const quint64 key64 = quint64(key32) << 32 | key32;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, from + i, 8);
        word ^= key64;
        std::memcpy(to + i, &word, 8);
    }
    for (; i < size; ++i)
        to[i] = from[i] ^ key[i % 4];
}

} // namespace

namespace WebSocketFrames {

void appendFrame(QByteArray *out, Opcode opcode, QByteArrayView payload, const uchar *maskKey)
{
    const qsizetype size = payload.size();
    const qsizetype lengthBytes = headerSize(size);
    const qsizetype header = lengthBytes + (maskKey ? 4 : 0);
    const qsizetype start = out->size();
    out->resize(start + header + size);
    auto *p = reinterpret_cast<uchar *>(out->data() + start);
    p[0] = 0x80 | uchar(opcode); // final, no extension bits
    const uchar maskBit = maskKey ? 0x80 : 0;
    if (lengthBytes == 2) {
        p[1] = maskBit | uchar(size);
    } else if (lengthBytes == 4) {
        p[1] = maskBit | 126;
        qToBigEndian(quint16(size), p + 2);
    } else {
        p[1] = maskBit | 127;
        qToBigEndian(quint64(size), p + 2);
    }
    if (maskKey) {
        std::memcpy(p + lengthBytes, maskKey, 4);
        mask(p + header, reinterpret_cast<const uchar *>(payload.data()), size, maskKey);
    } else if (size > 0) {
        std::memcpy(p + header, payload.data(), size_t(size));
    }
}

QByteArray acceptKey(QByteArrayView clientKey)
{
    static constexpr QByteArrayView kGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(clientKey);
    sha1.addData(kGuid);
    return sha1.result().toBase64();
}

} // namespace WebSocketFrames

using namespace WebSocketFrames;

namespace {

bool isSendableCloseCode(quint16 code)
{
    // 1004-1006 and 1015 are reserved for reports, never for the wire; 3000-4999 are for
    // libraries and applications.
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
           || (code >= 3000 && code <= 4999);
}

} // namespace

WebSocketFrameReader::WebSocketFrameReader(Sender sender, qint64 maxMessageBytes)
    : m_masked(sender == Sender::Client)
    , m_maxMessageBytes(maxMessageBytes)
{}

WebSocketFrameReader::Kind WebSocketFrameReader::fail(quint16 code, const QString &why)
{
    m_closeCode = code;
    m_failure = why;
    return Kind::Failure;
}

WebSocketFrameReader::Kind WebSocketFrameReader::read(QByteArrayView data, qsizetype *used)
{
    *used = 0;
    if (data.size() < 2)
        return Kind::Incomplete;
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    const bool final = p[0] & 0x80;
    const auto opcode = Opcode(p[0] & 0x0F);
    if (p[0] & 0x70)
        return fail(CloseProtocolError,
                    tr("A frame set reserved bits, but no extension was agreed."));
    const bool masked = p[1] & 0x80;
    if (masked != m_masked)
        return fail(CloseProtocolError, m_masked ? tr("A client's frames must be masked.")
                                                 : tr("A server's frames must not be masked."));
    quint64 length = p[1] & 0x7F;
    qsizetype header = 2;
    if (length == 126) {
        if (data.size() < 4)
            return Kind::Incomplete;
        length = qFromBigEndian<quint16>(p + 2);
        header = 4;
    } else if (length == 127) {
        if (data.size() < 10)
            return Kind::Incomplete;
        length = qFromBigEndian<quint64>(p + 2);
        if (length >> 63)
            return fail(CloseProtocolError, tr("A frame's length has its top bit set."));
        header = 10;
    }
    const bool control = uchar(opcode) & 0x8;
    if (control) {
        if (opcode != Opcode::Close && opcode != Opcode::Ping && opcode != Opcode::Pong)
            return fail(CloseProtocolError, tr("Unknown control frame %1.").arg(int(opcode)));
        if (!final || length > 125)
            return fail(CloseProtocolError,
                        tr("A control frame must be whole and at most 125 bytes long."));
    } else {
        if (opcode != Opcode::Continuation && opcode != Opcode::Text && opcode != Opcode::Binary)
            return fail(CloseProtocolError, tr("Unknown data frame %1.").arg(int(opcode)));
        if ((opcode == Opcode::Continuation) != m_inMessage)
            return fail(CloseProtocolError,
                        m_inMessage
                            ? tr("A new message began before the last one ended.")
                            : tr("A continuation frame came without a message to continue."));
        const qint64 sofar = opcode == Opcode::Continuation ? m_message.size() : 0;
        if (length > quint64(m_maxMessageBytes - sofar))
            return fail(CloseTooBig, tr("A message is larger than this server accepts (%1 bytes).")
                                         .arg(m_maxMessageBytes));
    }
    if (masked)
        header += 4;
    if (data.size() < header || quint64(data.size() - header) < length)
        return Kind::Incomplete;
    static constexpr uchar kNoMask[4] = {0, 0, 0, 0};
    const uchar *key = masked ? p + header - 4 : kNoMask;
    const uchar *payload = p + header;
    const auto size = qsizetype(length);

    if (control) {
        m_control.resize(size);
        mask(reinterpret_cast<uchar *>(m_control.data()), payload, size, key);
        *used = header + size;
        if (opcode == Opcode::Ping)
            return Kind::Ping;
        if (opcode == Opcode::Pong)
            return Kind::Pong;
        if (size == 0) {
            m_closeCode = CloseNoStatus;
            return Kind::Close;
        }
        if (size == 1)
            return fail(CloseProtocolError, tr("A close frame's code is cut short."));
        m_closeCode = qFromBigEndian<quint16>(m_control.constData());
        if (!isSendableCloseCode(m_closeCode))
            return fail(CloseProtocolError, tr("A close frame carried code %1, which is not sent"
                                               " on the wire.")
                                                .arg(m_closeCode));
        if (!QByteArrayView(m_control).sliced(2).isValidUtf8())
            return fail(CloseBadPayload, tr("A close frame's reason is not UTF-8."));
        return Kind::Close;
    }

    qsizetype start = 0;
    if (opcode == Opcode::Continuation) {
        start = m_message.size();
    } else {
        m_inMessage = true;
        m_messageIsText = opcode == Opcode::Text;
        // The buffer is kept from message to message, but not at the size of the largest.
        if (m_message.capacity() > kKeptCapacity && size <= kKeptCapacity)
            m_message = QByteArray();
    }
    m_message.resize(start + size);
    mask(reinterpret_cast<uchar *>(m_message.data()) + start, payload, size, key);
    *used = header + size;
    if (!final)
        return Kind::Fragment;
    m_inMessage = false;
    if (!m_messageIsText)
        return Kind::Binary;
    if (!QByteArrayView(m_message).isValidUtf8()) {
        *used = 0;
        return fail(CloseBadPayload, tr("A text message is not UTF-8."));
    }
    return Kind::Text;
}
