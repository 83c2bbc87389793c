#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QsciScintilla;

// Find and replace in an editor, as a bar under it (Ctrl+F): matches are found as the user
// types and all of them are highlighted, with "N of M" beside the field. Enter and F3 go to the
// next match, Shift+Enter and Shift+F3 to the previous one, both wrapping around; Esc closes
// the bar and returns to the text. Options: match case, whole words, regular expression
// (ECMAScript, with \1 in the replacement). Replace All is one step to undo.
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(QsciScintilla *editor, QWidget *parent = nullptr);

    // Shows the bar with the editor's selection (when on one line) as the text to find.
    void open();
    // Hides the bar and its highlights and gives the focus back to the editor.
    void dismiss();

    bool findNext();
    bool findPrevious();
    // Replaces the selected match and goes to the next one; false when no match was selected.
    bool replaceCurrent();
    // The number of replacements made.
    int replaceAll();

    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }
    QCheckBox *matchCase() const { return m_matchCase; }
    QCheckBox *wholeWords() const { return m_wholeWords; }
    QCheckBox *regularExpression() const { return m_regex; }
    // "3 of 12", "No matches", or why the pattern is not valid.
    QString status() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Match
    {
        long start = -1;
        long end = -1;
    };
    int searchFlags() const;
    bool patternIsValid() const;
    // The first match in [from, to) (searching backwards when from > to); start is -1 when
    // there is none and -2 when the pattern is not valid (as refreshMatches() last found).
    Match search(long from, long to) const;
    bool find(bool forward);
    bool selectionIsMatch() const;
    void select(const Match &match);
    // Finds and highlights every match, then updateStatus().
    void refreshMatches();
    // "N of M" for the selection.
    void updateStatus();

    QsciScintilla *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_matchCase;
    QCheckBox *m_wholeWords;
    QCheckBox *m_regex;
    QLabel *m_status;
    int m_highlight;
    QList<Match> m_matches;        // all of them, up to kMaxHighlighted
    bool m_invalidPattern = false; // checked once per change of pattern or options
    // While we replace: the editor's change signals must not search (that moves the target
    // the replacement is working on).
    bool m_replacing = false;
    static constexpr int kMaxHighlighted = 10000;
};
