#include "core/engine/sqlitedb.h"
#include "core/net/remoteconnection.h"
#include "server/dosqlserver.h"
#include "tests/support/testdb.h"

#include <QTemporaryDir>
#include <QTest>

// Change streams from a real dosqld on 127.0.0.1, in each of the ways a client can follow them
// (PROTOCOL.md §3): every change once, in LSN order, across drops; gaps reported, never hidden.
class TestChangeSubscription : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;
    std::unique_ptr<RemoteConnection> m_writer;
    quint16 m_port = 0;

    void startServer(qint64 keep = 1000000)
    {
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = m_port;
        config.logKeepCount = keep;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_port = m_server->port();
    }

    std::unique_ptr<RemoteConnection> connect()
    {
        ConnectionSpec spec;
        spec.location = QStringLiteral("http://127.0.0.1:%1/db/app").arg(m_port);
        auto connection = std::make_unique<RemoteConnection>(spec);
        QSignalSpy changed(connection.get(), &Connection::stateChanged);
        connection->open();
        while (connection->state() == Connection::State::Opening && changed.wait(10000)) {
        }
        return connection;
    }

    void insert(int from, int count)
    {
        for (int i = from; i < from + count; ++i)
            QVERIFY(TestDb::run(m_writer.get(), QStringLiteral("INSERT INTO items(v) VALUES (?)"),
                                {SqlValue(i)})
                        .ok);
    }

    // Collects what a subscription delivers.
    struct Collector
    {
        QList<ChangeEvent> events;
        QStringList gaps;
        bool started = false;
        explicit Collector(ChangeSubscription *s)
        {
            QObject::connect(s, &ChangeSubscription::eventsReceived, s,
                             [this](const QList<ChangeEvent> &e) { events += e; });
            QObject::connect(s, &ChangeSubscription::gapDetected, s,
                             [this](const QString &m) { gaps << m; });
            QObject::connect(s, &ChangeSubscription::started, s, [this] { started = true; });
        }
        // The `v` of each INSERT's new row, in order.
        QList<qint64> values() const
        {
            QList<qint64> out;
            for (const ChangeEvent &e : events) {
                if (e.operation == ChangeEvent::Operation::Insert)
                    out << e.after.value(e.columns.indexOf(QStringLiteral("v"))).toInteger();
            }
            return out;
        }
    };

    static QList<qint64> range(int from, int count)
    {
        QList<qint64> out;
        for (int i = from; i < from + count; ++i)
            out << i;
        return out;
    }

    static bool strictlyIncreasing(const QList<ChangeEvent> &events)
    {
        for (qsizetype i = 1; i < events.size(); ++i) {
            if (events.at(i).lsn <= events.at(i - 1).lsn)
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(QStringLiteral("CREATE TABLE items(id INTEGER PRIMARY KEY, v INTEGER);"
                                        "CREATE TABLE other(x)")));
        db.close();
        startServer();
        m_writer = connect();
        QCOMPARE(m_writer->state(), Connection::State::Open);
    }

    void cleanupTestCase()
    {
        m_writer.reset();
        m_server.reset();
    }

    void init() { QVERIFY(TestDb::run(m_writer.get(), QStringLiteral("DELETE FROM items")).ok); }

    void streamsDeliverEveryChangeOnceInOrder_data()
    {
        QTest::addColumn<ChangeSubscription::Mode>("mode");
        QTest::newRow("subscribe") << ChangeSubscription::Mode::Subscribe;
        QTest::newRow("server-sent events") << ChangeSubscription::Mode::Sse;
        QTest::newRow("auto") << ChangeSubscription::Mode::Auto;
    }

    void streamsDeliverEveryChangeOnceInOrder()
    {
        QFETCH(ChangeSubscription::Mode, mode);
        auto watcher = connect();
        ChangeSubscription::Options options;
        options.tables = {QStringLiteral("items")};
        options.mode = mode;
        std::unique_ptr<ChangeSubscription> subscription(watcher->watch(options));
        Collector seen(subscription.get());
        QTRY_VERIFY_WITH_TIMEOUT(seen.started, 5000);
        insert(0, 30);
        TestDb::run(m_writer.get(), QStringLiteral("INSERT INTO other VALUES (1)")); // not watched
        QTRY_COMPARE_WITH_TIMEOUT(seen.values().size(), 30, 10000);
        QCOMPARE(seen.values(), range(0, 30));
        QVERIFY(strictlyIncreasing(seen.events));
        for (const ChangeEvent &e : std::as_const(seen.events))
            QCOMPARE(e.table, QStringLiteral("items"));
        QCOMPARE(subscription->lastLsn(), seen.events.last().lsn);
    }

    void resumesFromTheMiddle()
    {
        insert(0, 10);
        // The LSN after the first five inserts: start there and get exactly the other five.
        auto first = connect();
        ChangeSubscription::Options everything;
        everything.tables = {QStringLiteral("items")};
        everything.fromLsn = 0;
        std::unique_ptr<ChangeSubscription> all(first->watch(everything));
        Collector from0(all.get());
        QTRY_VERIFY_WITH_TIMEOUT(from0.values().size() >= 10
                                     && from0.values().mid(from0.values().size() - 10)
                                            == range(0, 10),
                                 10000);
        const QList<ChangeEvent> inserts = [&] {
            QList<ChangeEvent> out;
            for (const ChangeEvent &e : std::as_const(from0.events))
                if (e.operation == ChangeEvent::Operation::Insert)
                    out << e;
            return out;
        }();
        const qint64 middle = inserts.at(inserts.size() - 6).lsn;
        for (auto mode : {ChangeSubscription::Mode::Subscribe, ChangeSubscription::Mode::Sse}) {
            ChangeSubscription::Options options = everything;
            options.fromLsn = middle;
            options.mode = mode;
            std::unique_ptr<ChangeSubscription> resumed(first->watch(options));
            Collector seen(resumed.get());
            QTRY_COMPARE_WITH_TIMEOUT(seen.values(), range(5, 5), 10000);
        }
    }

    void aServerRestartLosesNothing()
    {
        auto watcher = connect();
        ChangeSubscription::Options options;
        options.tables = {QStringLiteral("items")};
        std::unique_ptr<ChangeSubscription> subscription(watcher->watch(options));
        Collector seen(subscription.get());
        QTRY_VERIFY_WITH_TIMEOUT(seen.started, 5000);
        insert(0, 5);
        QTRY_COMPARE_WITH_TIMEOUT(seen.values().size(), 5, 10000);

        m_writer.reset();
        m_server.reset();
        startServer();
        m_writer = connect();
        // Written while the watcher is still away: it resubscribes from its last LSN and gets them.
        insert(5, 5);
        QTRY_COMPARE_WITH_TIMEOUT(seen.values(), range(0, 10), 15000);
        QVERIFY(strictlyIncreasing(seen.events));
        QVERIFY(seen.gaps.isEmpty());
    }

    void aResumeFromBeforeTheKeptLogIsReportedAsAGap()
    {
        m_writer.reset();
        m_server.reset();
        startServer(5); // keeps only the newest five entries
        m_writer = connect();
        insert(0, 20);
        m_server->trimLogs();
        QTest::qWait(300);
        auto watcher = connect();
        for (auto mode : {ChangeSubscription::Mode::Subscribe, ChangeSubscription::Mode::Sse}) {
            ChangeSubscription::Options options;
            options.tables = {QStringLiteral("items")};
            options.fromLsn = 1;
            options.mode = mode;
            std::unique_ptr<ChangeSubscription> subscription(watcher->watch(options));
            Collector seen(subscription.get());
            QTRY_COMPARE_WITH_TIMEOUT(seen.gaps.size(), 1, 10000);
            QVERIFY(seen.gaps.first().contains(QStringLiteral("missed")));
            // And it goes on with what comes next.
            insert(100, 1);
            QTRY_VERIFY_WITH_TIMEOUT(seen.values().contains(100), 10000);
        }
        m_writer.reset();
        m_server.reset();
        startServer();
        m_writer = connect();
    }

    void pollingInfersChangesWithoutLsns()
    {
        insert(0, 3);
        auto watcher = connect();
        ChangeSubscription::Options options;
        options.tables = {QStringLiteral("items")};
        options.mode = ChangeSubscription::Mode::Poll;
        options.pollIntervalMs = 200;
        std::unique_ptr<ChangeSubscription> subscription(watcher->watch(options));
        Collector seen(subscription.get());
        QTRY_VERIFY_WITH_TIMEOUT(seen.started, 5000);
        QTest::qWait(500); // the baseline read
        insert(3, 1);
        QVERIFY(
            TestDb::run(m_writer.get(), QStringLiteral("UPDATE items SET v = 42 WHERE v = 0")).ok);
        QVERIFY(TestDb::run(m_writer.get(), QStringLiteral("DELETE FROM items WHERE v = 1")).ok);
        QTRY_COMPARE_WITH_TIMEOUT(seen.events.size(), 3, 10000);
        QSet<ChangeEvent::Operation> operations;
        for (const ChangeEvent &e : std::as_const(seen.events)) {
            QCOMPARE(e.lsn, 0); // inferred
            operations.insert(e.operation);
        }
        QCOMPARE(operations.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestChangeSubscription)
#include "tst_changesubscription.moc"
