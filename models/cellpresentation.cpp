#include "models/cellpresentation.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>

namespace CellPresentation {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CellPresentation", text);
}

} // namespace

QString displayText(const SqlValue &value)
{
    switch (value.type()) {
    case SqlValue::Type::Null:
        return QStringLiteral("NULL");
    case SqlValue::Type::Blob: {
        const QByteArray bytes = value.toBlob();
        const QString preview = QString::fromLatin1(bytes.left(16).toHex(' '));
        return tr("BLOB %1").arg(QLocale::c().formattedDataSize(bytes.size()))
               + (bytes.isEmpty() ? QString() : QStringLiteral(": ") + preview)
               + (bytes.size() > 16 ? QStringLiteral(" …") : QString());
    }
    case SqlValue::Type::Text: {
        QString text = value.toText();
        const bool truncated = text.size() > kDisplayTextLimit;
        if (truncated)
            text.truncate(kDisplayTextLimit);
        // One line per cell: show line breaks as a visible mark instead of wrapping.
        text.replace(QStringLiteral("\r\n"), QStringLiteral("⏎"));
        text.replace(u'\n', QStringLiteral("⏎"));
        text.replace(u'\t', u' ');
        return truncated ? text + QStringLiteral("…") : text;
    }
    default:
        return value.toText();
    }
}

QString timestampText(const QString &column, const SqlValue &value)
{
    // DoSQL apps keep times as epoch integers in columns like created_at: say what time it is.
    static const QRegularExpression timeColumn(QStringLiteral("(_at|_time|timestamp|_ts)$"),
                                               QRegularExpression::CaseInsensitiveOption);
    if (value.type() != SqlValue::Type::Integer || !timeColumn.match(column).hasMatch())
        return {};
    const qint64 v = value.toInteger();
    QDateTime time;
    if (v >= 100000000000LL && v < 10000000000000LL) // milliseconds: 1973 to 2286
        time = QDateTime::fromMSecsSinceEpoch(v, Qt::UTC);
    else if (v >= 100000000LL && v < 10000000000LL) // seconds
        time = QDateTime::fromSecsSinceEpoch(v, Qt::UTC);
    if (!time.isValid())
        return {};
    return time.toString(Qt::ISODateWithMs) + QStringLiteral("  (")
           + time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + tr(" local)");
}

QVariant data(const SqlValue &value, const QString &column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return displayText(value);
    case Qt::ToolTipRole:
        if (value.type() == SqlValue::Type::Text && value.toText().size() > kDisplayTextLimit)
            return value.toText().left(2000);
        return timestampText(column, value);
    case Qt::ForegroundRole:
        if (value.isNull() || value.type() == SqlValue::Type::Blob)
            return QColor(Qt::gray);
        return {};
    case Qt::FontRole:
        if (value.isNull() || value.type() == SqlValue::Type::Blob) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (value.type() == SqlValue::Type::Integer || value.type() == SqlValue::Type::Real)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

} // namespace CellPresentation
