// Table browsing on a 10M-row table through the real TableDataModel and LocalConnection:
// time to first rows, jumps to the middle and the end (in key order and sorted by an indexed
// column), background count and index times, and RSS while scrolling the whole table page by
// page. Beside them, in the same run, the sqlite3 shell's own timing (.timer on) of the same
// first page and of the OFFSET queries a naive browser would send.
//
//   bench_tablebrowse [--rows N] [--data DIR] [--reps N] [--skip-scroll]

#include "core/engine/localconnection.h"
#include "core/engine/sqlitedb.h"
#include "models/tabledatamodel.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace {

QTextStream out(stdout);

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

qint64 rssKb(const char *field = "VmRSS:")
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool ensureData(const QString &path, qint64 rows)
{
    if (QFile::exists(path))
        return true;
    out << "generating " << rows << " rows into " << path << " (once)..." << Qt::endl;
    QElapsedTimer t;
    t.start();
    SqliteDb db;
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    if (auto e = db.open(partial, SqliteDb::OpenMode::Create)) {
        out << e->message << Qt::endl;
        return false;
    }
    const QString sql
        = QStringLiteral(
              "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
              "CREATE TABLE events(id INTEGER PRIMARY KEY, user_id INTEGER, kind TEXT, payload "
              "TEXT,"
              " amount REAL, created_at INTEGER);"
              "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < %1)"
              " INSERT INTO events SELECT i, abs(random()) % 100000,"
              " CASE i % 5 WHEN 0 THEN 'signup' WHEN 1 THEN 'login' WHEN 2 THEN 'order' WHEN 3 "
              "THEN 'view'"
              " ELSE 'logout' END, 'event payload #' || i || ' ' || hex(randomblob(8)),"
              " round((abs(random()) % 100000) / 100.0, 2), 1780000000000 + i * 250 FROM c;"
              "CREATE INDEX events_user ON events(user_id);"
              "PRAGMA journal_mode=WAL;")
              .arg(rows);
    if (auto e = db.exec(sql)) {
        out << e->message << Qt::endl;
        return false;
    }
    db.close();
    QFile::rename(partial, path);
    out << "generated in " << t.elapsed() / 1000.0 << " s" << Qt::endl;
    return true;
}

