#include "core/sqlkeywords.h"

#include <sqlite3.h>

#include <QStringList>

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
    while (end < size && sql.at(end).isLetter() && sql.at(end).unicode() < 0x80)
        ++end;
    const QStringView word = QStringView(sql).mid(i, end - i);
    // The keywords that start nearly every statement come back shared, without an allocation:
    // a server asks for one per request.
    static const QString common[]
        = {QStringLiteral("SELECT"),  QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
           QStringLiteral("DELETE"),  QStringLiteral("WITH"),   QStringLiteral("VALUES"),
           QStringLiteral("REPLACE"), QStringLiteral("PRAGMA"), QStringLiteral("EXPLAIN"),
           QStringLiteral("CREATE"),  QStringLiteral("DROP"),   QStringLiteral("ALTER"),
           QStringLiteral("BEGIN"),   QStringLiteral("COMMIT"), QStringLiteral("ROLLBACK"),
           QStringLiteral("END")};
    for (const QString &keyword : common) {
        if (word.size() == keyword.size() && word.compare(keyword, Qt::CaseInsensitive) == 0)
            return keyword;
    }
    return word.toString().toUpper();
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
