// dosqld throughput over one WebSocket on loopback, requests pipelined, against the real dosqld
// binary in its own process: single-row INSERTs/s (each its own logged transaction) and point
// SELECTs/s, beside the same statements run in-process on the engine in the same run; then the
// change events per second one subscriber receives while a writer inserts.
//
//   bench_dosqld [--requests N] [--window N] [--events N] [--rounds N]

#include "bench/benchsupport.h"
#include "core/engine/sqlitedb.h"
#include "core/engine/statementrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace {

QTextStream out(stdout);

// Frame text for request `id`: built before the clock starts, so that the figures measure the
// server and the transport, not this client's JSON building.
QString frame(int id, const QJsonObject &request)
{
    QJsonObject withId = request;
    withId.insert(QStringLiteral("id"), QString::number(id));
    return QString::fromUtf8(QJsonDocument(withId).toJson(QJsonDocument::Compact));
}

// Sends `frames` keeping `window` in flight; returns requests/s.
double pipelined(QWebSocket &socket, const QStringList &frames, int window, int *errors)
{
    const qsizetype total = frames.size();
    qsizetype sent = 0;
    qsizetype received = 0;
    QEventLoop loop;
    auto sendOne = [&] {
        socket.sendTextMessage(frames.at(sent++));
    };
    auto connection = QObject::connect(&socket, &QWebSocket::textMessageReceived, &loop,
                                       [&](const QString &text) {
                                           if (text.contains(QLatin1String("\"error\"")))
                                               ++*errors;
                                           if (++received == total)
                                               loop.quit();
                                           else if (sent < total)
                                               sendOne();
                                       });
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < window && sent < total; ++i)
        sendOne();
    loop.exec();
    QObject::disconnect(connection);
    return total / (double(timer.nsecsElapsed()) / 1e9);
}

