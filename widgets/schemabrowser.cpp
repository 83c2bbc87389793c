#include "widgets/schemabrowser.h"

#include "core/connection.h"
#include "models/schematreemodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

SchemaBrowser::SchemaBrowser(SchemaTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    // The schema tree is small and in memory: a proxy is the right tool for searching it.
    m_proxy->setSourceModel(model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Search tables and columns"));
    m_search->setClearButtonEnabled(true);
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setExpandsOnDoubleClick(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTreeView::activated, this, &SchemaBrowser::activate);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto kind = SchemaTreeModel::Kind(index.data(SchemaTreeModel::KindRole).toInt());
        if (kind != SchemaTreeModel::Kind::Table && kind != SchemaTreeModel::Kind::View)
            m_view->setExpanded(index, !m_view->isExpanded(index));
    });
    // A freshly read schema shows its Tables and Views groups open.
    connect(model, &SchemaTreeModel::schemaLoaded, this, [this](Connection *connection) {
        const QModelIndex root = m_proxy->mapFromSource(m_model->indexOf(connection));
        m_view->expand(root);
        for (int i = 0; i < m_proxy->rowCount(root); ++i)
            m_view->expand(m_proxy->index(i, 0, root));
    });
}

Connection *SchemaBrowser::currentConnection() const
{
    return m_model->connectionAt(m_proxy->mapToSource(m_view->currentIndex()));
}

void SchemaBrowser::selectConnection(Connection *connection)
{
    m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->indexOf(connection)));
}

void SchemaBrowser::activate(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_proxy->mapToSource(proxyIndex);
    const auto kind = SchemaTreeModel::Kind(index.data(SchemaTreeModel::KindRole).toInt());
    if (kind != SchemaTreeModel::Kind::Table && kind != SchemaTreeModel::Kind::View)
        return;
    const TableSchema table = m_model->tableAt(index);
    if (Connection *connection = m_model->connectionAt(index); connection && table.isValid())
        Q_EMIT tableActivated(connection, table);
}
