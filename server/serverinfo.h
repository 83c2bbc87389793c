#pragma once

#include <QString>

// Identity that dosqld reports in `hello` and `/health`.
QString serverName();
QString serverVersion();
