#pragma once

#include "core/statement.h"
#include "core/tableschema.h"

#include <QHash>

// Builds the SQL that pages through one table in a stable order without OFFSET.
//
// Rows are ordered by "order terms": the sort column (when sorting) followed by the table's key
// (rowid, or the primary key of a WITHOUT ROWID table), so every row has a unique position. A
// page starts at an "anchor", the order-term values of its first row, and is read with
// `WHERE terms >= anchor ORDER BY terms LIMIT n`, which SQLite answers with one index seek.
// Views have no key; they fall back to LIMIT/OFFSET.
class KeysetQuery
{
public:
    KeysetQuery() = default;
    explicit KeysetQuery(const TableSchema &table);

    void setSort(int column, Qt::SortOrder order);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    void setFilter(int column, const QString &text);
    QString filterText(int column) const { return m_filterTexts.value(column); }

    bool hasKey() const { return !m_keyExpressions.isEmpty(); }
    // Each selected row starts with this many order-term values, then the table's columns.
    int orderTermCount() const { return int(m_orderTerms.size()); }
    const QStringList &columnNames() const { return m_columnNames; }

    // Rows of a page: from `anchor` (inclusive, or strictly after it), at most `limit` rows. An
    // empty anchor starts at the first row.
    Statement page(const Row &anchor, bool inclusive, int limit) const;
    // For tables without a key: the page at `offset`.
    Statement pageByOffset(qint64 offset, int limit) const;
    // The order terms of every `stride`-th row: the anchors of all pages, in one pass.
    Statement anchors(int stride) const;
    Statement count() const;

private:
    struct Term
    {
        QString expression;
        bool descending = false;
        bool nullable = false;
    };

    void rebuildOrderTerms();
    QString where(const QString &extra) const;
    QString orderBy() const;
    QString keysetCondition(const Row &anchor, bool inclusive, QList<SqlValue> *params) const;
    QString keyTupleCondition(const Row &anchor, int first, bool inclusive,
                              QList<SqlValue> *params) const;

    QString m_from;
    QStringList m_columnNames;
    QStringList m_columnExpressions;
    QStringList m_keyExpressions;
    QList<Term> m_orderTerms;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QHash<int, QString> m_filterTexts;
};
