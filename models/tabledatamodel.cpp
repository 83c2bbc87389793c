#include "models/tabledatamodel.h"

#include "models/cellpresentation.h"

#include "core/connection.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QRegularExpression>

#include <climits>
#include <memory>

namespace {

// What a row really costs in memory, so that the cache limit is a limit on RSS: the list and
// its values, plus each string's or BLOB's heap block with its header.
qsizetype rowBytes(const Row &row)
{
    qsizetype bytes = qsizetype(sizeof(Row)) + 32 + row.size() * qsizetype(sizeof(SqlValue));
    for (const SqlValue &v : row) {
        if (v.type() == SqlValue::Type::Text || v.type() == SqlValue::Type::Blob)
            bytes += v.byteSize() + 32;
    }
    return bytes;
}

} // namespace

TableDataModel::TableDataModel(Connection *connection, const TableSchema &table, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
    , m_table(table)
    , m_query(table)
{
    restart();
}

TableDataModel::~TableDataModel() = default;

int TableDataModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(qMin<qint64>(m_rowCount, INT_MAX));
}

int TableDataModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_query.columnNames().size());
}

const Row *TableDataModel::rowAt(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    if (it == m_pages.constEnd())
        return nullptr;
    const int offset = row % kPageSize;
    if (offset >= it->rows.size())
        return nullptr;
    const_cast<Page &>(*it).lastUsed = ++m_useClock;
    return &it->rows.at(offset);
}

QVariant TableDataModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    m_focusPage = index.row() / kPageSize;
    const Row *row = rowAt(index.row());
    if (!row) {
        if (role == Qt::DisplayRole)
            const_cast<TableDataModel *>(this)->requestPage(index.row() / kPageSize);
        if (role == IsLoadedRole)
            return false;
        return {};
    }
    const SqlValue &value = row->at(m_query.orderTermCount() + index.column());
    switch (role) {
    case SqlValueRole:
        return QVariant::fromValue(value);
    case IsNullRole:
        return value.isNull();
    case IsLoadedRole:
        return true;
    default:
        return CellPresentation::data(value, m_query.columnNames().at(index.column()), role);
    }
}

QVariant TableDataModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    const int columnIndex = m_table.columnIndex(m_query.columnNames().value(section));
    if (columnIndex < 0)
        return {};
    const ColumnInfo &column = m_table.columns.at(columnIndex);
    switch (role) {
    case Qt::DisplayRole:
        return column.name;
    case Qt::ToolTipRole: {
        QStringList lines{column.name + u' ' + column.declaredType};
        if (column.primaryKeyPosition > 0)
            lines.append(tr("Primary key (position %1)").arg(column.primaryKeyPosition));
        if (column.notNull)
            lines.append(tr("NOT NULL"));
        if (column.hasDefault)
            lines.append(tr("Default: %1").arg(column.defaultValue));
        if (column.isGenerated())
            lines.append(tr("Generated column"));
        return lines.join(u'\n');
    }
    case Qt::FontRole:
        if (column.primaryKeyPosition > 0) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

bool TableDataModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_countExact || m_lastPageShort || m_rowCount == 0)
        return false;
    const int next = int(m_rowCount / kPageSize);
    return !m_pageRequests.contains(next) && !m_wantedPages.contains(next);
}

void TableDataModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(int(m_rowCount / kPageSize));
}

void TableDataModel::sort(int column, Qt::SortOrder order)
{
    m_query.setSort(column, order);
    // The same rows in another order: a known count stands.
    restart(m_countExact);
}

void TableDataModel::setFilter(int column, const QString &text)
{
    if (m_query.filterText(column).trimmed() == text.trimmed())
        return;
    m_query.setFilter(column, text);
    restart();
}

void TableDataModel::refresh()
{
    restart();
}

void TableDataModel::cancelAll()
{
    // Deleting a request cancels it; its late answers are never delivered.
    for (const QPointer<QueryRequest> &r : std::as_const(m_pageRequests))
        delete r.data();
    m_pageRequests.clear();
    m_wantedPages.clear();
    delete m_countRequest.data();
    delete m_anchorRequest.data();
}

