#include "core/engine/sqlitedb.h"
#include "server/dosqlserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// dosql-shell, the real binary, against a real dosqld on 127.0.0.1 and against a local file:
// its output formats and the exit codes scripts rely on.
class TestDosqlShell : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;

    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // Runs the shell while this test's event loop keeps serving.
    Result shell(const QStringList &arguments, const QString &token = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TEST_TOKEN"), token);
        process.setProcessEnvironment(environment);
        QSignalSpy done(&process, &QProcess::finished);
        process.start(QStringLiteral(DOSQL_SHELL_PATH), arguments);
        if (!done.wait(20000))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/db/app").arg(m_server->port());
    }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(QStringLiteral(
            "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, data BLOB);"
            "CREATE INDEX items_by_name ON items(name);"
            "INSERT INTO items VALUES (1, 'plain', NULL, NULL), (2, 'comma, \"quote\"', '',"
            " x'00ff'), (3, 'new\nline', 'é', NULL);")));
        db.close();
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void csvIsRfc4180AndKeepsNullApartFromEmpty()
    {
        const Result r
            = shell({url(), QStringLiteral("--csv"), QStringLiteral("-c"),
                     QStringLiteral("SELECT id, name, note, data FROM items ORDER BY id")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("id,name,note,data\r\n"
                                   "1,plain,,\r\n"
                                   "2,\"comma, \"\"quote\"\"\",\"\",X'00ff'\r\n"
                                   "3,\"new\nline\",é,\r\n"));
    }

    void jsonKeepsTypes()
    {
        const Result r = shell({url(), QStringLiteral("--json"), QStringLiteral("-c"),
                                QStringLiteral("SELECT id, note, 9007199254740993 AS big FROM items"
                                               " ORDER BY id")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("note")), QJsonValue(QJsonValue::Null));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("note")).toString(), QString());
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("big")).toObject(),
                 (QJsonObject{{QStringLiteral("$int"), QStringLiteral("9007199254740993")}}));
    }

    void tableShowsEveryRow()
    {
        const Result r = shell({url(), QStringLiteral("-c"),
                                QStringLiteral("SELECT id, name FROM items ORDER BY id")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(lines.at(0).startsWith("id | name"));
        QVERIFY(lines.at(2).contains("plain"));
        QVERIFY(r.out.contains("(3 row(s))"));
    }

    void tablesAndSchema()
    {
        Result r = shell({url(), QStringLiteral("--tables")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("items\n")); // dosqld's own tables stay hidden
        r = shell({url(), QStringLiteral("--schema"), QStringLiteral("items")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("CREATE TABLE items("));
        QVERIFY(r.out.contains("CREATE INDEX items_by_name ON items(name);"));
        r = shell({url(), QStringLiteral("--schema"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("TABLE_NOT_FOUND"));
    }

    void writesThenReadsInOrder()
    {
        const Result r
            = shell({url(), QStringLiteral("--csv"), QStringLiteral("-c"),
                     QStringLiteral("INSERT INTO items(name) VALUES ('fourth')"),
                     QStringLiteral("-c"), QStringLiteral("SELECT count(*) FROM items")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("count(*)\r\n4\r\n"), r.out.constData());
        shell({url(), QStringLiteral("-c"), QStringLiteral("DELETE FROM items WHERE id = 4")});
    }

    void localFilesWorkTheSameWay()
    {
        const Result r
            = shell({m_dir.filePath(QStringLiteral("app.db")), QStringLiteral("--csv"),
                     QStringLiteral("-c"), QStringLiteral("SELECT name FROM items WHERE id = 1")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("name\r\nplain\r\n"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("syntax error")
            << QStringList{QStringLiteral("@url"), QStringLiteral("-c"), QStringLiteral("SELEC 1")}
            << 1 << QByteArray("SYNTAX_ERROR");
        QTest::newRow("no action")
            << QStringList{QStringLiteral("@url")} << 2 << QByteArray("Say what to do");
        QTest::newRow("two formats")
            << QStringList{QStringLiteral("@url"), QStringLiteral("--csv"),
                           QStringLiteral("--json"), QStringLiteral("--tables")}
            << 2 << QByteArray("Choose one");
        QTest::newRow("not an address")
            << QStringList{QStringLiteral("http://"), QStringLiteral("--tables")} << 2
            << QByteArray("not a server address");
        QTest::newRow("no such file")
            << QStringList{QStringLiteral("/nonexistent/x.db"), QStringLiteral("--tables")} << 3
            << QByteArray("There is no file");
        QTest::newRow("nothing listening")
            << QStringList{QStringLiteral("http://127.0.0.1:9/db/app"), QStringLiteral("--tables")}
            << 3 << QByteArray("CONNECTION_FAILED");
        QTest::newRow("unknown database")
            << QStringList{QStringLiteral("@server/db/nope"), QStringLiteral("--tables")} << 3
            << QByteArray("nope");
        QTest::newRow("read-only refuses writes")
            << QStringList{QStringLiteral("@url"), QStringLiteral("--read-only"),
                           QStringLiteral("-c"), QStringLiteral("DELETE FROM items")}
            << 1 << QByteArray("READ_ONLY");
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QByteArray, message);
        for (QString &a : arguments) {
            a.replace(QStringLiteral("@url"), url());
            a.replace(QStringLiteral("@server"),
                      QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
        }
        const Result r = shell(arguments);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void watchPrintsEachChangeAsAJsonLineUntilInterrupted()
    {
        QProcess watcher;
        watcher.start(QStringLiteral(DOSQL_SHELL_PATH),
                      {url(), QStringLiteral("--watch"), QStringLiteral("items")});
        QVERIFY(watcher.waitForStarted());
        // It says on stderr when it is following the stream.
        QByteArray err;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (err += watcher.readAllStandardError()).contains("watching items"), err.constData(),
            10000);
        QVERIFY(shell({url(), QStringLiteral("-c"),
                       QStringLiteral("INSERT INTO items(name) VALUES ('watched')")})
                    .exitCode
                == 0);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += watcher.readAllStandardOutput()).contains('\n'), 10000);
        const QJsonObject event = QJsonDocument::fromJson(out.split('\n').first()).object();
        QCOMPARE(event.value(QStringLiteral("operation")).toString(), QStringLiteral("INSERT"));
        QCOMPARE(event.value(QStringLiteral("table")).toString(), QStringLiteral("items"));
        QCOMPARE(event.value(QStringLiteral("after")).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("watched")));
        QVERIFY(event.value(QStringLiteral("lsn")).toString().toLongLong() > 0);
        ::kill(pid_t(watcher.processId()), SIGINT);
        QSignalSpy finished(&watcher, &QProcess::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(watcher.exitCode(), 130);
        shell({url(), QStringLiteral("-c"), QStringLiteral("DELETE FROM items WHERE id > 3")});
    }

    void aRefusedTokenExitsWithFourAndIsNeverPrinted()
    {
        m_server.reset();
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.token = QStringLiteral("right-token");
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        Result r = shell({url(), QStringLiteral("--token-env"), QStringLiteral("TEST_TOKEN"),
                          QStringLiteral("--tables")},
                         QStringLiteral("wrong-token"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("UNAUTHORIZED"));
        QVERIFY(!r.err.contains("wrong-token") && !r.out.contains("wrong-token"));
        r = shell({url(), QStringLiteral("--token-env"), QStringLiteral("TEST_TOKEN"),
                   QStringLiteral("--tables")},
                  QStringLiteral("right-token"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("items\n"));
    }
};

QTEST_GUILESS_MAIN(TestDosqlShell)
#include "tst_dosqlshell.moc"
