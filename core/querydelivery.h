#pragma once

#include "core/dberror.h"
#include "core/resultset.h"

#include <optional>

class RequestControl;

// Parts of a query's result on their way to its QueryRequest, gathered by a back end and
// delivered in the request's thread in one go: columns, row batches, then its end.
struct QueryDelivery
{
    std::optional<QList<ResultColumn>> columns;
    QList<RowBatch> batches;
    std::optional<ExecSummary> finished;
    std::optional<DbError> failure;

    bool isEmpty() const { return !columns && batches.isEmpty() && !finished && !failure; }
    // To the control's request, in its thread, in order; stops if a receiver of one of the
    // request's signals deletes it.
    void deliverTo(const RequestControl &control) const;
};
