#include "core/sqlinliner.h"

#include <QCoreApplication>

#include <limits>
#include <optional>

namespace SqlInliner {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SqlInliner", text);
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.unicode() >= 0x80;
}

// The end of a quoted run starting at `i` (the opening quote), doubled closers included.
qsizetype skipQuoted(const QString &sql, qsizetype i, QChar close)
{
    for (qsizetype j = i + 1; j < sql.size(); ++j) {
        if (sql.at(j) != close)
            continue;
        if (close != u']' && j + 1 < sql.size() && sql.at(j + 1) == close) {
            ++j; // a doubled quote stands for itself
            continue;
        }
        return j + 1;
    }
    return sql.size();
}

} // namespace

QString literal(const SqlValue &value)
{
    switch (value.type()) {
    case SqlValue::Type::Integer:
        // -9223372036854775808 would be read as minus a too-large (REAL) number.
        if (value.toInteger() == std::numeric_limits<qint64>::min())
            return QStringLiteral("(-9223372036854775807 - 1)");
        return value.toText();
    case SqlValue::Type::Text: {
        const QString text = value.toText();
        if (!text.contains(QChar(0)))
            return value.toSqlLiteral();
        // A NUL cannot sit inside a literal: join the pieces around it with char(0).
        QStringList pieces;
        for (const QString &piece : text.split(QChar(0)))
            pieces << SqlValue(piece).toSqlLiteral();
        return u'(' + pieces.join(QStringLiteral(" || char(0) || ")) + u')';
    }
    default:
        return value.toSqlLiteral();
    }
}

std::optional<QString> inlineParameters(const Statement &statement, DbError *error)
{
    const QString &sql = statement.sql;
    QString out;
    out.reserve(sql.size() + 16 * (statement.params.size() + statement.namedParams.size()));
    int positional = 0;
    qsizetype i = 0;
    auto missing = [&](const QString &parameter) {
        if (error)
            *error = {ErrorCode::InvalidRequest,
                      tr("No value was given for parameter %1.").arg(parameter),
                      {}};
        return std::nullopt;
    };
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        qsizetype end = i + 1;
        if (c == u'\'' || c == u'"' || c == u'`') {
            end = skipQuoted(sql, i, c);
        } else if (c == u'[') {
            end = skipQuoted(sql, i, u']');
        } else if (c == u'-' && i + 1 < sql.size() && sql.at(i + 1) == u'-') {
            end = sql.indexOf(u'\n', i);
            end = end < 0 ? sql.size() : end;
        } else if (c == u'/' && i + 1 < sql.size() && sql.at(i + 1) == u'*') {
            end = sql.indexOf(QStringLiteral("*/"), i + 2);
            end = end < 0 ? sql.size() : end + 2;
        } else if (c == u'?') {
            while (end < sql.size() && sql.at(end).isDigit())
                ++end;
            // As SQLite numbers them: ?NNN is NNN; a bare ? is one past the largest so far.
            const int index = end > i + 1 ? sql.mid(i + 1, end - i - 1).toInt() - 1 : positional;
            positional = qMax(positional, index + 1);
            if (index < 0 || index >= statement.params.size())
                return missing(sql.mid(i, end - i));
            out += literal(statement.params.at(index));
            i = end;
            continue;
        } else if ((c == u':' || c == u'@' || c == u'$') && i + 1 < sql.size()
                   && isNameChar(sql.at(i + 1))
                   && !(i > 0 && (isNameChar(sql.at(i - 1)) || sql.at(i - 1) == u'$'))) {
            // (a$b is one identifier, not a followed by a parameter)
            while (end < sql.size() && isNameChar(sql.at(end)))
                ++end;
            const QString name = sql.mid(i, end - i);
            auto it = statement.namedParams.constFind(name);
            if (it == statement.namedParams.constEnd())
                it = statement.namedParams.constFind(name.mid(1));
            if (it == statement.namedParams.constEnd())
                return missing(name);
            out += literal(*it);
            i = end;
            continue;
        }
        out += QStringView(sql).mid(i, end - i);
        i = end;
    }
    return out;
}

} // namespace SqlInliner
