#include "widgets/mainwindow.h"

#include "core/connection.h"
#include "core/engine/demodatabase.h"
#include "models/queryhistory.h"
#include "models/schematreemodel.h"
#include "models/taggedicon.h"
#include "widgets/activityindicator.h"
#include "widgets/appsettings.h"
#include "widgets/connectiondialog.h"
#include "widgets/draftstore.h"
#include "widgets/historypanel.h"
#include "widgets/opendatabases.h"
#include "widgets/querytab.h"
#include "widgets/savedconnections.h"
#include "widgets/schemabrowser.h"
#include "widgets/sqleditor.h"
#include "widgets/tabletab.h"
#include "widgets/tokenstore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QtConcurrent>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_databases(new OpenDatabases(this))
    , m_schemaModel(new SchemaTreeModel(this))
    , m_browser(new SchemaBrowser(m_schemaModel, this))
    , m_center(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_activity(new ActivityIndicator(this))
{
    setWindowTitle(tr("DoSQL Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dosql-studio.svg")));
    setAcceptDrops(true);

    auto *welcome
        = new QLabel(tr("<h2>DoSQL Studio</h2>"
                        "<p>Open a SQLite database with <b>File › Open</b>, drop a file here,"
                        " or try <b>File › Open Demo Database</b>.</p>"),
                     this);
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setEnabled(false);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_center->addWidget(welcome);
    m_center->addWidget(m_tabs);
    setCentralWidget(m_center);

    auto *dock = new QDockWidget(tr("Databases"), this);
    dock->setObjectName(QStringLiteral("schemaDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_browser);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {300}, Qt::Horizontal);

    m_drafts = new DraftStore(DraftStore::defaultFolder(), this);
    m_history = new QueryHistory(QueryHistory::defaultPath(), this);
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    auto *historyPanel = new HistoryPanel(m_history, historyDock);
    historyDock->setWidget(historyPanel);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    historyDock->hide();
    m_historyDock = historyDock;
    // A statement from the history goes into the current query tab, ready to run again.
    connect(historyPanel, &HistoryPanel::sqlActivated, this, [this](const QString &sql) {
        auto *query = qobject_cast<QueryTab *>(m_tabs->currentWidget());
        if (!query) {
            Connection *connection = m_browser->currentConnection();
            if (!connection)
                return;
            query = openQuery(connection);
        }
        query->editor()->setText(sql);
        query->editor()->setFocus();
    });

    statusBar()->addPermanentWidget(m_activity, 1);
    createMenus();

    connect(m_browser, &SchemaBrowser::tableActivated, this, &MainWindow::openTable);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeTab(m_tabs->widget(index)); });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::currentTabChanged);
    connect(m_databases, &OpenDatabases::opened, this, [this](Connection *connection) {
        m_schemaModel->addConnection(connection);
        m_browser->selectConnection(connection);
        m_activity->setConnection(connection);
        connect(connection, &Connection::stateChanged, this,
                [this, connection] { connectionStateChanged(connection); });
    });
    connect(m_databases, &OpenDatabases::aboutToClose, this, [this](Connection *connection) {
        closeTabsOf(connection);
        m_schemaModel->removeConnection(connection);
        m_activity->setConnection(m_databases->all().value(0) == connection
                                      ? m_databases->all().value(1)
                                      : m_databases->all().value(0));
    });
    connect(m_schemaModel, &SchemaTreeModel::schemaLoaded, this, &MainWindow::databaseReady);

    const AppSettings settings;
    if (!restoreGeometry(settings.mainWindowGeometry()))
        resize(1280, 800);
    restoreState(settings.mainWindowState());
}

