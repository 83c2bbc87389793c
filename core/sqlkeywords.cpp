#include "core/sqlkeywords.h"

#include <sqlite3.h>

#include <QStringList>

#include <cstring>

QString firstSqlKeyword(const QString &sql)
{
    // Every statement a server or connection routes passes here: a plain scan, no regex.
    const qsizetype size = sql.size();
    qsizetype i = 0;
    while (i < size) {
        const char16_t c = sql.at(i).unicode();
        if (c == u' ' || (c >= u'\t' && c <= u'\r')) {
            ++i;
        } else if (c == u'-' && i + 1 < size && sql.at(i + 1) == u'-') {
            const qsizetype end = sql.indexOf(u'\n', i + 2);
            i = end < 0 ? size : end + 1;
        } else if (c == u'/' && i + 1 < size && sql.at(i + 1) == u'*') {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0)
                return {}; // an unterminated comment holds no keyword
            i = end + 2;
        } else {
            break;
        }
    }
    qsizetype end = i;
    const auto isAsciiLetter = [](char16_t c) {
        return (c | 0x20) >= u'a' && (c | 0x20) <= u'z';
    };
    while (end < size && isAsciiLetter(sql.at(end).unicode()))
        ++end;
    const QStringView word = QStringView(sql).mid(i, end - i);
    // The keywords that start nearly every statement come back shared, without an allocation,
    // and are matched without a call per keyword: a server asks for one per request.
    struct Common
    {
        QLatin1StringView upper;
        QString shared;
    };
    static const Common common[] = {{QLatin1StringView("SELECT"), QStringLiteral("SELECT")},
                                    {QLatin1StringView("INSERT"), QStringLiteral("INSERT")},
                                    {QLatin1StringView("UPDATE"), QStringLiteral("UPDATE")},
                                    {QLatin1StringView("DELETE"), QStringLiteral("DELETE")},
                                    {QLatin1StringView("WITH"), QStringLiteral("WITH")},
                                    {QLatin1StringView("VALUES"), QStringLiteral("VALUES")},
                                    {QLatin1StringView("REPLACE"), QStringLiteral("REPLACE")},
                                    {QLatin1StringView("PRAGMA"), QStringLiteral("PRAGMA")},
                                    {QLatin1StringView("EXPLAIN"), QStringLiteral("EXPLAIN")},
                                    {QLatin1StringView("CREATE"), QStringLiteral("CREATE")},
                                    {QLatin1StringView("DROP"), QStringLiteral("DROP")},
                                    {QLatin1StringView("ALTER"), QStringLiteral("ALTER")},
                                    {QLatin1StringView("BEGIN"), QStringLiteral("BEGIN")},
                                    {QLatin1StringView("COMMIT"), QStringLiteral("COMMIT")},
                                    {QLatin1StringView("ROLLBACK"), QStringLiteral("ROLLBACK")},
                                    {QLatin1StringView("END"), QStringLiteral("END")}};
    constexpr qsizetype kLongestCommon = 8;
    if (word.size() <= kLongestCommon) {
        char upper[kLongestCommon];
        for (qsizetype k = 0; k < word.size(); ++k)
            upper[k] = char(word.at(k).unicode() & ~0x20); // ASCII letters only, see above
        for (const Common &keyword : common) {
            if (keyword.upper.size() == word.size()
                && std::memcmp(keyword.upper.data(), upper, size_t(word.size())) == 0)
                return keyword.shared;
        }
    }
    return word.toString().toUpper();
}

bool isTransactionControl(const QString &keyword)
{
    // Asked of every statement: the first letter rules out nearly all of them.
    switch (keyword.isEmpty() ? u'\0' : keyword.front().unicode()) {
    case u'B':
        return keyword == QLatin1StringView("BEGIN");
    case u'C':
        return keyword == QLatin1StringView("COMMIT");
    case u'E':
        return keyword == QLatin1StringView("END");
    case u'R':
        return keyword == QLatin1StringView("ROLLBACK") || keyword == QLatin1StringView("RELEASE");
    case u'S':
        return keyword == QLatin1StringView("SAVEPOINT");
    default:
        return false;
    }
}

bool isSchemaChange(const QString &keyword)
{
    switch (keyword.isEmpty() ? u'\0' : keyword.front().unicode()) {
    case u'A':
        return keyword == QLatin1StringView("ALTER");
    case u'C':
        return keyword == QLatin1StringView("CREATE");
    case u'D':
        return keyword == QLatin1StringView("DROP");
    default:
        return false;
    }
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

QStringList sqlFunctions()
{
    return {QStringLiteral("abs"),
            QStringLiteral("avg"),
            QStringLiteral("changes"),
            QStringLiteral("char"),
            QStringLiteral("coalesce"),
            QStringLiteral("count"),
            QStringLiteral("cume_dist"),
            QStringLiteral("date"),
            QStringLiteral("datetime"),
            QStringLiteral("dense_rank"),
            QStringLiteral("first_value"),
            QStringLiteral("format"),
            QStringLiteral("glob"),
            QStringLiteral("group_concat"),
            QStringLiteral("hex"),
            QStringLiteral("ifnull"),
            QStringLiteral("iif"),
            QStringLiteral("instr"),
            QStringLiteral("json"),
            QStringLiteral("json_array"),
            QStringLiteral("json_each"),
            QStringLiteral("json_extract"),
            QStringLiteral("json_group_array"),
            QStringLiteral("json_group_object"),
            QStringLiteral("json_insert"),
            QStringLiteral("json_object"),
            QStringLiteral("json_patch"),
            QStringLiteral("json_remove"),
            QStringLiteral("json_replace"),
            QStringLiteral("json_set"),
            QStringLiteral("json_tree"),
            QStringLiteral("json_type"),
            QStringLiteral("json_valid"),
            QStringLiteral("julianday"),
            QStringLiteral("lag"),
            QStringLiteral("last_insert_rowid"),
            QStringLiteral("last_value"),
            QStringLiteral("lead"),
            QStringLiteral("length"),
            QStringLiteral("like"),
            QStringLiteral("likelihood"),
            QStringLiteral("lower"),
            QStringLiteral("ltrim"),
            QStringLiteral("max"),
            QStringLiteral("min"),
            QStringLiteral("nth_value"),
            QStringLiteral("ntile"),
            QStringLiteral("nullif"),
            QStringLiteral("percent_rank"),
            QStringLiteral("printf"),
            QStringLiteral("quote"),
            QStringLiteral("random"),
            QStringLiteral("randomblob"),
            QStringLiteral("rank"),
            QStringLiteral("replace"),
            QStringLiteral("round"),
            QStringLiteral("row_number"),
            QStringLiteral("rtrim"),
            QStringLiteral("sign"),
            QStringLiteral("soundex"),
            QStringLiteral("sqlite_version"),
            QStringLiteral("strftime"),
            QStringLiteral("substr"),
            QStringLiteral("sum"),
            QStringLiteral("time"),
            QStringLiteral("total"),
            QStringLiteral("total_changes"),
            QStringLiteral("trim"),
            QStringLiteral("typeof"),
            QStringLiteral("unhex"),
            QStringLiteral("unicode"),
            QStringLiteral("unixepoch"),
            QStringLiteral("upper"),
            QStringLiteral("zeroblob")};
}