void TableDataModel::restart(bool keepCount)
{
    const qint64 keptCount = m_rowCount;
    cancelAll();
    ++m_generation;
    beginResetModel();
    m_pages.clear();
    m_cacheBytes = 0;
    m_anchors.clear();
    m_anchorsComplete = !m_query.hasKey();
    m_rowCount = 0;
    m_countExact = false;
    m_lastPageShort = false;
    if (keepCount) {
        m_rowCount = keptCount;
        m_countExact = true;
    }
    endResetModel();
    if (!m_connection)
        return;
    requestPage(0);
    if (!keepCount)
        startCount();
    if (m_query.hasKey())
        startAnchorScan();
}

bool TableDataModel::canRequestPage(int page) const
{
    if (!m_query.hasKey() || page == 0 || page < m_anchors.size())
        return true;
    // Reading on from the page before needs no anchor: start after its last row.
    const auto previous = m_pages.constFind(page - 1);
    return previous != m_pages.constEnd() && previous->rows.size() == kPageSize;
}

void TableDataModel::requestPage(int page)
{
    if (page < 0 || m_pages.contains(page) || m_pageRequests.contains(page) || !m_connection)
        return;
    if (m_pageRequests.size() >= kMaxPageRequests || !canRequestPage(page)) {
        // The user has likely scrolled on: keep only the most recent wishes.
        m_wantedPages.removeAll(page);
        m_wantedPages.append(page);
        while (m_wantedPages.size() > kMaxWantedPages)
            m_wantedPages.removeFirst();
        return;
    }
    startPageRequest(page);
}

void TableDataModel::startPageRequest(int page)
{
    Statement statement;
    if (!m_query.hasKey())
        statement = m_query.pageByOffset(qint64(page) * kPageSize, kPageSize);
    else if (page == 0)
        statement = m_query.page({}, true, kPageSize);
    else if (page < m_anchors.size())
        statement = m_query.page(m_anchors.at(page), true, kPageSize);
    else
        statement = m_query.page(
            m_pages.value(page - 1).rows.last().first(m_query.orderTermCount()), false, kPageSize);

    QueryRequest *request = m_connection->query(statement, this);
    m_pageRequests.insert(page, request);
    auto rows = std::make_shared<QList<Row>>();
    const quint64 generation = m_generation;
    connect(request, &QueryRequest::rowsReady, this,
            [rows](const RowBatch &batch) { *rows += batch.rows; });
    connect(request, &QueryRequest::finished, this, [this, page, rows, generation] {
        if (generation == m_generation)
            pageArrived(page, std::move(*rows));
    });
    connect(request, &DbRequest::failed, this, &TableDataModel::fail);
    connect(request, &DbRequest::ended, this, [this, page, request, generation] {
        request->deleteLater();
        if (generation != m_generation)
            return;
        m_pageRequests.remove(page);
        // Serve the newest wish first: that is where the user is looking now.
        for (int i = int(m_wantedPages.size()) - 1; i >= 0; --i) {
            const int wanted = m_wantedPages.at(i);
            if (m_pages.contains(wanted) || m_pageRequests.contains(wanted)) {
                m_wantedPages.removeAt(i);
            } else if (canRequestPage(wanted) && m_pageRequests.size() < kMaxPageRequests) {
                m_wantedPages.removeAt(i);
                startPageRequest(wanted);
            }
        }
    });
}

void TableDataModel::pageArrived(int page, QList<Row> rows)
{
    const qint64 first = qint64(page) * kPageSize;
    if (rows.isEmpty()) {
        // Fewer rows than expected: rows were deleted since counting. The end is here.
        m_lastPageShort = true;
        return;
    }
    Page entry;
    for (const Row &r : rows)
        entry.bytes += rowBytes(r);
    entry.lastUsed = ++m_useClock;
    const int count = int(rows.size());
    entry.rows = std::move(rows);
    m_cacheBytes += entry.bytes;
    if (m_query.hasKey() && page == m_anchors.size())
        m_anchors.append(entry.rows.first().first(m_query.orderTermCount()));
    m_pages.insert(page, std::move(entry));
    evictPages(page);

    if (count < kPageSize)
        m_lastPageShort = true;
    if (!m_countExact && m_lastPageShort)
        setExactCount(first + count);
    else if (!m_countExact)
        growTo(first + count);
    const qint64 last = qMin<qint64>(first + count, m_rowCount) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), columnCount() - 1));
    Q_EMIT pageLoaded(page);
}