// Waits until `row` of the model is in memory; returns milliseconds since `timer` started.
double waitForRow(TableDataModel &model, int row, const QElapsedTimer &timer)
{
    model.index(row, 0).data();
    QSignalSpy loaded(&model, &TableDataModel::pageLoaded);
    while (!model.isRowLoaded(row)) {
        if (!loaded.wait(30000))
            return -1;
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

void waitForIndex(TableDataModel &model)
{
    QSignalSpy done(&model, &TableDataModel::indexComplete);
    if (!model.isIndexComplete())
        done.wait(600000);
}

// The sqlite3 shell's own "Run Time: real" for `sql`, in ms.
double shellTime(const QString &db, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {db});
    p.write(
        (QStringLiteral(".output /dev/null\n.timer on\n") + sql + QStringLiteral(";\n")).toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(600000);
    static const QRegularExpression re(QStringLiteral(R"(Run Time: real ([0-9.]+))"));
    const auto m
        = re.match(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
    return m.hasMatch() ? m.captured(1).toDouble() * 1000.0 : -1;
}

double shellMedian(const QString &db, const QString &sql, int reps)
{
    QList<double> times;
    for (int i = 0; i < reps; ++i)
        times.append(shellTime(db, sql));
    return median(times);
}

void row(const QString &what, double ours, double target, double peer, const QString &peerWhat)
{
    out << QStringLiteral("%1 %2 ms").arg(what, -44).arg(ours, 9, 'f', 2);
    if (target > 0)
        out << QStringLiteral("  (target <= %1 ms: %2)")
                   .arg(target)
                   .arg(ours <= target ? QStringLiteral("met") : QStringLiteral("MISSED"));
    // The shell's timer has 1 ms resolution: "0" means under a millisecond.
    if (peer > 0)
        out << QStringLiteral("  | sqlite3 %1: %2 ms, ratio %3x")
                   .arg(peerWhat)
                   .arg(peer, 0, 'f', 2)
                   .arg(ours / peer, 0, 'f', 2);
    else if (peer == 0)
        out << QStringLiteral("  | sqlite3 %1: < 1 ms").arg(peerWhat);
    out << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Rows in the table."), QStringLiteral("N"),
                                        QStringLiteral("10000000"));
    const QCommandLineOption dataOption(
        QStringLiteral("data"), QStringLiteral("Folder for the generated database."),
        QStringLiteral("DIR"), QDir::tempPath() + QStringLiteral("/dosql-bench"));
    const QCommandLineOption repsOption(QStringLiteral("reps"),
                                        QStringLiteral("Repetitions per figure."),
                                        QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption skipScroll(QStringLiteral("skip-scroll"),
                                        QStringLiteral("Skip the full scroll."));
    parser.addOptions({rowsOption, dataOption, repsOption, skipScroll});
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();
    const int reps = parser.value(repsOption).toInt();
    QDir().mkpath(parser.value(dataOption));
    const QString path = parser.value(dataOption) + QStringLiteral("/events-%1.db").arg(rows);
    if (!ensureData(path, rows))
        return 1;

    ConnectionSpec spec;
    spec.location = path;
    spec.mode = ConnectionSpec::OpenMode::ReadOnly;
    LocalConnection connection(spec);
    QSignalSpy opened(&connection, &Connection::stateChanged);
    connection.open();
    while (connection.state() != Connection::State::Open) {
        if (!opened.wait(10000) || connection.state() == Connection::State::Failed) {
            out << "cannot open " << path << Qt::endl;
            return 1;
        }
    }
    // The table's schema, the way the schema browser gets it.
    SchemaRequest *schemaRequest = connection.readSchema();
    QSignalSpy schemaDone(schemaRequest, &SchemaRequest::finished);
    schemaDone.wait(10000);
    const TableSchema table = *schemaRequest->schema().find(QStringLiteral("events"));

    out << "bench_tablebrowse: " << rows << " rows, " << QFileInfo(path).size() / (1024 * 1024)
        << " MiB file, " << reps << " reps, medians" << Qt::endl;

    // First rows: a fresh model each time, as when a tab opens.
    QList<double> first, count, index;
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        TableDataModel model(&connection, table);
        first.append(waitForRow(model, 0, t));
        QSignalSpy counted(&model, &TableDataModel::rowCountKnown);
        if (!model.isRowCountExact())
            counted.wait(600000);
        count.append(double(t.nsecsElapsed()) / 1e6);
        waitForIndex(model);
        index.append(double(t.nsecsElapsed()) / 1e6);
    }
    const double shellFirst
        = shellMedian(path, QStringLiteral("SELECT * FROM events ORDER BY id LIMIT 256"), reps);
    row(QStringLiteral("first rows (key order)"), median(first), 50, shellFirst,
        QStringLiteral("LIMIT 256"));
    row(QStringLiteral("exact row count (background)"), median(count), 0,
        shellMedian(path, QStringLiteral("SELECT count(*) FROM events"), 3),
        QStringLiteral("count(*)"));
    row(QStringLiteral("anchor index complete (background)"), median(index), 0, -1, {});

    auto jumps = [&](TableDataModel &model, const QString &label, const QString &orderBy) {
        const int last = model.rowCount() - 1;
        const int middle = int(rows / 2);
        QList<double> toMiddle, toEnd;
        for (int i = 0; i < reps; ++i) {
            // A different page every time, so nothing comes from the cache.
            QElapsedTimer t;
            t.start();
            toMiddle.append(waitForRow(model, middle + i * 7919, t));
            t.restart();
            toEnd.append(waitForRow(model, last - i * 4099, t));
        }
        row(QStringLiteral("jump to row %1 (%2)").arg(middle).arg(label), median(toMiddle), 50,
            shellMedian(path,
                        QStringLiteral("SELECT * FROM events ORDER BY %1 LIMIT 256 OFFSET %2")
                            .arg(orderBy)
                            .arg(middle),
                        3),
            QStringLiteral("OFFSET"));
        row(QStringLiteral("jump to last row (%1)").arg(label), median(toEnd), 50,
            shellMedian(path,
                        QStringLiteral("SELECT * FROM events ORDER BY %1 LIMIT 256 OFFSET %2")
                            .arg(orderBy)
                            .arg(last - 255),
                        3),
            QStringLiteral("OFFSET"));
    };

    {
        TableDataModel model(&connection, table);
        waitForIndex(model);
        jumps(model, QStringLiteral("key order"), QStringLiteral("id"));
        QElapsedTimer t;
        t.start();
        model.sort(1, Qt::AscendingOrder);
        const double sortedFirst = waitForRow(model, 0, t);
        row(QStringLiteral("first rows sorted by user_id"), sortedFirst, 50,
            shellMedian(path, QStringLiteral("SELECT * FROM events ORDER BY user_id, id LIMIT 256"),
                        3),
            QStringLiteral("LIMIT 256"));
        waitForIndex(model);
        row(QStringLiteral("anchor index sorted by user_id"), double(t.nsecsElapsed()) / 1e6, 0, -1,
            {});
        jumps(model, QStringLiteral("sorted by user_id"), QStringLiteral("user_id, id"));
    }

    if (!parser.isSet(skipScroll)) {
        TableDataModel model(&connection, table);
        waitForIndex(model);
        const qint64 before = rssKb();
        QElapsedTimer t;
        t.start();
        for (int r = 0; r < model.rowCount(); r += TableDataModel::kPageSize) {
            if (waitForRow(model, r, t) < 0) {
                out << "scroll stalled at row " << r << Qt::endl;
                break;
            }
        }
        const qint64 after = rssKb();
        out << QStringLiteral(
                   "scrolled all %1 rows page by page in %2 s; RSS before %3 MB, after %4 MB,"
                   " growth %5 MB (target <= 64 MB: %6); model cache %7 MB")
                   .arg(model.rowCount())
                   .arg(t.elapsed() / 1000.0, 0, 'f', 1)
                   .arg(before / 1024.0, 0, 'f', 1)
                   .arg(after / 1024.0, 0, 'f', 1)
                   .arg((after - before) / 1024.0, 0, 'f', 1)
                   .arg((after - before) <= 64 * 1024 ? QStringLiteral("met")
                                                      : QStringLiteral("MISSED"))
                   .arg(model.cacheBytes() / (1024.0 * 1024.0), 0, 'f', 1)
            << Qt::endl;
    }
    return 0;
}
