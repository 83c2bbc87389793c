#include "widgets/tabletab.h"

#include "core/connection.h"
#include "models/tabledatamodel.h"
#include "widgets/cellviewer.h"
#include "widgets/filterheader.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

TableTab::TableTab(Connection *connection, const TableSchema &table, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_table(table)
    , m_model(new TableDataModel(connection, table, this))
    , m_view(new QTableView(this))
    , m_header(new FilterHeader(m_view))
    , m_viewer(new CellViewer(this))
    , m_rowCount(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_view->setHorizontalHeader(m_header);
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights keep millions of rows cheap: the view never measures rows.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_header->setFilterCount(m_model->columnCount());
    m_header->setDefaultSectionSize(140);
    m_header->setSortIndicator(-1, Qt::AscendingOrder);

    auto *refreshButton = new QToolButton(this);
    refreshButton->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    refreshButton->setToolTip(tr("Read the table again (F5)"));
    refreshButton->setAutoRaise(true);
    auto *clearFilters = new QToolButton(this);
    clearFilters->setText(tr("Clear filters"));
    clearFilters->setAutoRaise(true);

    auto *title = new QLabel(this);
    QString kind = table.kind == TableSchema::Kind::View ? tr("view") : tr("table");
    if (table.withoutRowid)
        kind += QStringLiteral(", WITHOUT ROWID");
    title->setText(QStringLiteral("<b>%1</b> <span style='color:gray'>(%2)</span>")
                       .arg(table.name.toHtmlEscaped(), kind));

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1f11;"
                                          " padding: 4px; border-radius: 3px; }"));
    m_error->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_rowCount);
    bar->addWidget(clearFilters);
    bar->addWidget(refreshButton);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_viewer);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 280});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_header, &FilterHeader::filterChanged, m_model, &TableDataModel::setFilter);
    connect(clearFilters, &QToolButton::clicked, m_header, &FilterHeader::clearFilters);
    connect(refreshButton, &QToolButton::clicked, this, &TableTab::refresh);
    connect(m_model, &TableDataModel::rowCountKnown, this, &TableTab::updateRowCountLabel);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TableTab::updateRowCountLabel);
    connect(m_model, &QAbstractItemModel::modelReset, m_error, &QWidget::hide);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TableTab::updateRowCountLabel);
    connect(m_model, &TableDataModel::errorOccurred, this, &TableTab::showError);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TableTab::showSelectedCell);
    // The selected cell's page may arrive after it was selected.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &tl, const QModelIndex &br) {
                const QModelIndex current = m_view->currentIndex();
                if (current.isValid() && current.row() >= tl.row() && current.row() <= br.row())
                    showSelectedCell();
            });
    updateRowCountLabel();
}

TableTab::~TableTab() = default;

Connection *TableTab::connection() const
{
    return m_connection.data();
}

void TableTab::refresh()
{
    m_model->refresh();
}

void TableTab::updateRowCountLabel()
{
    const QLocale locale;
    const bool filtered = [this] {
        for (int c = 0; c < m_model->columnCount(); ++c) {
            if (!m_model->filter(c).trimmed().isEmpty())
                return true;
        }
        return false;
    }();
    QString text;
    if (m_model->isRowCountExact())
        text = filtered ? tr("%1 matching rows").arg(locale.toString(m_model->rowCount()))
                        : tr("%1 rows").arg(locale.toString(m_model->rowCount()));
    else
        text = tr("%1+ rows, counting…").arg(locale.toString(m_model->rowCount()));
    m_rowCount->setText(text);
}

void TableTab::showSelectedCell()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !current.data(TableDataModel::IsLoadedRole).toBool()) {
        m_viewer->clear();
        return;
    }
    m_viewer->showValue(m_model->headerData(current.column(), Qt::Horizontal).toString(),
                        current.data(TableDataModel::SqlValueRole).value<SqlValue>());
}

void TableTab::showError(const DbError &error)
{
    m_error->setText(tr("%1 (%2)").arg(error.message, error.codeName()));
    m_error->show();
}
