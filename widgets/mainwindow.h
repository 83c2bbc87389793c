#pragma once

#include "core/connectionspec.h"

#include "core/tableschema.h"

#include <QMainWindow>

class ActivityIndicator;
class Connection;
class OpenDatabases;
class QMenu;
class QStackedWidget;
class QTabWidget;
class SchemaBrowser;
class SchemaTreeModel;
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
    QueryHistory *m_history;
    QDockWidget *m_historyDock;
    QTabWidget *m_tabs;
    ActivityIndicator *m_activity;
    QMenu *m_recentMenu = nullptr;
};