MainWindow::~MainWindow()
{
    // Tabs hold models that talk to connections: they go first.
    while (m_tabs->count() > 0)
        delete m_tabs->widget(0);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(QIcon(QStringLiteral(":/icons/open.svg")),
                                    tr("&Open Database…"), this, [this] { chooseFile(false); });
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open Database &Read-Only…"), this, [this] { chooseFile(true); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction *server
        = file->addAction(tr("Connect to &Server…"), this, &MainWindow::showConnectionManager);
    server->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("Open &Demo Database"), this, &MainWindow::openDemo);
    file->addSeparator();
    QAction *close
        = file->addAction(tr("&Close Database"), this, &MainWindow::closeCurrentDatabase);
    close->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    QAction *newQuery = file->addAction(tr("New &Query"), this, [this] {
        if (Connection *connection = m_browser->currentConnection())
            openQuery(connection);
        else
            showMessage(tr("New Query"), tr("Open a database first: the query runs on the one"
                                            " selected in the sidebar."));
    });
    newQuery->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *openScript = file->addAction(tr("Open SQL Script…"), this, [this] {
        Connection *connection = m_browser->currentConnection();
        if (!connection)
            return showMessage(tr("Open SQL Script"),
                               tr("Open a database first: the script opens in a query tab on the"
                                  " one selected in the sidebar."));
        const QString path = QFileDialog::getOpenFileName(this, tr("Open SQL Script"), {},
                                                          tr("SQL scripts (*.sql);;All files (*)"));
        if (path.isEmpty())
            return;
        QueryTab *tab = openQuery(connection);
        tab->loadFrom(path, [this, tab, path](const QString &error) {
            if (!error.isEmpty())
                return showMessage(tr("Open SQL Script"), error);
            m_tabs->setTabText(m_tabs->indexOf(tab), QFileInfo(path).fileName());
        });
    });
    openScript->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    auto saveScript = [this](bool askForName) {
        auto *tab = qobject_cast<QueryTab *>(m_tabs->currentWidget());
        if (!tab)
            return;
        QString path = tab->filePath();
        if (askForName || path.isEmpty())
            path = QFileDialog::getSaveFileName(this, tr("Save SQL Script"), path,
                                                tr("SQL scripts (*.sql)"));
        if (path.isEmpty())
            return;
        tab->saveTo(path, [this, tab, path](const QString &error) {
            if (!error.isEmpty())
                return showMessage(tr("Save SQL Script"), error);
            m_tabs->setTabText(m_tabs->indexOf(tab), QFileInfo(path).fileName());
        });
    };
    file->addAction(tr("&Save SQL Script"), this, [saveScript] { saveScript(false); })
        ->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save SQL Script &As…"), this, [saveScript] { saveScript(true); })
        ->setShortcut(QKeySequence::SaveAs);
    QAction *closeTab = file->addAction(tr("Close &Tab"), this,
                                        [this] { this->closeTab(m_tabs->currentWidget()); });
    closeTab->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *history = m_historyDock->toggleViewAction();
    history->setText(tr("Query &History"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    view->addAction(history);
    QAction *refresh = view->addAction(
        QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh Table"), this, [this] {
            if (auto *tab = qobject_cast<TableTab *>(m_tabs->currentWidget()))
                tab->refresh();
        });
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About DoSQL Studio"), this, [this] {
        showMessage(
            tr("About DoSQL Studio"),
            tr("<h3>DoSQL Studio %1</h3><p>Browse, query and watch DoSQL and SQLite databases."
               "</p><p>Built with Qt %2 and SQLite.</p>")
                .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = AppSettings().recentFiles();
    for (const QString &path : files) {
        m_recentMenu->addAction(QFileInfo(path).fileName() + QStringLiteral("  —  ") + path, this,
                                [this, path] { openFile(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::chooseFile(bool readOnly)
{
    AppSettings settings;
    auto *dialog
        = new QFileDialog(this, readOnly ? tr("Open Database Read-Only") : tr("Open Database"),
                          settings.lastOpenDirectory(),
                          tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this, readOnly](const QString &path) {
        AppSettings().setLastOpenDirectory(QFileInfo(path).absolutePath());
        openFile(path, readOnly);
    });
    dialog->open();
}

void MainWindow::openFile(const QString &path, bool readOnly)
{
    ConnectionSpec spec;
    spec.location = path;
    spec.mode = readOnly ? ConnectionSpec::OpenMode::ReadOnly : ConnectionSpec::OpenMode::ReadWrite;
    open(spec);
}

void MainWindow::open(const ConnectionSpec &spec)
{
    Connection *connection = m_databases->open(spec);
    m_browser->selectConnection(connection);
    m_activity->setConnection(connection);
}

void MainWindow::showConnectionManager()
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionDialog::connectRequested, this,
            qOverload<const ConnectionSpec &>(&MainWindow::open));
    dialog->open();
}

void MainWindow::openDemo()
{
    const QString path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/'
                         + DemoDatabase::fileName();
    statusBar()->showMessage(tr("Preparing the demo database…"));
    auto *watcher = new QFutureWatcher<std::optional<DbError>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        statusBar()->clearMessage();
        if (const auto error = watcher->result()) {
            showMessage(tr("Demo database"),
                        tr("The demo database could not be built: %1").arg(error->message));
            return;
        }
        openFile(path);
    });
    // Checking for the file and building it are disk work: both happen off the GUI thread.
    watcher->setFuture(QtConcurrent::run([path]() -> std::optional<DbError> {
        if (QFileInfo::exists(path))
            return std::nullopt;
        return DemoDatabase::create(path);
    }));
}

TableTab *MainWindow::openTable(Connection *connection, const TableSchema &table)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<TableTab *>(m_tabs->widget(i));
        if (tab && tab->connection() == connection && tab->table().name == table.name) {
            m_tabs->setCurrentIndex(i);
            return tab;
        }
    }
    auto *tab = new TableTab(connection, table, m_tabs);
    const QString icon
        = table.kind == TableSchema::Kind::View ? QStringLiteral("view") : QStringLiteral("table");
    const int index = m_tabs->addTab(
        tab,
        taggedIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), connection->spec().colourTag),
        table.name);
    m_tabs->setTabToolTip(index, connection->spec().title() + QStringLiteral(" › ") + table.name);
    m_tabs->setCurrentIndex(index);
    m_center->setCurrentWidget(m_tabs);
    return tab;
}

void MainWindow::closeTab(QWidget *tab)
{
    // Closing a query tab is the user's choice to let its text go; a quit keeps it.
    if (auto *query = qobject_cast<QueryTab *>(tab))
        m_drafts->remove(query->draftId());
    delete tab;
}

