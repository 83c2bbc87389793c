#pragma once

#include <QObject>
#include <QPointer>
#include <QRandomGenerator>

class QTimer;
class ServedDatabase;

// Keeps a demo database busy the way the SvelteKit guide's apps would: sign-ups, sessions
// touching last_active, orders with their items (one transaction each), todos added, toggled and
// deleted, and now and then a multi-row update — about `eventsPerSecond` row changes a second, so
// a dashboard and an activity feed have something true to show.
class DemoWorkload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoWorkload)

public:
    DemoWorkload(ServedDatabase *database, double eventsPerSecond, QObject *parent = nullptr);

    void start();
    qint64 actionsRun() const { return m_actions; }

private:
    void tick();
    void runAction();
    QString pick(const QStringList &from);
    QString newId(const QString &prefix);

    QPointer<ServedDatabase> m_database;
    double m_rate;
    double m_budget = 0; // row changes we may still make in this second
    int m_inFlight = 0;
    qint64 m_actions = 0;
    QTimer *m_timer;
    QRandomGenerator m_random;
};
