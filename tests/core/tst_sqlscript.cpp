#include "core/sqlkeywords.h"
#include "core/sqlscript.h"

#include <QTest>

// Statement splitting, parameters and the statements that deserve a confirmation, for the SQL
// editor: data-driven, with the cases that break naive splitters.
class TestSqlScript : public QObject
{
    Q_OBJECT

    static QStringList strings(std::initializer_list<const char *> items)
    {
        QStringList out;
        for (const char *item : items)
            out << QString::fromUtf8(item);
        return out;
    }

private Q_SLOTS:
    // The keyword that routes a statement (reader or writer, transaction methods, refusals).
    void firstKeyword_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("keyword");
        QTest::newRow("plain") << "select 1"
                               << "SELECT";
        QTest::newRow("spaces and tabs") << " \t\r\n  Insert into t"
                                         << "INSERT";
        QTest::newRow("line comments") << "-- one\n--two\nWITH x AS (SELECT 1)"
                                       << "WITH";
        QTest::newRow("block comments") << "/* a\n b */ /**/BEGIN;"
                                        << "BEGIN";
        QTest::newRow("unterminated comment") << "/* DELETE FROM t"
                                              << "";
        QTest::newRow("comment to the end") << "-- DELETE FROM t"
                                            << "";
        QTest::newRow("stops at non-letters") << "pragma_x"
                                              << "PRAGMA";
        QTest::newRow("parenthesis first") << "(SELECT 1)"
                                           << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("lower case") << "select 1"
                                    << "SELECT";
        QTest::newRow("mixed case, less common") << "AnAlYzE t"
                                                 << "ANALYZE";
        QTest::newRow("longer than a common one") << "SELECTED"
                                                  << "SELECTED";
        QTest::newRow("shorter than a common one") << "sel 1"
                                                   << "SEL";
        QTest::newRow("non-ASCII letters are no keyword") << "ÜPDATE t"
                                                          << "";
    }

    void firstKeyword()
    {
        QFETCH(QString, sql);
        QFETCH(QString, keyword);
        QCOMPARE(firstSqlKeyword(sql), keyword);
    }

    void keywordKinds_data()
    {
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<bool>("transactionControl");
        QTest::addColumn<bool>("schemaChange");
        for (const char *word : {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
            QTest::newRow(word) << QString::fromLatin1(word) << true << false;
        for (const char *word : {"CREATE", "DROP", "ALTER"})
            QTest::newRow(word) << QString::fromLatin1(word) << false << true;
        // The same first letters, other words.
        for (const char *word : {"BEGINS", "CREATED", "EXPLAIN", "REPLACE", "REINDEX", "SELECT",
                                 "DELETE", "ANALYZE", "ATTACH", "COMMITS", "E", ""})
            QTest::newRow(word) << QString::fromLatin1(word) << false << false;
    }

    void keywordKinds()
    {
        QFETCH(QString, keyword);
        QFETCH(bool, transactionControl);
        QFETCH(bool, schemaChange);
        QCOMPARE(isTransactionControl(keyword), transactionControl);
        QCOMPARE(isSchemaChange(keyword), schemaChange);
    }

    void split_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("two") << "SELECT 1; SELECT 2;" << strings({"SELECT 1;", "SELECT 2;"});
        QTest::newRow("last without semicolon")
            << "SELECT 1;\nSELECT 2" << strings({"SELECT 1;", "SELECT 2"});
        QTest::newRow("semicolon in a string")
            << "SELECT 'a;b'; SELECT 2;" << strings({"SELECT 'a;b';", "SELECT 2;"});
        QTest::newRow("semicolon in a quoted name")
            << "SELECT \"x;y\" FROM t; SELECT 2" << strings({"SELECT \"x;y\" FROM t;", "SELECT 2"});
        QTest::newRow("semicolon in comments")
            << "SELECT 1 -- a;b\n; /* c;d */ SELECT 2;"
            << strings({"SELECT 1 -- a;b\n;", "/* c;d */ SELECT 2;"});
        QTest::newRow("trigger with inner semicolons")
            << "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; DELETE FROM b; END;"
               " SELECT 1;"
            << strings({"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; DELETE"
                        " FROM b; END;",
                        "SELECT 1;"});
        QTest::newRow("blank and comment-only pieces dropped")
            << " ;; -- nothing\n ; SELECT 1 ;  \n"
            << strings({"SELECT 1 ;"});
        QTest::newRow("doubled quotes")
            << "SELECT 'it''s;'; SELECT 2" << strings({"SELECT 'it''s;';", "SELECT 2"});
        QTest::newRow("unterminated string swallows the rest")
            << "SELECT 'abc; SELECT 2;" << strings({"SELECT 'abc; SELECT 2;"});
        QTest::newRow("unicode") << "SELECT 'Zoë 😀'; SELECT 2;"
                                 << strings({"SELECT 'Zoë 😀';", "SELECT 2;"});
    }

    void split()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QStringList texts;
        for (const SqlScript::Piece &p : SqlScript::split(script)) {
            QCOMPARE(script.mid(p.start, p.length), p.text); // positions match the text
            texts << p.text;
        }
        QCOMPARE(texts, statements);
    }

    void statementAtTheCursor()
    {
        const QString script = QStringLiteral("SELECT 1;\n\nSELECT 'x;y' AS two;\n-- end\n");
        QCOMPARE(SqlScript::statementAt(script, 3)->text, QStringLiteral("SELECT 1;"));
        QCOMPARE(SqlScript::statementAt(script, 15)->text, QStringLiteral("SELECT 'x;y' AS two;"));
        // On the comment after the last statement: that statement.
        QCOMPARE(SqlScript::statementAt(script, script.size() - 2)->text,
                 QStringLiteral("SELECT 'x;y' AS two;"));
        QVERIFY(!SqlScript::statementAt(QStringLiteral("  -- only a comment"), 3));
    }

    void parameters_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("positional") << "SELECT ?, ?" << strings({"?1", "?2"});
        QTest::newRow("numbered then bare") << "SELECT ?2, ?1, ?" << strings({"?2", "?1", "?3"});
        QTest::newRow("named, repeated once")
            << "SELECT :a, @b, $c, :a" << strings({":a", "@b", "$c"});
        QTest::newRow("not in strings or comments")
            << "SELECT '?', ':x', \"@y\" -- $z\n, ?" << strings({"?1"});
        QTest::newRow("dollar inside a name") << "SELECT a$b FROM t" << strings({});
    }

    void parameters()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, names);
        QCOMPARE(SqlScript::parameters(sql), names);
    }

    void confirmations_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("ask");
        QTest::newRow("delete all") << "DELETE FROM t" << true;
        QTest::newRow("delete some") << "DELETE FROM t WHERE id = 1" << false;
        QTest::newRow("update all") << "update t set x = 1" << true;
        QTest::newRow("update some") << "UPDATE t SET x = 1 WHERE y" << false;
        QTest::newRow("WHERE only in a string") << "UPDATE t SET x = 'WHERE'" << true;
        QTest::newRow("WHERE only in a comment") << "DELETE FROM t -- WHERE id = 1" << true;
        QTest::newRow("drop") << "DROP TABLE t" << true;
        QTest::newRow("with ... delete all") << "WITH x AS (SELECT 1) DELETE FROM t" << true;
        QTest::newRow("select") << "SELECT * FROM t" << false;
    }

    void confirmations()
    {
        QFETCH(QString, sql);
        QFETCH(bool, ask);
        QCOMPARE(!SqlScript::confirmationReason(sql).isEmpty(), ask);
    }

    void changesDatabase_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("changes");
        QTest::newRow("select") << "SELECT 1" << false;
        QTest::newRow("explain") << "EXPLAIN QUERY PLAN DELETE FROM t" << false;
        QTest::newRow("insert") << "INSERT INTO t VALUES (1)" << true;
        QTest::newRow("create") << "CREATE TABLE x(a)" << true;
        QTest::newRow("with delete") << "WITH a AS (SELECT 1) DELETE FROM t" << true;
        QTest::newRow("with select") << "WITH a AS (SELECT 1) SELECT * FROM a" << false;
        QTest::newRow("pragma read") << "PRAGMA table_info" << false;
        QTest::newRow("pragma set") << "PRAGMA user_version = 3" << true;
        QTest::newRow("begin") << "BEGIN" << false;
        QTest::newRow("comment first") << "/* hi */ SELECT 1" << false;
    }

    void changesDatabase()
    {
        QFETCH(QString, sql);
        QFETCH(bool, changes);
        QCOMPARE(SqlScript::changesDatabase(sql), changes);
    }
};

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
