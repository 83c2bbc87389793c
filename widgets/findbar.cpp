#include "widgets/findbar.h"

#include "widgets/qscintilla.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <regex>

FindBar::FindBar(QsciScintilla *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit)
    , m_replace(new QLineEdit)
    , m_matchCase(new QCheckBox(tr("Match case")))
    , m_wholeWords(new QCheckBox(tr("Whole words")))
    , m_regex(new QCheckBox(tr("Regular expression")))
    , m_status(new QLabel)
{
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replace->setClearButtonEnabled(true);
    m_regex->setToolTip(tr("ECMAScript syntax; \\1, \\2… in the replacement insert groups"));
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000 of 00000")));

    auto button = [this](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(button(tr("Previous"), tr("Previous match (Shift+Enter, Shift+F3)"),
                             &FindBar::findPrevious),
                      0, 1);
    layout->addWidget(button(tr("Next"), tr("Next match (Enter, F3)"), &FindBar::findNext), 0, 2);
    layout->addWidget(m_status, 0, 3);
    layout->addWidget(m_matchCase, 0, 4);
    layout->addWidget(m_wholeWords, 0, 5);
    layout->addWidget(m_regex, 0, 6);
    layout->addWidget(button(tr("Close"), tr("Close (Esc)"), &FindBar::dismiss), 0, 7);
    layout->addWidget(m_replace, 1, 0);
    layout->addWidget(button(tr("Replace"), tr("Replace this match and go to the next (Enter)"),
                             &FindBar::replaceCurrent),
                      1, 1);
    layout->addWidget(button(tr("Replace All"), tr("Replace every match (one step to undo)"),
                             &FindBar::replaceAll),
                      1, 2);
    layout->setColumnStretch(0, 1);
    for (QWidget *child : findChildren<QWidget *>())
        child->installEventFilter(this);

    m_highlight = m_editor->indicatorDefine(QsciScintilla::RoundBoxIndicator);
    m_editor->setIndicatorForegroundColor(QColor(0xff, 0xb0, 0x00, 0x70), m_highlight);
    m_editor->SendScintilla(QsciScintillaBase::SCI_INDICSETUNDER, m_highlight, true);

    connect(m_find, &QLineEdit::textChanged, this, [this] {
        refreshMatches();
        // As the user types, the match at (or after) the selection's start is selected.
        const long from = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETSEL, from, from);
        find(true);
    });
    for (QCheckBox *option : {m_matchCase, m_wholeWords, m_regex})
        connect(option, &QCheckBox::toggled, this, &FindBar::refreshMatches);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        if (isVisible() && !m_replacing)
            refreshMatches();
    });
    connect(m_editor, &QsciScintilla::selectionChanged, this, [this] {
        if (isVisible())
            updateStatus();
    });
    hide();
}

void FindBar::open()
{
    int lineFrom, indexFrom, lineTo, indexTo;
    m_editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    if (m_editor->hasSelectedText() && lineFrom == lineTo) {
        const QSignalBlocker quiet(m_find);
        m_find->setText(m_editor->selectedText());
    }
    show();
    m_find->setFocus();
    m_find->selectAll();
    refreshMatches();
}

void FindBar::dismiss()
{
    hide();
    m_matches.clear();
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, m_highlight);
    m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0,
                            m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    m_editor->setFocus();
}

int FindBar::searchFlags() const
{
    int flags = 0;
    if (m_matchCase->isChecked())
        flags |= QsciScintillaBase::SCFIND_MATCHCASE;
    if (m_wholeWords->isChecked())
        flags |= QsciScintillaBase::SCFIND_WHOLEWORD;
    if (m_regex->isChecked())
        flags |= QsciScintillaBase::SCFIND_REGEXP | QsciScintillaBase::SCFIND_CXX11REGEX;
    return flags;
}

bool FindBar::patternIsValid() const
{
    if (!m_regex->isChecked())
        return true;
    // Scintilla finds nothing in a pattern std::regex refuses; ask std::regex the same.
    try {
        std::wregex pattern(m_find->text().toStdWString(), std::regex_constants::ECMAScript);
        return true;
    } catch (const std::regex_error &) {
        return false;
    }
}

FindBar::Match FindBar::search(long from, long to) const
{
    const QByteArray needle = m_find->text().toUtf8();
    if (needle.isEmpty())
        return {};
    if (m_invalidPattern)
        return {-2, -2};
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETSEARCHFLAGS, searchFlags());
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETTARGETRANGE, from, to);
    const long start
        = m_editor->SendScintilla(QsciScintillaBase::SCI_SEARCHINTARGET,
                                  static_cast<unsigned long>(needle.size()), needle.constData());
    if (start < 0)
        return {start, start};
    return {start, m_editor->SendScintilla(QsciScintillaBase::SCI_GETTARGETEND)};
}

