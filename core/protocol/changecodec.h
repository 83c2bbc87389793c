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

} // namespace ChangeCodec
