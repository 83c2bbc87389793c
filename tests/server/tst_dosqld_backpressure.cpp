#include "core/engine/sqlitedb.h"
#include "tests/support/dosqldprocess.h"
#include "tests/support/rpcclient.h"

#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

// A subscriber that stops reading (its own thread, asleep) while a writer floods the database.
class SlowSubscriber : public QObject
{
    Q_OBJECT

public:
    std::unique_ptr<RpcClient> client;
    QString subscriptionId;

public Q_SLOTS:
    void subscribe(const QUrl &url)
    {
        client = std::make_unique<RpcClient>(url);
        subscriptionId = client->call(QStringLiteral("subscribe"), {})
                             .value(QStringLiteral("result"))
                             .toObject()
                             .value(QStringLiteral("subscriptionId"))
                             .toString();
    }
    void nap(int ms) { QThread::msleep(ms); }
    // Reads until an error frame arrives or time runs out; returns it.
    QJsonObject waitForError(int ms)
    {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired()) {
            for (const QJsonObject &f : std::as_const(client->m_frames)) {
                if (f.value(QStringLiteral("type")).toString() == u"error")
                    return f;
            }
            QTest::qWait(10);
        }
        return {};
    }
    void finish() { client.reset(); }
};

// Backpressure and idle clients (issue: slow subscribers, thousands of idle sockets) against
// the real dosqld in its own process.
class TestDosqldBackpressure : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("flood.db")), SqliteDb::OpenMode::Create));
        QVERIFY(
            !db.exec(QStringLiteral("CREATE TABLE blobs(id INTEGER PRIMARY KEY, payload TEXT)")));
    }

    void slowSubscriberOverflowsAndResumesWithoutGaps()
    {
        DosqldProcess server({QStringLiteral("--data-dir"), m_dir.path(),
                              QStringLiteral("--cdc-buffer"), QStringLiteral("50")});
        QVERIFY(server.port() != 0);
        QThread thread;
        SlowSubscriber slow;
        slow.moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(&slow, "subscribe", Qt::BlockingQueuedConnection,
                                  Q_ARG(QUrl, server.url(QStringLiteral("flood"))));
        QVERIFY(!slow.subscriptionId.isEmpty());
        QMetaObject::invokeMethod(&slow, "nap", Qt::QueuedConnection, Q_ARG(int, 4000));

        // About 16 MB of changes: more than the kernel buffers between the two can hold.
        RpcClient writer(server.url(QStringLiteral("flood")));
        const QString payload(4000, u'x');
        for (int i = 0; i < 40; ++i) {
            QJsonArray statements;
            for (int j = 0; j < 100; ++j)
                statements.append(
                    QJsonObject{{QStringLiteral("sql"),
                                 QStringLiteral("INSERT INTO blobs(payload) VALUES (?)")},
                                {QStringLiteral("params"), QJsonArray{payload}}});
            QVERIFY(
                writer.call(QStringLiteral("batch"), {{QStringLiteral("statements"), statements}})
                    .contains(QStringLiteral("result")));
        }
        const qint64 current = writer.call(QStringLiteral("ping"))
                                   .value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("lsn"))
                                   .toString()
                                   .toLongLong();
        QCOMPARE(current, 4000);

        QJsonObject error;
        QMetaObject::invokeMethod(&slow, "waitForError", Qt::BlockingQueuedConnection,
                                  Q_RETURN_ARG(QJsonObject, error), Q_ARG(int, 15000));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("BUFFER_OVERFLOW"));
        const qint64 lastLsn = error.value(QStringLiteral("lastLSN")).toString().toLongLong();
        QVERIFY(lastLsn < current);
        QMetaObject::invokeMethod(&slow, "finish", Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();

        // Resuming from lastLSN brings everything after it, once, in order.
        RpcClient again(server.url(QStringLiteral("flood")));
        QVERIFY(again
                    .call(QStringLiteral("subscribe"),
                          {{QStringLiteral("fromLSN"), QString::number(lastLsn)}})
                    .contains(QStringLiteral("result")));
        qint64 expected = lastLsn + 1;
        QDeadlineTimer deadline(20000);
        while (expected <= current && !deadline.hasExpired()) {
            const QJsonObject frame = again.next(1000);
            for (const QJsonValue &e : frame.value(QStringLiteral("events")).toArray())
                QCOMPARE(e.toObject().value(QStringLiteral("lsn")).toString().toLongLong(),
                         expected++);
        }
        QCOMPARE(expected, current + 1);
    }

    void thousandsOfIdleSocketsDoNotHurtOthers()
    {
        DosqldProcess server({QStringLiteral("--data-dir"), m_dir.path()});
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 2000; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, server.port());
        }
        for (auto &s : idle)
            QVERIFY(s->state() == QAbstractSocket::ConnectedState || s->waitForConnected(5000));
        // Half of them send half a request and stall: a slow client must not hold anyone up.
        for (size_t i = 0; i < idle.size(); i += 2)
            idle[i]->write("GET /db/flood/tables HTTP/1.1\r\nHost: x\r\n");
        RpcClient client(server.url(QStringLiteral("flood")));
        QVERIFY(client.isConnected());
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(client.call(QStringLiteral("ping"))
                         .value(QStringLiteral("result"))
                         .toObject()
                         .value(QStringLiteral("pong"))
                         .toBool(),
                     true);
        qInfo("50 pings in %lld ms beside 2000 idle sockets", timer.elapsed());
        QVERIFY(server.process().state() == QProcess::Running);
    }
};

QTEST_GUILESS_MAIN(TestDosqldBackpressure)
#include "tst_dosqld_backpressure.moc"
