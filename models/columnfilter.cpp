#include "models/columnfilter.h"

#include <QRegularExpression>

namespace {

SqlValue literalValue(const QString &text)
{
    bool ok = false;
    const qint64 i = text.toLongLong(&ok);
    if (ok)
        return SqlValue(i);
    const double d = text.toDouble(&ok);
    if (ok)
        return SqlValue(d);
    return SqlValue(text);
}

QString escapeLike(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'%', QStringLiteral("\\%"));
    text.replace(u'_', QStringLiteral("\\_"));
    return text;
}

} // namespace

ColumnFilter ColumnFilter::parse(const QString &column, const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};

    const QString upper = text.toUpper();
    if (upper == u"NULL" || upper == u"IS NULL")
        return {column + QStringLiteral(" IS NULL"), {}};
    if (upper == u"NOT NULL" || upper == u"IS NOT NULL")
        return {column + QStringLiteral(" IS NOT NULL"), {}};
    if (text == u"''")
        return {column + QStringLiteral(" = ''"), {}};

    static const QRegularExpression comparison(QStringLiteral(R"(^(<>|!=|>=|<=|=|>|<)\s*(.+)$)"));
    const auto match = comparison.match(text);
    if (match.hasMatch()) {
        QString op = match.captured(1);
        if (op == u"!=")
            op = QStringLiteral("<>");
        return {column + u' ' + op + QStringLiteral(" ?"), {literalValue(match.captured(2))}};
    }
    return {column + QStringLiteral(" LIKE ? ESCAPE '\\'"),
            {SqlValue(u'%' + escapeLike(text) + u'%')}};
}
