#pragma once

#include <QByteArray>
#include <QStringList>

// Every setting the app keeps, each declared once with its key and default, over QSettings.
// Secrets never go here.
class AppSettings
{
public:
    static constexpr int kMaxRecentFiles = 10;

    QStringList recentFiles() const;
    // Puts `path` first, drops duplicates and the oldest past kMaxRecentFiles.
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    QString lastOpenDirectory() const;
    void setLastOpenDirectory(const QString &dir);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);
};
