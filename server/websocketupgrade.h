#pragma once

#include "core/net/websocketstream.h"

#include <memory>

class QTcpSocket;
struct HttpRequest;

// dosqld's side of the WebSocket opening handshake (RFC 6455 §4.2).
namespace WebSocketUpgrade {

// Why `request` cannot be upgraded: the HTTP status to refuse it with (400, 426) and a sentence
// for the client; 0 if it can.
int refusal(const HttpRequest &request, QString *why);

// Answers `request`, already read from `socket`, and opens the WebSocket on it.
std::unique_ptr<WebSocketStream> accept(QTcpSocket *socket, const HttpRequest &request,
                                        qint64 maxMessageBytes);

} // namespace WebSocketUpgrade
