#pragma once

#include <QElapsedTimer>

// Instance-wide figures that `stats`, `/stats` and `/metrics` report.
struct ServerState
{
    QElapsedTimer uptime;
    int connections = 0; // open WebSocket sessions
};
