#include "widgets/filterheader.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

FilterHeader::FilterHeader(QTableView *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setSortIndicatorShown(true);
    setSortIndicator(-1, Qt::AscendingOrder);
    setHighlightSections(true);
    setStretchLastSection(false);
    connect(this, &QHeaderView::sectionResized, this, &FilterHeader::placeEditors);
    connect(parent->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &FilterHeader::placeEditors);
}

void FilterHeader::setFilterCount(int count)
{
    qDeleteAll(m_editors);
    m_editors.clear();
    for (int column = 0; column < count; ++column) {
        auto *editor = new QLineEdit(this);
        editor->setPlaceholderText(tr("Filter"));
        editor->setClearButtonEnabled(true);
        editor->setToolTip(tr("Filter this column:\n"
                              "  text   contains text\n"
                              "  =5  <>5  >5  >=5  <5  <=5   compare\n"
                              "  NULL / NOT NULL\n"
                              "  ''     empty text"));
        auto *pause = new QTimer(editor);
        pause->setSingleShot(true);
        pause->setInterval(350);
        connect(editor, &QLineEdit::textChanged, pause, qOverload<>(&QTimer::start));
        connect(editor, &QLineEdit::returnPressed, pause, [this, pause, editor, column] {
            pause->stop();
            Q_EMIT filterChanged(column, editor->text());
        });
        connect(pause, &QTimer::timeout, this,
                [this, editor, column] { Q_EMIT filterChanged(column, editor->text()); });
        m_editors.append(editor);
        editor->show();
    }
    updateGeometries();
}

QString FilterHeader::filterText(int column) const
{
    return column >= 0 && column < m_editors.size() ? m_editors.at(column)->text() : QString();
}

void FilterHeader::setFilterText(int column, const QString &text)
{
    if (column >= 0 && column < m_editors.size())
        m_editors.at(column)->setText(text);
}

void FilterHeader::clearFilters()
{
    for (QLineEdit *editor : std::as_const(m_editors))
        editor->clear();
}

int FilterHeader::editorHeight() const
{
    return m_editors.isEmpty() ? 0 : m_editors.first()->sizeHint().height();
}

QSize FilterHeader::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    size.setHeight(size.height() + editorHeight());
    return size;
}

void FilterHeader::updateGeometries()
{
    setViewportMargins(0, 0, 0, editorHeight());
    QHeaderView::updateGeometries();
    placeEditors();
}

void FilterHeader::placeEditors()
{
    const int top = QHeaderView::sizeHint().height();
    for (int column = 0; column < m_editors.size(); ++column) {
        QLineEdit *editor = m_editors.at(column);
        if (isSectionHidden(column)) {
            editor->hide();
            continue;
        }
        editor->setGeometry(sectionViewportPosition(column), top, sectionSize(column),
                            editorHeight());
        editor->show();
    }
}
