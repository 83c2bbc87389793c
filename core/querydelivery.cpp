#include "core/querydelivery.h"

#include "core/dbrequest.h"

#include <QPointer>

void QueryDelivery::deliverTo(DbRequest *request) const
{
    auto *query = static_cast<QueryRequest *>(request);
    const QPointer<QueryRequest> alive(query);
    if (columns)
        query->deliverColumns(*columns);
    for (const RowBatch &batch : batches) {
        if (!alive)
            return;
        query->deliverRows(batch);
    }
    if (!alive)
        return;
    if (failure)
        query->deliverFailure(*failure);
    else if (finished)
        query->deliverFinished(*finished);
}
