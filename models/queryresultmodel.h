#pragma once

#include "core/resultset.h"

#include <QAbstractTableModel>

// The rows of one statement's result as they stream in, batch by batch, for a result grid.
// Memory stays bounded: past kMaxRows rows are counted but not kept (the grid says so, and an
// export runs the query again for all of them). A finished result can be sorted in memory.
class QueryResultModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryResultModel)

public:
    enum Role { SqlValueRole = Qt::UserRole + 1 };
    static constexpr qsizetype kMaxRows = 200000;

    explicit QueryResultModel(QObject *parent = nullptr);

    void setColumns(const QList<ResultColumn> &columns);
    void appendRows(const QList<Row> &rows);
    void setFinished(bool finished);

    const QList<ResultColumn> &columns() const { return m_columns; }
    const Row &row(int index) const { return m_rows.at(index); }
    qint64 totalRows() const { return m_total; }
    bool isTruncated() const { return m_total > m_rows.size(); }
    bool isFinished() const { return m_finished; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Sorts the rows held, once the result is complete (SQLite's order of types and values).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QList<ResultColumn> m_columns;
    QList<Row> m_rows;
    qint64 m_total = 0;
    bool m_finished = false;
};