bool FindBar::find(bool forward)
{
    const long selectionStart = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
    const long selectionEnd = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
    const long length = m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    Match match = forward ? search(selectionEnd, length) : search(selectionStart, 0);
    // An empty match (a regular expression such as ^) where the selection is would be found
    // again and again: look one character further.
    if (match.start >= 0 && match.start == match.end && match.start == selectionEnd && forward
        && selectionEnd < length)
        match = search(m_editor->SendScintilla(QsciScintillaBase::SCI_POSITIONAFTER, selectionEnd),
                       length);
    if (match.start == -1) // wrap around
        match = forward ? search(0, length) : search(length, 0);
    if (match.start >= 0)
        select(match);
    updateStatus();
    return match.start >= 0;
}

bool FindBar::findNext()
{
    return find(true);
}

bool FindBar::findPrevious()
{
    return find(false);
}

void FindBar::select(const Match &match)
{
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETSEL, match.start, match.end);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SCROLLRANGE, match.end, match.start);
}

bool FindBar::selectionIsMatch() const
{
    const long start = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
    const long end = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
    if (start == end)
        return false;
    const Match match = search(start, end);
    return match.start == start && match.end == end;
}

bool FindBar::replaceCurrent()
{
    if (m_editor->isReadOnly())
        return false;
    // selectionIsMatch() leaves the target on the match, and a regular expression's groups
    // from that search, which is what SCI_REPLACETARGETRE uses.
    if (!selectionIsMatch()) {
        findNext();
        return false;
    }
    const QByteArray with = m_replace->text().toUtf8();
    m_replacing = true;
    m_editor->SendScintilla(m_regex->isChecked() ? QsciScintillaBase::SCI_REPLACETARGETRE
                                                 : QsciScintillaBase::SCI_REPLACETARGET,
                            static_cast<unsigned long>(with.size()), with.constData());
    const long end = m_editor->SendScintilla(QsciScintillaBase::SCI_GETTARGETEND);
    m_replacing = false;
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETSEL, end, end);
    refreshMatches();
    findNext();
    return true;
}

int FindBar::replaceAll()
{
    if (m_editor->isReadOnly() || m_find->text().isEmpty())
        return 0;
    const QByteArray with = m_replace->text().toUtf8();
    const unsigned int message = m_regex->isChecked() ? QsciScintillaBase::SCI_REPLACETARGETRE
                                                      : QsciScintillaBase::SCI_REPLACETARGET;
    int count = 0;
    long from = 0;
    m_replacing = true;
    m_editor->beginUndoAction();
    while (true) {
        const long length = m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
        const Match match = search(from, length);
        if (match.start < 0)
            break;
        m_editor->SendScintilla(message, static_cast<unsigned long>(with.size()), with.constData());
        ++count;
        from = m_editor->SendScintilla(QsciScintillaBase::SCI_GETTARGETEND);
        if (match.start == match.end) { // an empty match: step over one character
            if (from >= m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH))
                break;
            from = m_editor->SendScintilla(QsciScintillaBase::SCI_POSITIONAFTER, from);
        }
    }
    m_editor->endUndoAction();
    m_replacing = false;
    refreshMatches();
    if (!m_invalidPattern)
        m_status->setText(tr("%n replaced", nullptr, count));
    return count;
}

void FindBar::refreshMatches()
{
    const long length = m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, m_highlight);
    m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0, length);
    m_matches.clear();
    m_invalidPattern = !patternIsValid();
    long from = 0;
    while (m_matches.size() < kMaxHighlighted && !m_find->text().isEmpty()) {
        const Match match = search(from, length);
        if (match.start < 0)
            break;
        m_matches.append(match);
        if (match.end > match.start)
            m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORFILLRANGE, match.start,
                                    match.end - match.start);
        from = match.end > match.start
                   ? match.end
                   : m_editor->SendScintilla(QsciScintillaBase::SCI_POSITIONAFTER, match.end);
        if (from >= length)
            break;
    }
    updateStatus();
}

void FindBar::updateStatus()
{
    QString text;
    if (m_invalidPattern) {
        text = tr("Not a valid regular expression");
    } else if (!m_find->text().isEmpty()) {
        const long start = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
        const long end = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
        const QString total = m_matches.size() >= kMaxHighlighted
                                  ? tr("%1+").arg(kMaxHighlighted)
                                  : QString::number(m_matches.size());
        qsizetype current = -1;
        for (qsizetype i = 0; i < m_matches.size() && current < 0; ++i) {
            if (m_matches.at(i).start == start && m_matches.at(i).end == end)
                current = i;
        }
        text = m_matches.isEmpty() ? tr("No matches")
               : current >= 0      ? tr("%1 of %2").arg(current + 1).arg(total)
                                   : tr("%1 matches").arg(total);
    }
    m_status->setText(text);
    // The field turns red when nothing can be found, as in most editors.
    const bool problem = m_invalidPattern || (!m_find->text().isEmpty() && m_matches.isEmpty());
    m_find->setStyleSheet(problem ? QStringLiteral("QLineEdit { background: #fde2e1; }")
                                  : QString());
}

QString FindBar::status() const
{
    return m_status->text();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    // Esc belongs to the bar while focus is in it (the query tab would take it as "cancel").
    if (event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        dismiss();
        return true;
    }
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (enter && watched == m_find) {
        if (key->modifiers().testFlag(Qt::ShiftModifier))
            findPrevious();
        else
            findNext();
        return true;
    }
    if (enter && watched == m_replace) {
        replaceCurrent();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
