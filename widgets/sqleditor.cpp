#include "widgets/sqleditor.h"

#include "core/sqlcompletion.h"
#include "core/sqlscript.h"

#include <QFontDatabase>
#include <QKeyEvent>

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
    // Completion is ours (showCompletions): it knows which tables a statement names.
    setAutoCompletionSource(QsciScintilla::AcsNone);
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, [this](int added) {
        const bool startsList = added == '.' || QChar(added).isLetterOrNumber() || added == '_';
        if (startsList && !isListActive())
            showCompletions(false);
    });
    connect(this, qOverload<const char *, int, int, int>(&QsciScintillaBase::SCN_AUTOCSELECTION),
            this, [this](const char *chosen, int wordStart, int, int) {
                const QString quoted = m_quotedForms.value(QString::fromUtf8(chosen));
                if (quoted.isEmpty())
                    return;
                // Cancelled before Scintilla inserts it: the quoted form goes in instead.
                SendScintilla(SCI_AUTOCCANCEL);
                const QByteArray text = quoted.toUtf8();
                SendScintilla(SCI_SETTARGETRANGE, wordStart, SendScintilla(SCI_GETCURRENTPOS));
                SendScintilla(SCI_REPLACETARGET, static_cast<unsigned long>(text.size()),
                              text.constData());
                const long end = SendScintilla(SCI_GETTARGETEND);
                SendScintilla(SCI_SETSEL, end, end);
            });
    m_errorIndicator = indicatorDefine(QsciScintilla::SquiggleIndicator);
    setIndicatorForegroundColor(QColor(0xd0, 0x20, 0x20), m_errorIndicator);
    connect(this, &QsciScintilla::textChanged, this, &SqlEditor::clearErrorMarks);
}

SqlEditor::~SqlEditor() = default;

void SqlEditor::setSchema(const DatabaseSchema &schema)
{
    m_schema = schema;
}

void SqlEditor::showCompletions(bool evenWithoutPrefix)
{
    const QString all = text();
    int line, index;
    getCursorPosition(&line, &index);
    const qsizetype cursor = offsetOfPosition(int(positionFromLineIndex(line, index)));
    const SqlCompletion::Context context = SqlCompletion::contextAt(all, cursor);
    if (!evenWithoutPrefix && context.qualifier.isEmpty()
        && context.prefix.size() < kCompletionThreshold)
        return;
    const std::optional<SqlScript::Piece> statement = SqlScript::statementAt(all, cursor);
    const QStringList words
        = SqlCompletion::candidates(m_schema, statement ? statement->text : all, context);
    if (words.isEmpty()) {
        SendScintilla(SCI_AUTOCCANCEL);
        return;
    }
    // Quoted names are listed as they read, so that typing narrows them; the quotes go in
    // when one is chosen.
    m_quotedForms.clear();
    QStringList entries;
    for (const QString &word : words) {
        if (word.size() > 2 && word.startsWith(u'"')) {
            const QString name = word.mid(1, word.size() - 2)
                                     .replace(QStringLiteral("\"\""), QStringLiteral("\""));
            m_quotedForms.insert(name, word);
            entries << name;
        } else {
            entries << word;
        }
    }
    // Scintilla shows the list, narrows it as typing goes on, and puts the chosen word in
    // place of the prefix.
    SendScintilla(SCI_AUTOCSETSEPARATOR, '\n');
    SendScintilla(SCI_AUTOCSETIGNORECASE, true);
    SendScintilla(SCI_AUTOCSETORDER, SC_ORDER_PERFORMSORT);
    SendScintilla(SCI_AUTOCSHOW, static_cast<unsigned long>(context.prefix.toUtf8().size()),
                  entries.join(u'\n').toUtf8().constData());
}

void SqlEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        showCompletions(true);
        return;
    }
    QsciScintilla::keyPressEvent(event);
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
