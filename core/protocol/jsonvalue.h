#pragma once

#include "core/sqlvalue.h"

#include <QJsonValue>

// SQLite values on the wire (docs/PROTOCOL.md §2.1): NULL as null, integers within ±(2^53−1) as
// numbers and beyond as {"$int":"<decimal>"}, finite reals as numbers and others as
// {"$real":"Infinity"}, TEXT as strings, BLOBs as {"$blob":"<base64>"}.
namespace JsonValue {

constexpr qint64 kMaxSafeInteger = (qint64(1) << 53) - 1;

QJsonValue encode(const SqlValue &value);

// Decodes a value as found in request params. Also accepts sql.do's index-keyed BLOB object
// {"0":1,"1":2}, booleans (as 0/1), and numbers without a fraction as INTEGER. Returns false
// (and leaves `out` alone) for shapes that are not a value.
bool decode(const QJsonValue &json, SqlValue *out);
// A JSON number as decode takes it: INTEGER when it is whole and within ±(2^53−1), else REAL.
SqlValue fromNumber(double d);
// A count, LSN, id or time a peer sent as a JSON number: its whole part, or 0 when it is not a
// number a qint64 can hold (converting those is undefined behaviour).
qint64 toInteger(double d);
// The same for a value that may also be a decimal string, as LSNs are.
qint64 toInteger(const QJsonValue &value);

} // namespace JsonValue
