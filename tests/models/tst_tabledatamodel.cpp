#include "models/cellpresentation.h"
#include "models/tabledatamodel.h"
#include "tests/support/testdb.h"

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>

// TableDataModel against real tables, checked row for row against what SQLite itself returns.
class TestTableDataModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalConnection> m_db;
    DatabaseSchema m_schema;

    void exec(const QString &sql)
    {
        const auto r = TestDb::run(m_db.get(), sql);
        QVERIFY2(r.ok, qPrintable(sql + QStringLiteral(": ") + r.error.message));
    }

    QList<Row> sqlRows(const QString &sql) { return TestDb::run(m_db.get(), sql).rows; }

    void reloadSchema()
    {
        SchemaRequest *request = m_db->readSchema();
        QSignalSpy finished(request, &SchemaRequest::finished);
        QVERIFY(finished.wait(5000));
        m_schema = request->schema();
        delete request;
    }

    TableSchema table(const QString &name) { return *m_schema.find(name); }

    static Row modelRow(const TableDataModel &model, int row)
    {
        Row values;
        for (int c = 0; c < model.columnCount(); ++c)
            values.append(model.index(row, c).data(TableDataModel::SqlValueRole).value<SqlValue>());
        return values;
    }

    // Loads page after page (last to first when `backwards`, which needs the anchor index, as a
    // jump with the scroll bar does) and returns all rows in model order. Rows are copied the
    // moment their page arrives: with a small cache a page may be evicted soon after.
    static QList<Row> readAll(TableDataModel &model, bool backwards = false)
    {
        QList<Row> rows(model.rowCount());
        const int pages
            = (model.rowCount() + TableDataModel::kPageSize - 1) / TableDataModel::kPageSize;
        auto copyPage = [&](int page) {
            const int first = page * TableDataModel::kPageSize;
            const int end = qMin(first + TableDataModel::kPageSize, model.rowCount());
            for (int r = first; r < end; ++r)
                rows[r] = modelRow(model, r);
        };
        for (int i = 0; i < pages; ++i) {
            const int page = backwards ? pages - 1 - i : i;
            const int first = page * TableDataModel::kPageSize;
            bool copied = false;
            QMetaObject::Connection c
                = connect(&model, &TableDataModel::pageLoaded, &model, [&](int loaded) {
                      if (loaded == page && !copied) {
                          copyPage(page);
                          copied = true;
                      }
                  });
            if (model.isRowLoaded(first)) {
                copyPage(page);
                copied = true;
            } else {
                model.index(first, 0).data(); // asks for the page
                QDeadlineTimer deadline(10000);
                while (!copied && !deadline.hasExpired())
                    QTest::qWait(2);
                if (!copied)
                    qWarning("page %d never arrived", page);
            }
            disconnect(c);
        }
        return rows;
    }

    static void waitUntilIndexed(TableDataModel &model)
    {
        if (!model.isIndexComplete()) {
            QSignalSpy done(&model, &TableDataModel::indexComplete);
            QVERIFY(done.wait(60000));
        }
        if (!model.isRowCountExact()) {
            QSignalSpy counted(&model, &TableDataModel::rowCountKnown);
            QVERIFY(counted.wait(60000));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = TestDb::open(m_dir.filePath(QStringLiteral("m.db")));
        exec(QStringLiteral(
            "CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, score REAL, note)"));
        // 3000 rows: repeated scores, NULLs, empty strings and BLOBs so sorting has ties and NULLs.
        exec(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000)"
            " INSERT INTO people SELECT i * 3, 'person ' || (i % 97),"
            " CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 7919) % 50 END,"
            " CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN CAST(x'00ff' || randomblob(4) "
            "AS BLOB) ELSE i END FROM c"));
        exec(QStringLiteral("CREATE TABLE pairs(a INT, b TEXT, v, PRIMARY KEY(a, b))"));
        exec(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1500)"
            " INSERT INTO pairs SELECT i % 13, 'k' || i, i FROM c"));
        exec(QStringLiteral("CREATE TABLE likes(post TEXT, user INT, at INT, PRIMARY KEY(post, "
                            "user)) WITHOUT ROWID"));
        exec(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000)"
            " INSERT INTO likes SELECT 'post' || (i % 37), i, i * 10 FROM c"));
        exec(QStringLiteral(
            "CREATE VIEW high_scores AS SELECT name, score FROM people WHERE score > 40"));
        exec(QStringLiteral("CREATE TABLE big(id INTEGER PRIMARY KEY, user_id INT, payload TEXT)"));
        exec(QStringLiteral(
            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000)"
            " INSERT INTO big SELECT i, i % 1000, 'payload ' || i FROM c"));
        exec(QStringLiteral("CREATE INDEX big_user ON big(user_id)"));
        reloadSchema();
    }

    void cleanupTestCase() { m_db.reset(); }

    void keyOrder_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("oracle");
        QTest::newRow("rowid table")
            << QStringLiteral("people") << QStringLiteral("SELECT * FROM people ORDER BY id");
        QTest::newRow("composite primary key")
            << QStringLiteral("pairs") << QStringLiteral("SELECT * FROM pairs ORDER BY rowid");
        QTest::newRow("without rowid")
            << QStringLiteral("likes") << QStringLiteral("SELECT * FROM likes ORDER BY post, user");
        QTest::newRow("view") << QStringLiteral("high_scores")
                              << QStringLiteral("SELECT * FROM high_scores");
    }

    void keyOrder()
    {
        QFETCH(QString, table);
        QFETCH(QString, oracle);
        TableDataModel model(m_db.get(), this->table(table));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        waitUntilIndexed(model);
        const QList<Row> expected = sqlRows(oracle);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(readAll(model), expected);
        // Again from the end, through anchors only, with a cache too small to keep much.
        model.setCacheLimit(64 * 1024);
        model.refresh();
        waitUntilIndexed(model);
        QCOMPARE(readAll(model, true), expected);
        QVERIFY(model.cacheBytes() <= 64 * 1024 + 200 * 1024);
    }

    void sortMatchesSql_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("oracle");
        QTest::newRow("score asc (NULLs, ties)")
            << 2 << int(Qt::AscendingOrder)
            << QStringLiteral("SELECT * FROM people ORDER BY score, id");
        QTest::newRow("score desc")
            << 2 << int(Qt::DescendingOrder)
            << QStringLiteral("SELECT * FROM people ORDER BY score DESC, id DESC");
        QTest::newRow("mixed types asc")
            << 3 << int(Qt::AscendingOrder)
            << QStringLiteral("SELECT * FROM people ORDER BY note, id");
        QTest::newRow("mixed types desc")
            << 3 << int(Qt::DescendingOrder)
            << QStringLiteral("SELECT * FROM people ORDER BY note DESC, id DESC");
        QTest::newRow("text desc")
            << 1 << int(Qt::DescendingOrder)
            << QStringLiteral("SELECT * FROM people ORDER BY name DESC, id DESC");
    }

    void sortMatchesSql()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, oracle);
        TableDataModel model(m_db.get(), table(QStringLiteral("people")));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCacheLimit(200 * 1024); // forces evictions, so pages are re-read from anchors
        model.sort(column, Qt::SortOrder(order));
        waitUntilIndexed(model);
        const QList<Row> expected = sqlRows(oracle);
        QCOMPARE(readAll(model, true), expected);
        QCOMPARE(readAll(model), expected);
    }

    void filterMatchesSql_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("oracle");
        QTest::newRow("contains")
            << 1 << QStringLiteral("son 1")
            << QStringLiteral("SELECT * FROM people WHERE name LIKE '%son 1%' ORDER BY id");
        QTest::newRow("greater") << 2 << QStringLiteral(">45")
                                 << QStringLiteral(
                                        "SELECT * FROM people WHERE score > 45 ORDER BY id");
        QTest::newRow("null") << 2 << QStringLiteral("NULL")
                              << QStringLiteral(
                                     "SELECT * FROM people WHERE score IS NULL ORDER BY id");
        QTest::newRow("empty text")
            << 3 << QStringLiteral("''")
            << QStringLiteral("SELECT * FROM people WHERE note = '' ORDER BY id");
        QTest::newRow("nothing matches")
            << 1 << QStringLiteral("zzz") << QStringLiteral("SELECT * FROM people WHERE 0");
    }

    void filterMatchesSql()
    {
        QFETCH(int, column);
        QFETCH(QString, filter);
        QFETCH(QString, oracle);
        TableDataModel model(m_db.get(), table(QStringLiteral("people")));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(column, filter);
        waitUntilIndexed(model);
        const QList<Row> expected = sqlRows(oracle);
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(readAll(model, true), expected);
    }

    void sortedAndFilteredTogether()
    {
        TableDataModel model(m_db.get(), table(QStringLiteral("people")));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(1, QStringLiteral("person 3"));
        model.sort(2, Qt::DescendingOrder);
        waitUntilIndexed(model);
        QCOMPARE(readAll(model, true),
                 sqlRows(QStringLiteral("SELECT * FROM people WHERE name LIKE '%person 3%'"
                                        " ORDER BY score DESC, id DESC")));
    }

    void millionRowsJumpAnywhereWithBoundedMemory()
    {
        TableDataModel model(m_db.get(), table(QStringLiteral("big")));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The first rows come before the count or the index.
        QSignalSpy first(&model, &TableDataModel::pageLoaded);
        QVERIFY(first.wait(5000));
        QVERIFY(model.rowCount() >= TableDataModel::kPageSize);
        QCOMPARE(modelRow(model, 0).first(), SqlValue(1));

        waitUntilIndexed(model);
        QCOMPARE(model.rowCount(), 1000000);
        for (int row : {500000, 999999, 123457, 0}) {
            model.index(row, 0).data();
            QTRY_VERIFY(model.isRowLoaded(row));
            QCOMPARE(
                modelRow(model, row),
                sqlRows(QStringLiteral("SELECT * FROM big ORDER BY id LIMIT 1 OFFSET %1").arg(row))
                    .first());
        }

        // Sorted by an indexed column with ties, the jump is still exact.
        model.sort(1, Qt::AscendingOrder);
        waitUntilIndexed(model);
        model.index(700001, 0).data();
        QTRY_VERIFY(model.isRowLoaded(700001));
        QCOMPARE(
            modelRow(model, 700001),
            sqlRows(QStringLiteral("SELECT * FROM big ORDER BY user_id, id LIMIT 1 OFFSET 700001"))
                .first());

        // Touching pages all over the table keeps the cache within its limit.
        model.setCacheLimit(2 * 1024 * 1024);
        for (int row = 0; row < 1000000; row += 9973 * 4) {
            model.index(row, 0).data();
            QTRY_VERIFY(model.isRowLoaded(row));
        }
        QVERIFY2(model.cacheBytes() <= 2 * 1024 * 1024 + 256 * 1024,
                 qPrintable(QString::number(model.cacheBytes())));
    }

    void cellTexts()
    {
        QCOMPARE(CellPresentation::displayText(SqlValue()), QStringLiteral("NULL"));
        QCOMPARE(CellPresentation::displayText(SqlValue(QString())), QString());
        QCOMPARE(CellPresentation::displayText(SqlValue(QStringLiteral("a\nb"))),
                 QStringLiteral("a⏎b"));
        QCOMPARE(CellPresentation::displayText(SqlValue::blob(QByteArray("\x00\xff", 2))),
                 QStringLiteral("BLOB 2 bytes: 00 ff"));
        const QString longText(1000, u'x');
        QCOMPARE(CellPresentation::displayText(SqlValue(longText)).size(),
                 CellPresentation::kDisplayTextLimit + 1);
    }

    void epochTimesGetADateTooltip()
    {
        QVERIFY(CellPresentation::timestampText(QStringLiteral("created_at"),
                                                SqlValue(qint64(1795475303204LL)))
                    .startsWith(QStringLiteral("2026-11-23T")));
        QVERIFY(CellPresentation::timestampText(QStringLiteral("last_active"),
                                                SqlValue(qint64(1795475303204LL)))
                    .isEmpty());
        QVERIFY(CellPresentation::timestampText(QStringLiteral("created_at"), SqlValue(qint64(42)))
                    .isEmpty());
        QVERIFY(CellPresentation::timestampText(QStringLiteral("updated_at"),
                                                SqlValue(qint64(1700000000)))
                    .startsWith(QStringLiteral("2023-11-14T22:13:20")));
    }

    void nullIsDistinctFromEmptyText()
    {
        TableDataModel model(m_db.get(), table(QStringLiteral("people")));
        QSignalSpy loaded(&model, &TableDataModel::pageLoaded);
        QVERIFY(loaded.wait(5000));
        // note: i % 4 == 0 → NULL (row index 3), == 1 → '' (row index 0)
        QCOMPARE(model.index(0, 3).data(TableDataModel::IsNullRole).toBool(), false);
        QCOMPARE(model.index(0, 3).data().toString(), QString());
        QCOMPARE(model.index(3, 3).data(TableDataModel::IsNullRole).toBool(), true);
        QCOMPARE(model.index(3, 3).data().toString(), QStringLiteral("NULL"));
        QVERIFY(model.index(3, 3).data(Qt::FontRole).value<QFont>().italic());
    }
};

QTEST_MAIN(TestTableDataModel)
#include "tst_tabledatamodel.moc"
