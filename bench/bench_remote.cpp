// RemoteConnection against a real dosqld (its own process) on loopback:
//  - pipelined point SELECTs: requests/s and p50/p99 latency, beside the same frames echoed by a
//    bare QWebSocketServer in the same run (the transport's ceiling; target >= 50 % of it);
//  - a 1M-row result streamed through the Connection API: time to the first batch, the whole
//    result, and the growth of this process's resident memory while it streams.
//
//   bench_remote [--requests N] [--window N] [--rows N] [--rounds N]

#include "bench/benchsupport.h"
#include "core/engine/sqlitedb.h"
#include "core/engine/statementrunner.h"
#include "core/net/remoteconnection.h"
#include "core/requestcontrol.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

QTextStream out(stdout);

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(p * double(values.size()))));
}

// What one side used per request, in the threads of BenchSupport::Usage.
struct PerRequest
{
    double cpuUs = 0;
    double switches = 0;
    double ioCalls = 0;
};

struct Figures
{
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    PerRequest client; // this process but the echo server's thread
    PerRequest server; // dosqld, or the echo server's thread
};

// The server side of the run in progress: dosqld's process, or the echo server's thread.
std::function<BenchSupport::Usage()> serverUsage;

PerRequest perRequest(const BenchSupport::Usage &used, int total)
{
    return {double(used.cpuNs) / 1e3 / total, double(used.switches) / total,
            double(used.ioCalls) / total};
}

// Starts `window` requests with `sendOne`, which the answers go on calling, and runs `loop` until
// it quits; then the figures of the `total` requests, with their `latencies`.
Figures runWindow(int total, int window, const std::function<void()> &sendOne, QEventLoop &loop,
                  const QList<double> &latencies)
{
    using BenchSupport::Threads;
    const BenchSupport::Usage clientBefore
        = BenchSupport::processUsage(0, Threads::AllButEchoServer);
    const BenchSupport::Usage serverBefore = serverUsage();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < window; ++i)
        sendOne();
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const BenchSupport::Usage client
        = BenchSupport::processUsage(0, Threads::AllButEchoServer) - clientBefore;
    return {total / seconds, percentile(latencies, 0.5), percentile(latencies, 0.99),
            perRequest(client, total), perRequest(serverUsage() - serverBefore, total)};
}

// Medians over the rounds of one kind of run.
struct Runs
{
    QList<Figures> rounds;

    double median(double Figures::*figure) const
    {
        QList<double> values;
        for (const Figures &f : rounds)
            values << f.*figure;
        return BenchSupport::median(values);
    }
    double median(PerRequest Figures::*side, double PerRequest::*figure) const
    {
        QList<double> values;
        for (const Figures &f : rounds)
            values << f.*side.*figure;
        return BenchSupport::median(values);
    }
    QString perRequest(PerRequest Figures::*side) const
    {
        return QStringLiteral("%1 µs CPU, %2 switches, %3 read/write calls")
            .arg(median(side, &PerRequest::cpuUs), 0, 'f', 2)
            .arg(median(side, &PerRequest::switches), 0, 'f', 2)
            .arg(median(side, &PerRequest::ioCalls), 0, 'f', 2);
    }
};

// `total` point SELECTs through the Connection API, `window` in flight.
Figures pointSelects(Connection &connection, int total, int window, qint64 rows)
{
    QRandomGenerator random(11);
    QList<double> latencies;
    latencies.reserve(total);
    int sent = 0;
    int done = 0;
    // Requests that have ended, deleted once their own `ended` has returned: a deleteLater per
    // request costs this thread an event and a wake-up of its own loop each. The bench's own
    // bookkeeping allocates nothing per request, as rawFrames' does not.
    std::vector<DbRequest *> spent;
    spent.reserve(1);
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    std::function<void()> sendOne = [&] {
        auto *request = connection.query(Statement(QStringLiteral("SELECT v FROM kv WHERE id = ?"),
                                                   {SqlValue(qint64(random.bounded(rows)) + 1)}));
        ++sent;
        const qint64 sentAt = clock.nsecsElapsed();
        QObject::connect(request, &DbRequest::ended, &loop, [&, request, sentAt] {
            latencies.append(double(clock.nsecsElapsed() - sentAt) / 1e6);
            qDeleteAll(spent);
            spent.clear();
            spent.push_back(request);
            if (++done == total)
                loop.quit();
            else if (sent < total)
                sendOne();
        });
    };
    QElapsedTimer timer;
    const Figures figures = runWindow(total, window, sendOne, loop, latencies);
    qDeleteAll(spent);
    return figures;
}

