#include "widgets/historypanel.h"

#include "models/queryhistory.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

HistoryPanel::HistoryPanel(QueryHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_search(new QLineEdit)
    , m_list(new QTreeWidget)
{
    m_search->setPlaceholderText(tr("Search statements and connections"));
    m_search->setClearButtonEnabled(true);
    m_list->setHeaderLabels(
        {tr("When"), tr("Statement"), tr("Result"), tr("Time"), tr("Connection")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list);

    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(typing, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(history, &QueryHistory::recorded, this, &HistoryPanel::refresh);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT sqlActivated(item->data(1, Qt::UserRole).toString());
    });
    refresh();
}

void HistoryPanel::refresh()
{
    m_history->search(m_search->text(), 500, [this](const QList<QueryHistory::Entry> &entries) {
        m_list->clear();
        const QLocale locale;
        for (const QueryHistory::Entry &e : entries) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(0, locale.toString(e.at, QLocale::ShortFormat));
            item->setText(1, e.sql.simplified().left(200));
            item->setData(1, Qt::UserRole, e.sql);
            item->setToolTip(1, e.sql.left(2000));
            item->setText(2, e.ok ? tr("%n row(s)", nullptr, int(e.rows)) : tr("failed"));
            if (!e.ok) {
                item->setForeground(2, QColor(0xb3, 0x26, 0x1e));
                item->setToolTip(2, e.error);
            }
            item->setText(3, tr("%1 ms").arg(e.durationMs, 0, 'f', 1));
            item->setText(4, e.connection);
        }
        Q_EMIT refreshed();
    });
}
