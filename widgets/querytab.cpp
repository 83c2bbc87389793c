#include "widgets/querytab.h"

#include "core/connection.h"
#include "core/dbrequest.h"
#include "models/queryhistory.h"
#include "models/queryresultmodel.h"
#include "widgets/findbar.h"
#include "widgets/parameterdialog.h"
#include "widgets/resultview.h"
#include "widgets/sqleditor.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent>

QueryTab::QueryTab(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_editor(new SqlEditor)
    , m_findBar(new FindBar(m_editor))
    , m_results(new QTabWidget)
    , m_messages(new QPlainTextEdit)
    , m_exportProgress(new QProgressBar)
    , m_exportCancel(new QToolButton)
    , m_askParameters([this](const QStringList &names) -> std::optional<QHash<QString, SqlValue>> {
        ParameterDialog dialog(names, this);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.values();
    })
    , m_confirm([this](const QString &statement, const QString &reason) {
        return QMessageBox::question(this, tr("Run This Statement?"),
                                     reason + QStringLiteral("\n\n") + statement.left(500),
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               == QMessageBox::Yes;
    })
{
    m_draftId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto *toolbar = new QToolBar;
    QAction *run = toolbar->addAction(tr("Run"), this, &QueryTab::runCurrent);
    run->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    run->setToolTip(tr("Run the selection, or the statement at the cursor (Ctrl+Enter)"));
    QAction *script = toolbar->addAction(tr("Run Script"), this, &QueryTab::runScript);
    script->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    script->setToolTip(tr("Run every statement in the editor (Ctrl+Shift+Enter)"));
    QAction *explain = toolbar->addAction(tr("Explain"), this, &QueryTab::explainCurrent);
    explain->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    explain->setToolTip(tr("Show how SQLite will run the statement at the cursor (Ctrl+E)"));
    QAction *stop = toolbar->addAction(tr("Cancel"), this, &QueryTab::cancel);
    stop->setShortcut(QKeySequence(Qt::Key_Escape));
    stop->setEnabled(false);
    QAction *find = new QAction(tr("Find and Replace"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_findBar, &FindBar::open);
    QAction *next = new QAction(tr("Find Next"), this);
    next->setShortcut(QKeySequence::FindNext);
    connect(next, &QAction::triggered, m_findBar, &FindBar::findNext);
    QAction *previous = new QAction(tr("Find Previous"), this);
    previous->setShortcut(QKeySequence::FindPrevious);
    connect(previous, &QAction::triggered, m_findBar, &FindBar::findPrevious);
    // The keys work wherever focus is in this tab (some actions also live on the toolbar).
    for (QAction *action : {run, script, explain, stop, find, next, previous}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_exportProgress->setMaximumWidth(220);
    m_exportProgress->setTextVisible(true);
    m_exportCancel->setText(tr("Stop Export"));
    toolbar->addSeparator();
    m_exportProgressAction = toolbar->addWidget(m_exportProgress);
    m_exportCancelAction = toolbar->addWidget(m_exportCancel);
    m_exportProgressAction->setVisible(false);
    m_exportCancelAction->setVisible(false);
    connect(this, &QueryTab::runningChanged, stop, &QAction::setEnabled);
    connect(this, &QueryTab::runningChanged, run, [run, script](bool running) {
        run->setEnabled(!running);
        script->setEnabled(!running);
    });

    m_messages->setReadOnly(true);
    m_messages->setObjectName(QStringLiteral("messages"));
    m_results->setDocumentMode(true);
    m_results->addTab(m_messages, tr("Messages"));

    auto *editorPane = new QWidget;
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor);
    editorLayout->addWidget(m_findBar);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(editorPane);
    splitter->addWidget(m_results);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter);

    if (connection) {
        // Completion follows the live schema.
        auto refresh = [this] {
            if (!m_connection)
                return;
            SchemaRequest *request = m_connection->readSchema(this);
            connect(request, &SchemaRequest::finished, this,
                    [this](const DatabaseSchema &schema) { m_editor->setSchema(schema); });
            connect(request, &DbRequest::ended, request, &QObject::deleteLater);
        };
        connect(connection, &Connection::schemaChanged, this, refresh);
        connect(connection, &Connection::stateChanged, this, [refresh](Connection::State state) {
            if (state == Connection::State::Open)
                refresh();
        });
        if (connection->state() == Connection::State::Open)
            refresh();
    }
}

QueryTab::~QueryTab()
{
    m_queue.clear();
    if (m_request)
        m_request->cancel();
}

QString QueryTab::messages() const
{
    return m_messages->toPlainText();
}

void QueryTab::say(const QString &line, bool problem)
{
    m_messages->appendHtml(QStringLiteral("<span style=\"color:%1\">%2</span>")
                               .arg(problem ? QStringLiteral("#b3261e") : QStringLiteral("inherit"),
                                    line.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
}

void QueryTab::runCurrent()
{
    qsizetype start = 0;
    const QString sql = m_editor->statementToRun(&start);
    if (sql.trimmed().isEmpty())
        return;
    // A selection may hold several statements: they run one by one.
    QList<Pending> statements;
    for (const SqlScript::Piece &piece : SqlScript::split(sql))
        statements.append({piece.text, start + piece.start});
    run(statements);
}

void QueryTab::runScript()
{
    QList<Pending> statements;
    for (const SqlScript::Piece &piece : SqlScript::split(m_editor->text()))
        statements.append({piece.text, piece.start});
    run(statements);
}

void QueryTab::explainCurrent()
{
    qsizetype start = 0;
    const QString sql = m_editor->statementToRun(&start);
    const QList<SqlScript::Piece> pieces = SqlScript::split(sql);
    if (pieces.isEmpty() || isRunning() || !m_connection)
        return;
    QString statement = pieces.first().text.trimmed();
    if (statement.endsWith(u';'))
        statement.chop(1);
    QueryRequest *request
        = m_connection->query(Statement(QStringLiteral("EXPLAIN QUERY PLAN ") + statement), this);
    m_request = request;
    Q_EMIT runningChanged(true);
    auto rows = std::make_shared<QList<Row>>();
    connect(request, &QueryRequest::rowsReady, this,
            [rows](const RowBatch &batch) { *rows += batch.rows; });
    connect(request, &QueryRequest::finished, this, [this, rows] {
        finishRequest();
        // Rows are (id, parent, notused, detail): a tree by parent id.
        auto *tree = new QTreeWidget;
        tree->setHeaderLabels({tr("Query plan")});
        QHash<qint64, QTreeWidgetItem *> items;
        for (const Row &row : std::as_const(*rows)) {
            QTreeWidgetItem *parent = items.value(row.value(1).toInteger());
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
            item->setText(0, row.value(3).toText());
            items.insert(row.value(0).toInteger(), item);
        }
        tree->expandAll();
        while (m_results->count() > 1)
            delete m_results->widget(1);
        m_results->setCurrentIndex(m_results->addTab(tree, tr("Plan")));
        Q_EMIT runningChanged(false);
    });
    connect(request, &DbRequest::failed, this, [this](const DbError &error) {
        finishRequest();
        say(tr("The plan could not be shown: %1").arg(error.message), true);
        Q_EMIT runningChanged(false);
    });
}

void QueryTab::cancel()
{
    if (m_queue.size() > 0)
        say(tr("Cancelled; %n statement(s) after it were not run.", nullptr, int(m_queue.size())));
    m_queue.clear();
    if (m_request)
        m_request->cancel();
}

void QueryTab::run(const QList<Pending> &statements)
{
    if (isRunning() || statements.isEmpty() || !m_connection)
        return;
    m_editor->clearErrorMarks();
    // Earlier results make way for the new ones; Messages stays and keeps the history.
    while (m_results->count() > 1)
        delete m_results->widget(1);
    m_queue = statements;
    m_statementNumber = 0;
    m_results->setCurrentWidget(m_messages);
    runNext();
}

void QueryTab::runNext()
{
    if (m_queue.isEmpty()) {
        Q_EMIT runningChanged(false);
        return;
    }
    const Pending statement = m_queue.takeFirst();
    ++m_statementNumber;
    if (m_connection->isReadOnly() && SqlScript::changesDatabase(statement.sql)) {
        failed(statement, {ErrorCode::ReadOnly,
                           tr("This connection is read-only, so the statement was not sent: it"
                              " would change the database."),
                           {}});
        return;
    }
    const QString reason = SqlScript::confirmationReason(statement.sql);
    if (!reason.isEmpty() && !m_confirm(statement.sql, reason)) {
        say(tr("Statement %1 not run: %2").arg(m_statementNumber).arg(reason));
        m_queue.clear();
        Q_EMIT runningChanged(false);
        return;
    }
    Statement query(statement.sql);
    const QStringList names = SqlScript::parameters(statement.sql);
    if (!names.isEmpty()) {
        const std::optional<QHash<QString, SqlValue>> values = m_askParameters(names);
        if (!values) {
            say(tr("Statement %1 not run: no parameter values were given.").arg(m_statementNumber));
            m_queue.clear();
            Q_EMIT runningChanged(false);
            return;
        }
        for (auto it = values->cbegin(); it != values->cend(); ++it) {
            if (it.key().startsWith(u'?')) {
                const int index = it.key().mid(1).toInt() - 1;
                while (query.params.size() <= index)
                    query.params.append(SqlValue());
                query.params[index] = it.value();
            } else {
                query.namedParams.insert(it.key(), it.value());
            }
        }
    }
    query.options.batchSize = 500;
    QueryRequest *request = m_connection->query(query, this);
    m_request = request;
    Q_EMIT runningChanged(true);
    auto *model = new QueryResultModel(request);
    connect(request, &QueryRequest::columnsReady, this,
            [this, model, statement](const QList<ResultColumn> &columns) {
                if (columns.isEmpty())
                    return;
                model->setColumns(columns);
                auto *view = new ResultView(model, statement.sql);
                connect(view, &ResultView::exportRequested, this, &QueryTab::exportResult);
                const int index = m_results->addTab(view, tr("Result %1").arg(m_statementNumber));
                m_results->setCurrentIndex(index);
            });
    connect(request, &QueryRequest::rowsReady, model,
            [model](const RowBatch &batch) { model->appendRows(batch.rows); });
    connect(request, &QueryRequest::finished, this,
            [this, model, statement](const ExecSummary &summary) {
                model->setFinished(true);
                if (auto *view = qobject_cast<ResultView *>(model->parent())) {
                    // Sorting by a header click from now on; until then the statement's own
                    // order stands (enabling sorting would otherwise re-sort at once).
                    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
                    view->setSortingEnabled(true);
                }
                QString what;
                if (!model->columns().isEmpty())
                    what = model->isTruncated()
                               ? tr("%1 rows; the first %2 are shown (export for all of them)")
                                     .arg(model->totalRows())
                                     .arg(model->rowCount())
                               : tr("%n row(s)", nullptr, int(model->totalRows()));
                else
                    what = tr("%n row(s) changed", nullptr, int(summary.rowsAffected));
                say(tr("Statement %1: %2 in %3 ms.")
                        .arg(m_statementNumber)
                        .arg(what)
                        .arg(summary.durationMs, 0, 'f', 1));
                remember(statement.sql, summary.durationMs,
                         model->columns().isEmpty() ? summary.rowsAffected : model->totalRows(),
                         nullptr);
                finishRequest();
                runNext();
            });
    connect(request, &DbRequest::failed, this, [this, statement](const DbError &error) {
        remember(statement.sql, 0, 0, &error);
        finishRequest();
        failed(statement, error);
    });
}

void QueryTab::exportResult(const QString &sql)
{
    if (m_export || !m_connection)
        return;
    const std::pair<QString, ResultExport::Format> formats[]
        = {{tr("CSV (*.csv)"), ResultExport::Format::Csv},
           {tr("JSON (*.json)"), ResultExport::Format::Json},
           {tr("JSON Lines (*.jsonl)"), ResultExport::Format::JsonLines},
           {tr("SQL INSERT statements (*.sql)"), ResultExport::Format::SqlInsert}};
    QStringList filters;
    for (const auto &[filter, format] : formats)
        filters << filter;
    QString chosen;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Result"), {},
                                                      filters.join(QStringLiteral(";;")), &chosen);
    if (path.isEmpty())
        return;
    ResultExport::Options options;
    options.path = path;
    for (const auto &[filter, format] : formats) {
        if (filter == chosen)
            options.format = format;
    }
    startExport(sql, options);
}

void QueryTab::startExport(const QString &sql, const ResultExport::Options &options)
{
    auto *exporter = new ResultExport(m_connection, Statement(sql), options, this);
    m_export = exporter;
    m_exportProgressAction->setVisible(true);
    m_exportCancelAction->setVisible(true);
    m_exportProgress->setFormat(tr("Exporting: %v rows"));
    m_exportProgress->setRange(0, 0);
    connect(m_exportCancel, &QToolButton::clicked, exporter, &ResultExport::cancel);
    connect(exporter, &ResultExport::progress, this, [this](qint64 rows) {
        m_exportProgress->setRange(0, int(qMin<qint64>(rows, INT_MAX)));
        m_exportProgress->setValue(int(qMin<qint64>(rows, INT_MAX)));
    });
    auto done = [this, exporter] {
        m_exportProgressAction->setVisible(false);
        m_exportCancelAction->setVisible(false);
        disconnect(m_exportCancel, nullptr, exporter, nullptr);
        exporter->deleteLater();
        Q_EMIT exportEnded();
    };
    connect(exporter, &ResultExport::finished, this,
            [this, done, path = options.path](qint64 rows) {
                say(tr("Exported %n row(s) to %1.", nullptr, int(qMin<qint64>(rows, INT_MAX)))
                        .arg(path));
                done();
            });
    connect(exporter, &ResultExport::failed, this, [this, done](const DbError &error) {
        say(error.message, error.code != ErrorCode::Cancelled);
        done();
    });
    exporter->start();
}

void QueryTab::saveTo(const QString &path, std::function<void(const QString &error)> done)
{
    const QByteArray bytes = m_editor->text().toUtf8();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, done] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            m_filePath = path;
        done(error);
    });
    watcher->setFuture(QtConcurrent::run([path, bytes] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return tr("%1 could not be saved: %2").arg(path, file.errorString());
        return QString();
    }));
}