// The database's own share of a point SELECT: the same statements in this process, straight
// through the engine's StatementRunner, reading the file through a memory map as dosqld does,
// and, as dosqld's quick reads share one, `window` of them to a read transaction (each in a
// transaction of its own costs twice as much here: WAL's read locks).
double inProcessPerSecond(const QString &path, int total, int window, qint64 rows)
{
    SqliteDb db;
    db.open(path, SqliteDb::OpenMode::ReadOnly);
    db.mapIntoMemory(qint64(1) << 30);
    QRandomGenerator random(13);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < total; ++i) {
        if (i % window == 0) {
            if (i > 0)
                db.exec(QStringLiteral("COMMIT"));
            db.exec(QStringLiteral("BEGIN"));
        }
        StatementResult result;
        StatementRunner::run(db,
                             Statement(QStringLiteral("SELECT v FROM kv WHERE id = ?"),
                                       {SqlValue(qint64(random.bounded(rows)) + 1)}),
                             -1, &result);
    }
    db.exec(QStringLiteral("COMMIT"));
    return total / (double(timer.nsecsElapsed()) / 1e9);
}

// The same queries as frames written beforehand, with keys drawn as pointSelects draws them, so
// that dosqld does the same work for a bare client (a fixed key would always find its page
// cached). Writing them costs the raw clients nothing while they run.
QStringList rawQueryFrames(qint64 rows)
{
    QRandomGenerator random(12);
    QStringList frames;
    for (int i = 0; i < 4096; ++i)
        frames << QStringLiteral("{\"id\":\"1\",\"method\":\"query\",\"params\":{\"sql\":"
                                 "\"SELECT v FROM kv WHERE id = ?\",\"params\":[%1],"
                                 "\"rowFormat\":\"array\"}}")
                      .arg(qint64(random.bounded(rows)) + 1);
    return frames;
}

