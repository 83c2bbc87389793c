#include "widgets/sqleditor.h"

#include "core/sqlkeywords.h"
#include "core/sqlscript.h"

#include <QFontDatabase>
#include <QKeyEvent>

namespace {

// SQLite's built-in scalar, aggregate, window, date and JSON functions.
const char *const kFunctions[] = {"abs",
                                  "avg",
                                  "changes",
                                  "char",
                                  "coalesce",
                                  "count",
                                  "cume_dist",
                                  "date",
                                  "datetime",
                                  "dense_rank",
                                  "first_value",
                                  "format",
                                  "glob",
                                  "group_concat",
                                  "hex",
                                  "ifnull",
                                  "iif",
                                  "instr",
                                  "json",
                                  "json_array",
                                  "json_each",
                                  "json_extract",
                                  "json_group_array",
                                  "json_group_object",
                                  "json_insert",
                                  "json_object",
                                  "json_patch",
                                  "json_remove",
                                  "json_replace",
                                  "json_set",
                                  "json_tree",
                                  "json_type",
                                  "json_valid",
                                  "julianday",
                                  "lag",
                                  "last_insert_rowid",
                                  "last_value",
                                  "lead",
                                  "length",
                                  "like",
                                  "likelihood",
                                  "lower",
                                  "ltrim",
                                  "max",
                                  "min",
                                  "nth_value",
                                  "ntile",
                                  "nullif",
                                  "percent_rank",
                                  "printf",
                                  "quote",
                                  "random",
                                  "randomblob",
                                  "rank",
                                  "replace",
                                  "round",
                                  "row_number",
                                  "rtrim",
                                  "sign",
                                  "soundex",
                                  "sqlite_version",
                                  "strftime",
                                  "substr",
                                  "sum",
                                  "time",
                                  "total",
                                  "total_changes",
                                  "trim",
                                  "typeof",
                                  "unhex",
                                  "unicode",
                                  "unixepoch",
                                  "upper",
                                  "zeroblob"};

} // namespace

SqlEditor::SqlEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new QsciLexerSQL(this))
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_lexer->setDefaultFont(mono);
    m_lexer->setFont(mono);
    m_lexer->setFoldComments(true);
    setLexer(m_lexer);
    setUtf8(true);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginsForegroundColor(QColor(0x80, 0x80, 0x80));
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    // A horizontal scroll bar only when a line is wider than the editor.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, true);
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(QColor(0xf4, 0xf6, 0xfa));
    setAutoCompletionSource(QsciScintilla::AcsAPIs);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);
    m_errorIndicator = indicatorDefine(QsciScintilla::SquiggleIndicator);
    setIndicatorForegroundColor(QColor(0xd0, 0x20, 0x20), m_errorIndicator);
    connect(this, &QsciScintilla::textChanged, this, &SqlEditor::clearErrorMarks);
    setSchema({});
}

SqlEditor::~SqlEditor()
{
    // The word list is prepared on a thread of QScintilla's that reads the lexer: end it while
    // the lexer is still whole.
    delete m_apis;
}

void SqlEditor::setSchema(const DatabaseSchema &schema)
{
    // A fresh APIs object: QsciAPIs prepares its word list once (on a thread, stopped here).
    delete m_apis;
    m_apis = new QsciAPIs(m_lexer);
    for (const QString &keyword : sqlKeywords())
        m_apis->add(keyword);
    for (const char *function : kFunctions)
        m_apis->add(QString::fromLatin1(function) + QStringLiteral("()"));
    QStringList columns;
    for (const QList<TableSchema> *list : {&schema.tables, &schema.views}) {
        for (const TableSchema &t : *list) {
            m_apis->add(t.name);
            for (const ColumnInfo &c : t.columns)
                columns << c.name;
        }
    }
    columns.removeDuplicates();
    for (const QString &column : std::as_const(columns))
        m_apis->add(column);
    m_apis->prepare();
}

qsizetype SqlEditor::offsetOfPosition(int position) const
{
    const QByteArray bytes = text().toUtf8();
    return QString::fromUtf8(bytes.left(position)).size();
}

int SqlEditor::positionOfOffset(qsizetype offset) const
{
    return int(text().left(offset).toUtf8().size());
}

QString SqlEditor::statementToRun(qsizetype *start) const
{
    if (hasSelectedText()) {
        int lineFrom, indexFrom, lineTo, indexTo;
        getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        *start = offsetOfPosition(int(positionFromLineIndex(lineFrom, indexFrom)));
        return selectedText();
    }
    const QString all = text();
    int line, index;
    getCursorPosition(&line, &index);
    const std::optional<SqlScript::Piece> piece
        = SqlScript::statementAt(all, offsetOfPosition(int(positionFromLineIndex(line, index))));
    if (!piece)
        return {};
    *start = piece->start;
    return piece->text;
}

void SqlEditor::markError(qsizetype offset)
{
    const int from = positionOfOffset(offset);
    const int to = int(SendScintilla(SCI_WORDENDPOSITION, from, true));
    SendScintilla(SCI_SETINDICATORCURRENT, m_errorIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, from, qMax(1, to - from));
    int line, index;
    lineIndexFromPosition(from, &line, &index);
    ensureLineVisible(line);
}

bool SqlEditor::event(QEvent *event)
{
    // Scintilla claims every key it has a binding for, which would keep Ctrl+Enter (run) and
    // Esc (cancel) from the tab's actions. Esc still closes an open completion list first.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if ((enter && key->modifiers().testFlag(Qt::ControlModifier))
            || (key->key() == Qt::Key_Escape && !isListActive())) {
            event->ignore();
            return true;
        }
    }
    return QsciScintilla::event(event);
}

void SqlEditor::clearErrorMarks()
{
    SendScintilla(SCI_SETINDICATORCURRENT, m_errorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
}
