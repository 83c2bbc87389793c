#include "core/engine/demodatabase.h"
#include "tests/support/testdb.h"

#include <QTemporaryDir>
#include <QTest>

// The demo database the app opens with --demo: the SvelteKit guide's schema, realistic sizes.
class TestDemoDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheGuideSchemaWithRealisticData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(DemoDatabase::fileName());
        const auto error = DemoDatabase::create(path);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));

        auto db = TestDb::open(path, ConnectionSpec::OpenMode::ReadOnly);
        QCOMPARE(db->state(), Connection::State::Open);
        const QList<std::pair<QString, int>> minimumRows{
            {QStringLiteral("users"), 5000},        {QStringLiteral("sessions"), 20000},
            {QStringLiteral("products"), 500},      {QStringLiteral("orders"), 30000},
            {QStringLiteral("order_items"), 60000}, {QStringLiteral("posts"), 3000},
            {QStringLiteral("comments"), 15000},    {QStringLiteral("todos"), 200}};
        for (const auto &[table, minimum] : minimumRows) {
            const auto r = TestDb::run(db.get(), QStringLiteral("SELECT count(*) FROM ") + table);
            QVERIFY2(r.ok, qPrintable(table));
            QVERIFY2(r.rows.first().first().toInteger() >= minimum, qPrintable(table));
        }
        QCOMPARE(TestDb::run(db.get(), QStringLiteral("PRAGMA journal_mode"))
                     .rows.first()
                     .first()
                     .toText(),
                 QStringLiteral("wal"));
        QVERIFY(TestDb::run(db.get(), QStringLiteral("PRAGMA foreign_key_check")).rows.isEmpty());
        // The guide's dashboard query works on it.
        const auto top = TestDb::run(
            db.get(),
            QStringLiteral(
                "SELECT p.id, p.name, COUNT(oi.id) AS sales FROM products p JOIN order_items oi"
                " ON p.id = oi.product_id GROUP BY p.id, p.name ORDER BY sales DESC LIMIT 5"));
        QVERIFY(top.ok);
        QCOMPARE(top.rows.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestDemoDatabase)
#include "tst_demodatabase.moc"
