#include "widgets/resultview.h"

#include "core/resultformat.h"
#include "core/sqlinliner.h"
#include "core/sqlquoting.h"
#include "models/queryresultmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

ResultView::ResultView(QueryResultModel *model, const QString &sql, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_sql(sql)
{
    model->setParent(this);
    setModel(model);
    setSortingEnabled(false);
    horizontalHeader()->setSectionsMovable(true);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
}

QString ResultView::selectionText(CopyFormat format) const
{
    QList<int> rows;
    QList<int> columns;
    for (const QModelIndex &index : selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows << index.row();
        if (!columns.contains(index.column()))
            columns << index.column();
    }
    std::sort(rows.begin(), rows.end());
    std::sort(columns.begin(), columns.end());
    QList<ResultColumn> picked;
    for (int c : std::as_const(columns))
        picked << m_model->columns().at(c);
    auto rowOf = [&](int r) {
        Row row;
        for (int c : std::as_const(columns))
            row << m_model->row(r).value(c);
        return row;
    };
    QByteArray out;
    switch (format) {
    case CopyFormat::Tsv:
        for (int r : std::as_const(rows)) {
            QStringList cells;
            for (const SqlValue &v : rowOf(r))
                cells << (v.type() == SqlValue::Type::Blob ? v.toSqlLiteral() : v.toText())
                             .replace(u'\t', u' ')
                             .replace(u'\n', u' ');
            out += cells.join(u'\t').toUtf8() + '\n';
        }
        break;
    case CopyFormat::Csv:
        out = ResultFormat::csvHeader(picked);
        for (int r : std::as_const(rows))
            out += ResultFormat::csvRow(rowOf(r));
        break;
    case CopyFormat::Json: {
        QByteArrayList objects;
        for (int r : std::as_const(rows))
            objects << ResultFormat::jsonObject(picked, rowOf(r));
        out = '[' + objects.join(",\n") + "]\n";
        break;
    }
    case CopyFormat::SqlInsert: {
        QStringList names;
        for (const ResultColumn &c : std::as_const(picked))
            names << quoteIdentifier(c.name);
        for (int r : std::as_const(rows)) {
            QStringList values;
            for (const SqlValue &v : rowOf(r))
                values << SqlInliner::literal(v);
            out += QStringLiteral("INSERT INTO \"result\" (%1) VALUES (%2);\n")
                       .arg(names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")))
                       .toUtf8();
        }
        break;
    }
    }
    return QString::fromUtf8(out);
}

void ResultView::copySelection(CopyFormat format) const
{
    if (selectionModel()->hasSelection())
        QApplication::clipboard()->setText(selectionText(format));
}

void ResultView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection(CopyFormat::Tsv);
        return;
    }
    QTableView::keyPressEvent(event);
}

void ResultView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const bool any = selectionModel()->hasSelection();
    const std::pair<QString, CopyFormat> copies[]
        = {{tr("&Copy"), CopyFormat::Tsv},
           {tr("Copy as &CSV"), CopyFormat::Csv},
           {tr("Copy as &JSON"), CopyFormat::Json},
           {tr("Copy as &SQL INSERT"), CopyFormat::SqlInsert}};
    for (const auto &[label, format] : copies)
        menu.addAction(label, this, [this, format] { copySelection(format); })->setEnabled(any);
    menu.addSeparator();
    menu.addAction(tr("&Export Result…"), this, [this] { Q_EMIT exportRequested(m_sql); });
    menu.exec(event->globalPos());
}