void QueryTab::loadFrom(const QString &path, std::function<void(const QString &error)> done)
{
    using Loaded = std::pair<QString, QString>; // text, error
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, path, done] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        if (loaded.second.isEmpty()) {
            m_editor->setText(loaded.first);
            m_filePath = path;
        }
        done(loaded.second);
    });
    watcher->setFuture(QtConcurrent::run([path]() -> Loaded {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {{}, tr("%1 could not be opened: %2").arg(path, file.errorString())};
        if (file.size() > kMaxScriptBytes)
            return {{},
                    tr("%1 is larger than %2 MiB; open it in a text editor instead.")
                        .arg(path)
                        .arg(kMaxScriptBytes / (1024 * 1024))};
        return {QString::fromUtf8(file.readAll()), {}};
    }));
}

void QueryTab::remember(const QString &sql, double durationMs, qint64 rows, const DbError *error)
{
    if (!m_history || !m_connection)
        return;
    QueryHistory::Entry entry;
    entry.at = QDateTime::currentDateTime();
    entry.connection = m_connection->spec().title();
    entry.sql = sql;
    entry.durationMs = durationMs;
    entry.rows = rows;
    entry.ok = !error;
    if (error)
        entry.error = error->message;
    m_history->record(entry);
}

void QueryTab::finishRequest()
{
    if (m_request)
        m_request->deleteLater(); // its result model, if any, lives on in its tab
    m_request = nullptr;
}

void QueryTab::failed(const Pending &statement, const DbError &error)
{
    QString line = tr("Statement %1 failed: %2").arg(m_statementNumber).arg(error.message);
    bool ok = false;
    const int offset = error.details.value(QStringLiteral("offset")).toInt(&ok);
    if (ok && offset >= 0) {
        // SQLite counts bytes of UTF-8; the editor counts characters.
        const qsizetype at
            = QString::fromUtf8(statement.sql.toUtf8().left(offset)).size() + statement.start;
        m_editor->markError(at);
        line += tr(" (marked in the editor)");
    }
    if (error.code == ErrorCode::TableNotFound)
        line += u'\n' + tr("Hint: the schema sidebar lists the tables this database has.");
    else if (error.code == ErrorCode::Cancelled)
        line = tr("Statement %1 was cancelled.").arg(m_statementNumber);
    say(line, error.code != ErrorCode::Cancelled);
    if (!m_queue.isEmpty())
        say(tr("%n statement(s) after it were not run.", nullptr, int(m_queue.size())));
    m_queue.clear();
    Q_EMIT runningChanged(false);
}
