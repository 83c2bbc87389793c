#include "core/sqlcompletion.h"

#include <QTest>

using SqlCompletion::TableRef;

// What the editor offers while a statement is typed: tables found with their aliases in unfinished
// SQL, the word at the cursor, and candidates narrowed to the tables a statement names.
class TestSqlCompletion : public QObject
{
    Q_OBJECT

private:
    static DatabaseSchema schema()
    {
        auto table = [](const QString &name, const QStringList &columns) {
            TableSchema t;
            t.name = name;
            for (const QString &c : columns) {
                ColumnInfo column;
                column.name = c;
                t.columns.append(column);
            }
            return t;
        };
        DatabaseSchema s;
        s.tables
            = {table(QStringLiteral("orders"), {QStringLiteral("id"), QStringLiteral("user_id"),
                                                QStringLiteral("total"), QStringLiteral("order")}),
               table(QStringLiteral("users"),
                     {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("home town")}),
               table(QStringLiteral("order items"), {QStringLiteral("quantity")})};
        s.views = {table(QStringLiteral("totals"), {QStringLiteral("sum_total")})};
        return s;
    }

    static QString refs(const QList<TableRef> &list)
    {
        QStringList out;
        for (const TableRef &r : list)
            out << (r.alias.isEmpty() ? r.table : r.table + u'=' + r.alias);
        return out.join(u' ');
    }

private Q_SLOTS:
    void tablesInScope_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("aliases") << "SELECT o. FROM orders o JOIN users AS u ON u.id = o.user_id"
                                 << "orders=o users=u";
        QTest::newRow("from list") << "SELECT * FROM orders, users x WHERE"
                                   << "orders users=x";
        QTest::newRow("keyword is no alias") << "SELECT * FROM orders WHERE id = 1"
                                             << "orders";
        QTest::newRow("schema name") << "SELECT * FROM main.orders AS o"
                                     << "orders=o";
        QTest::newRow("quoted") << "SELECT * FROM \"order items\" oi"
                                << "order items=oi";
        QTest::newRow("brackets") << "SELECT * FROM [order items]"
                                  << "order items";
        QTest::newRow("update") << "UPDATE users SET email = ''"
                                << "users";
        QTest::newRow("insert") << "INSERT INTO orders(id) VALUES (1)"
                                << "orders";
        QTest::newRow("delete") << "DELETE FROM users WHERE"
                                << "users";
        QTest::newRow("subquery") << "SELECT * FROM (SELECT * FROM users) s"
                                  << "users";
        QTest::newRow("comments") << "SELECT * FROM /* x */ orders -- y\n o2"
                                  << "orders=o2";
        QTest::newRow("unfinished") << "SELECT * FROM"
                                    << "";
        QTest::newRow("in a string") << "SELECT 'FROM users'"
                                     << "";
    }

    void tablesInScope()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QCOMPARE(refs(SqlCompletion::tablesInScope(sql)), expected);
    }

    void contextAt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("qualifier");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("word") << "SELECT na|"
                              << ""
                              << "na";
        QTest::newRow("after dot") << "SELECT o.to|"
                                   << "o"
                                   << "to";
        QTest::newRow("just a dot") << "SELECT o.|"
                                    << "o"
                                    << "";
        QTest::newRow("quoted qualifier") << "SELECT \"order items\".q|"
                                          << "order items"
                                          << "q";
        QTest::newRow("mid word") << "SELECT us|ers"
                                  << ""
                                  << "us";
        QTest::newRow("nothing") << "SELECT |"
                                 << ""
                                 << "";
        QTest::newRow("unicode") << "SELECT zoë|"
                                 << ""
                                 << "zoë";
    }

    void contextAt()
    {
        QFETCH(QString, text);
        QFETCH(QString, qualifier);
        QFETCH(QString, prefix);
        const qsizetype cursor = text.indexOf(u'|');
        const auto context = SqlCompletion::contextAt(text.remove(u'|'), cursor);
        QCOMPARE(context.qualifier, qualifier);
        QCOMPARE(context.prefix, prefix);
        QCOMPARE(context.prefixStart, cursor - prefix.size());
    }

    void candidates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("columns of an alias")
            << "SELECT o.| FROM orders o"
            << QStringList{QStringLiteral("id"), QStringLiteral("\"order\""),
                           QStringLiteral("total"), QStringLiteral("user_id")};
        QTest::newRow("alias and prefix, any case")
            << "SELECT u.HO| FROM users u" << QStringList{QStringLiteral("\"home town\"")};
        QTest::newRow("table name as qualifier")
            << "SELECT users.e| FROM users" << QStringList{QStringLiteral("email")};
        QTest::newRow("unknown qualifier") << "SELECT x.| FROM users" << QStringList{};
        QTest::newRow("schema qualifier")
            << "SELECT * FROM main.to|" << QStringList{QStringLiteral("totals")};
        // Only the columns of the tables in scope, plus names, keywords and functions.
        QTest::newRow("in scope") << "SELECT to| FROM orders"
                                  << QStringList{QStringLiteral("TO"), QStringLiteral("total"),
                                                 QStringLiteral("total("),
                                                 QStringLiteral("total_changes("),
                                                 QStringLiteral("totals")};
        QTest::newRow("nothing in scope: every column")
            << "SELECT su|"
            << QStringList{QStringLiteral("substr("), QStringLiteral("sum("),
                           QStringLiteral("sum_total")};
        QTest::newRow("keywords") << "SELECT * FROM orders WH|"
                                  << QStringList{QStringLiteral("WHEN"), QStringLiteral("WHERE")};
    }

    void candidates()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const qsizetype cursor = text.indexOf(u'|');
        text.remove(u'|');
        const auto context = SqlCompletion::contextAt(text, cursor);
        QCOMPARE(SqlCompletion::candidates(schema(), text, context), expected);
    }
};

QTEST_APPLESS_MAIN(TestSqlCompletion)
#include "tst_sqlcompletion.moc"
