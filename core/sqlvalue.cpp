#include "core/sqlvalue.h"

#include <QDebug>
#include <QLocale>

#include <cmath>

SqlValue SqlValue::blob(const QByteArray &bytes)
{
    SqlValue v;
    v.m_data = bytes;
    return v;
}

qint64 SqlValue::toInteger() const
{
    switch (type()) {
    case Type::Integer:
        return std::get<qint64>(m_data);
    case Type::Real:
        return qint64(std::get<double>(m_data));
    case Type::Text:
        return std::get<QString>(m_data).toLongLong();
    default:
        return 0;
    }
}

double SqlValue::toReal() const
{
    switch (type()) {
    case Type::Integer:
        return double(std::get<qint64>(m_data));
    case Type::Real:
        return std::get<double>(m_data);
    case Type::Text:
        return std::get<QString>(m_data).toDouble();
    default:
        return 0.0;
    }
}

QString SqlValue::toText() const
{
    switch (type()) {
    case Type::Null:
        return {};
    case Type::Integer:
        return QString::number(std::get<qint64>(m_data));
    case Type::Real:
        return QString::fromLatin1(realText(std::get<double>(m_data)));
    case Type::Text:
        return std::get<QString>(m_data);
    case Type::Blob:
        return QString::fromUtf8(std::get<QByteArray>(m_data));
    }
    return {};
}

QByteArray SqlValue::realText(double value)
{
    // The shortest text that reads back as exactly this double, and still reads as a REAL.
    QByteArray text = QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    if (std::isfinite(value) && !text.contains('.') && !text.contains('e'))
        text += ".0";
    return text;
}

QByteArray SqlValue::toBlob() const
{
    if (type() == Type::Blob)
        return std::get<QByteArray>(m_data);
    return toText().toUtf8();
}

qsizetype SqlValue::byteSize() const
{
    switch (type()) {
    case Type::Text:
        return std::get<QString>(m_data).size() * qsizetype(sizeof(QChar));
    case Type::Blob:
        return std::get<QByteArray>(m_data).size();
    default:
        return qsizetype(sizeof(qint64));
    }
}

QString SqlValue::toSqlLiteral() const
{
    switch (type()) {
    case Type::Null:
        return QStringLiteral("NULL");
    case Type::Integer:
    case Type::Real: {
        const QString t = toText();
        if (t == u"inf")
            return QStringLiteral("9e999");
        if (t == u"-inf")
            return QStringLiteral("-9e999");
        if (t == u"nan")
            return QStringLiteral("NULL");
        return t;
    }
    case Type::Text: {
        QString s = std::get<QString>(m_data);
        s.replace(u'\'', QStringLiteral("''"));
        return u'\'' + s + u'\'';
    }
    case Type::Blob:
        return QStringLiteral("X'") + QString::fromLatin1(std::get<QByteArray>(m_data).toHex())
               + u'\'';
    }
    return {};
}

QString SqlValue::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("NULL");
    case Type::Integer:
        return QStringLiteral("INTEGER");
    case Type::Real:
        return QStringLiteral("REAL");
    case Type::Text:
        return QStringLiteral("TEXT");
    case Type::Blob:
        return QStringLiteral("BLOB");
    }
    return {};
}

QDebug operator<<(QDebug debug, const SqlValue &value)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "SqlValue(" << SqlValue::typeName(value.type()) << ", "
                    << value.toSqlLiteral() << ')';
    return debug;
}
