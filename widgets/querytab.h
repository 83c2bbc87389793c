#pragma once

#include "core/connection.h"
#include "core/dberror.h"
#include "core/resultexport.h"
#include "core/sqlscript.h"
#include "models/queryhistory.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class FindBar;
class QAction;
class QPlainTextEdit;
class QProgressBar;
class QToolButton;
class QTabWidget;
class QueryRequest;
class SqlEditor;

// A SQL editor on one connection with its results: Ctrl+Enter runs the selection or the
// statement at the cursor, Ctrl+Shift+Enter the whole script, Esc cancels, Ctrl+F finds and
// replaces. Each statement that
// returns rows gets a result tab that fills batch by batch; the Messages tab says per statement
// how long it took and what it did, and errors are marked where they are in the text.
class QueryTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryTab)

public:
    explicit QueryTab(Connection *connection, QWidget *parent = nullptr);
    ~QueryTab() override;

    Connection *connection() const { return m_connection; }
    // The .sql file this tab was loaded from or saved to, if any.
    QString filePath() const { return m_filePath; }
    // Writes the editor's text to `path` (on a worker thread); `done` gets an error, empty on
    // success.
    void saveTo(const QString &path, std::function<void(const QString &error)> done);
    // Reads `path` (on a worker thread) into the editor.
    void loadFrom(const QString &path, std::function<void(const QString &error)> done);
    static constexpr qint64 kMaxScriptBytes = 64 * 1024 * 1024;

    // Identifies this tab's autosaved draft (see DraftStore).
    QString draftId() const { return m_draftId; }
    void setDraftId(const QString &id) { m_draftId = id; }
    SqlEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_findBar; }
    QTabWidget *results() const { return m_results; }
    QString messages() const;

    // Asked before a statement that needs a second thought (UPDATE/DELETE without WHERE,
    // DROP) runs; by default a dialog. True runs it.
    using Confirm = std::function<bool(const QString &statement, const QString &reason)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Asked for the values of a statement's parameters (names as SqlScript::parameters gives
    // them); by default ParameterDialog. Nothing: the user cancelled.
    using AskParameters
        = std::function<std::optional<QHash<QString, SqlValue>>(const QStringList &names)>;
    void setAskParameters(AskParameters ask) { m_askParameters = std::move(ask); }
    // Where every statement run here is recorded (not owned; may be null).
    void setHistory(QueryHistory *history) { m_history = history; }

    void runCurrent();
    void runScript();
    // EXPLAIN QUERY PLAN of the statement at the cursor, as a tree in a result tab.
    void explainCurrent();
    void cancel();
    bool isRunning() const { return !m_request.isNull(); }

    // Runs `sql` again and writes all its rows to a file the user picks (see ResultExport),
    // with progress and a stop button in the toolbar.
    void exportResult(const QString &sql);
    void startExport(const QString &sql, const ResultExport::Options &options);
    bool isExporting() const { return !m_export.isNull(); }

Q_SIGNALS:
    void runningChanged(bool running);
    void exportEnded();

private:
    struct Pending
    {
        QString sql;
        qsizetype start; // in the editor's text
    };
    void run(const QList<Pending> &statements);
    void runNext();
    void say(const QString &line, bool problem = false);
    void finishRequest();
    void remember(const QString &sql, double durationMs, qint64 rows, const DbError *error);
    void failed(const Pending &statement, const DbError &error);

    QPointer<Connection> m_connection;
    SqlEditor *m_editor;
    FindBar *m_findBar;
    QTabWidget *m_results;
    QPlainTextEdit *m_messages;
    QProgressBar *m_exportProgress;
    QToolButton *m_exportCancel;
    QAction *m_exportProgressAction = nullptr;
    QAction *m_exportCancelAction = nullptr;
    QPointer<ResultExport> m_export;
    QList<Pending> m_queue;
    QPointer<QueryRequest> m_request;
    int m_statementNumber = 0;
    AskParameters m_askParameters;
    Confirm m_confirm;
    QPointer<QueryHistory> m_history;
    QString m_draftId;
    QString m_filePath;
};
