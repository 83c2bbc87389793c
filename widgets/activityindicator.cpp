#include "widgets/activityindicator.h"

#include "core/connection.h"
#include "core/net/remoteconnection.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

ActivityIndicator::ActivityIndicator(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_request(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    m_busy->setRange(0, 0); // indeterminate: we never know how long SQL takes
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_request->setMinimumWidth(200);
    m_request->setTextFormat(Qt::PlainText);
    m_cancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_cancel->setToolTip(tr("Cancel the running request"));
    m_cancel->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_request, 1);
    layout->addWidget(m_cancel);
    layout->addWidget(m_state);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (!m_connection)
            return;
        const QList<DbRequest *> active = m_connection->activeRequests();
        if (!active.isEmpty())
            active.first()->cancel();
    });
    update();
}

void ActivityIndicator::setConnection(Connection *connection)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    if (connection) {
        connect(connection, &Connection::activityChanged, this, &ActivityIndicator::update);
        connect(connection, &Connection::stateChanged, this, &ActivityIndicator::update);
        if (auto *remote = qobject_cast<RemoteConnection *>(connection))
            connect(remote, &RemoteConnection::reconnectingChanged, this,
                    &ActivityIndicator::update);
    }
    update();
}

void ActivityIndicator::update()
{
    if (!m_connection) {
        m_state->setText(tr("No database open"));
        m_request->clear();
        m_busy->hide();
        m_cancel->hide();
        return;
    }
    QString state;
    switch (m_connection->state()) {
    case Connection::State::Closed:
        state = tr("Closed");
        break;
    case Connection::State::Opening:
        state = tr("Opening…");
        break;
    case Connection::State::Open:
        state = m_connection->isReadOnly() ? tr("Open, read-only") : tr("Open");
        if (auto *remote = qobject_cast<RemoteConnection *>(m_connection.data())) {
            if (remote->isReconnecting())
                state = tr("Connection lost, reconnecting…");
            else
                state
                    += QStringLiteral(" (%1)").arg(ServerInfo::kindName(remote->serverInfo().kind));
        }
        break;
    case Connection::State::Failed:
        state = tr("Failed: %1").arg(m_connection->lastError().message);
        break;
    }
    m_state->setText(m_connection->spec().title() + QStringLiteral(" — ") + state);

    const QList<DbRequest *> active = m_connection->activeRequests();
    const bool busy = !active.isEmpty();
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        QString sql = active.first()->description().simplified();
        if (sql.size() > 90)
            sql = sql.left(90) + QStringLiteral("…");
        m_request->setText(active.size() > 1 ? tr("%1 (+%2 more)").arg(sql).arg(active.size() - 1)
                                             : sql);
    } else {
        m_request->clear();
    }
}
