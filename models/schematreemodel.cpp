#include "models/schematreemodel.h"

#include "core/connection.h"
#include "models/taggedicon.h"

#include <QIcon>

namespace {

QStandardItem *makeItem(const QString &text, SchemaTreeModel::Kind kind, const QString &icon)
{
    auto *item = new QStandardItem(
        QIcon(QStringLiteral(":/icons/") + icon + QStringLiteral(".svg")), text);
    item->setEditable(false);
    item->setData(int(kind), SchemaTreeModel::KindRole);
    return item;
}

QString columnLabel(const ColumnInfo &c)
{
    QString label = c.name;
    if (!c.declaredType.isEmpty())
        label += u' ' + c.declaredType;
    if (c.notNull)
        label += QStringLiteral(" NOT NULL");
    if (c.isGenerated())
        label += QStringLiteral(" GENERATED");
    return label;
}

QStandardItem *makeTableItem(const TableSchema &table)
{
    const bool isView = table.kind == TableSchema::Kind::View;
    auto *item
        = makeItem(table.name, isView ? SchemaTreeModel::Kind::View : SchemaTreeModel::Kind::Table,
                   isView ? QStringLiteral("view") : QStringLiteral("table"));
    item->setData(table.name, SchemaTreeModel::ObjectNameRole);
    QStringList notes;
    if (table.withoutRowid)
        notes.append(QStringLiteral("WITHOUT ROWID"));
    if (table.strict)
        notes.append(QStringLiteral("STRICT"));
    item->setToolTip(table.sql + (notes.isEmpty() ? QString() : u'\n' + notes.join(u' ')));

    for (const ColumnInfo &c : table.columns) {
        if (c.hidden == ColumnInfo::Hidden::Hidden)
            continue;
        const bool key = c.primaryKeyPosition > 0;
        auto *column = makeItem(columnLabel(c), SchemaTreeModel::Kind::Column,
                                key ? QStringLiteral("key") : QStringLiteral("column"));
        if (c.hasDefault)
            column->setToolTip(SchemaTreeModel::tr("Default: %1").arg(c.defaultValue));
        item->appendRow(column);
    }
    for (const IndexInfo &i : table.indexes) {
        auto *index = makeItem(i.name + QStringLiteral(" (") + i.columns.join(QStringLiteral(", "))
                                   + u')' + (i.unique ? QStringLiteral(" UNIQUE") : QString()),
                               SchemaTreeModel::Kind::Index, QStringLiteral("index"));
        index->setToolTip(i.sql);
        item->appendRow(index);
    }
    for (const ForeignKeyInfo &fk : table.foreignKeys) {
        const QString text = fk.columns.join(QStringLiteral(", ")) + QStringLiteral(" → ")
                             + fk.referencedTable + u'('
                             + fk.referencedColumns.join(QStringLiteral(", ")) + u')';
        auto *foreignKey
            = makeItem(text, SchemaTreeModel::Kind::ForeignKey, QStringLiteral("link"));
        foreignKey->setToolTip(
            QStringLiteral("ON UPDATE %1\nON DELETE %2").arg(fk.onUpdate, fk.onDelete));
        item->appendRow(foreignKey);
    }
    for (const TriggerInfo &t : table.triggers) {
        auto *trigger = makeItem(t.name, SchemaTreeModel::Kind::Trigger, QStringLiteral("trigger"));
        trigger->setToolTip(t.sql);
        item->appendRow(trigger);
    }
    return item;
}

} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({tr("Database")});
}

QModelIndex SchemaTreeModel::addConnection(Connection *connection)
{
    Entry entry;
    entry.connection = connection;
    entry.root = makeItem(connection->spec().title(), Kind::Connection, QStringLiteral("database"));
    entry.root->setIcon(taggedIcon(entry.root->icon(), connection->spec().colourTag));
    entry.root->setToolTip(connection->spec().location);
    appendRow(entry.root);
    m_entries.append(entry);
    updateRootText(m_entries.last());

    connect(connection, &Connection::stateChanged, this,
            [this, connection](Connection::State state) {
                if (Entry *e = entryFor(connection)) {
                    updateRootText(*e);
                    if (state == Connection::State::Open)
                        reload(connection);
                }
            });
    connect(connection, &Connection::schemaChanged, this,
            [this, connection] { reload(connection); });
    if (connection->state() == Connection::State::Open)
        reload(connection);
    return entry.root->index();
}

