#include "core/sqlinliner.h"

#include <QTest>

// Parameters written into SQL as literals (HTTP compatibility mode): found only where SQLite
// would find them, and never changing a value. The round trip of every value through a real
// server is in tst_remoteconnection_http.
class TestSqlInliner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inlines_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QList<SqlValue>>("params");
        QTest::addColumn<QString>("expected");
        const QList<SqlValue> one{SqlValue(QStringLiteral("it's"))};
        QTest::newRow("positional") << "SELECT ?" << one << "SELECT 'it''s'";
        QTest::newRow("inside a string") << "SELECT '?', ? -- ?\n"
                                         << one << "SELECT '?', 'it''s' -- ?\n";
        QTest::newRow("inside identifiers")
            << "SELECT \"a?\", [b?], `c?`, ?" << one << "SELECT \"a?\", [b?], `c?`, 'it''s'";
        QTest::newRow("inside a block comment")
            << "SELECT /* ? :x */ ?" << one << "SELECT /* ? :x */ 'it''s'";
        QTest::newRow("doubled quotes stay inside")
            << "SELECT 'a''?', ?" << one << "SELECT 'a''?', 'it''s'";
        QTest::newRow("numbered") << "SELECT ?2, ?1, ?"
                                  << QList<SqlValue>{SqlValue(1), SqlValue(2), SqlValue(3)}
                                  << "SELECT 2, 1, 3";
        QTest::newRow("dollar inside an identifier")
            << "SELECT a$b, ?" << QList<SqlValue>{SqlValue(1)} << "SELECT a$b, 1";
        QTest::newRow("int64 min")
            << "SELECT ?" << QList<SqlValue>{SqlValue(std::numeric_limits<qint64>::min())}
            << "SELECT (-9223372036854775807 - 1)";
        QTest::newRow("NUL in text")
            << "SELECT ?"
            << QList<SqlValue>{SqlValue(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))}
            << "SELECT ('a' || char(0) || 'b')";
        QTest::newRow("blob") << "SELECT ?" << QList<SqlValue>{SqlValue::blob(QByteArray("\x00\xff", 2))}
                              << "SELECT X'00ff'";
        QTest::newRow("null and real")
            << "SELECT ?, ?" << QList<SqlValue>{SqlValue(), SqlValue(0.1)} << "SELECT NULL, 0.1";
        QTest::newRow("newline and backslash")
            << "SELECT ?" << QList<SqlValue>{SqlValue(QStringLiteral("a\\\nb"))}
            << "SELECT 'a\\\nb'";
        QTest::newRow("unterminated string is left alone")
            << "SELECT 'abc ?" << QList<SqlValue>{} << "SELECT 'abc ?";
    }

    void inlines()
    {
        QFETCH(QString, sql);
        QFETCH(QList<SqlValue>, params);
        QFETCH(QString, expected);
        DbError error;
        const std::optional<QString> out
            = SqlInliner::inlineParameters(Statement(sql, params), &error);
        QVERIFY2(out, qPrintable(error.message));
        QCOMPARE(*out, expected);
    }

    void namedParameters()
    {
        Statement statement(QStringLiteral("SELECT :a, @b, $c, :a"));
        statement.namedParams = {{QStringLiteral(":a"), SqlValue(1)},
                                 {QStringLiteral("b"), SqlValue(2)},
                                 {QStringLiteral("$c"), SqlValue(QStringLiteral("x"))}};
        DbError error;
        QCOMPARE(*SqlInliner::inlineParameters(statement, &error),
                 QStringLiteral("SELECT 1, 2, 'x', 1"));
    }

    void missingValuesAreErrors()
    {
        DbError error;
        QVERIFY(!SqlInliner::inlineParameters(
            Statement(QStringLiteral("SELECT ?, ?"), {SqlValue(1)}), &error));
        QCOMPARE(error.code, ErrorCode::InvalidRequest);
        QVERIFY(!SqlInliner::inlineParameters(Statement(QStringLiteral("SELECT :nope")), &error));
        QVERIFY(error.message.contains(QStringLiteral(":nope")));
    }
};

QTEST_GUILESS_MAIN(TestSqlInliner)
#include "tst_sqlinliner.moc"
