#pragma once

#include "core/tableschema.h"

#include "widgets/qscintilla.h"

// The SQL text editor: SQLite-dialect highlighting, line numbers, bracket matching,
// auto-indent, and completion of keywords, SQLite's functions and the live schema's tables,
// views and the columns of the tables the statement names.
class SqlEditor final : public QsciScintilla
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlEditor)

public:
    explicit SqlEditor(QWidget *parent = nullptr);
    ~SqlEditor() override;

    // The schema completion offers names from (see SqlCompletion).
    void setSchema(const DatabaseSchema &schema);
    // Opens the completion list for the word at the cursor: after a dot, or once
    // kCompletionThreshold characters are typed, or at once for Ctrl+Space.
    void showCompletions(bool evenWithoutPrefix);
    static constexpr int kCompletionThreshold = 2;

    // What Ctrl+Enter runs: the selection, or else the statement the cursor is in. `start` gets
    // its offset in text(), in characters.
    QString statementToRun(qsizetype *start) const;
    // Underlines the text from character `offset` to the end of its word (an error's position).
    void markError(qsizetype offset);
    void clearErrorMarks();

    // Character offset <-> Scintilla position (UTF-8 bytes).
    qsizetype offsetOfPosition(int position) const;
    int positionOfOffset(qsizetype offset) const;

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QsciLexerSQL *m_lexer;
    DatabaseSchema m_schema;
    QHash<QString, QString> m_quotedForms; // names in the open list that need quotes
    int m_errorIndicator;
};