void SchemaTreeModel::removeConnection(Connection *connection)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).connection == connection) {
            removeRow(m_entries.at(i).root->row());
            m_entries.removeAt(i);
            disconnect(connection, nullptr, this, nullptr);
            return;
        }
    }
}

void SchemaTreeModel::reload(Connection *connection)
{
    SchemaRequest *request = connection->readSchema(this);
    QPointer<Connection> guard(connection);
    connect(request, &SchemaRequest::finished, this, [this, guard](const DatabaseSchema &schema) {
        if (Entry *e = guard ? entryFor(guard) : nullptr) {
            e->schema = schema;
            populate(*e);
            Q_EMIT schemaLoaded(guard);
        }
    });
    connect(request, &DbRequest::failed, this, [this, guard](const DbError &error) {
        if (Entry *e = guard ? entryFor(guard) : nullptr)
            e->root->setToolTip(tr("Could not read the schema: %1").arg(error.message));
    });
    connect(request, &DbRequest::ended, request, &QObject::deleteLater);
}

void SchemaTreeModel::populate(Entry &entry)
{
    entry.root->removeRows(0, entry.root->rowCount());
    auto *tables = makeItem(tr("Tables (%1)").arg(entry.schema.tables.size()), Kind::Group,
                            QStringLiteral("folder"));
    for (const TableSchema &t : entry.schema.tables)
        tables->appendRow(makeTableItem(t));
    auto *views = makeItem(tr("Views (%1)").arg(entry.schema.views.size()), Kind::Group,
                           QStringLiteral("folder"));
    for (const TableSchema &v : entry.schema.views)
        views->appendRow(makeTableItem(v));
    entry.root->appendRow(tables);
    entry.root->appendRow(views);
}

void SchemaTreeModel::updateRootText(const Entry &entry)
{
    if (!entry.connection)
        return;
    QString text = entry.connection->spec().title();
    if (entry.connection->isReadOnly())
        text += tr(" (read-only)");
    switch (entry.connection->state()) {
    case Connection::State::Opening:
        text += tr(" — opening…");
        break;
    case Connection::State::Failed:
        text += tr(" — failed");
        entry.root->setToolTip(entry.connection->lastError().message);
        break;
    default:
        break;
    }
    entry.root->setText(text);
}

SchemaTreeModel::Entry *SchemaTreeModel::entryFor(Connection *connection)
{
    for (Entry &e : m_entries) {
        if (e.connection == connection)
            return &e;
    }
    return nullptr;
}

const SchemaTreeModel::Entry *SchemaTreeModel::entryFor(const QModelIndex &index) const
{
    QModelIndex top = index;
    while (top.parent().isValid())
        top = top.parent();
    for (const Entry &e : m_entries) {
        if (e.root->index() == top)
            return &e;
    }
    return nullptr;
}

Connection *SchemaTreeModel::connectionAt(const QModelIndex &index) const
{
    const Entry *e = entryFor(index);
    return e ? e->connection.data() : nullptr;
}

QModelIndex SchemaTreeModel::indexOf(Connection *connection) const
{
    for (const Entry &e : m_entries) {
        if (e.connection == connection)
            return e.root->index();
    }
    return {};
}

TableSchema SchemaTreeModel::tableAt(const QModelIndex &index) const
{
    const Entry *e = entryFor(index);
    const QString name = index.data(ObjectNameRole).toString();
    if (!e || name.isEmpty())
        return {};
    const TableSchema *t = e->schema.find(name);
    return t ? *t : TableSchema{};
}

DatabaseSchema SchemaTreeModel::schemaOf(Connection *connection) const
{
    for (const Entry &e : m_entries) {
        if (e.connection == connection)
            return e.schema;
    }
    return {};
}
