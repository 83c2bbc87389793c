#pragma once

#include "core/sqlvalue.h"

#include <QString>

// Turns what a person types in a column's filter box into a SQL condition with bound values:
//   abc       contains "abc" (LIKE, case-insensitive for ASCII)
//   =5 <>5 !=5 >5 >=5 <5 <=5   comparisons (numbers compare as numbers, other text as text)
//   NULL / NOT NULL   (also "IS NULL", "IS NOT NULL")
//   ''        empty text
// Wildcards % and _ typed inside plain text are matched literally.
struct ColumnFilter
{
    QString condition; // with "?" placeholders; empty when the text filters nothing
    QList<SqlValue> params;

    static ColumnFilter parse(const QString &quotedColumn, const QString &text);
};
