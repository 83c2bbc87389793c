#include "core/connection.h"
#include "core/engine/demodatabase.h"
#include "models/tabledatamodel.h"
#include "server/dosqlserver.h"
#include "tests/support/testdb.h"
#include "widgets/draftstore.h"
#include "widgets/filterheader.h"
#include "widgets/mainwindow.h"
#include "widgets/opendatabases.h"
#include "widgets/querytab.h"
#include "widgets/schemabrowser.h"
#include "widgets/sqleditor.h"
#include "widgets/tabletab.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// The real main window on the demo database, driven like a person would, offscreen.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demoPath;

    static void saveArtifact(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("STUDIO_TEST_ARTIFACTS", QDir::tempPath());
        QDir().mkpath(dir);
        const QString path = dir + u'/' + name;
        QVERIFY(widget->grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    static void waitForLastRow(TableDataModel *model, int row)
    {
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(row), 15000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
        qRegisterMetaType<Connection *>();
        m_demoPath = m_dir.filePath(DemoDatabase::fileName());
        const auto error = DemoDatabase::create(m_demoPath);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
    }

    void opensDemoTableAndScrollsToTheEnd()
    {
        MainWindow window;
        window.resize(1300, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy ready(&window, &MainWindow::databaseReady);
        window.openFile(m_demoPath);
        QVERIFY(ready.wait(10000));
        auto *connection = ready.first().first().value<Connection *>();
        QVERIFY(connection);

        // The sidebar lists the guide's tables; activating one opens its tab.
        QTreeView *tree = window.schemaBrowser()->view();
        QModelIndex orderItems;
        const QModelIndexList found = tree->model()->match(
            tree->model()->index(0, 0), Qt::DisplayRole, QStringLiteral("order_items"), 1,
            Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        orderItems = found.first();
        tree->setCurrentIndex(orderItems);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(window.tabs()->count(), 1);
        auto *tab = qobject_cast<TableTab *>(window.tabs()->currentWidget());
        QVERIFY(tab);
        QCOMPARE(tab->table().name, QStringLiteral("order_items"));

        TableDataModel *model = tab->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowCountExact(), 10000);
        const auto expected
            = TestDb::run(connection, QStringLiteral("SELECT count(*), max(id) FROM order_items"));
        QCOMPARE(model->rowCount(), int(expected.rows.first().at(0).toInteger()));

        // Ctrl+End jumps to the last row; its page arrives through the anchor index.
        tab->view()->setFocus();
        tab->view()->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(tab->view(), Qt::Key_End, Qt::ControlModifier);
        const int last = model->rowCount() - 1;
        waitForLastRow(model, last);
        QCOMPARE(tab->view()->currentIndex().row(), last);
        QCOMPARE(model->index(last, 0).data(TableDataModel::SqlValueRole).value<SqlValue>(),
                 expected.rows.first().at(1));
        QCOMPARE(tab->view()->verticalScrollBar()->value(),
                 tab->view()->verticalScrollBar()->maximum());
        QTest::qWait(100);
        saveArtifact(&window, QStringLiteral("mainwindow-order_items-end.png"));
    }

    // A DoSQL server's database (the demo, served by a real dosqld on 127.0.0.1) shows in the same
    // schema tree and table tabs as a local file, and its table browses the same way.
    void remoteDatabasesBrowseLikeFiles()
    {
        QTemporaryDir served;
        QVERIFY(QFile::copy(m_demoPath, served.filePath(QStringLiteral("demo.db"))));
        DosqlServer::Config config;
        config.dataDir = served.path();
        config.port = 0;
        DosqlServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        MainWindow window;
        window.resize(1300, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&window, &MainWindow::databaseReady);
        ConnectionSpec spec;
        spec.location = QStringLiteral("http://127.0.0.1:%1/db/demo").arg(server.port());
        spec.colourTag = QStringLiteral("#d81b60"); // as a saved connection brings it
        window.open(spec);
        QVERIFY(ready.wait(10000));
        auto *connection = ready.first().first().value<Connection *>();
        QVERIFY(connection->spec().isRemote());

        TableTab *tab = window.openTableByName(connection, QStringLiteral("order_items"));
        QVERIFY(tab);
        // The colour tag marks the server in the tree and its tabs.
        auto hasTag = [](const QIcon &icon) {
            const QImage image = icon.pixmap(32, 32).toImage();
            return image.pixelColor(27, 27) == QColor(0xd8, 0x1b, 0x60);
        };
        const QModelIndex root
            = window.schemaBrowser()->view()->model()->index(0, 0); // the only database open
        QVERIFY(hasTag(root.data(Qt::DecorationRole).value<QIcon>()));
        QVERIFY(hasTag(window.tabs()->tabIcon(window.tabs()->indexOf(tab))));
        TableDataModel *model = tab->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowCountExact(), 15000);
        const auto expected
            = TestDb::run(connection, QStringLiteral("SELECT count(*), max(id) FROM order_items"));
        QVERIFY(expected.ok);
        QCOMPARE(model->rowCount(), int(expected.rows.first().at(0).toInteger()));
        tab->view()->setFocus();
        tab->view()->setCurrentIndex(model->index(0, 0));
        QTest::keyClick(tab->view(), Qt::Key_End, Qt::ControlModifier);
        const int last = model->rowCount() - 1;
        waitForLastRow(model, last);
        QCOMPARE(model->index(last, 0).data(TableDataModel::SqlValueRole).value<SqlValue>(),
                 expected.rows.first().at(1));
        QTest::qWait(100);
        saveArtifact(&window, QStringLiteral("mainwindow-remote-order_items-end.png"));
    }

    // Query tabs and their unsaved text come back after the app ends, even without a clean quit.
    void queryDraftsSurviveARestart()
    {
        QDir(DraftStore::defaultFolder()).removeRecursively();
        const QString text = QStringLiteral("SELECT title FROM todos -- not saved anywhere\n");
        {
            MainWindow window;
            QSignalSpy ready(&window, &MainWindow::databaseReady);
            window.openFile(m_demoPath);
            QVERIFY(ready.wait(10000));
            QueryTab *tab = window.openQuery(ready.first().first().value<Connection *>());
            tab->editor()->setText(text);
            // Autosaved shortly after typing stops; then the window goes without a goodbye.
            QTest::qWait(MainWindow::kAutosaveDelayMs + 500);
        }
        MainWindow again;
        again.restoreDrafts();
        QTRY_VERIFY_WITH_TIMEOUT(again.tabs()->count() == 1, 10000);
        auto *restored = qobject_cast<QueryTab *>(again.tabs()->widget(0));
        QVERIFY(restored);
        QCOMPARE(restored->editor()->text(), text);
        QCOMPARE(restored->connection()->spec().location, m_demoPath);
        // Closing the tab lets the draft go.
        again.tabs()->tabCloseRequested(0);
        QTest::qWait(300);
        MainWindow third;
        third.restoreDrafts();
        QTest::qWait(500);
        QCOMPARE(third.tabs()->count(), 0);
    }

    void aQueryTabRunsInTheWindow()
    {
        MainWindow window;
        window.resize(1300, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&window, &MainWindow::databaseReady);
        window.openFile(m_demoPath);
        QVERIFY(ready.wait(10000));
        QueryTab *tab = window.openQuery(ready.first().first().value<Connection *>());
        tab->editor()->setText(
            QStringLiteral("-- Revenue by order status\n"
                           "SELECT status, count(*) AS orders, round(sum(total), 2) AS revenue\n"
                           "FROM orders\nGROUP BY status\nORDER BY revenue DESC;\n"));
        tab->runScript();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning() && tab->results()->count() == 2, 10000);
        QVERIFY(tab->messages().contains(QStringLiteral("Statement 1:")));
        QTest::qWait(200);
        saveArtifact(&window, QStringLiteral("mainwindow-query.png"));
        window.tabs()->tabCloseRequested(0); // let its draft go
    }

    void filterBoxFiltersInSql()
    {
        MainWindow window;
        window.resize(1300, 800);
        window.show();
        QSignalSpy ready(&window, &MainWindow::databaseReady);
        window.openFile(m_demoPath, true);
        QVERIFY(ready.wait(10000));
        auto *connection = ready.first().first().value<Connection *>();
        TableTab *tab = window.openTableByName(connection, QStringLiteral("orders"));
        QVERIFY(tab);
        TableDataModel *model = tab->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowCountExact(), 10000);

        auto *header = qobject_cast<FilterHeader *>(tab->view()->horizontalHeader());
        QVERIFY(header);
        const int status = model->table().columnIndex(QStringLiteral("status"));
        auto editors = header->findChildren<QLineEdit *>();
        QVERIFY(editors.size() >= model->columnCount());
        QTest::keyClicks(editors.at(status), QStringLiteral("=cancelled"));
        QTest::keyClick(editors.at(status), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(model->filter(status), QStringLiteral("=cancelled"), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowCountExact(), 10000);
        const auto expected = TestDb::run(
            connection, QStringLiteral("SELECT count(*) FROM orders WHERE status = 'cancelled'"));
        QCOMPARE(model->rowCount(), int(expected.rows.first().first().toInteger()));
        QTRY_VERIFY(model->isRowLoaded(0));
        QCOMPARE(model->index(0, status).data().toString(), QStringLiteral("cancelled"));

        // Sorting by clicking the header sorts in SQL: total, descending after two clicks.
        const int total = model->table().columnIndex(QStringLiteral("total"));
        header->setSortIndicator(total, Qt::DescendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 5000);
        const auto top = TestDb::run(
            connection, QStringLiteral("SELECT max(total) FROM orders WHERE status = 'cancelled'"));
        QCOMPARE(model->index(0, total).data(TableDataModel::SqlValueRole).value<SqlValue>(),
                 top.rows.first().first());
        saveArtifact(&window, QStringLiteral("mainwindow-orders-filtered.png"));
    }

    void cellViewerShowsTheWholeValue()
    {
        MainWindow window;
        window.show();
        QSignalSpy ready(&window, &MainWindow::databaseReady);
        window.openFile(m_demoPath, true);
        QVERIFY(ready.wait(10000));
        auto *connection = ready.first().first().value<Connection *>();
        TableTab *tab = window.openTableByName(connection, QStringLiteral("posts"));
        QVERIFY(tab);
        TableDataModel *model = tab->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 5000);
        const int content = model->table().columnIndex(QStringLiteral("content"));
        tab->view()->setCurrentIndex(model->index(0, content));
        const QString full = model->index(0, content)
                                 .data(TableDataModel::SqlValueRole)
                                 .value<SqlValue>()
                                 .toText();
        bool shown = false;
        for (auto *editor : tab->findChildren<QPlainTextEdit *>())
            shown = shown || editor->toPlainText() == full;
        QVERIFY(shown);
        saveArtifact(&window, QStringLiteral("mainwindow-posts-viewer.png"));
    }

    void unreadableFileIsRefusedWithoutCrashing()
    {
        MainWindow window;
        const QString path = m_dir.filePath(QStringLiteral("garbage.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, '\x5a'));
        f.close();
        window.openFile(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.databases()->all().isEmpty(), 5000);
        // The file is untouched.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(8192, '\x5a'));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
