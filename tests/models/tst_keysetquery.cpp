#include "models/columnfilter.h"
#include "models/keysetquery.h"

#include <QTest>

// The SQL the table model sends: keyset pages that never use OFFSET on keyed tables, and
// filters that bind what the user typed instead of splicing it into SQL.
class TestKeysetQuery : public QObject
{
    Q_OBJECT

    static TableSchema table(bool withoutRowid, const QString &keyType = QStringLiteral("INTEGER"))
    {
        TableSchema t;
        t.name = QStringLiteral("ev ents");
        t.withoutRowid = withoutRowid;
        ColumnInfo id{QStringLiteral("id"), keyType, false, {}, false, 1, ColumnInfo::Hidden::No};
        ColumnInfo k2{QStringLiteral("k2"), QStringLiteral("TEXT"), false, {}, false,
                      withoutRowid ? 2 : 0, ColumnInfo::Hidden::No};
        ColumnInfo v{QStringLiteral("v"), QString(), false, {}, false, 0, ColumnInfo::Hidden::No};
        t.columns = {id, k2, v};
        return t;
    }

private Q_SLOTS:
    void integerPrimaryKeyIsTheRowid()
    {
        KeysetQuery q(table(false));
        const Statement s = q.page({SqlValue(500)}, true, 256);
        QCOMPARE(
            s.sql,
            QStringLiteral("SELECT \"id\", \"id\", \"k2\", \"v\" FROM \"ev ents\" WHERE \"id\" >= ?"
                           " ORDER BY \"id\" LIMIT 256"));
        QCOMPARE(s.params, (QList<SqlValue>{SqlValue(500)}));
        QVERIFY(!s.sql.contains(QStringLiteral("OFFSET")));
    }

    void otherKeysUseRowid()
    {
        KeysetQuery q(table(false, QStringLiteral("INT")));
        QVERIFY(q.page({SqlValue(7)}, false, 10).sql.contains(QStringLiteral("WHERE rowid > ?")));
    }

    void compositeKeyUsesRowValues()
    {
        KeysetQuery q(table(true, QStringLiteral("TEXT")));
        const Statement s
            = q.page({SqlValue(QStringLiteral("a")), SqlValue(QStringLiteral("b"))}, true, 5);
        QVERIFY2(s.sql.contains(
                     QStringLiteral("WHERE (\"id\", \"k2\") >= (?, ?) ORDER BY \"id\", \"k2\"")),
                 qPrintable(s.sql));
    }

    void sortedDescendingWalksTheKeyBackwards()
    {
        KeysetQuery q(table(false));
        q.setSort(2, Qt::DescendingOrder);
        const Statement s = q.page({SqlValue(3), SqlValue(9)}, true, 5);
        QVERIFY2(s.sql.contains(QStringLiteral("ORDER BY \"v\" DESC, \"id\" DESC")),
                 qPrintable(s.sql));
        QVERIFY2(s.sql.contains(QStringLiteral("\"v\" IS NULL")), qPrintable(s.sql));
        QCOMPARE(s.params, (QList<SqlValue>{SqlValue(3), SqlValue(3), SqlValue(9)}));
    }

    void viewsPageByOffset()
    {
        TableSchema v = table(false);
        v.kind = TableSchema::Kind::View;
        KeysetQuery q(v);
        QVERIFY(!q.hasKey());
        QVERIFY(q.pageByOffset(512, 256).sql.endsWith(QStringLiteral("LIMIT 256 OFFSET 512")));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QList<SqlValue>>("params");
        QTest::newRow("contains") << QStringLiteral("ann") << QStringLiteral("c LIKE ? ESCAPE '\\'")
                                  << QList<SqlValue>{SqlValue(QStringLiteral("%ann%"))};
        QTest::newRow("wildcards literal")
            << QStringLiteral("50%_") << QStringLiteral("c LIKE ? ESCAPE '\\'")
            << QList<SqlValue>{SqlValue(QStringLiteral("%50\\%\\_%"))};
        QTest::newRow("greater number")
            << QStringLiteral("> 10") << QStringLiteral("c > ?") << QList<SqlValue>{SqlValue(10)};
        QTest::newRow("not equal real") << QStringLiteral("!=2.5") << QStringLiteral("c <> ?")
                                        << QList<SqlValue>{SqlValue(2.5)};
        QTest::newRow("equal text") << QStringLiteral("=paid") << QStringLiteral("c = ?")
                                    << QList<SqlValue>{SqlValue(QStringLiteral("paid"))};
        QTest::newRow("null") << QStringLiteral("null") << QStringLiteral("c IS NULL")
                              << QList<SqlValue>{};
        QTest::newRow("not null") << QStringLiteral("IS NOT NULL")
                                  << QStringLiteral("c IS NOT NULL") << QList<SqlValue>{};
        QTest::newRow("empty text")
            << QStringLiteral("''") << QStringLiteral("c = ''") << QList<SqlValue>{};
        QTest::newRow("injection stays a value")
            << QStringLiteral("'; DROP TABLE t; --") << QStringLiteral("c LIKE ? ESCAPE '\\'")
            << QList<SqlValue>{SqlValue(QStringLiteral("%'; DROP TABLE t; --%"))};
        QTest::newRow("blank") << QStringLiteral("   ") << QString() << QList<SqlValue>{};
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QString, condition);
        QFETCH(QList<SqlValue>, params);
        const ColumnFilter f = ColumnFilter::parse(QStringLiteral("c"), text);
        QCOMPARE(f.condition, condition);
        QCOMPARE(f.params, params);
    }
};

QTEST_GUILESS_MAIN(TestKeysetQuery)
#include "tst_keysetquery.moc"
