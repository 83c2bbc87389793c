#pragma once

#include "core/tableschema.h"

#include <QPointer>
#include <QWidget>

class CellViewer;
class Connection;
class FilterHeader;
class QLabel;
class QTableView;
class TableDataModel;
struct DbError;

// One open table or view: the rows in a grid with a filter box per column and sorting by
// header click (both done in SQL by the model), the row count once known, and a pane showing
// the selected cell whole.
class TableTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableTab)

public:
    TableTab(Connection *connection, const TableSchema &table, QWidget *parent = nullptr);
    ~TableTab() override;

    Connection *connection() const;
    const TableSchema &table() const { return m_table; }
    TableDataModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void refresh();

private:
    void updateRowCountLabel();
    void showSelectedCell();
    void showError(const DbError &error);

    QPointer<Connection> m_connection;
    TableSchema m_table;
    TableDataModel *m_model;
    QTableView *m_view;
    FilterHeader *m_header;
    CellViewer *m_viewer;
    QLabel *m_rowCount;
    QLabel *m_error;
};
