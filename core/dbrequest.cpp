#include "core/dbrequest.h"

#include "core/connection.h"
#include "core/requestcontrol.h"

DbRequest::DbRequest(const QString &description, QObject *parent)
    : QObject(parent)
    , m_description(description)
    , m_control(std::make_shared<RequestControl>(this))
{}

DbRequest::~DbRequest()
{
    m_control->detach();
    if (m_tracker)
        m_tracker->untrack(this);
}

void DbRequest::emitEnded()
{
    if (m_tracker)
        std::exchange(m_tracker, nullptr)->untrack(this);
    Q_EMIT ended();
}

void DbRequest::cancel()
{
    if (!isDone())
        m_control->cancel();
}

void DbRequest::deliverFailure(const DbError &error)
{
    if (isDone())
        return;
    m_state = State::Failed;
    m_error = error;
    Q_EMIT failed(error);
    emitEnded();
}

void DbRequest::markFinished()
{
    m_state = State::Finished;
}

void QueryRequest::deliverColumns(const QList<ResultColumn> &columns)
{
    m_columns = columns;
    Q_EMIT columnsReady(columns);
}

void QueryRequest::deliverRows(const RowBatch &batch)
{
    if (!m_consumerReleases || isDone())
        control()->releaseBatchCredit();
    if (isDone())
        return;
    Q_EMIT rowsReady(batch);
}

void QueryRequest::deliverFinished(const ExecSummary &summary)
{
    if (isDone())
        return;
    m_summary = summary;
    markFinished();
    Q_EMIT finished(summary);
    emitEnded();
}

SchemaRequest::SchemaRequest(QObject *parent)
    : DbRequest(tr("Reading schema"), parent)
{}

void SchemaRequest::deliverSchema(const DatabaseSchema &schema)
{
    if (isDone())
        return;
    m_schema = schema;
    markFinished();
    Q_EMIT finished(schema);
    emitEnded();
}
