#pragma once

#include <QPointer>
#include <QWidget>

class Connection;
class QLabel;
class QProgressBar;
class QToolButton;

// The status bar's view of one connection: its state, the request running on it now, and a
// button that cancels that request.
class ActivityIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityIndicator)

public:
    explicit ActivityIndicator(QWidget *parent = nullptr);

    void setConnection(Connection *connection);

private:
    void update();

    QPointer<Connection> m_connection;
    QLabel *m_state;
    QLabel *m_request;
    QProgressBar *m_busy;
    QToolButton *m_cancel;
};
