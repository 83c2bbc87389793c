#include "models/queryhistory.h"
#include "models/queryresultmodel.h"
#include "tests/support/testdb.h"
#include "widgets/findbar.h"
#include "widgets/historypanel.h"
#include "widgets/parameterdialog.h"
#include "widgets/querytab.h"
#include "widgets/resultview.h"
#include "widgets/sqleditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

// The SQL editor tab on a real local database: typing and running with the keyboard, results
// batch by batch, messages, errors marked, confirmations, read-only refusal and cancel.
class TestQueryTab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalConnection> m_connection;

    static QueryResultModel *resultModel(QueryTab &tab, int index)
    {
        auto *view = qobject_cast<QTableView *>(tab.results()->widget(index));
        return view ? qobject_cast<QueryResultModel *>(view->model()) : nullptr;
    }

    static void waitIdle(QueryTab &tab) { QTRY_VERIFY_WITH_TIMEOUT(!tab.isRunning(), 10000); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // remembered values stay out of the user's
        m_connection = TestDb::open(m_dir.filePath(QStringLiteral("q.db")));
        QCOMPARE(m_connection->state(), Connection::State::Open);
    }

    void typeAScriptAndRunIt()
    {
        QueryTab tab(m_connection.get());
        tab.resize(1000, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.editor()->setFocus();
        // Typed as a person would (completion pops up and is typed past).
        QTest::keyClicks(tab.editor(), QStringLiteral("CREATE TABLE t(a INTEGER, b TEXT); "
                                                      "INSERT INTO t VALUES (1, 'x'), (2, NULL);"));
        QCOMPARE(tab.editor()->text(), QStringLiteral("CREATE TABLE t(a INTEGER, b TEXT); INSERT"
                                                      " INTO t VALUES (1, 'x'), (2, NULL);"));
        QTest::keyClick(tab.editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        waitIdle(tab);
        QVERIFY2(tab.messages().contains(QStringLiteral("Statement 2: 2 row(s) changed")),
                 qPrintable(tab.messages()));

        // Ctrl+Enter runs only the statement at the cursor.
        tab.editor()->setText(
            QStringLiteral("SELECT a, b FROM t ORDER BY a;\nSELECT 42 AS answer;"));
        tab.editor()->setCursorPosition(1, 3);
        QTest::keyClick(tab.editor(), Qt::Key_Return, Qt::ControlModifier);
        waitIdle(tab);
        QCOMPARE(tab.results()->count(), 2); // Messages and one result
        QueryResultModel *model = resultModel(tab, 1);
        QVERIFY(model);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data(QueryResultModel::SqlValueRole).value<SqlValue>(),
                 SqlValue(42));

        // The whole script: a result tab per statement that returns rows.
        QTest::keyClick(tab.editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        waitIdle(tab);
        QCOMPARE(tab.results()->count(), 3);
        model = resultModel(tab, 1);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1, 1).data(Qt::DisplayRole).toString(), QStringLiteral("NULL"));
        QTest::qWait(100);
        const QString dir = qEnvironmentVariable("STUDIO_TEST_ARTIFACTS", QDir::tempPath());
        QDir().mkpath(dir);
        tab.results()->setCurrentIndex(1);
        QVERIFY(tab.grab().save(dir + QStringLiteral("/querytab-results.png")));
    }

    void copyAndExportFromTheResult()
    {
        QueryTab tab(m_connection.get());
        tab.editor()->setText(QStringLiteral("SELECT a, b FROM t ORDER BY a"));
        tab.runScript();
        waitIdle(tab);
        auto *view = qobject_cast<ResultView *>(tab.results()->widget(1));
        QVERIFY(view);
        view->selectAll();
        QCOMPARE(view->selectionText(ResultView::CopyFormat::Tsv), QStringLiteral("1\tx\n2\t\n"));
        QCOMPARE(view->selectionText(ResultView::CopyFormat::Csv),
                 QStringLiteral("a,b\r\n1,x\r\n2,\r\n"));
        QCOMPARE(view->selectionText(ResultView::CopyFormat::SqlInsert),
                 QStringLiteral("INSERT INTO \"result\" (\"a\", \"b\") VALUES (1, 'x');\n"
                                "INSERT INTO \"result\" (\"a\", \"b\") VALUES (2, NULL);\n"));

        // Export runs the statement again and writes the file off this thread.
        ResultExport::Options options;
        options.path = m_dir.filePath(QStringLiteral("from-tab.jsonl"));
        options.format = ResultExport::Format::JsonLines;
        QSignalSpy ended(&tab, &QueryTab::exportEnded);
        tab.startExport(view->sql(), options);
        QVERIFY(ended.wait(10000));
        QVERIFY(tab.messages().contains(QStringLiteral("Exported 2 row(s)")));
        QFile file(options.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":null}\n"));
    }

    void historyIsKeptSearchableAndRerunnable()
    {
        const QString path = m_dir.filePath(QStringLiteral("history.db"));
        {
            QueryHistory history(path);
            QueryTab tab(m_connection.get());
            tab.setHistory(&history);
            QSignalSpy recorded(&history, &QueryHistory::recorded);
            tab.editor()->setText(QStringLiteral("SELECT count(*) FROM t;\nSELECT * FROM nope;"));
            tab.runScript();
            waitIdle(tab);
            QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 2, 5000);
        }
        // Kept on disk: a new session finds it, and searches it.
        QueryHistory again(path);
        QList<QueryHistory::Entry> found;
        bool answered = false;
        again.search(QStringLiteral("NOPE"), 10, [&](const QList<QueryHistory::Entry> &e) {
            found = e;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
        QCOMPARE(found.size(), 1);
        QVERIFY(!found.first().ok);
        QVERIFY(found.first().error.contains(QStringLiteral("no such table")));

        HistoryPanel panel(&again);
        QSignalSpy refreshed(&panel, &HistoryPanel::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(panel.list()->topLevelItemCount() == 2, 5000);
        QCOMPARE(panel.list()->topLevelItem(1)->text(1), QStringLiteral("SELECT count(*) FROM t;"));
        QSignalSpy activated(&panel, &HistoryPanel::sqlActivated);
        Q_EMIT panel.list()->itemActivated(panel.list()->topLevelItem(1), 0);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("SELECT count(*) FROM t;"));
    }

    void parametersAreAskedFor()
    {
        QueryTab tab(m_connection.get());
        QStringList asked;
        tab.setAskParameters([&](const QStringList &names) {
            asked = names;
            return std::optional<QHash<QString, SqlValue>>(
                {{QStringLiteral("?1"), ParameterDialog::parse(QStringLiteral("1"))},
                 {QStringLiteral(":label"), ParameterDialog::parse(QStringLiteral("'it''s'"))}});
        });
        tab.editor()->setText(QStringLiteral("SELECT b, :label AS label FROM t WHERE a = ?"));
        tab.runScript();
        waitIdle(tab);
        QCOMPARE(asked, (QStringList{QStringLiteral(":label"), QStringLiteral("?1")}));
        QueryResultModel *model = resultModel(tab, 1);
        QVERIFY2(model, qPrintable(tab.messages()));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 1).data(QueryResultModel::SqlValueRole).value<SqlValue>(),
                 SqlValue(QStringLiteral("it's")));

        // Cancelling the dialog runs nothing.
        tab.setAskParameters([](const QStringList &) { return std::nullopt; });
        tab.runScript();
        waitIdle(tab);
        QVERIFY(tab.messages().contains(QStringLiteral("no parameter values")));
    }

    void parameterValuesReadLikeLiteralsAndAreRemembered()
    {
        QCOMPARE(ParameterDialog::parse(QStringLiteral("42")), SqlValue(42));
        QCOMPARE(ParameterDialog::parse(QStringLiteral("-4.5e1")), SqlValue(-45.0));
        QCOMPARE(ParameterDialog::parse(QStringLiteral("null")), SqlValue());
        QCOMPARE(ParameterDialog::parse(QStringLiteral("x'00ff'")),
                 SqlValue::blob(QByteArray("\x00\xff", 2)));
        QCOMPARE(ParameterDialog::parse(QStringLiteral("'42'")), SqlValue(QStringLiteral("42")));
        QCOMPARE(ParameterDialog::parse(QStringLiteral("Zoë")), SqlValue(QStringLiteral("Zoë")));
        {
            ParameterDialog dialog({QStringLiteral(":city")});
            dialog.setText(QStringLiteral(":city"), QStringLiteral("Lisbon"));
            dialog.values();
        }
        ParameterDialog again({QStringLiteral(":city")});
        auto *field = again.findChild<QComboBox *>();
        QVERIFY(field);
        QCOMPARE(field->itemText(0), QStringLiteral("Lisbon"));
    }

    void scriptsSaveAndLoad()
    {
        const QString path = m_dir.filePath(QStringLiteral("script.sql"));
        const QString text = QStringLiteral("-- Zoë's report\nSELECT 1;\n");
        QueryTab tab(m_connection.get());
        tab.editor()->setText(text);
        QString result = QStringLiteral("pending");
        tab.saveTo(path, [&](const QString &error) { result = error; });
        QTRY_VERIFY(result != u"pending");
        QVERIFY2(result.isEmpty(), qPrintable(result));
        QCOMPARE(tab.filePath(), path);

        QueryTab other(m_connection.get());
        result = QStringLiteral("pending");
        other.loadFrom(path, [&](const QString &error) { result = error; });
        QTRY_VERIFY(result != u"pending");
        QVERIFY(result.isEmpty());
        QCOMPARE(other.editor()->text(), text);

        result = QStringLiteral("pending");
        other.loadFrom(m_dir.filePath(QStringLiteral("missing.sql")),
                       [&](const QString &error) { result = error; });
        QTRY_VERIFY(result != u"pending");
        QVERIFY(result.contains(QStringLiteral("could not be opened")));
        QCOMPARE(other.editor()->text(), text); // unchanged
    }

    void theQueryPlanIsATree()
    {
        QueryTab tab(m_connection.get());
        tab.editor()->setText(QStringLiteral("SELECT * FROM t WHERE a = 1 UNION SELECT * FROM t"
                                             " WHERE b = 'x';"));
        tab.explainCurrent();
        waitIdle(tab);
        auto *tree = qobject_cast<QTreeWidget *>(tab.results()->currentWidget());
        QVERIFY2(tree, qPrintable(tab.messages()));
        QVERIFY(tree->topLevelItemCount() >= 1);
        QStringList all;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            all << (*it)->text(0);
        QVERIFY2(all.contains(QStringLiteral("COMPOUND QUERY")), qPrintable(all.join(u'|')));
        QVERIFY(all.contains(QStringLiteral("SCAN t")) || all.join(u'|').contains(u"SEARCH t"));
        // The union's two parts hang under it, not beside it.
        bool nested = false;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            nested = nested || (*it)->parent() != nullptr;
        QVERIFY(nested);
    }

    void errorsAreMarkedWhereTheyAre()
    {
        QueryTab tab(m_connection.get());
        tab.editor()->setText(QStringLiteral("SELECT 1;\nSELECT * FROM nope;"));
        tab.runScript();
        waitIdle(tab);
        QVERIFY(tab.messages().contains(QStringLiteral("Statement 2 failed")));
        QVERIFY(tab.messages().contains(QStringLiteral("no such table")));
        QVERIFY(tab.messages().contains(QStringLiteral("Hint")));
    }

    void dangerousStatementsAskFirst()
    {
        QueryTab tab(m_connection.get());
        QString asked;
        bool answer = false;
        tab.setConfirm([&](const QString &, const QString &reason) {
            asked = reason;
            return answer;
        });
        tab.editor()->setText(QStringLiteral("DELETE FROM t"));
        tab.runScript();
        waitIdle(tab);
        QVERIFY(asked.contains(QStringLiteral("WHERE")));
        QCOMPARE(TestDb::run(m_connection.get(), QStringLiteral("SELECT count(*) FROM t"))
                     .rows.first()
                     .first(),
                 SqlValue(2)); // refused: nothing deleted
        asked.clear();
        tab.editor()->setText(QStringLiteral("DELETE FROM t WHERE a = 2"));
        tab.runScript();
        waitIdle(tab);
        QVERIFY(asked.isEmpty()); // with a WHERE it just runs
        QCOMPARE(TestDb::run(m_connection.get(), QStringLiteral("SELECT count(*) FROM t"))
                     .rows.first()
                     .first(),
                 SqlValue(1));
    }

    void readOnlyConnectionsRefuseBeforeSending()
    {
        auto readOnly = TestDb::open(m_dir.filePath(QStringLiteral("q.db")),
                                     ConnectionSpec::OpenMode::ReadOnly);
        QueryTab tab(readOnly.get());
        tab.editor()->setText(QStringLiteral("INSERT INTO t VALUES (9, 'no')"));
        tab.runScript();
        waitIdle(tab);
        QVERIFY(tab.messages().contains(QStringLiteral("read-only")));
        tab.editor()->setText(QStringLiteral("SELECT count(*) FROM t"));
        tab.runScript();
        waitIdle(tab);
        QCOMPARE(tab.results()->count(), 2);
    }

    void completionOffersTheColumnsOfTheTablesNamed()
    {
        QVERIFY(TestDb::run(m_connection.get(),
                            QStringLiteral("CREATE TABLE people(id INTEGER PRIMARY KEY,"
                                           " full_name TEXT, \"home town\" TEXT)"))
                    .ok);
        QueryTab tab(m_connection.get());
        tab.resize(1000, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        SqlEditor *editor = tab.editor();
        editor->setText(QStringLiteral("SELECT  FROM people AS p"));
        editor->setCursorPosition(0, 7);
        editor->setFocus();
        // The schema arrives from the connection's reader; a dot after the alias lists the
        // columns of people, and typing narrows them.
        bool shown = false;
        for (int attempt = 0; attempt < 50 && !shown; ++attempt) {
            QTest::keyClick(editor, Qt::Key_P);
            QTest::keyClick(editor, Qt::Key_Period);
            shown = editor->isListActive();
            if (!shown) { // no schema yet: take the two characters back and try again
                QTest::keyClick(editor, Qt::Key_Backspace);
                QTest::keyClick(editor, Qt::Key_Backspace);
                QTest::qWait(100);
            }
        }
        QVERIFY(shown);
        QTest::keyClicks(editor, QStringLiteral("fu"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->text(), QStringLiteral("SELECT p.full_name FROM people AS p"));
        // A name that needs quotes is offered quoted.
        QTest::keyClicks(editor, QStringLiteral(", p."));
        QVERIFY(editor->isListActive());
        // The list is a window of its own, painted here over the tab where it stands.
        QPixmap shot = tab.grab();
        for (QWidget *window : QApplication::topLevelWidgets()) {
            if (window != &tab && window->isVisible()) {
                QPainter painter(&shot);
                painter.drawPixmap(tab.mapFromGlobal(window->mapToGlobal(QPoint())),
                                   window->grab());
            }
        }
        const QString artifacts = qEnvironmentVariable("STUDIO_TEST_ARTIFACTS", QDir::tempPath());
        QDir().mkpath(artifacts);
        QVERIFY(shot.save(artifacts + QStringLiteral("/querytab-completion.png")));
        QTest::keyClick(editor, Qt::Key_H);
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->text(),
                 QStringLiteral("SELECT p.full_name, p.\"home town\" FROM people AS p"));
        // Ctrl+Space lists what fits with nothing typed yet; Esc closes the list, not the tab's
        // work.
        QTest::keyClicks(editor, QStringLiteral(" "));
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(editor->isListActive());
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!editor->isListActive());
    }

    void findAndReplaceWithTheKeyboard()
    {
        QueryTab tab(m_connection.get());
        tab.resize(1000, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        const QString script = QStringLiteral("SELECT name FROM users;\n"
                                              "SELECT username, Name FROM users;\n"
                                              "-- named by name\n");
        tab.editor()->setText(script);
        tab.editor()->setCursorPosition(0, 0);
        tab.editor()->setFocus();
        FindBar *bar = tab.findBar();
        QVERIFY(!bar->isVisible());

        // Ctrl+F opens the bar; matches are found as the word is typed.
        QTest::keyClick(tab.editor(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->findField()->hasFocus());
        QTest::keyClicks(bar->findField(), QStringLiteral("name"));
        QCOMPARE(tab.editor()->selectedText(), QStringLiteral("name"));
        QCOMPARE(bar->status(), QStringLiteral("1 of 5")); // name, userNAME, Name, named, name
        bar->matchCase()->setChecked(true);
        QCOMPARE(bar->status(), QStringLiteral("1 of 4"));
        bar->wholeWords()->setChecked(true);
        QCOMPARE(bar->status(), QStringLiteral("1 of 2"));
        // Enter goes on (wrapping), Shift+Enter back.
        QTest::keyClick(bar->findField(), Qt::Key_Return);
        QCOMPARE(bar->status(), QStringLiteral("2 of 2"));
        int line, index;
        tab.editor()->getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        QTest::keyClick(bar->findField(), Qt::Key_Return);
        QCOMPARE(bar->status(), QStringLiteral("1 of 2"));
        QTest::keyClick(bar->findField(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(bar->status(), QStringLiteral("2 of 2"));

        // Enter in the replace field replaces this match and moves to the next.
        bar->findField()->setText(QStringLiteral("users"));
        bar->replaceField()->setFocus();
        QTest::keyClicks(bar->replaceField(), QStringLiteral("people"));
        QTest::keyClick(bar->replaceField(), Qt::Key_Return);
        QCOMPARE(tab.editor()->text().count(QStringLiteral("people")), 1);
        QCOMPARE(bar->status(), QStringLiteral("1 of 1"));

        // A regular expression with a group; Replace All is one step to undo.
        bar->regularExpression()->setChecked(true);
        bar->wholeWords()->setChecked(false);
        bar->findField()->setText(QStringLiteral("FROM (\\w+)"));
        bar->replaceField()->setText(QStringLiteral("FROM main.\\1"));
        QCOMPARE(bar->replaceAll(), 2);
        QVERIFY(tab.editor()->text().contains(QStringLiteral("FROM main.people;")));
        QVERIFY(tab.editor()->text().contains(QStringLiteral("FROM main.users;")));
        QCOMPARE(bar->status(), QStringLiteral("2 replaced"));
        tab.editor()->undo();
        QVERIFY(!tab.editor()->text().contains(QStringLiteral("main.")));

        // A broken pattern says so instead of finding nothing.
        bar->findField()->setText(QStringLiteral("FROM ("));
        QCOMPARE(bar->status(), QStringLiteral("Not a valid regular expression"));
        QCOMPARE(bar->replaceAll(), 0);

        // Esc closes the bar and gives the text back the focus.
        bar->findField()->setFocus();
        QTest::keyClick(bar->findField(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QVERIFY(tab.editor()->hasFocus());
        QDir().mkpath(qEnvironmentVariable("STUDIO_TEST_ARTIFACTS", QDir::tempPath()));
        QTest::keyClick(tab.editor(), Qt::Key_F, Qt::ControlModifier);
        bar->regularExpression()->setChecked(false);
        bar->findField()->setText(QStringLiteral("users"));
        QVERIFY(tab.grab().save(qEnvironmentVariable("STUDIO_TEST_ARTIFACTS", QDir::tempPath())
                                + QStringLiteral("/querytab-find.png")));
    }

    void escapeCancelsQuickly()
    {
        QueryTab tab(m_connection.get());
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.editor()->setText(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT"
                                             " i + 1 FROM n) SELECT count(*) FROM n;"));
        tab.editor()->setFocus();
        tab.runScript();
        QTRY_VERIFY(tab.isRunning());
        QTest::qWait(200);
        QElapsedTimer timer;
        qint64 stoppedAfterMs = -1;
        connect(&tab, &QueryTab::runningChanged, &tab, [&](bool running) {
            if (!running)
                stoppedAfterMs = timer.elapsed();
        });
        timer.start();
        QTest::keyClick(tab.editor(), Qt::Key_Escape);
        waitIdle(tab);
        qInfo("Esc to stopped: %lld ms", stoppedAfterMs);
        // The engine stops within 100 ms (tst_localconnection); here the margin is for a busy
        // machine running the tests side by side.
        QVERIFY2(stoppedAfterMs >= 0 && stoppedAfterMs < 500,
                 qPrintable(QString::number(stoppedAfterMs)));
        QVERIFY(tab.messages().contains(QStringLiteral("cancelled")));
    }
};

QTEST_MAIN(TestQueryTab)
#include "tst_querytab.moc"
