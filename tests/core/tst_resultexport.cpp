#include "core/resultexport.h"
#include "core/resultformat.h"
#include "tests/support/testdb.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Exports written byte for byte as expected (tests/data/export/), for the values that break
// exporters: quotes, commas and newlines in text, NULL beside empty text, BLOBs (empty too),
// Unicode, integers beyond 2^53, reals. The SQL form is also run back into a fresh database.
class TestResultExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalConnection> m_connection;

    // Runs an export to the end; returns the error message, empty on success.
    QString exportTo(const QString &path, ResultExport::Format format, const QString &sql)
    {
        ResultExport::Options options;
        options.format = format;
        options.path = path;
        options.tableName = QStringLiteral("e copy");
        ResultExport exporter(m_connection.get(), Statement(sql), options);
        QSignalSpy finished(&exporter, &ResultExport::finished);
        QSignalSpy failed(&exporter, &ResultExport::failed);
        exporter.start();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 30000))
            return QStringLiteral("timed out");
        return failed.isEmpty() ? QString() : failed.first().first().value<DbError>().message;
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DbError>();
        m_connection = TestDb::open(m_dir.filePath(QStringLiteral("e.db")));
        QVERIFY(TestDb::run(m_connection.get(),
                            QStringLiteral("CREATE TABLE e(id INTEGER, name TEXT, note TEXT,"
                                           " data BLOB, amount REAL)"))
                    .ok);
        const QString insert = QStringLiteral("INSERT INTO e VALUES (?, ?, ?, ?, ?)");
        const QList<QList<SqlValue>> rows{
            {SqlValue(1), SqlValue(QStringLiteral("plain")), SqlValue(), SqlValue(), SqlValue(1.5)},
            {SqlValue(2), SqlValue(QStringLiteral("comma, \"quoted\"")), SqlValue(QString()),
             SqlValue::blob(QByteArray("\x00\xff\x10", 3)), SqlValue(-0.25)},
            {SqlValue(3), SqlValue(QStringLiteral("two\nlines")), SqlValue(QStringLiteral("Zoë 😀")),
             SqlValue::blob(QByteArray()), SqlValue(1e100)},
            {SqlValue(qint64(9007199254740993LL)), SqlValue(QStringLiteral("big")),
             SqlValue(QStringLiteral("tab\there")), SqlValue(), SqlValue(0.1)}};
        for (const QList<SqlValue> &row : rows)
            QVERIFY(TestDb::run(m_connection.get(), insert, row).ok);
    }

    void formats_data()
    {
        QTest::addColumn<ResultExport::Format>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("csv") << ResultExport::Format::Csv << "e.csv";
        QTest::newRow("json") << ResultExport::Format::Json << "e.json";
        QTest::newRow("json lines") << ResultExport::Format::JsonLines << "e.jsonl";
        QTest::newRow("sql") << ResultExport::Format::SqlInsert << "e.sql";
    }

    void formats()
    {
        QFETCH(ResultExport::Format, format);
        QFETCH(QString, expected);
        const QString out = m_dir.filePath(QStringLiteral("out-") + expected);
        const QString error
            = exportTo(out, format, QStringLiteral("SELECT * FROM e ORDER BY rowid"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QByteArray written = read(out);
        const QByteArray wanted
            = read(QStringLiteral(STUDIO_SOURCE_DIR "/tests/data/export/") + expected);
        if (written != wanted) {
            const QString dir = qEnvironmentVariable("STUDIO_TEST_ARTIFACTS", QDir::tempPath());
            QDir().mkpath(dir);
            QFile::copy(out, dir + QStringLiteral("/export-") + expected);
        }
        QCOMPARE(written, wanted);
    }

    // The embedded engine encodes CSV where it reads the rows; a server's rows arrive as values
    // and are written by ResultFormat. Both must give the same file.
    void rowsThatArriveAsValuesGiveTheSameCsv()
    {
        const auto result
            = TestDb::run(m_connection.get(), QStringLiteral("SELECT * FROM e ORDER BY rowid"));
        QVERIFY(result.ok);
        QByteArray csv = ResultFormat::csvHeader(result.columns);
        for (const Row &row : result.rows)
            ResultFormat::appendCsvRow(csv, row);
        QCOMPARE(csv, read(QStringLiteral(STUDIO_SOURCE_DIR "/tests/data/export/e.csv")));
    }

    void theSqlFormRunsBackToTheSameRows()
    {
        const QString out = m_dir.filePath(QStringLiteral("back.sql"));
        QVERIFY(exportTo(out, ResultExport::Format::SqlInsert,
                         QStringLiteral("SELECT * FROM e ORDER BY rowid"))
                    .isEmpty());
        auto copy = TestDb::open(m_dir.filePath(QStringLiteral("copy.db")));
        QVERIFY(TestDb::run(copy.get(), QStringLiteral("CREATE TABLE \"e copy\"(id, name, note,"
                                                       " data, amount)"))
                    .ok);
        for (const QByteArray &line : read(out).split(';')) {
            if (!line.trimmed().isEmpty())
                QVERIFY(TestDb::run(copy.get(), QString::fromUtf8(line)).ok);
        }
        const auto original = TestDb::run(m_connection.get(), QStringLiteral("SELECT * FROM e"
                                                                             " ORDER BY rowid"));
        const auto copied
            = TestDb::run(copy.get(), QStringLiteral("SELECT * FROM \"e copy\" ORDER BY rowid"));
        QCOMPARE(copied.rows, original.rows);
    }

    void largeExportsStreamAndCount()
    {
        const QString out = m_dir.filePath(QStringLiteral("big.csv"));
        QVERIFY(exportTo(out, ResultExport::Format::Csv,
                         QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                        " FROM n WHERE i < 200000) SELECT i, 'row ' || i FROM n"))
                    .isEmpty());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int lines = 0;
        while (!file.atEnd()) {
            file.readLine();
            ++lines;
        }
        QCOMPARE(lines, 200001); // and the header
    }

    void aCancelledExportLeavesNoFile()
    {
        const QString out = m_dir.filePath(QStringLiteral("cancelled.csv"));
        ResultExport::Options options;
        options.path = out;
        ResultExport exporter(
            m_connection.get(),
            Statement(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION"
                                     " ALL SELECT i + 1 FROM n) SELECT i FROM n")),
            options);
        QSignalSpy progress(&exporter, &ResultExport::progress);
        QSignalSpy failed(&exporter, &ResultExport::failed);
        exporter.start();
        QVERIFY(progress.wait(10000));
        exporter.cancel();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<DbError>().code, ErrorCode::Cancelled);
        QTest::qWait(200);
        QVERIFY(!QFile::exists(out));
    }

    void anUnwritablePlaceFailsClearly()
    {
        const QString error = exportTo(QStringLiteral("/nonexistent-dir/out.csv"),
                                       ResultExport::Format::Csv, QStringLiteral("SELECT 1"));
        QVERIFY(error.contains(QStringLiteral("could not be")));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/out.csv")));
    }
};

QTEST_GUILESS_MAIN(TestResultExport)
#include "tst_resultexport.moc"
