#include "server/demoworkload.h"

#include "server/servedatabase.h"

#include <QDateTime>
#include <QTimer>

namespace {

constexpr int kTickMs = 50;

const QStringList kFirstNames{QStringLiteral("Ada"),   QStringLiteral("Grace"),
                              QStringLiteral("Linus"), QStringLiteral("Mia"),
                              QStringLiteral("Noah"),  QStringLiteral("Sofia"),
                              QStringLiteral("Kenji"), QStringLiteral("Amara"),
                              QStringLiteral("Lukas"), QStringLiteral("Zoë")};
const QStringList kLastNames{QStringLiteral("Lovelace"), QStringLiteral("Hopper"),
                             QStringLiteral("Okafor"),   QStringLiteral("Tanaka"),
                             QStringLiteral("Müller"),   QStringLiteral("Silva"),
                             QStringLiteral("Nguyen"),   QStringLiteral("Haddad")};
const QStringList kTodoTitles{
    QStringLiteral("Review pull request"), QStringLiteral("Write release notes"),
    QStringLiteral("Call the bank"),       QStringLiteral("Book flights"),
    QStringLiteral("Water the plants"),    QStringLiteral("Plan sprint"),
    QStringLiteral("Fix flaky test"),      QStringLiteral("Buy coffee beans")};

Statement sql(const QString &text, const QList<SqlValue> &params = {})
{
    return Statement(text, params);
}

} // namespace

DemoWorkload::DemoWorkload(ServedDatabase *database, double eventsPerSecond, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_rate(eventsPerSecond)
    , m_timer(new QTimer(this))
    , m_random(quint32(QDateTime::currentMSecsSinceEpoch()))
{
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &DemoWorkload::tick);
}

void DemoWorkload::start()
{
    if (m_rate > 0)
        m_timer->start();
}

QString DemoWorkload::pick(const QStringList &from)
{
    return from.at(int(m_random.bounded(from.size())));
}

QString DemoWorkload::newId(const QString &prefix)
{
    return prefix + QString::number(m_random.generate64() & 0xffffffffffffULL, 36);
}

void DemoWorkload::tick()
{
    // A token bucket: each tick earns its share of the rate, each action spends what it changed.
    m_budget = qMin(m_budget + m_rate * kTickMs / 1000.0, qMax(m_rate, 1.0));
    while (m_budget > 0 && m_inFlight < 4 && m_database)
        runAction();
}

void DemoWorkload::runAction()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int roll = int(m_random.bounded(100));
    QList<Statement> work;
    if (roll < 30) {
        // A session stays active.
        work.append(
            sql(QStringLiteral("UPDATE sessions SET last_active = ? WHERE id = (SELECT id FROM"
                               " sessions ORDER BY random() LIMIT 1)"),
                {now}));
    } else if (roll < 45) {
        const QString first = pick(kFirstNames);
        const QString last = pick(kLastNames);
        const QString user = newId(QStringLiteral("usr_"));
        work.append(
            sql(QStringLiteral("INSERT INTO users(id, name, email, role, created_at, updated_at)"
                               " VALUES (?, ?, ?, 'user', ?, ?)"),
                {user, QString(first + u' ' + last),
                 QString(QString(first + u'.' + last).toLower() + u'.' + user.mid(4)
                         + QStringLiteral("@example.com")),
                 now, now}));
        work.append(
            sql(QStringLiteral(
                    "INSERT INTO sessions(id, user_id, user_agent, ip, created_at, last_active)"
                    " VALUES (?, ?, 'Mozilla/5.0 (X11; Linux x86_64)', ?, ?, ?)"),
                {newId(QStringLiteral("ses_")), user,
                 QStringLiteral("10.0.%1.%2").arg(m_random.bounded(256)).arg(m_random.bounded(256)),
                 now, now}));
    } else if (roll < 70) {
        // An order with its items, and stock taken: one transaction.
        const QString order = newId(QStringLiteral("ord_"));
        work.append(sql(
            QStringLiteral("INSERT INTO orders(id, user_id, status, total, created_at) VALUES (?,"
                           " (SELECT id FROM users ORDER BY random() LIMIT 1), 'pending', 0, ?)"),
            {order, now}));
        const int items = 1 + int(m_random.bounded(3));
        for (int i = 0; i < items; ++i) {
            work.append(sql(
                QStringLiteral("INSERT INTO order_items(order_id, product_id, quantity, unit_price)"
                               " SELECT ?, id, ?, price FROM products ORDER BY random() LIMIT 1"),
                {order, 1 + int(m_random.bounded(3))}));
        }
        work.append(sql(
            QStringLiteral("UPDATE orders SET total = (SELECT round(sum(quantity * unit_price), 2)"
                           " FROM order_items WHERE order_id = ?) WHERE id = ?"),
            {order, order}));
        work.append(
            sql(QStringLiteral("UPDATE products SET stock = max(stock - 1, 0) WHERE id IN (SELECT"
                               " product_id FROM order_items WHERE order_id = ?)"),
                {order}));
    } else if (roll < 80) {
        work.append(
            sql(QStringLiteral("UPDATE orders SET status = CASE status WHEN 'pending' THEN 'paid'"
                               " WHEN 'paid' THEN 'shipped' ELSE 'delivered' END WHERE id = (SELECT"
                               " id FROM orders WHERE status IN ('pending', 'paid', 'shipped')"
                               " ORDER BY created_at DESC LIMIT 1)")));
    } else if (roll < 88) {
        work.append(
            sql(QStringLiteral(
                    "INSERT INTO todos(id, title, completed, position, created_at, updated_at)"
                    " VALUES (?, ?, 0, (SELECT coalesce(max(position), 0) + 1 FROM todos), ?, ?)"),
                {newId(QStringLiteral("todo_")), pick(kTodoTitles), now, now}));
    } else if (roll < 95) {
        work.append(sql(
            QStringLiteral("UPDATE todos SET completed = 1 - completed WHERE id = (SELECT id FROM"
                           " todos ORDER BY random() LIMIT 1)")));
    } else if (roll < 98) {
        work.append(sql(
            QStringLiteral("DELETE FROM todos WHERE id = (SELECT id FROM todos WHERE completed = 1"
                           " ORDER BY updated_at LIMIT 1)")));
    } else {
        // Now and then a bigger transaction: a restock of a whole category.
        work.append(
            sql(QStringLiteral("UPDATE products SET stock = stock + 10 WHERE category = (SELECT"
                               " category FROM products ORDER BY random() LIMIT 1)")));
    }

    ++m_inFlight;
    ++m_actions;
    m_budget -= double(work.size()); // a first guess; corrected below with what really changed
    m_database->runWrite(work, true,
                         [this, guess = work.size()](const ServedDatabase::Outcome &outcome) {
                             --m_inFlight;
                             qint64 changed = 0;
                             for (const StatementResult &r : outcome.results)
                                 changed += r.rowsAffected;
                             m_budget += double(guess) - double(qMax<qint64>(changed, 1));
                         });
}