double inProcess(const QString &path, int total, const std::function<Statement(int)> &makeStatement,
                 bool write)
{
    SqliteDb db;
    db.open(path, SqliteDb::OpenMode::ReadWrite);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < total; ++i) {
        StatementResult result;
        // The same unit of work as an autocommit exec: its own transaction.
        if (write)
            db.exec(QStringLiteral("BEGIN IMMEDIATE"));
        StatementRunner::run(db, makeStatement(i), -1, &result);
        if (write)
            db.exec(QStringLiteral("COMMIT"));
    }
    return total / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption requests(QStringLiteral("requests"),
                                      QStringLiteral("Requests per figure."), QStringLiteral("N"),
                                      QStringLiteral("20000"));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("Requests in flight."),
                                    QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption events(QStringLiteral("events"),
                                    QStringLiteral("Change events for the CDC figure."),
                                    QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Runs per figure (the median is shown)."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({requests, window, events, roundsOption});
    parser.process(app);
    const QString placement = BenchSupport::pinClient();
    const int total = parser.value(requests).toInt();
    const int inFlight = parser.value(window).toInt();
    const int eventCount = parser.value(events).toInt();
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    {
        SqliteDb db;
        db.open(path, SqliteDb::OpenMode::Create);
        db.exec(QStringLiteral("CREATE TABLE kv(id INTEGER PRIMARY KEY, v TEXT)"));
    }

    QProcess server;
    const quint16 port = BenchSupport::startDosqld(server, dir.path());
    if (port == 0) {
        out << "dosqld did not start" << Qt::endl;
        return 1;
    }
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/db/bench").arg(port));
    QWebSocket socket;
    if (!BenchSupport::openSocket(socket, url)) {
        out << "dosqld did not accept the WebSocket" << Qt::endl;
        return 1;
    }

    out << "bench_dosqld: " << total << " requests per figure, " << inFlight
        << " in flight, one socket on loopback, medians of " << rounds << " rounds; " << placement
        << Qt::endl;
    int errors = 0;
    // Each figure is the median of `rounds` runs; the inserts of each round use new ids.
    QList<double> insertsRemote, insertsLocal, selectsRemote, selectsLocal, echoes, pingsRemote;
    QRandomGenerator random(7);
    BenchSupport::EchoServer echoServer;
    QWebSocket echoSocket;
    if (!BenchSupport::openSocket(
            echoSocket, QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(echoServer.port())))) {
        out << "the echo server did not answer" << Qt::endl;
        return 1;
    }
    for (int round = 0; round < rounds; ++round) {
        const qint64 firstId = qint64(round) * 2 * total + 1;
        QStringList inserts;
        for (int i = 0; i < total; ++i) {
            inserts.append(frame(
                i, QJsonObject{{QStringLiteral("method"), QStringLiteral("exec")},
                               {QStringLiteral("params"),
                                QJsonObject{{QStringLiteral("sql"),
                                             QStringLiteral("INSERT INTO kv(id, v) VALUES (?, ?)")},
                                            {QStringLiteral("params"),
                                             QJsonArray{double(firstId + i),
                                                        QStringLiteral("value %1").arg(i)}}}}}));
        }
        insertsRemote.append(pipelined(socket, inserts, inFlight, &errors));
        // The same statements in-process on the engine (other ids, same table and file).
        insertsLocal.append(inProcess(
            path, total,
            [&](int i) {
                return Statement(
                    QStringLiteral("INSERT INTO kv(id, v) VALUES (?, ?)"),
                    {SqlValue(firstId + total + i), SqlValue(QStringLiteral("value %1").arg(i))});
            },
            true));

        const qint64 rows = firstId + 2 * total - 1;
        QStringList selects;
        for (int i = 0; i < total; ++i) {
            selects.append(frame(
                i, QJsonObject{{QStringLiteral("method"), QStringLiteral("query")},
                               {QStringLiteral("params"),
                                QJsonObject{{QStringLiteral("sql"),
                                             QStringLiteral("SELECT v FROM kv WHERE id = ?")},
                                            {QStringLiteral("params"),
                                             QJsonArray{double(random.bounded(rows) + 1)}}}}}));
        }
        selectsRemote.append(pipelined(socket, selects, inFlight, &errors));
        selectsLocal.append(inProcess(
            path, total,
            [&](int) {
                return Statement(QStringLiteral("SELECT v FROM kv WHERE id = ?"),
                                 {SqlValue(qint64(random.bounded(rows)) + 1)});
            },
            false));
        int echoErrors = 0;
        echoes.append(pipelined(echoSocket, selects, inFlight, &echoErrors));
        // Where the time goes: the same socket and JSON, no database work.
        QStringList pings;
        for (int i = 0; i < total; ++i)
            pings.append(frame(i, QJsonObject{{QStringLiteral("method"), QStringLiteral("ping")}}));
        pingsRemote.append(pipelined(socket, pings, inFlight, &errors));
    }

    auto line = [](const char *what, double remote, double local) {
        out << QStringLiteral("%1 dosqld %2/s   in-process %3/s   ratio %4x (target >= 0.5x: %5)")
                   .arg(QLatin1String(what), -22)
                   .arg(remote, 9, 'f', 0)
                   .arg(local, 9, 'f', 0)
                   .arg(remote / local, 0, 'f', 2)
                   .arg(remote / local >= 0.5 ? QStringLiteral("met") : QStringLiteral("MISSED"))
            << Qt::endl;
    };
    line("single-row INSERTs", BenchSupport::median(insertsRemote),
         BenchSupport::median(insertsLocal));
    line("point SELECTs", BenchSupport::median(selectsRemote), BenchSupport::median(selectsLocal));
    out << QStringLiteral("the same SELECT frames echoed by a bare QWebSocketServer: %1/s;"
                          " dosqld answers at %2 of that transport ceiling")
               .arg(BenchSupport::median(echoes), 0, 'f', 0)
               .arg(BenchSupport::median(selectsRemote) / BenchSupport::median(echoes), 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("pings over the same socket (request parsing and a reply, no database):"
                          " %1/s")
               .arg(BenchSupport::median(pingsRemote), 0, 'f', 0)
        << Qt::endl;

    // CDC: one subscriber, a writer inserting 100 rows per batch on another socket.
    QWebSocket subscriber;
    if (!BenchSupport::openSocket(subscriber, url)) {
        out << "dosqld did not accept the subscriber's WebSocket" << Qt::endl;
        return 1;
    }
    int received = 0;
    QElapsedTimer cdcTimer;
    QEventLoop allEvents;
    QObject::connect(
        &subscriber, &QWebSocket::textMessageReceived, &allEvents, [&](const QString &text) {
            const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
            if (frame.value(QStringLiteral("type")).toString() == u"cdc_batch") {
                if (received == 0)
                    cdcTimer.start();
                received += int(frame.value(QStringLiteral("events")).toArray().size());
                if (received >= eventCount)
                    allEvents.quit();
            } else if (frame.value(QStringLiteral("type")).toString() == u"error") {
                out << "subscription error: " << text << Qt::endl;
                allEvents.quit();
            }
        });
    subscriber.sendTextMessage(QStringLiteral("{\"id\":\"s\",\"method\":\"subscribe\",\"params\":{"
                                              "\"tables\":[\"kv\"],\"batchSize\":500}}"));
    QTimer::singleShot(200, &allEvents, [&] {
        QStringList batches;
        for (int b = 0; b < eventCount / 100; ++b) {
            QJsonArray statements;
            for (int j = 0; j < 100; ++j)
                statements.append(QJsonObject{
                    {QStringLiteral("sql"), QStringLiteral("INSERT INTO kv(v) VALUES (?)")},
                    {QStringLiteral("params"),
                     QJsonArray{QStringLiteral("event %1").arg(b * 100 + j)}}});
            batches.append(
                frame(b, QJsonObject{{QStringLiteral("method"), QStringLiteral("batch")},
                                     {QStringLiteral("params"),
                                      QJsonObject{{QStringLiteral("statements"), statements}}}}));
        }
        pipelined(socket, batches, 8, &errors);
    });
    QTimer::singleShot(120000, &allEvents, &QEventLoop::quit);
    allEvents.exec();
    out << QStringLiteral("CDC events delivered to one subscriber: %1 in %2 s = %3 events/s")
               .arg(received)
               .arg(cdcTimer.elapsed() / 1000.0, 0, 'f', 2)
               .arg(received / (cdcTimer.nsecsElapsed() / 1e9), 0, 'f', 0)
        << Qt::endl;
    if (errors > 0)
        out << errors << " requests failed" << Qt::endl;
    server.terminate();
    server.waitForFinished(5000);
    return errors > 0 ? 1 : 0;
}
