#include "core/querydelivery.h"

#include "core/dbrequest.h"
#include "core/requestcontrol.h"

void QueryDelivery::deliverTo(const RequestControl &control) const
{
    auto *query = static_cast<QueryRequest *>(control.targetInItsThread());
    if (!query)
        return;
    if (columns)
        query->deliverColumns(*columns);
    for (const RowBatch &batch : batches) {
        if (!control.targetInItsThread())
            return;
        query->deliverRows(batch);
    }
    if (!control.targetInItsThread())
        return;
    if (failure)
        query->deliverFailure(*failure);
    else if (finished)
        query->deliverFinished(*finished);
}
