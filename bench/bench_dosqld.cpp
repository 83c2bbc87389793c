// dosqld throughput over one WebSocket on loopback, requests pipelined, against the real dosqld
// binary in its own process: single-row INSERTs/s (each its own logged transaction) and point
// SELECTs/s, beside the same statements run in-process on the engine in the same run; then the
// change events per second one subscriber receives while a writer inserts.
//
//   bench_dosqld [--requests N] [--window N] [--events N]

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
#include <QTimer>
#include <QWebSocket>

namespace {

QTextStream out(stdout);

// Sends `total` requests made by `makeRequest(i)` keeping `window` in flight; returns req/s.
double pipelined(QWebSocket &socket, int total, int window,
                 const std::function<QJsonObject(int)> &makeRequest, int *errors)
{
    int sent = 0;
    int received = 0;
    QEventLoop loop;
    auto sendOne = [&] {
        QJsonObject request = makeRequest(sent);
        request.insert(QStringLiteral("id"), QString::number(sent));
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
        ++sent;
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
    parser.addOptions({requests, window, events});
    parser.process(app);
    const int total = parser.value(requests).toInt();
    const int inFlight = parser.value(window).toInt();
    const int eventCount = parser.value(events).toInt();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    {
        SqliteDb db;
        db.open(path, SqliteDb::OpenMode::Create);
        db.exec(QStringLiteral("CREATE TABLE kv(id INTEGER PRIMARY KEY, v TEXT)"));
    }

    QProcess server;
    server.start(
        QCoreApplication::applicationDirPath() + QStringLiteral("/dosqld"),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), dir.path()});
    quint16 port = 0;
    QByteArray banner;
    while (port == 0 && server.waitForReadyRead(10000)) {
        banner += server.readAllStandardOutput();
        const auto m
            = QRegularExpression(QStringLiteral(R"(:(\d+)\n)")).match(QString::fromUtf8(banner));
        if (m.hasMatch())
            port = quint16(m.captured(1).toUInt());
    }
    if (port == 0) {
        out << "dosqld did not start" << Qt::endl;
        return 1;
    }
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1/db/bench").arg(port));
    QWebSocket socket;
    QEventLoop connecting;
    QObject::connect(&socket, &QWebSocket::connected, &connecting, &QEventLoop::quit);
    socket.open(url);
    connecting.exec();

    out << "bench_dosqld: " << total << " requests per figure, " << inFlight
        << " in flight, one socket on loopback" << Qt::endl;
    int errors = 0;
    const double insertsRemote = pipelined(
        socket, total, inFlight,
        [](int i) {
            return QJsonObject{
                {QStringLiteral("method"), QStringLiteral("exec")},
                {QStringLiteral("params"),
                 QJsonObject{
                     {QStringLiteral("sql"), QStringLiteral("INSERT INTO kv(id, v) VALUES (?, ?)")},
                     {QStringLiteral("params"),
                      QJsonArray{i + 1, QStringLiteral("value %1").arg(i)}}}}};
        },
        &errors);
    QRandomGenerator random(7);
    const double selectsRemote = pipelined(
        socket, total, inFlight,
        [&](int) {
            return QJsonObject{
                {QStringLiteral("method"), QStringLiteral("query")},
                {QStringLiteral("params"),
                 QJsonObject{
                     {QStringLiteral("sql"), QStringLiteral("SELECT v FROM kv WHERE id = ?")},
                     {QStringLiteral("params"), QJsonArray{int(random.bounded(total)) + 1}}}}};
        },
        &errors);

    // The same statements in-process on the engine (other ids, same table and file).
    const double insertsLocal = inProcess(
        path, total,
        [total](int i) {
            return Statement(
                QStringLiteral("INSERT INTO kv(id, v) VALUES (?, ?)"),
                {SqlValue(qint64(total + i + 1)), SqlValue(QStringLiteral("value %1").arg(i))});
        },
        true);
    const double selectsLocal = inProcess(
        path, total,
        [&](int) {
            return Statement(QStringLiteral("SELECT v FROM kv WHERE id = ?"),
                             {SqlValue(qint64(random.bounded(total)) + 1)});
        },
        false);

    auto line = [](const char *what, double remote, double local) {
        out << QStringLiteral("%1 dosqld %2/s   in-process %3/s   ratio %4x (target >= 0.5x: %5)")
                   .arg(QLatin1String(what), -22)
                   .arg(remote, 9, 'f', 0)
                   .arg(local, 9, 'f', 0)
                   .arg(remote / local, 0, 'f', 2)
                   .arg(remote / local >= 0.5 ? QStringLiteral("met") : QStringLiteral("MISSED"))
            << Qt::endl;
    };
    line("single-row INSERTs", insertsRemote, insertsLocal);
    line("point SELECTs", selectsRemote, selectsLocal);

    // CDC: one subscriber, a writer inserting 100 rows per batch on another socket.
    QWebSocket subscriber;
    QEventLoop subscribed;
    QObject::connect(&subscriber, &QWebSocket::connected, &subscribed, &QEventLoop::quit);
    subscriber.open(url);
    subscribed.exec();
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
        pipelined(
            socket, eventCount / 100, 8,
            [&](int b) {
                QJsonArray statements;
                for (int j = 0; j < 100; ++j)
                    statements.append(QJsonObject{
                        {QStringLiteral("sql"), QStringLiteral("INSERT INTO kv(v) VALUES (?)")},
                        {QStringLiteral("params"),
                         QJsonArray{QStringLiteral("event %1").arg(b * 100 + j)}}});
                return QJsonObject{{QStringLiteral("method"), QStringLiteral("batch")},
                                   {QStringLiteral("params"),
                                    QJsonObject{{QStringLiteral("statements"), statements}}}};
            },
            &errors);
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
