#pragma once

#include "core/sqlvalue.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;

// The side pane that shows the selected cell whole: text (JSON pretty-printed), BLOBs as an
// image when they are one and as a hex dump otherwise, and NULL as NULL. Read-only for now.
class CellViewer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CellViewer)

public:
    explicit CellViewer(QWidget *parent = nullptr);

    void showValue(const QString &column, const SqlValue &value);
    void clear();

    static constexpr int kMaxHexBytes = 64 * 1024;
    // An offset / hex / ASCII dump, 16 bytes a line.
    static QString hexDump(const QByteArray &bytes);

private:
    QLabel *m_title;
    QStackedWidget *m_pages;
    QPlainTextEdit *m_text;
    QLabel *m_image;
    QLabel *m_placeholder;
};
