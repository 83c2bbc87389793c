// libFuzzer target for dosqld's WebSocket frame reader: any bytes a client sends, however TCP
// splits them, are read without crashing, the same events in the same order whatever the split,
// and nothing is handed over that breaks the reader's promises (whole UTF-8 text, the size
// limit, never more bytes taken than were given).
#include "core/net/websocketframes.h"

#include <QStringList>

#include <cstdint>
#include <cstdlib>

namespace {

constexpr qint64 kMaxMessage = 4096;

// Everything the reader reports for `bytes` fed in pieces of `step` bytes, until it fails.
QStringList events(WebSocketFrameReader::Sender sender, QByteArrayView bytes, qsizetype step)
{
    WebSocketFrameReader reader(sender, kMaxMessage);
    QStringList seen;
    QByteArray buffered;
    for (qsizetype fed = 0; fed < bytes.size(); fed += step) {
        buffered += bytes.sliced(fed, qMin(step, bytes.size() - fed));
        for (;;) {
            qsizetype used = -1;
            const auto kind = reader.read(buffered, &used);
            if (used < 0 || used > buffered.size())
                std::abort();
            buffered.remove(0, used);
            using Kind = WebSocketFrameReader::Kind;
            if (kind == Kind::Incomplete)
                break;
            if (kind == Kind::Failure) {
                if (reader.failure().isEmpty() || reader.closeCode() < 1000)
                    std::abort();
                seen << QStringLiteral("failure %1").arg(reader.closeCode());
                return seen;
            }
            if (kind == Kind::Text || kind == Kind::Binary) {
                if (reader.message().size() > kMaxMessage
                    || (kind == Kind::Text && !reader.message().isValidUtf8()))
                    std::abort();
                seen << QString::number(int(kind)) + QString::fromLatin1(reader.message().toHex());
            } else if (kind != Kind::Fragment) {
                if (reader.controlPayload().size() > 125)
                    std::abort();
                seen << QString::number(int(kind))
                            + QString::fromLatin1(reader.controlPayload().toHex());
            }
        }
    }
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks how TCP splits the rest, and which end sent it.
    const qsizetype step = 1 + data[0] % 16;
    const auto sender = data[0] & 0x80 ? WebSocketFrameReader::Sender::Server
                                       : WebSocketFrameReader::Sender::Client;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    if (events(sender, bytes, step) != events(sender, bytes, bytes.size() + 1))
        std::abort();
    return 0;
}
