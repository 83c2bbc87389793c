#pragma once

#include "core/resultset.h"

#include <QByteArrayView>
#include <QJsonObject>

// One page of a `query`, `exec` or `fetch` result as a client reads it (PROTOCOL.md §2):
// `{columns, columnTypes?, rows, rowsAffected?, lastInsertRowid?, hasMore?, cursor?, ...}` with
// rows as arrays (rowFormat "array").
struct ResultPage
{
    QList<ResultColumn> columns;
    QList<Row> rows;
    qint64 rowsAffected = 0;
    qint64 lastInsertRowid = 0;
    QString cursor; // set when more rows wait on the server

    // Reads the page straight from its JSON text: a client reads thousands of small pages a
    // second, and QJsonDocument costs more than the rest of a point SELECT. False, with
    // nothing decided, for anything but the plain shape dosqld writes (a member of an unusual
    // type, a duplicate member, malformed text): fromJson then reads it. What this accepts,
    // fromJson reads the same.
    //
    // Pages of one result, and results of one statement run again, name the same columns: with
    // a `cache` kept between calls, columns written exactly as last time are not read again.
    struct ColumnCache
    {
        QByteArray namesText;
        QByteArray typesText;
        QList<ResultColumn> columns;
    };
    static bool read(QByteArrayView json, ResultPage *page, ColumnCache *cache = nullptr);
    // The general path. Also takes rows keyed by column name, as a server sends them that does
    // not know rowFormat "array". False when a row holds something that is not a value.
    static bool fromJson(const QJsonObject &object, ResultPage *page);
};
