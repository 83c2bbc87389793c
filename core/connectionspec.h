#pragma once

#include <QMetaType>
#include <QString>

// Where a connection goes and how. For now a local SQLite file; remote DoSQL URLs join later.
struct ConnectionSpec
{
    enum class OpenMode { ReadWrite, ReadOnly, Create };

    QString location; // file path
    OpenMode mode = OpenMode::ReadWrite;
    QString displayName;

    bool isReadOnly() const { return mode == OpenMode::ReadOnly; }
    QString title() const;
};

Q_DECLARE_METATYPE(ConnectionSpec)
