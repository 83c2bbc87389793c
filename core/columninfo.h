#pragma once

#include <QString>

// One column of a table or view as the schema declares it.
struct ColumnInfo
{
    enum class Hidden { No, Hidden, GeneratedVirtual, GeneratedStored };

    QString name;
    QString declaredType;
    bool notNull = false;
    QString defaultValue; // the SQL text of the DEFAULT clause; empty when there is none
    bool hasDefault = false;
    int primaryKeyPosition = 0; // 1-based position in the primary key, 0 when not part of it
    Hidden hidden = Hidden::No;

    bool isGenerated() const
    {
        return hidden == Hidden::GeneratedVirtual || hidden == Hidden::GeneratedStored;
    }
    friend bool operator==(const ColumnInfo &, const ColumnInfo &) = default;
};
