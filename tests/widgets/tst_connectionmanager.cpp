#include "core/engine/sqlitedb.h"
#include "server/dosqlserver.h"
#include "widgets/connectiondialog.h"
#include "widgets/savedconnections.h"
#include "widgets/tokenstore.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The connection manager: connections in settings, tokens in the real OS keychain (this test
// runs in a D-Bus session of its own with an unlocked GNOME keyring), import from DoSQL's
// variables and .env files, and "Test Connection" against a real dosqld on 127.0.0.1.
class TestConnectionManager : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;
    const QString m_token = QStringLiteral("tok-3f9a-secret");

    QString readToken(const QString &id)
    {
        TokenStore store;
        QString token;
        QString error = QStringLiteral("pending");
        store.read(id, [&](const QString &t, const QString &e) {
            token = t;
            error = e;
        });
        [[maybe_unused]] const bool answered
            = QTest::qWaitFor([&] { return error != u"pending"; }, 10000);
        return error.isEmpty() ? token : QStringLiteral("ERROR: ") + error;
    }

    QString save(ConnectionDialog &dialog)
    {
        QString result = QStringLiteral("pending");
        dialog.saveCurrent([&](const QString &error) { result = error; });
        [[maybe_unused]] const bool answered
            = QTest::qWaitFor([&] { return result != u"pending"; }, 10000);
        return result;
    }

    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/db/app").arg(m_server->port());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        db.close();
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.token = m_token;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void theTokenGoesToTheKeychainAndNowhereElse()
    {
        ConnectionDialog dialog;
        SavedConnection c;
        c.name = QStringLiteral("Production");
        c.url = url();
        c.colour = QColor(0xd7, 0x30, 0x27);
        c.readOnly = true;
        dialog.editNew(c, m_token);
        QCOMPARE(save(dialog), QString());

        const QList<SavedConnection> saved = SavedConnections().all();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().name, QStringLiteral("Production"));
        QCOMPARE(saved.first().url, url());
        QVERIFY(saved.first().readOnly);
        QCOMPARE(saved.first().colour, QColor(0xd7, 0x30, 0x27));
        // The settings file holds no trace of the token...
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_token.toUtf8()));
        // ...the keychain has it.
        QCOMPARE(readToken(saved.first().id), m_token);

        // Deleting the connection takes the token with it.
        SavedConnections().remove(saved.first().id);
        TokenStore store;
        bool removed = false;
        store.write(saved.first().id, {}, [&](const QString &error) { removed = error.isEmpty(); });
        QTRY_VERIFY(removed);
        QCOMPARE(readToken(saved.first().id), QString());
    }

    void testConnectionReportsTheServer()
    {
        ConnectionDialog dialog;
        SavedConnection c;
        c.url = url();
        dialog.editNew(c, m_token);
        QSignalSpy status(&dialog, &ConnectionDialog::statusChanged);
        dialog.testCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QStringLiteral("answered")), 10000);
        QVERIFY(dialog.statusText().contains(QStringLiteral("dosqld")));
        QVERIFY(dialog.statusText().contains(QStringLiteral(" ms")));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Features:")));
        dialog.resize(820, 440);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString dir = qEnvironmentVariable("STUDIO_TEST_ARTIFACTS", QDir::tempPath());
        QDir().mkpath(dir);
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/connection-manager.png")));

        dialog.editNew(c, QStringLiteral("not-the-token"));
        dialog.testCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QStringLiteral("refused the token")),
                                 10000);
        QVERIFY(!dialog.statusText().contains(QStringLiteral("not-the-token")));
    }

    void importsDoSqlVariables()
    {
        ConnectionDialog dialog;
        dialog.importEnvironment(
            {{QStringLiteral("DOSQL_URL"), url()}, {QStringLiteral("DOSQL_TOKEN"), m_token}});
        QVERIFY(dialog.statusText().contains(QStringLiteral("Imported")));
        QSignalSpy connectRequested(&dialog, &ConnectionDialog::connectRequested);
        dialog.testCurrent(); // the imported token is in the form
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QStringLiteral("answered")), 10000);
        dialog.importEnvironment({});
        QVERIFY(dialog.statusText().contains(QStringLiteral("DOSQL_URL is not set")));
    }

    void parsesDotEnvFiles()
    {
        const QHash<QString, QString> v
            = SavedConnections::parseDotEnv("# comment\n"
                                            "DOSQL_URL=http://localhost:8787\n"
                                            "export DOSQL_TOKEN=\"quoted token\"\n"
                                            "OTHER='single' \n"
                                            "PLAIN=value # trailing comment\n"
                                            "\n"
                                            "not a line\n");
        QCOMPARE(v.value(QStringLiteral("DOSQL_URL")), QStringLiteral("http://localhost:8787"));
        QCOMPARE(v.value(QStringLiteral("DOSQL_TOKEN")), QStringLiteral("quoted token"));
        QCOMPARE(v.value(QStringLiteral("OTHER")), QStringLiteral("single"));
        QCOMPARE(v.value(QStringLiteral("PLAIN")), QStringLiteral("value"));
        QCOMPARE(v.size(), 4);
        SavedConnection c;
        QString token;
        QVERIFY(SavedConnections::fromVariables(v, &c, &token));
        QCOMPARE(token, QStringLiteral("quoted token"));
        QVERIFY(c.name.contains(QStringLiteral("localhost")) || !c.name.isEmpty());
    }

    void aBadAddressIsRefusedWithAReason()
    {
        ConnectionDialog dialog;
        SavedConnection c;
        c.url = QStringLiteral("ftp://example.com");
        dialog.editNew(c, {});
        QVERIFY(!save(dialog).isEmpty());
        QVERIFY(dialog.statusText().contains(QStringLiteral("ftp")));
    }
};

QTEST_MAIN(TestConnectionManager)
#include "tst_connectionmanager.moc"
