#pragma once

#include "server/loggedexecution.h"
#include "server/servedatabase.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

// Paged reads (PROTOCOL §2.3 `pageSize`, `fetch`, `closeCursor`): a query whose result is larger
// than a page keeps its statement open on a connection and thread of its own, inside one read
// snapshot, so every page comes from the same moment and nothing is held in memory beyond the
// page. A cursor left idle for a minute is closed.
class ServedCursors final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServedCursors)

public:
    struct Page
    {
        StatementResult result; // this page's rows (columns filled on the first page)
        QString cursor;         // set while more rows remain
        std::optional<DbError> error;
    };
    using Done = std::function<void(const Page &)>;

    explicit ServedCursors(ServedDatabase *database);
    ~ServedCursors() override;

    using Cancel = std::shared_ptr<ServedDatabase::CancelToken>;
    // Runs a read-only `statement` and returns its first `pageSize` rows. `cancel`, when
    // given, can interrupt the reading (the page then fails with CANCELLED and the cursor ends).
    void open(const Statement &statement, int pageSize, Done done, const Cancel &cancel = {});
    void fetch(const QString &cursor, int max, Done done, const Cancel &cancel = {});
    bool close(const QString &cursor);
    int openCount() const { return int(m_open.size()); }

    static constexpr int kIdleTimeoutMs = 60000;
    static constexpr int kMaxPage = 100000;

private:
    struct Cursor;
    void finish(const QString &id, const Page &page, const Done &done);

    ServedDatabase *m_database; // our parent
    std::map<QString, std::unique_ptr<Cursor>> m_open;
};
