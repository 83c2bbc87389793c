#include "models/keysetquery.h"

#include "core/sqlquoting.h"
#include "models/columnfilter.h"

#include <algorithm>

namespace {

// The name under which a rowid table's rowid can be read: an INTEGER PRIMARY KEY column is the
// rowid itself; otherwise the first of SQLite's three aliases that no column shadows.
QString rowidExpression(const TableSchema &table)
{
    const QStringList key = table.primaryKey();
    if (key.size() == 1) {
        const ColumnInfo &c = table.columns.at(table.columnIndex(key.first()));
        if (c.declaredType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0)
            return quoteIdentifier(c.name);
    }
    for (const char *alias : {"rowid", "_rowid_", "oid"}) {
        if (table.columnIndex(QLatin1String(alias)) < 0)
            return QLatin1String(alias);
    }
    return {};
}

} // namespace

KeysetQuery::KeysetQuery(const TableSchema &table)
    : m_from(quoteIdentifier(table.name))
{
    for (const ColumnInfo &c : table.columns) {
        if (c.hidden == ColumnInfo::Hidden::Hidden)
            continue;
        m_columnNames.append(c.name);
        m_columnExpressions.append(quoteIdentifier(c.name));
    }
    if (table.hasRowid()) {
        const QString rowid = rowidExpression(table);
        if (!rowid.isEmpty())
            m_keyExpressions.append(rowid);
    } else if (table.kind == TableSchema::Kind::Table) {
        for (const QString &name : table.primaryKey())
            m_keyExpressions.append(quoteIdentifier(name));
    }
    rebuildOrderTerms();
}

void KeysetQuery::setSort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < m_columnNames.size() ? column : -1;
    m_sortOrder = order;
    rebuildOrderTerms();
}

void KeysetQuery::setFilter(int column, const QString &text)
{
    if (text.trimmed().isEmpty())
        m_filterTexts.remove(column);
    else
        m_filterTexts.insert(column, text);
}

void KeysetQuery::rebuildOrderTerms()
{
    m_orderTerms.clear();
    const bool descending = m_sortColumn >= 0 && m_sortOrder == Qt::DescendingOrder;
    if (m_sortColumn >= 0)
        m_orderTerms.append({m_columnExpressions.at(m_sortColumn), descending, true});
    // The key breaks ties in the sort's direction, so a descending sort is an index walked
    // backwards rather than a sort.
    for (const QString &key : m_keyExpressions)
        m_orderTerms.append({key, descending, false});
}

QString KeysetQuery::where(const QString &extra) const
{
    QStringList conditions;
    QList<int> columns = m_filterTexts.keys();
    std::sort(columns.begin(), columns.end());
    for (int column : columns) {
        const ColumnFilter f
            = ColumnFilter::parse(m_columnExpressions.at(column), m_filterTexts.value(column));
        if (!f.condition.isEmpty())
            conditions.append(f.condition);
    }
    if (!extra.isEmpty())
        conditions.append(extra);
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

static QList<SqlValue> filterParams(const QHash<int, QString> &texts, const QStringList &exprs)
{
    QList<SqlValue> params;
    QList<int> columns = texts.keys();
    std::sort(columns.begin(), columns.end());
    for (int column : columns)
        params += ColumnFilter::parse(exprs.at(column), texts.value(column)).params;
    return params;
}

QString KeysetQuery::orderBy() const
{
    QStringList parts;
    for (const Term &t : m_orderTerms)
        parts.append(t.expression + (t.descending ? QStringLiteral(" DESC") : QString()));
    if (parts.isEmpty() && m_sortColumn >= 0) {
        parts.append(m_columnExpressions.at(m_sortColumn)
                     + (m_sortOrder == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString()));
    }
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" ORDER BY ") + parts.join(QStringLiteral(", "));
}

QString KeysetQuery::keyTupleCondition(const Row &anchor, int first, bool inclusive,
                                       QList<SqlValue> *params) const
{
    const bool descending = m_orderTerms.at(first).descending;
    const QString op = descending ? (inclusive ? QStringLiteral("<=") : QStringLiteral("<"))
                                  : (inclusive ? QStringLiteral(">=") : QStringLiteral(">"));
    QStringList columns;
    QStringList marks;
    for (int i = first; i < m_orderTerms.size(); ++i) {
        columns.append(m_orderTerms.at(i).expression);
        marks.append(QStringLiteral("?"));
        params->append(anchor.at(i));
    }
    if (columns.size() == 1)
        return columns.first() + u' ' + op + QStringLiteral(" ?");
    // Row values: SQLite seeks the primary key index with them.
    return u'(' + columns.join(QStringLiteral(", ")) + QStringLiteral(") ") + op
           + QStringLiteral(" (") + marks.join(QStringLiteral(", ")) + u')';
}

