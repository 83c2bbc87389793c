#pragma once

#include <QTableView>

class QueryResultModel;

// The grid of one statement's result: copies what is selected as TSV (Ctrl+C), CSV, JSON or SQL
// INSERT statements, and offers to export the whole result.
class ResultView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultView)

public:
    enum class CopyFormat { Tsv, Csv, Json, SqlInsert };

    ResultView(QueryResultModel *model, const QString &sql, QWidget *parent = nullptr);

    QString sql() const { return m_sql; }
    QueryResultModel *resultModel() const { return m_model; }
    // The selected cells (their bounding rows and columns) in `format`.
    QString selectionText(CopyFormat format) const;
    void copySelection(CopyFormat format) const;

Q_SIGNALS:
    void exportRequested(const QString &sql);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QueryResultModel *m_model;
    QString m_sql;
};
