#include "widgets/savedconnections.h"

#include "core/net/remoteendpoint.h"

#include <QSettings>
#include <QUuid>

namespace {

const QString kGroup = QStringLiteral("connections");

} // namespace

ConnectionSpec SavedConnection::spec() const
{
    ConnectionSpec spec;
    spec.location = url;
    spec.displayName = name;
    if (colour.isValid())
        spec.colourTag = colour.name();
    spec.mode = readOnly ? ConnectionSpec::OpenMode::ReadOnly : ConnectionSpec::OpenMode::ReadWrite;
    spec.remote.database = database;
    spec.remote.tokenInQuery = tokenInQuery;
    spec.remote.caFile = caFile;
    return spec;
}

QList<SavedConnection> SavedConnections::all() const
{
    QSettings settings;
    settings.beginGroup(kGroup);
    QList<SavedConnection> out;
    for (const QString &id : settings.childGroups())
        out.append(find(id));
    std::sort(out.begin(), out.end(), [](const SavedConnection &a, const SavedConnection &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return out;
}

SavedConnection SavedConnections::find(const QString &id) const
{
    QSettings settings;
    settings.beginGroup(kGroup + u'/' + id);
    SavedConnection c;
    if (!settings.contains(QStringLiteral("url")))
        return c;
    c.id = id;
    c.name = settings.value(QStringLiteral("name")).toString();
    c.url = settings.value(QStringLiteral("url")).toString();
    c.database = settings.value(QStringLiteral("database")).toString();
    c.colour = QColor(settings.value(QStringLiteral("colour")).toString());
    c.readOnly = settings.value(QStringLiteral("readOnly"), false).toBool();
    c.tokenInQuery = settings.value(QStringLiteral("tokenInQuery"), false).toBool();
    c.caFile = settings.value(QStringLiteral("caFile")).toString();
    return c;
}

QString SavedConnections::save(SavedConnection connection)
{
    if (connection.id.isEmpty())
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSettings settings;
    settings.beginGroup(kGroup + u'/' + connection.id);
    settings.setValue(QStringLiteral("name"), connection.name);
    settings.setValue(QStringLiteral("url"), connection.url);
    settings.setValue(QStringLiteral("database"), connection.database);
    settings.setValue(QStringLiteral("colour"),
                      connection.colour.isValid() ? connection.colour.name() : QString());
    settings.setValue(QStringLiteral("readOnly"), connection.readOnly);
    settings.setValue(QStringLiteral("tokenInQuery"), connection.tokenInQuery);
    settings.setValue(QStringLiteral("caFile"), connection.caFile);
    return connection.id;
}

void SavedConnections::remove(const QString &id)
{
    QSettings settings;
    settings.remove(kGroup + u'/' + id);
}

bool SavedConnections::fromVariables(const QHash<QString, QString> &variables, SavedConnection *out,
                                     QString *token)
{
    const QString url = variables.value(QStringLiteral("DOSQL_URL")).trimmed();
    if (url.isEmpty())
        return false;
    SavedConnection c;
    c.url = url;
    c.database = variables.value(QStringLiteral("DOSQL_DATABASE")).trimmed();
    const RemoteEndpoint endpoint = RemoteEndpoint::parse(c.url, c.database);
    c.name = endpoint.isValid() ? endpoint.displayName() : url;
    *out = c;
    *token = variables.value(QStringLiteral("DOSQL_TOKEN")).trimmed();
    return true;
}

QHash<QString, QString> SavedConnections::parseDotEnv(const QByteArray &text)
{
    QHash<QString, QString> out;
    for (QByteArray line : text.split('\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith("export "))
            line = line.mid(7).trimmed();
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            continue;
        const QString key = QString::fromUtf8(line.left(equals)).trimmed();
        QByteArray value = line.mid(equals + 1).trimmed();
        if (value.size() >= 2
            && ((value.startsWith('"') && value.endsWith('"'))
                || (value.startsWith('\'') && value.endsWith('\''))))
            value = value.mid(1, value.size() - 2);
        else if (const qsizetype hash = value.indexOf(" #"); hash >= 0)
            value = value.left(hash).trimmed(); // a comment after an unquoted value
        out.insert(key, QString::fromUtf8(value));
    }
    return out;
}