QString KeysetQuery::keysetCondition(const Row &anchor, bool inclusive,
                                     QList<SqlValue> *params) const
{
    if (anchor.isEmpty())
        return {};
    if (m_sortColumn < 0)
        return keyTupleCondition(anchor, 0, inclusive, params);

    // The sort column may hold NULLs, which SQLite orders first ascending and last descending,
    // and which no comparison matches: spell those cases out. The leading range (s >= ?) is what
    // lets SQLite seek an index on the sort column.
    const Term &sort = m_orderTerms.first();
    const QString &s = sort.expression;
    const SqlValue value = anchor.first();
    if (!sort.descending) {
        if (value.isNull()) {
            QList<SqlValue> keyParams;
            const QString keys = keyTupleCondition(anchor, 1, inclusive, &keyParams);
            *params += keyParams;
            return u'(' + s + QStringLiteral(" IS NOT NULL OR (") + s
                   + QStringLiteral(" IS NULL AND ") + keys + QStringLiteral("))");
        }
        params->append(value);
        params->append(value);
        const QString keys = keyTupleCondition(anchor, 1, inclusive, params);
        return u'(' + s + QStringLiteral(" >= ? AND (") + s + QStringLiteral(" > ? OR ") + keys
               + QStringLiteral("))");
    }
    if (value.isNull()) {
        const QString keys = keyTupleCondition(anchor, 1, inclusive, params);
        return u'(' + s + QStringLiteral(" IS NULL AND ") + keys + u')';
    }
    params->append(value);
    params->append(value);
    const QString keys = keyTupleCondition(anchor, 1, inclusive, params);
    return QStringLiteral("((") + s + QStringLiteral(" <= ? AND (") + s + QStringLiteral(" < ? OR ")
           + keys + QStringLiteral(")) OR ") + s + QStringLiteral(" IS NULL)");
}

Statement KeysetQuery::page(const Row &anchor, bool inclusive, int limit) const
{
    Statement st;
    st.params = filterParams(m_filterTexts, m_columnExpressions);
    const QString condition = keysetCondition(anchor, inclusive, &st.params);
    QStringList select;
    for (const Term &t : m_orderTerms)
        select.append(t.expression);
    select += m_columnExpressions;
    st.sql = QStringLiteral("SELECT ") + select.join(QStringLiteral(", "))
             + QStringLiteral(" FROM ") + m_from + where(condition) + orderBy()
             + QStringLiteral(" LIMIT ") + QString::number(limit);
    st.options.batchSize = limit;
    return st;
}

Statement KeysetQuery::pageByOffset(qint64 offset, int limit) const
{
    Statement st;
    st.params = filterParams(m_filterTexts, m_columnExpressions);
    st.sql = QStringLiteral("SELECT ") + m_columnExpressions.join(QStringLiteral(", "))
             + QStringLiteral(" FROM ") + m_from + where({}) + orderBy() + QStringLiteral(" LIMIT ")
             + QString::number(limit) + QStringLiteral(" OFFSET ") + QString::number(offset);
    st.options.batchSize = limit;
    return st;
}

Statement KeysetQuery::anchors(int stride) const
{
    Statement st;
    st.params = filterParams(m_filterTexts, m_columnExpressions);
    QStringList select;
    for (const Term &t : m_orderTerms)
        select.append(t.expression);
    st.sql = QStringLiteral("SELECT ") + select.join(QStringLiteral(", "))
             + QStringLiteral(" FROM ") + m_from + where({}) + orderBy();
    st.options.sampleEvery = stride;
    st.options.batchSize = 1024;
    return st;
}

Statement KeysetQuery::count() const
{
    Statement st;
    st.params = filterParams(m_filterTexts, m_columnExpressions);
    st.sql = QStringLiteral("SELECT count(*) FROM ") + m_from + where({});
    return st;
}
