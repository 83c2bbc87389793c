#pragma once

#include <QHeaderView>
#include <QList>

class QLineEdit;
class QTableView;
class QTimer;

// A table header with a filter box under every column title. What is typed is passed on after
// a short pause, so a filter runs once per word rather than once per key.
class FilterHeader final : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterHeader)

public:
    explicit FilterHeader(QTableView *parent);

    void setFilterCount(int count);
    QString filterText(int column) const;
    void setFilterText(int column, const QString &text);
    void clearFilters();

    QSize sizeHint() const override;

Q_SIGNALS:
    void filterChanged(int column, const QString &text);

protected:
    void updateGeometries() override;

private:
    void placeEditors();
    int editorHeight() const;

    QList<QLineEdit *> m_editors; // children of this header
};