void TableDataModel::growTo(qint64 rows)
{
    rows = qMin<qint64>(rows, INT_MAX);
    if (rows <= m_rowCount)
        return;
    beginInsertRows({}, int(m_rowCount), int(rows - 1));
    m_rowCount = rows;
    endInsertRows();
}

void TableDataModel::setExactCount(qint64 rows)
{
    m_countExact = true;
    rows = qMin<qint64>(rows, INT_MAX);
    if (rows < m_rowCount) {
        beginRemoveRows({}, int(rows), int(m_rowCount - 1));
        m_rowCount = rows;
        endRemoveRows();
    }
    growTo(rows);
    Q_EMIT rowCountKnown(rows);
}

void TableDataModel::startCount()
{
    QueryRequest *request = m_connection->query(m_query.count(), this);
    m_countRequest = request;
    auto value = std::make_shared<qint64>(-1);
    const quint64 generation = m_generation;
    connect(request, &QueryRequest::rowsReady, this, [value](const RowBatch &batch) {
        if (!batch.rows.isEmpty() && !batch.rows.first().isEmpty())
            *value = batch.rows.first().first().toInteger();
    });
    connect(request, &QueryRequest::finished, this, [this, value, generation] {
        if (generation == m_generation && *value >= 0 && !m_countExact)
            setExactCount(*value);
    });
    connect(request, &DbRequest::failed, this, &TableDataModel::fail);
    connect(request, &DbRequest::ended, request, &QObject::deleteLater);
}

void TableDataModel::startAnchorScan()
{
    QueryRequest *request = m_connection->query(m_query.anchors(kPageSize), this);
    m_anchorRequest = request;
    const quint64 generation = m_generation;
    connect(request, &QueryRequest::rowsReady, this, [this, generation](const RowBatch &batch) {
        if (generation != m_generation)
            return;
        for (qsizetype i = 0; i < batch.rows.size(); ++i) {
            const qint64 page = batch.firstRow + i;
            if (page >= m_anchors.size())
                m_anchors.append(batch.rows.at(i));
        }
        if (!m_countExact)
            growTo((m_anchors.size() - 1) * qint64(kPageSize) + 1);
        // Jumps that waited for an anchor can go now.
        const QList<int> wanted = m_wantedPages;
        m_wantedPages.clear();
        for (int page : wanted)
            requestPage(page);
    });
    connect(request, &QueryRequest::finished, this, [this, generation](const ExecSummary &summary) {
        if (generation != m_generation)
            return;
        m_anchorsComplete = true;
        // The scan read every row: its count is exact too.
        if (!m_countExact)
            setExactCount(summary.rowsRead);
        Q_EMIT indexComplete();
    });
    connect(request, &DbRequest::failed, this, &TableDataModel::fail);
    connect(request, &DbRequest::ended, request, &QObject::deleteLater);
}

void TableDataModel::evictPages(int arrived)
{
    // Drop the pages farthest from where the view last looked; never the one that just came.
    while (m_cacheBytes > m_cacheLimit && m_pages.size() > 1) {
        auto farthest = m_pages.end();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it.key() == arrived)
                continue;
            if (farthest == m_pages.end()
                || qAbs(it.key() - m_focusPage) > qAbs(farthest.key() - m_focusPage))
                farthest = it;
        }
        m_cacheBytes -= farthest->bytes;
        m_pages.erase(farthest);
    }
}

void TableDataModel::fail(const DbError &error)
{
    if (error.code != ErrorCode::Cancelled)
        Q_EMIT errorOccurred(error);
}
