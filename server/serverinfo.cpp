#include "server/serverinfo.h"

QString serverName()
{
    return QStringLiteral("dosqld");
}

QString serverVersion()
{
    return QStringLiteral("0.1.0");
}
