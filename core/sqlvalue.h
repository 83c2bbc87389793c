#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <variant>

// One SQLite value with its storage class: NULL, INTEGER, REAL, TEXT or BLOB. Kept distinct from
// QVariant so that an empty TEXT, a NULL and a zero-length BLOB never collapse into each other.
class SqlValue
{
public:
    enum class Type { Null, Integer, Real, Text, Blob };

    SqlValue() = default;
    SqlValue(qint64 v)
        : m_data(v)
    {}
    SqlValue(int v)
        : m_data(qint64(v))
    {}
    SqlValue(double v)
        : m_data(v)
    {}
    SqlValue(const QString &v)
        : m_data(v)
    {}
    SqlValue(QString &&v)
        : m_data(std::move(v))
    {}
    static SqlValue blob(const QByteArray &bytes);

    Type type() const { return Type(m_data.index()); }
    bool isNull() const { return m_data.index() == 0; }

    qint64 toInteger() const;
    double toReal() const;
    QString toText() const;
    // How toText() writes a REAL: the shortest text that reads back exactly, with ".0" for
    // whole numbers.
    static QByteArray realText(double value);
    QByteArray toBlob() const;

    // Byte size of the payload, used to bound caches.
    qsizetype byteSize() const;

    // A SQL literal for this value (X'..' for BLOBs, doubled quotes for TEXT), for generated SQL
    // shown to people; execution always binds parameters instead.
    QString toSqlLiteral() const;

    friend bool operator==(const SqlValue &a, const SqlValue &b) { return a.m_data == b.m_data; }

    static QString typeName(Type type);

private:
    std::variant<std::monostate, qint64, double, QString, QByteArray> m_data;
};

using Row = QList<SqlValue>;

QDebug operator<<(QDebug debug, const SqlValue &value);

Q_DECLARE_METATYPE(SqlValue)
