#pragma once

#include "core/protocol/jsonreader.h"
#include "core/protocol/rpcid.h"
#include "core/statement.h"

#include <QByteArrayView>

// A `query` or `exec` of one statement outside a transaction: the request that makes up most of
// a server's traffic, as the socket needs it.
struct StatementRequest
{
    RpcId id;
    QString method;
    Statement statement;
    bool arrayRows = false; // rowFormat "array"
    int pageSize = 0;       // a query's page; 0: not paged
    QString idempotencyKey; // an exec's

    // Reads a frame of the common shape straight from its bytes: {id, method, params: {sql,
    // params?, rowFormat?, pageSize?}} with plain values. Building a QJsonDocument for it costs
    // more than a point SELECT does. False, with nothing decided, for every other frame,
    // including malformed ones and any key this reader does not know: the general path then
    // reads it and gives any error in full. What it accepts, the general path reads the same.
    // With `sqlMemo`, SQL text equal to the last one read with it is not decoded again.
    static bool read(QByteArrayView frame, StatementRequest *request,
                     JsonReader::StringMemo *sqlMemo = nullptr);
};
