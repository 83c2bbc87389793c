#pragma once

#include "core/tableschema.h"

#include <QPointer>
#include <QStandardItemModel>

class Connection;

// The sidebar's tree: one root per open connection, under it Tables and Views, and under each
// table its columns, indexes, foreign keys and triggers. Small and in memory, so a
// QStandardItemModel; it is rebuilt from a DatabaseSchema whenever the schema is read again.
class SchemaTreeModel final : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaTreeModel)

public:
    enum class Kind { Connection, Group, Table, View, Column, Index, ForeignKey, Trigger };

    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        ObjectNameRole,              // table or view name for Table/View items
    };

    explicit SchemaTreeModel(QObject *parent = nullptr);

    // Adds a root for `connection` and reads its schema once it is open, and again whenever
    // it changes.
    QModelIndex addConnection(Connection *connection);
    void removeConnection(Connection *connection);
    Connection *connectionAt(const QModelIndex &index) const;
    QModelIndex indexOf(Connection *connection) const;
    // The schema of a table or view item, or an invalid schema for other items.
    TableSchema tableAt(const QModelIndex &index) const;
    DatabaseSchema schemaOf(Connection *connection) const;

Q_SIGNALS:
    void schemaLoaded(Connection *connection);

private:
    struct Entry
    {
        QPointer<Connection> connection;
        QStandardItem *root = nullptr; // owned by the model
        DatabaseSchema schema;
    };

    void reload(Connection *connection);
    void populate(Entry &entry);
    void updateRootText(const Entry &entry);
    Entry *entryFor(Connection *connection);
    const Entry *entryFor(const QModelIndex &index) const;

    QList<Entry> m_entries;
};
