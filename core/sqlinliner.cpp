#include "core/sqlinliner.h"

#include "core/sqllexer.h"

#include <QCoreApplication>

#include <limits>
#include <optional>

namespace SqlInliner {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SqlInliner", text);
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
    for (const SqlLexer::Token &token : SqlLexer::tokenize(sql)) {
        const QStringView text = QStringView(sql).mid(token.start, token.length);
        if (token.kind != SqlLexer::Token::Kind::Parameter) {
            out += text;
            continue;
        }
        const SqlValue *value = nullptr;
        if (text.startsWith(u'?')) {
            // As SQLite numbers them: ?NNN is NNN; a bare ? is one past the largest so far.
            const int index = text.size() > 1 ? text.mid(1).toInt() - 1 : positional;
            positional = qMax(positional, index + 1);
            if (index >= 0 && index < statement.params.size())
                value = &statement.params.at(index);
        } else {
            auto it = statement.namedParams.constFind(text.toString());
            if (it == statement.namedParams.constEnd())
                it = statement.namedParams.constFind(text.mid(1).toString());
            if (it != statement.namedParams.constEnd())
                value = &*it;
        }
        if (!value) {
            if (error)
                *error = {ErrorCode::InvalidRequest,
                          tr("No value was given for parameter %1.").arg(text),
                          {}};
            return std::nullopt;
        }
        out += literal(*value);
    }
    return out;
}

} // namespace SqlInliner
