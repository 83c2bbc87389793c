#include "models/queryresultmodel.h"

#include "models/cellpresentation.h"

#include <algorithm>

namespace {

// SQLite's ORDER BY: NULL < numbers < text < BLOBs; numbers by value, text and BLOBs by bytes.
int typeRank(const SqlValue &v)
{
    switch (v.type()) {
    case SqlValue::Type::Null:
        return 0;
    case SqlValue::Type::Integer:
    case SqlValue::Type::Real:
        return 1;
    case SqlValue::Type::Text:
        return 2;
    case SqlValue::Type::Blob:
        return 3;
    }
    return 4;
}

bool less(const SqlValue &a, const SqlValue &b)
{
    const int ra = typeRank(a);
    const int rb = typeRank(b);
    if (ra != rb)
        return ra < rb;
    switch (a.type()) {
    case SqlValue::Type::Integer:
    case SqlValue::Type::Real:
        if (a.type() == SqlValue::Type::Integer && b.type() == SqlValue::Type::Integer)
            return a.toInteger() < b.toInteger();
        return a.toReal() < b.toReal();
    case SqlValue::Type::Text:
        return a.toText().toUtf8() < b.toText().toUtf8();
    case SqlValue::Type::Blob:
        return a.toBlob() < b.toBlob();
    default:
        return false;
    }
}

} // namespace

QueryResultModel::QueryResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void QueryResultModel::setColumns(const QList<ResultColumn> &columns)
{
    beginResetModel();
    m_columns = columns;
    m_rows.clear();
    m_total = 0;
    endResetModel();
}

void QueryResultModel::appendRows(const QList<Row> &rows)
{
    m_total += rows.size();
    const qsizetype room = qMax<qsizetype>(0, kMaxRows - m_rows.size());
    const qsizetype kept = qMin(room, rows.size());
    if (kept == 0)
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + kept - 1));
    m_rows.append(rows.mid(0, kept));
    endInsertRows();
}

void QueryResultModel::setFinished(bool finished)
{
    m_finished = finished;
}

int QueryResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant QueryResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (index.column() >= row.size())
        return {};
    const SqlValue &value = row.at(index.column());
    if (role == SqlValueRole)
        return QVariant::fromValue(value);
    return CellPresentation::data(value, m_columns.at(index.column()).name, role);
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole)
        return orientation == Qt::Horizontal ? QVariant(m_columns.value(section).name)
                                             : QVariant(section + 1);
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal)
        return m_columns.value(section).declaredType;
    return {};
}

void QueryResultModel::sort(int column, Qt::SortOrder order)
{
    if (!m_finished || column < 0 || column >= m_columns.size())
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    std::stable_sort(m_rows.begin(), m_rows.end(), [column, order](const Row &a, const Row &b) {
        return order == Qt::AscendingOrder ? less(a.value(column), b.value(column))
                                           : less(b.value(column), a.value(column));
    });
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}
