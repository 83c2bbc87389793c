#include "widgets/appsettings.h"

#include <QDir>
#include <QSettings>

namespace {

const QString kRecentFiles = QStringLiteral("files/recent");
const QString kLastOpenDirectory = QStringLiteral("files/lastOpenDirectory");
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");

} // namespace

QStringList AppSettings::recentFiles() const
{
    return QSettings().value(kRecentFiles).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentFiles, files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(kRecentFiles, files);
}

QString AppSettings::lastOpenDirectory() const
{
    return QSettings().value(kLastOpenDirectory, QDir::homePath()).toString();
}

void AppSettings::setLastOpenDirectory(const QString &dir)
{
    QSettings().setValue(kLastOpenDirectory, dir);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return QSettings().value(kGeometry).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(kGeometry, geometry);
}

QByteArray AppSettings::mainWindowState() const
{
    return QSettings().value(kState).toByteArray();
}

void AppSettings::setMainWindowState(const QByteArray &state)
{
    QSettings().setValue(kState, state);
}
