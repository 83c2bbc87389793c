#pragma once

#include "core/tableschema.h"

#include <QWidget>

class Connection;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class SchemaTreeModel;

// The sidebar: open databases and their schema as a tree, with a search box. Activating a
// table or view (double-click or Enter) asks for it to be opened.
class SchemaBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaBrowser)

public:
    explicit SchemaBrowser(SchemaTreeModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    // The database of the selected item, if any.
    Connection *currentConnection() const;
    void selectConnection(Connection *connection);

Q_SIGNALS:
    void tableActivated(Connection *connection, const TableSchema &table);

private:
    void activate(const QModelIndex &proxyIndex);

    SchemaTreeModel *m_model; // not owned
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTreeView *m_view;
};
