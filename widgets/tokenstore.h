#pragma once

#include <QObject>

#include <functional>

// Tokens in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) through
// QtKeychain, keyed by a saved connection's id. Never written anywhere else. Every call is
// asynchronous and answers on the caller's thread.
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    explicit TokenStore(QObject *parent = nullptr);

    // `error` is empty on success; a missing token reads as an empty one.
    using ReadDone = std::function<void(const QString &token, const QString &error)>;
    using WriteDone = std::function<void(const QString &error)>;

    void read(const QString &id, ReadDone done);
    // An empty token removes the entry.
    void write(const QString &id, const QString &token, WriteDone done);

    static QString serviceName();
};
