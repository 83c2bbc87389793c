#pragma once

#include "core/connectionspec.h"

#include "core/tableschema.h"

#include <QMainWindow>

#include <functional>

class ActivityIndicator;
class Connection;
class OpenDatabases;
class QMenu;
class QStackedWidget;
class QTabWidget;
class SchemaBrowser;
class SchemaTreeModel;
class DraftStore;
class QDockWidget;
class QueryHistory;
class QueryTab;
class TableTab;

// The main window composes the schema sidebar, the tabs of open tables, the status bar and
// the menus; each of those is its own class.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openFile(const QString &path, bool readOnly = false);
    // Opens a local file or a remote database, as `spec` says.
    void open(const ConnectionSpec &spec);
    // Opens the demo database, building it first (in the background) if it does not exist.
    void openDemo();
    // The connection manager: saved DoSQL servers, tokens in the keychain.
    void showConnectionManager();
    TableTab *openTable(Connection *connection, const TableSchema &table);
    // A SQL editor tab on `connection`.
    QueryTab *openQuery(Connection *connection);
    // Reopens the query tabs of the last session with their text (see DraftStore).
    void restoreDrafts();
    static constexpr int kAutosaveDelayMs = 700;
    // Opens the table or view called `name` if the connection's schema has one.
    TableTab *openTableByName(Connection *connection, const QString &name);

    OpenDatabases *databases() const { return m_databases; }
    SchemaBrowser *schemaBrowser() const { return m_browser; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    // The schema of a newly opened database has been read.
    void databaseReady(Connection *connection);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void closeTab(QWidget *tab);
    // Calls `then` with `spec` carrying the token of the saved connection it matches (from the
    // keychain), or DOSQL_TOKEN.
    void withSavedToken(ConnectionSpec spec,
                        const std::function<void(const ConnectionSpec &)> &then);
    void createMenus();
    void rebuildRecentMenu();
    void chooseFile(bool readOnly);
    void closeCurrentDatabase();
    void closeTabsOf(Connection *connection);
    void connectionStateChanged(Connection *connection);
    void currentTabChanged();
    void showMessage(const QString &title, const QString &text);

    OpenDatabases *m_databases;
    SchemaTreeModel *m_schemaModel;
    SchemaBrowser *m_browser;
    QStackedWidget *m_center;
    int m_queryCount = 0;
    DraftStore *m_drafts;
    QueryHistory *m_history;
    QDockWidget *m_historyDock;
    QTabWidget *m_tabs;
    ActivityIndicator *m_activity;
    QMenu *m_recentMenu = nullptr;
};