// The same traffic as raw frames: against the echo server, or straight to dosqld.
Figures rawFrames(QWebSocket &socket, const QStringList &frames, int total, int window)
{
    QList<double> latencies;
    QList<qint64> sentAt;
    QElapsedTimer timer;
    int sent = 0;
    int received = 0;
    QEventLoop loop;
    auto sendOne = [&] {
        sentAt.append(timer.nsecsElapsed());
        socket.sendTextMessage(frames.at(sent % frames.size()));
        ++sent;
    };
    auto connection
        = QObject::connect(&socket, &QWebSocket::textMessageReceived, &loop, [&](const QString &) {
              latencies.append(double(timer.nsecsElapsed() - sentAt.at(received)) / 1e6);
              if (++received == total)
                  loop.quit();
              else if (sent < total)
                  sendOne();
          });
    timer.start();
    const Figures figures = runWindow(total, window, sendOne, loop, latencies);
    QObject::disconnect(connection);
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption requests(QStringLiteral("requests"), QStringLiteral("Per round."),
                                      QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("In flight."),
                                    QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Rows of the streamed result."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({requests, window, rowsOption, roundsOption});
    parser.process(app);
    const QString placement = BenchSupport::pinClient();
    const int total = parser.value(requests).toInt();
    const int inFlight = parser.value(window).toInt();
    const qint64 rows = parser.value(rowsOption).toLongLong();
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    QTemporaryDir dir;
    {
        SqliteDb db;
        db.open(dir.filePath(QStringLiteral("bench.db")), SqliteDb::OpenMode::Create);
        db.exec(QStringLiteral("CREATE TABLE kv(id INTEGER PRIMARY KEY, v TEXT, n REAL);"
                               "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s"
                               " WHERE i < %1) INSERT INTO kv SELECT i, 'value ' || i, i * 0.5"
                               " FROM s")
                    .arg(rows));
    }
    QProcess server;
    const quint16 port = BenchSupport::startDosqld(server, dir.path());
    if (port == 0) {
        out << "dosqld did not start" << Qt::endl;
        return 1;
    }
    const qint64 serverPid = server.processId();
    ConnectionSpec spec;
    spec.location = QStringLiteral("http://127.0.0.1:%1/db/bench").arg(port);
    spec.remote.requestTimeoutMs = 120000;
    RemoteConnection connection(spec);
    QEventLoop opening;
    QObject::connect(&connection, &Connection::stateChanged, &opening, &QEventLoop::quit);
    connection.open();
    opening.exec();
    if (connection.state() != Connection::State::Open) {
        out << "could not connect: " << connection.lastError().message << Qt::endl;
        return 1;
    }
    BenchSupport::EchoServer echoServer;
    QWebSocket echoSocket;
    if (!BenchSupport::openSocket(
            echoSocket, QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(echoServer.port())))) {
        out << "the echo server did not answer" << Qt::endl;
        return 1;
    }
    // A bare client straight to dosqld: the server's share, without this client's.
    QWebSocket bareSocket;
    if (!BenchSupport::openSocket(bareSocket,
                                  QUrl(QStringLiteral("ws://127.0.0.1:%1/db/bench").arg(port)))) {
        out << "dosqld did not accept a bare WebSocket" << Qt::endl;
        return 1;
    }

    out << "bench_remote: " << total << " point SELECTs per round, " << inFlight
        << " in flight, medians of " << rounds << " rounds; " << rows << "-row table; " << placement
        << Qt::endl;

    // Streaming first, while this process is still small, so its memory growth is readable.
    QList<double> firstBatch, whole, growth;
    for (int round = 0; round < rounds; ++round) {
        const qint64 before = BenchSupport::residentBytes();
        qint64 peak = before;
        QTimer sampler;
        QObject::connect(&sampler, &QTimer::timeout, &sampler,
                         [&] { peak = qMax(peak, BenchSupport::residentBytes()); });
        sampler.start(5);
        QElapsedTimer clock;
        clock.start();
        qint64 received = 0;
        double first = -1;
        QueryRequest *request = connection.query(Statement(QStringLiteral("SELECT * FROM kv")));
        QEventLoop loop;
        QObject::connect(request, &QueryRequest::rowsReady, &loop, [&](const RowBatch &batch) {
            if (first < 0)
                first = double(clock.nsecsElapsed()) / 1e6;
            received += batch.rows.size();
        });
        QObject::connect(request, &DbRequest::ended, &loop, &QEventLoop::quit);
        loop.exec();
        whole.append(double(clock.nsecsElapsed()) / 1e6);
        sampler.stop();
        peak = qMax(peak, BenchSupport::residentBytes());
        if (request->state() != DbRequest::State::Finished || received != rows) {
            out << "streaming failed: " << request->error().message << " after " << received
                << " rows" << Qt::endl;
            return 1;
        }
        delete request;
        firstBatch.append(first);
        growth.append(double(peak - before) / (1024.0 * 1024.0));
    }
    out << QStringLiteral("%1-row result: first batch %2 ms, whole result %3 s, resident memory"
                          " grew %4 MiB while streaming")
               .arg(rows)
               .arg(BenchSupport::median(firstBatch), 0, 'f', 1)
               .arg(BenchSupport::median(whole) / 1000, 0, 'f', 2)
               .arg(BenchSupport::median(growth), 0, 'f', 1)
        << Qt::endl;

    Runs remote, bare, echo;
    QList<double> inProcessRate;
    const QStringList frames = rawQueryFrames(rows);
    const auto dosqldUsage = [serverPid] {
        return BenchSupport::processUsage(serverPid);
    };
    const auto echoUsage = [] {
        return BenchSupport::processUsage(0, BenchSupport::Threads::EchoServer);
    };
    for (int round = 0; round < rounds; ++round) {
        serverUsage = dosqldUsage;
        remote.rounds << pointSelects(connection, total, inFlight, rows);
        bare.rounds << rawFrames(bareSocket, frames, total, inFlight);
        serverUsage = echoUsage;
        echo.rounds << rawFrames(echoSocket, frames, total, inFlight);
        inProcessRate << inProcessPerSecond(dir.filePath(QStringLiteral("bench.db")), total,
                                            inFlight, rows);
    }
    const double remoteRate = remote.median(&Figures::perSecond);
    const double bareRate = bare.median(&Figures::perSecond);
    const double echoRate = echo.median(&Figures::perSecond);
    const double ratio = remoteRate / echoRate;
    const auto latency = [](const Runs &runs) {
        return QStringLiteral("p50 %1 ms, p99 %2 ms")
            .arg(runs.median(&Figures::p50Ms), 0, 'f', 2)
            .arg(runs.median(&Figures::p99Ms), 0, 'f', 2);
    };
    out << QStringLiteral("point SELECTs via RemoteConnection: %1/s, %2")
               .arg(remoteRate, 0, 'f', 0)
               .arg(latency(remote))
        << Qt::endl;
    out << QStringLiteral("raw WebSocket echo of the same frames: %1/s, %2")
               .arg(echoRate, 0, 'f', 0)
               .arg(latency(echo))
        << Qt::endl;
    out << QStringLiteral("the same frames from a bare client straight to dosqld: %1/s (%2 of the"
                          " echo); RemoteConnection reaches %3 of that bare client")
               .arg(bareRate, 0, 'f', 0)
               .arg(bareRate / echoRate, 0, 'f', 2)
               .arg(remoteRate / bareRate, 0, 'f', 2)
        << Qt::endl;
    // Rates depend on how the scheduler shares the CPUs out; what each side uses much less.
    out << QStringLiteral("per request, client side: RemoteConnection %1; bare client %2; echo"
                          " client %3")
               .arg(remote.perRequest(&Figures::client), bare.perRequest(&Figures::client),
                    echo.perRequest(&Figures::client))
        << Qt::endl;
    out << QStringLiteral("per request, server side: dosqld for RemoteConnection %1; for the bare"
                          " client %2; the echo server %3")
               .arg(remote.perRequest(&Figures::server), bare.perRequest(&Figures::server),
                    echo.perRequest(&Figures::server))
        << Qt::endl;
    out << QStringLiteral("the same SELECTs in-process (SQLite alone, through StatementRunner, a"
                          " window's worth to a read transaction): %1/s, %2 µs each")
               .arg(BenchSupport::median(inProcessRate), 0, 'f', 0)
               .arg(1e6 / BenchSupport::median(inProcessRate), 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("ratio %1 of the echo (target >= 0.5: %2)")
               .arg(ratio, 0, 'f', 2)
               .arg(ratio >= 0.5 ? QStringLiteral("met") : QStringLiteral("MISSED"))
        << Qt::endl;
    server.terminate();
    server.waitForFinished(5000);
    return 0;
}
