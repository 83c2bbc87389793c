#include "models/taggedicon.h"

#include <QPainter>

QIcon taggedIcon(const QIcon &icon, const QString &colourTag)
{
    const QColor colour = QColor::fromString(colourTag);
    if (!colour.isValid())
        return icon;
    QIcon tagged;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        if (!icon.isNull())
            icon.paint(&painter, 0, 0, size, size);
        const qreal dot = size * 0.5;
        const QRectF where(size - dot, size - dot, dot, dot);
        painter.setPen(QPen(Qt::white, qMax(1.0, size / 16.0)));
        painter.setBrush(colour);
        painter.drawEllipse(where.adjusted(0.5, 0.5, -0.5, -0.5));
        painter.end();
        tagged.addPixmap(pixmap);
    }
    return tagged;
}
