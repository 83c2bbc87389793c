#pragma once

#include "core/dberror.h"
#include "core/tableschema.h"
#include "models/keysetquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

class Connection;
class QueryRequest;

// The rows of one table or view, for a QTableView, on any size of table.
//
// Rows load in pages of kPageSize in key order (see KeysetQuery), never with OFFSET on tables
// that have a key. The first page is asked for at once; in the background the model counts the
// rows and reads an "anchor" (the first row's key) for every page, so that the scroll bar can
// jump anywhere and the page there is one index seek away. Pages live in a bounded cache that
// drops the ones farthest from where the user looks. Sort and filter re-issue SQL; answers that
// belong to an earlier sort or filter are told apart by a generation number and dropped.
class TableDataModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableDataModel)

public:
    enum Role {
        SqlValueRole = Qt::UserRole + 1, // the cell's SqlValue, untruncated
        IsNullRole,
        IsLoadedRole,
    };

    static constexpr int kPageSize = 256;
    static constexpr qsizetype kDefaultCacheBytes = 32 * 1024 * 1024;

    TableDataModel(Connection *connection, const TableSchema &table, QObject *parent = nullptr);
    ~TableDataModel() override;

    const TableSchema &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(int column, const QString &text);
    QString filter(int column) const { return m_query.filterText(column); }
    int sortColumn() const { return m_query.sortColumn(); }
    Qt::SortOrder sortOrder() const { return m_query.sortOrder(); }

    // Reads everything again (after outside changes).
    void refresh();

    bool isRowCountExact() const { return m_countExact; }
    bool isIndexComplete() const { return m_anchorsComplete; }
    qsizetype cacheBytes() const { return m_cacheBytes; }
    void setCacheLimit(qsizetype bytes) { m_cacheLimit = bytes; }
    int cachedPageCount() const { return int(m_pages.size()); }
    // Whether the row's page is in memory.
    bool isRowLoaded(int row) const { return m_pages.contains(row / kPageSize); }

Q_SIGNALS:
    void rowCountKnown(qint64 count);
    void indexComplete();
    void pageLoaded(int page);
    void errorOccurred(const DbError &error);

private:
    struct Page
    {
        QList<Row> rows;
        qsizetype bytes = 0;
        quint64 lastUsed = 0;
    };

    void restart(bool keepCount = false);
    void cancelAll();
    void requestPage(int page);
    void startPageRequest(int page);
    bool canRequestPage(int page) const;
    void pageArrived(int page, QList<Row> rows);
    void startCount();
    void startAnchorScan();
    void growTo(qint64 rows); // never shrinks
    void setExactCount(qint64 rows);
    void evictPages(int arrived);
    void fail(const DbError &error);
    const Row *rowAt(int row) const;

    QPointer<Connection> m_connection;
    TableSchema m_table;
    KeysetQuery m_query;

    quint64 m_generation = 0;
    qint64 m_rowCount = 0;
    bool m_countExact = false;
    bool m_lastPageShort = false; // a page shorter than kPageSize was read: the end is known

    QHash<int, Page> m_pages;
    qsizetype m_cacheBytes = 0;
    qsizetype m_cacheLimit = kDefaultCacheBytes;
    mutable quint64 m_useClock = 0;
    mutable int m_focusPage = 0; // page of the last cell the view asked for

    QList<Row> m_anchors; // m_anchors[p]: order terms of page p's first row
    bool m_anchorsComplete = false;

    QHash<int, QPointer<QueryRequest>> m_pageRequests; // in flight, by page
    QList<int> m_wantedPages; // asked for while too many were in flight; newest last
    QPointer<QueryRequest> m_countRequest;
    QPointer<QueryRequest> m_anchorRequest;

    static constexpr int kMaxPageRequests = 2;
    static constexpr int kMaxWantedPages = 8;
};
