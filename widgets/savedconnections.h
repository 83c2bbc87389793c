#pragma once

#include "core/connectionspec.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>

// A DoSQL server the user keeps in the connection manager. Everything but the token, which
// lives in the OS keychain (TokenStore) under the connection's id.
struct SavedConnection
{
    QString id; // stable, also the keychain key
    QString name;
    QString url;      // e.g. http://localhost:8787 or wss://db.example.com/db/app
    QString database; // when the URL has no /db/<name>
    QColor colour;    // a tag, shown beside the connection everywhere
    bool readOnly = false;
    bool tokenInQuery = false;
    QString caFile;

    // The spec to open it with; the caller adds the token.
    ConnectionSpec spec() const;
};

// The saved connections, in QSettings. Never holds a token.
class SavedConnections
{
public:
    QList<SavedConnection> all() const;
    SavedConnection find(const QString &id) const;
    // Adds (when the id is new or empty: one is made) or replaces; returns the id.
    QString save(SavedConnection connection);
    void remove(const QString &id);

    // A connection (and its token) from DoSQL's own variables, DOSQL_URL and DOSQL_TOKEN, as the
    // SvelteKit guide sets them; false when DOSQL_URL is not there.
    static bool fromVariables(const QHash<QString, QString> &variables, SavedConnection *out,
                              QString *token);
    // KEY=VALUE lines of a .env file: comments, `export`, quotes and blank lines understood.
    static QHash<QString, QString> parseDotEnv(const QByteArray &text);
};
