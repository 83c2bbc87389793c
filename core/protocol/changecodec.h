#pragma once

#include "core/changeevent.h"

#include <QJsonObject>

// Change events on the wire: the lake.do event inside a `cdc_batch` frame (PROTOCOL.md §3.1) and
// the SvelteKit guide's Server-Sent Event payload (§3.2).
namespace ChangeCodec {

// {lsn:"43", sequence:43, table, operation, timestamp, txId, primaryKey:{...}, before?, after?}
// or, for DDL, {lsn, sequence, operation:"DDL", table, sql, timestamp, txId}.
QJsonObject lakeEvent(const ChangeEvent &event);
// {type, table, oldValue, newValue, lsn (number), timestamp}
QJsonObject sseEvent(const ChangeEvent &event);
// The whole `id:`/`data:` block of one Server-Sent Event, blank line included.
QByteArray sseFrame(const ChangeEvent &event);

// Reading them back (a client's side). False when `object` is not an event of that shape.
bool fromLakeEvent(const QJsonObject &object, ChangeEvent *event);
bool fromSseEvent(const QJsonObject &object, ChangeEvent *event);

} // namespace ChangeCodec