void MainWindow::restoreDrafts()
{
    m_drafts->load([this](const QList<DraftStore::Draft> &drafts) {
        for (const DraftStore::Draft &draft : drafts) {
            ConnectionSpec spec;
            spec.location = draft.location;
            spec.remote.database = draft.database;
            spec.mode = draft.readOnly ? ConnectionSpec::OpenMode::ReadOnly
                                       : ConnectionSpec::OpenMode::ReadWrite;
            auto reopen = [this, draft](const ConnectionSpec &withToken) {
                QueryTab *tab = openQuery(m_databases->open(withToken));
                tab->setDraftId(draft.id);
                tab->editor()->setText(draft.text);
            };
            if (!spec.isRemote())
                reopen(spec);
            else
                withSavedToken(spec, reopen);
        }
    });
}

void MainWindow::withSavedToken(ConnectionSpec spec,
                                const std::function<void(const ConnectionSpec &)> &then)
{
    for (const SavedConnection &saved : SavedConnections().all()) {
        if (saved.url == spec.location && saved.database == spec.remote.database) {
            // Opened by address (command line, a restored draft): still the saved one's tag.
            if (spec.colourTag.isEmpty())
                spec.colourTag = saved.spec().colourTag;
            if (spec.displayName.isEmpty())
                spec.displayName = saved.name;
            auto *tokens = new TokenStore(this);
            tokens->read(saved.id,
                         [tokens, spec, then](const QString &token, const QString &) mutable {
                             spec.remote.token = token;
                             then(spec);
                             tokens->deleteLater();
                         });
            return;
        }
    }
    spec.remote.token = qEnvironmentVariable("DOSQL_TOKEN");
    then(spec);
}

QueryTab *MainWindow::openQuery(Connection *connection)
{
    auto *tab = new QueryTab(connection, m_tabs);
    tab->setHistory(m_history);
    // What is typed is kept on disk shortly after, to survive a restart or a crash.
    auto *autosave = new QTimer(tab);
    autosave->setSingleShot(true);
    autosave->setInterval(kAutosaveDelayMs);
    connect(tab->editor(), &QsciScintilla::textChanged, autosave, qOverload<>(&QTimer::start));
    connect(autosave, &QTimer::timeout, this, [this, tab] {
        const ConnectionSpec &spec = tab->connection()->spec();
        m_drafts->save({tab->draftId(), m_tabs->tabText(m_tabs->indexOf(tab)), spec.location,
                        spec.remote.database, spec.isReadOnly(), tab->editor()->text()});
    });
    const int index = m_tabs->addTab(tab, taggedIcon({}, connection->spec().colourTag),
                                     tr("Query %1").arg(++m_queryCount));
    m_tabs->setTabToolTip(index, connection->spec().title());
    m_tabs->setCurrentIndex(index);
    m_center->setCurrentWidget(m_tabs);
    tab->editor()->setFocus();
    return tab;
}

TableTab *MainWindow::openTableByName(Connection *connection, const QString &name)
{
    const DatabaseSchema schema = m_schemaModel->schemaOf(connection);
    const TableSchema *table = schema.find(name);
    return table ? openTable(connection, *table) : nullptr;
}

void MainWindow::closeCurrentDatabase()
{
    Connection *connection = m_browser->currentConnection();
    if (!connection) {
        if (auto *tab = qobject_cast<TableTab *>(m_tabs->currentWidget()))
            connection = tab->connection();
    }
    if (connection)
        m_databases->close(connection);
}

void MainWindow::closeTabsOf(Connection *connection)
{
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        auto *table = qobject_cast<TableTab *>(m_tabs->widget(i));
        auto *query = qobject_cast<QueryTab *>(m_tabs->widget(i));
        if ((table && table->connection() == connection)
            || (query && query->connection() == connection))
            delete m_tabs->widget(i);
    }
}

void MainWindow::connectionStateChanged(Connection *connection)
{
    if (connection->state() == Connection::State::Open) {
        AppSettings().addRecentFile(connection->spec().location);
        rebuildRecentMenu();
        setWindowTitle(connection->spec().title() + QStringLiteral(" — ") + tr("DoSQL Studio"));
    } else if (connection->state() == Connection::State::Failed) {
        const QString path = connection->spec().location;
        const QString message = connection->lastError().message;
        m_databases->close(connection);
        showMessage(tr("Could not open database"),
                    tr("%1\n\nCheck that the file is a SQLite database and that you may read it.")
                        .arg(message));
        AppSettings().removeRecentFile(path);
        rebuildRecentMenu();
    }
}

void MainWindow::currentTabChanged()
{
    auto *tab = qobject_cast<TableTab *>(m_tabs->currentWidget());
    m_center->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
    if (tab)
        m_activity->setConnection(tab->connection());
}

void MainWindow::showMessage(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    AppSettings settings;
    settings.setMainWindowGeometry(saveGeometry());
    settings.setMainWindowState(saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    }
    event->acceptProposedAction();
}
