#pragma once

#include "core/tableschema.h"

#include "widgets/qscintilla.h"

// The SQL text editor: SQLite-dialect highlighting, line numbers, bracket matching,
// auto-indent, and completion of keywords, SQLite's functions and the live schema's tables,
// views and columns.
class SqlEditor final : public QsciScintilla
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlEditor)

public:
    explicit SqlEditor(QWidget *parent = nullptr);
    ~SqlEditor() override;

    // Completion words from `schema`, replacing the previous ones.
    void setSchema(const DatabaseSchema &schema);

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

private:
    QsciLexerSQL *m_lexer;
    QsciAPIs *m_apis = nullptr;
    int m_errorIndicator;
};
