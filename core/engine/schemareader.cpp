#include "core/engine/schemareader.h"

#include "core/engine/sqlitedb.h"
#include "core/schemaqueries.h"

std::optional<DbError> SchemaReader::read(DatabaseSchema *schema)
{
    *schema = {};
    // One read transaction, so that the five queries see one schema.
    const bool ownTransaction = !m_db.inTransaction() && !m_db.exec(QStringLiteral("BEGIN"));
    QList<QList<Row>> rows;
    std::optional<DbError> error;
    for (const QString &sql : SchemaQueries::all()) {
        QList<Row> &result = rows.emplace_back();
        error = m_db.query(sql, {}, [&](const SqliteStatement &s) {
            Row row;
            for (int c = 0; c < s.columnCount(); ++c)
                row.append(s.value(c));
            result.append(row);
        });
        if (error)
            break;
    }
    if (ownTransaction)
        m_db.exec(QStringLiteral("COMMIT"));
    if (error)
        return error;
    *schema = SchemaQueries::build(rows);
    return std::nullopt;
}
