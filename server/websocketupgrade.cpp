#include "server/websocketupgrade.h"

#include "server/httprequest.h"

#include <QCoreApplication>
#include <QTcpSocket>

namespace WebSocketUpgrade {

int refusal(const HttpRequest &request, QString *why)
{
    if (request.method != "GET") {
        *why = QCoreApplication::translate("WebSocketUpgrade", "A WebSocket is opened with GET.");
        return 400;
    }
    if (request.header("sec-websocket-version") != "13") {
        *why = QCoreApplication::translate("WebSocketUpgrade",
                                           "This server speaks WebSocket version 13 only.");
        return 426;
    }
    // A base64 nonce of 16 bytes (RFC 6455 §4.1).
    if (QByteArray::fromBase64(request.header("sec-websocket-key")).size() != 16) {
        *why = QCoreApplication::translate("WebSocketUpgrade",
                                           "The WebSocket upgrade has no valid Sec-WebSocket-Key.");
        return 400;
    }
    return 0;
}

std::unique_ptr<WebSocketStream> accept(QTcpSocket *socket, const HttpRequest &request,
                                        qint64 maxMessageBytes)
{
    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                  + WebSocketFrames::acceptKey(request.header("sec-websocket-key")) + "\r\n\r\n");
    return std::make_unique<WebSocketStream>(socket, WebSocketStream::Role::Server,
                                             maxMessageBytes);
}

} // namespace WebSocketUpgrade
