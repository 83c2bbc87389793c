#include "core/sqlkeywords.h"

#include <sqlite3.h>

#include <QRegularExpression>
#include <QStringList>

QString firstSqlKeyword(const QString &sql)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:\s+|--[^\n]*\n?|/\*.*?\*/)*([A-Za-z]+))"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = re.match(sql);
    return match.hasMatch() ? match.captured(1).toUpper() : QString();
}

bool isTransactionControl(const QString &keyword)
{
    static const QStringList words{QStringLiteral("BEGIN"),     QStringLiteral("COMMIT"),
                                   QStringLiteral("END"),       QStringLiteral("ROLLBACK"),
                                   QStringLiteral("SAVEPOINT"), QStringLiteral("RELEASE")};
    return words.contains(keyword);
}

bool isSchemaChange(const QString &keyword)
{
    return keyword == u"CREATE" || keyword == u"DROP" || keyword == u"ALTER";
}

QStringList sqlKeywords()
{
    QStringList out;
    for (int i = 0; i < sqlite3_keyword_count(); ++i) {
        const char *name = nullptr;
        int length = 0;
        if (sqlite3_keyword_name(i, &name, &length) == SQLITE_OK)
            out << QString::fromLatin1(name, length);
    }
    return out;
}
