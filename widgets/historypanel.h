#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QueryHistory;

// The statements run so far, newest first, searchable; activating one hands its SQL on to be
// run again.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(QueryHistory *history, QWidget *parent = nullptr);

    void refresh();
    QTreeWidget *list() const { return m_list; }
    QLineEdit *searchBox() const { return m_search; }

Q_SIGNALS:
    void sqlActivated(const QString &sql);
    void refreshed();

private:
    QueryHistory *m_history;
    QLineEdit *m_search;
    QTreeWidget *m_list;
};
