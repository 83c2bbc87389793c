#include "server/dosqlserver.h"
#include "tests/support/rpcclient.h"

#include "core/engine/sqlitedb.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

// Change data capture (PROTOCOL.md §3, §7) against a real dosqld: the lake.do subscription and
// the SSE stream, from the start, from the middle, live, after a restart and from too far back.
// Every test checks the stream has no gaps, no duplicates and keeps LSN order.
class TestDosqldCdc : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;

    void startServer()
    {
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.heartbeatMs = 200;
        config.logKeepCount = 25;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/db/feed").arg(m_server->port()));
    }

    static QJsonObject exec(RpcClient &c, const QString &sql)
    {
        return c.call(QStringLiteral("exec"), {{QStringLiteral("sql"), sql}});
    }

    // Collects cdc_batch events until `count` arrived (or time runs out).
    static QList<QJsonObject> collect(RpcClient &c, int count, int timeoutMs = 10000)
    {
        QList<QJsonObject> events;
        QDeadlineTimer deadline(timeoutMs);
        while (events.size() < count && !deadline.hasExpired()) {
            for (qsizetype i = 0; i < c.m_frames.size();) {
                const QJsonObject f = c.m_frames.at(i);
                if (f.value(QStringLiteral("type")).toString() == u"cdc_batch") {
                    for (const QJsonValue &e : f.value(QStringLiteral("events")).toArray())
                        events.append(e.toObject());
                    c.m_frames.removeAt(i);
                } else {
                    ++i;
                }
            }
            QTest::qWait(5);
        }
        return events;
    }

    static void verifyConsecutive(const QList<QJsonObject> &events, qint64 firstLsn)
    {
        for (qsizetype i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).value(QStringLiteral("lsn")).toString().toLongLong(),
                     firstLsn + i);
    }

    static QJsonObject subscribe(RpcClient &c, const QJsonObject &params)
    {
        return c.call(QStringLiteral("subscribe"), params);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("feed.db")), SqliteDb::OpenMode::Create));
        QVERIFY(
            !db.exec(QStringLiteral("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT);"
                                    "CREATE TABLE orders(id INTEGER PRIMARY KEY, total REAL)")));
        db.close();
        startServer();
        RpcClient c(url());
        for (int i = 1; i <= 20; ++i)
            QVERIFY(!exec(c, QStringLiteral("INSERT INTO users VALUES (%1, 'user %1')").arg(i))
                         .contains(QStringLiteral("error")));
    }

    void cleanupTestCase() { m_server.reset(); }

    void fromZeroDeliversEverythingInOrder()
    {
        RpcClient c(url());
        const QJsonObject reply = subscribe(c, {{QStringLiteral("fromLSN"), QStringLiteral("0")}});
        QVERIFY2(reply.contains(QStringLiteral("result")),
                 QJsonDocument(reply).toJson().constData());
        QVERIFY(!reply.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("subscriptionId"))
                     .toString()
                     .isEmpty());
        const QList<QJsonObject> events = collect(c, 20);
        QCOMPARE(events.size(), 20);
        verifyConsecutive(events, 1);
        const QJsonObject first = events.first();
        QCOMPARE(first.value(QStringLiteral("operation")).toString(), QStringLiteral("INSERT"));
        QCOMPARE(first.value(QStringLiteral("table")).toString(), QStringLiteral("users"));
        QCOMPARE(first.value(QStringLiteral("primaryKey")).toObject(),
                 (QJsonObject{{QStringLiteral("id"), 1}}));
        QCOMPARE(first.value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("user 1"));
        QVERIFY(!first.contains(QStringLiteral("before")));
    }

    void liveChangesFollowWithFullImages()
    {
        RpcClient c(url());
        const QJsonObject reply
            = subscribe(c, {{QStringLiteral("tables"), QJsonArray{QStringLiteral("users")}}});
        const qint64 current = reply.value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("currentLSN"))
                                   .toString()
                                   .toLongLong();
        RpcClient writer(url());
        exec(writer,
             QStringLiteral("INSERT INTO orders VALUES (1, 9.5)")); // another table: filtered out
        exec(writer, QStringLiteral("UPDATE users SET name = 'Anna' WHERE id = 2"));
        exec(writer, QStringLiteral("DELETE FROM users WHERE id = 3"));
        const QList<QJsonObject> events = collect(c, 2);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).value(QStringLiteral("lsn")).toString().toLongLong(), current + 2);
        QCOMPARE(events.at(0)
                     .value(QStringLiteral("before"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("user 2"));
        QCOMPARE(events.at(0)
                     .value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Anna"));
        QCOMPARE(events.at(1).value(QStringLiteral("operation")).toString(),
                 QStringLiteral("DELETE"));
        QVERIFY(!events.at(1).contains(QStringLiteral("after")));
        QVERIFY(collect(c, 1, 300).isEmpty()); // nothing twice
    }

    void fromTheMiddleStartsStrictlyAfter()
    {
        RpcClient c(url());
        const QJsonObject reply = subscribe(c, {{QStringLiteral("fromLSN"), 15}});
        const qint64 current = reply.value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("currentLSN"))
                                   .toString()
                                   .toLongLong();
        QVERIFY(current > 15);
        const QList<QJsonObject> events = collect(c, int(current - 15));
        QCOMPARE(events.size(), current - 15);
        verifyConsecutive(events, 16);
        QVERIFY(collect(c, 1, 200).isEmpty());
    }

    void heartbeatsWhenIdle()
    {
        RpcClient c(url());
        subscribe(c, {});
        QDeadlineTimer deadline(3000);
        bool seen = false;
        while (!seen && !deadline.hasExpired()) {
            for (const QJsonObject &f : std::as_const(c.m_frames))
                seen = seen || f.value(QStringLiteral("type")).toString() == u"heartbeat";
            QTest::qWait(20);
        }
        QVERIFY(seen);
    }

    void unsubscribeStopsTheStream()
    {
        RpcClient c(url());
        const QString id = subscribe(c, {})
                               .value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("subscriptionId"))
                               .toString();
        QCOMPARE(c.call(QStringLiteral("unsubscribe"), {{QStringLiteral("subscriptionId"), id}})
                     .value(QStringLiteral("result"))
                     .toObject(),
                 QJsonObject{});
        RpcClient writer(url());
        exec(writer, QStringLiteral("INSERT INTO users(name) VALUES ('after unsubscribe')"));
        QVERIFY(collect(c, 1, 300).isEmpty());
        QCOMPARE(c.call(QStringLiteral("unsubscribe"), {{QStringLiteral("subscriptionId"), id}})
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("SUBSCRIPTION_ERROR"));
    }

    void resumesAfterARestartWithoutGaps()
    {
        qint64 last = 0;
        {
            RpcClient c(url());
            last = c.call(QStringLiteral("ping"))
                       .value(QStringLiteral("result"))
                       .toObject()
                       .value(QStringLiteral("lsn"))
                       .toString()
                       .toLongLong();
        }
        m_server.reset(); // stop, then start again on the same folder
        startServer();
        RpcClient writer(url());
        exec(writer, QStringLiteral("INSERT INTO users(name) VALUES ('after restart')"));
        RpcClient c(url());
        QVERIFY(subscribe(c, {{QStringLiteral("fromLSN"), QString::number(last - 2)}})
                    .contains(QStringLiteral("result")));
        const QList<QJsonObject> events = collect(c, 3);
        QCOMPARE(events.size(), 3);
        verifyConsecutive(events, last - 1);
        QCOMPARE(events.last()
                     .value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("after restart"));
    }

    void sseStreamsTheGuideShapeAndResumes()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/db/feed/cdc/stream?table=users&from=2")
                     .arg(m_server->port())));
        QNetworkReply *reply = network.get(request);
        QByteArray body;
        connect(reply, &QNetworkReply::readyRead, reply, [&] { body += reply->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(body.count("\ndata: ") >= 3, 10000);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(),
                 QStringLiteral("text/event-stream"));
        QVERIFY(body.startsWith(": connected\n\n"));
        const QList<QByteArray> blocks = body.mid(body.indexOf("\n\n") + 2).split('\n');
        QCOMPARE(blocks.at(0), QByteArray("id: 3"));
        QVERIFY(blocks.at(1).startsWith("data: "));
        const QJsonObject data = QJsonDocument::fromJson(blocks.at(1).mid(6)).object();
        QCOMPARE(data.value(QStringLiteral("type")).toString(), QStringLiteral("INSERT"));
        QCOMPARE(data.value(QStringLiteral("lsn")).toInteger(), 3);
        QVERIFY(data.value(QStringLiteral("oldValue")).isNull());
        QCOMPARE(
            data.value(QStringLiteral("newValue")).toObject().value(QStringLiteral("id")).toInt(),
            3);
        reply->abort();
        reply->deleteLater();

        // EventSource's resume: Last-Event-ID.
        request.setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/db/feed/cdc/stream?table=users")
                                .arg(m_server->port())));
        request.setRawHeader("Last-Event-ID", "19");
        QNetworkReply *resumed = network.get(request);
        QByteArray resumedBody;
        connect(resumed, &QNetworkReply::readyRead, resumed,
                [&] { resumedBody += resumed->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(resumedBody.contains("id: 20\n"), 10000);
        QVERIFY(!resumedBody.contains("id: 19\n"));
        resumed->abort();
        resumed->deleteLater();
    }

    void sseTooOldIsA400WithBounds()
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/db/feed/cdc/stream?from=999999")
                     .arg(m_server->port()))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(body.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_LSN"));
        QVERIFY(body.contains(QStringLiteral("oldestLSN"))
                && body.contains(QStringLiteral("currentLSN")));
        reply->deleteLater();
    }
    // Last: it trims the log.
    void tooOldOrFutureLsnIsRefusedWithTheBounds()
    {
        RpcClient writer(url());
        for (int i = 0; i < 10; ++i)
            exec(writer, QStringLiteral("INSERT INTO orders(total) VALUES (%1)").arg(i));
        m_server->trimLogs(); // this server keeps the newest 25 entries
        exec(writer,
             QStringLiteral("INSERT INTO orders(total) VALUES (-1)")); // after the trim, in order
        const qint64 current = writer.call(QStringLiteral("ping"))
                                   .value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("lsn"))
                                   .toString()
                                   .toLongLong();
        QVERIFY(current > 30);

        RpcClient c(url());
        QJsonObject error = subscribe(c, {{QStringLiteral("fromLSN"), QStringLiteral("0")}})
                                .value(QStringLiteral("error"))
                                .toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_LSN"));
        const qint64 oldest = error.value(QStringLiteral("details"))
                                  .toObject()
                                  .value(QStringLiteral("oldestLSN"))
                                  .toString()
                                  .toLongLong();
        QCOMPARE(oldest, current - 25); // 25 kept at the trim, plus the one written after
        QCOMPARE(error.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("currentLSN"))
                     .toString()
                     .toLongLong(),
                 current);

        error = subscribe(c, {{QStringLiteral("fromLSN"), QString::number(current + 1)}})
                    .value(QStringLiteral("error"))
                    .toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_LSN"));

        // The oldest kept entry minus one is still a valid resume point.
        QVERIFY(subscribe(c, {{QStringLiteral("fromLSN"), QString::number(oldest - 1)}})
                    .contains(QStringLiteral("result")));
        const QList<QJsonObject> events = collect(c, int(current - oldest + 1));
        verifyConsecutive(events, oldest);
    }
};

QTEST_GUILESS_MAIN(TestDosqldCdc)
#include "tst_dosqld_cdc.moc"
