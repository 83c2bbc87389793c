#pragma once

#include "core/sqlvalue.h"

#include <QVariant>

// How a value looks in a grid cell, the same in table tabs and query results: NULL in grey
// italics and distinct from empty text, BLOBs as size and hex, long or multi-line text on one
// line, numbers right-aligned, epoch times in time-named columns explained in the tooltip.
namespace CellPresentation {

constexpr int kDisplayTextLimit = 200;

// The text a cell shows.
QString displayText(const SqlValue &value);
// For an epoch integer in a time-named column (created_at, ...): the date it stands for.
QString timestampText(const QString &column, const SqlValue &value);
// Display, tooltip, colour, font and alignment roles for `value` in `column`.
QVariant data(const SqlValue &value, const QString &column, int role);

} // namespace CellPresentation
