#pragma once

#include <QString>

// Quoting for SQL we generate: identifiers in double quotes with inner quotes doubled, so any
// table or column name (spaces, quotes, keywords, Unicode) is safe to splice into a statement.
QString quoteIdentifier(const QString &name);
