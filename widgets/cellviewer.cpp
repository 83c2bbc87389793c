#include "widgets/cellviewer.h"

#include <QFontDatabase>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

CellViewer::CellViewer(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_image(new QLabel(this))
    , m_placeholder(new QLabel(this))
{
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_image->setAlignment(Qt::AlignCenter);
    auto *imageScroll = new QScrollArea(this);
    imageScroll->setWidget(m_image);
    imageScroll->setWidgetResizable(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_text);
    m_pages->addWidget(imageScroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_pages, 1);
    clear();
}

void CellViewer::clear()
{
    m_title->setText(tr("Value"));
    m_placeholder->setText(tr("Select a cell to see its whole value here."));
    m_pages->setCurrentWidget(m_placeholder);
}

void CellViewer::showValue(const QString &column, const SqlValue &value)
{
    const QLocale locale;
    QString info = SqlValue::typeName(value.type());
    switch (value.type()) {
    case SqlValue::Type::Null:
        m_placeholder->setText(QStringLiteral("NULL"));
        m_pages->setCurrentWidget(m_placeholder);
        break;
    case SqlValue::Type::Integer:
    case SqlValue::Type::Real:
        m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_text->setPlainText(value.toText());
        m_pages->setCurrentWidget(m_text);
        break;
    case SqlValue::Type::Text: {
        const QString text = value.toText();
        info += QStringLiteral(", ") + tr("%1 characters").arg(locale.toString(text.size()));
        m_text->setFont(QFont());
        // JSON is common in DoSQL apps: show it indented when the whole value parses.
        const QString trimmed = text.trimmed();
        if (trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) {
            QJsonParseError error;
            const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8(), &error);
            if (error.error == QJsonParseError::NoError) {
                info += QStringLiteral(", JSON");
                m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
                m_text->setPlainText(QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
                m_pages->setCurrentWidget(m_text);
                break;
            }
        }
        m_text->setPlainText(text);
        m_pages->setCurrentWidget(m_text);
        break;
    }
    case SqlValue::Type::Blob: {
        const QByteArray bytes = value.toBlob();
        info += QStringLiteral(", ") + locale.formattedDataSize(bytes.size());
        QImage image;
        if (image.loadFromData(bytes)) {
            info += QStringLiteral(", %1×%2 image").arg(image.width()).arg(image.height());
            m_image->setPixmap(QPixmap::fromImage(image));
            m_pages->setCurrentIndex(2);
            break;
        }
        m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        QString dump = hexDump(bytes.left(kMaxHexBytes));
        if (bytes.size() > kMaxHexBytes)
            dump += tr("\n… %1 more not shown")
                        .arg(locale.formattedDataSize(bytes.size() - kMaxHexBytes));
        m_text->setPlainText(dump);
        m_pages->setCurrentWidget(m_text);
        break;
    }
    }
    m_title->setText(column + QStringLiteral(" — ") + info);
}

QString CellViewer::hexDump(const QByteArray &bytes)
{
    QString out;
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        const QByteArray line = bytes.mid(offset, 16);
        QString hex = QString::fromLatin1(line.toHex(' '));
        hex = hex.leftJustified(16 * 3 - 1, u' ');
        QString ascii;
        for (char c : line)
            ascii += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : u'.';
        out += QStringLiteral("%1  %2  %3\n")
                   .arg(qlonglong(offset), 8, 16, QLatin1Char('0'))
                   .arg(hex, ascii);
    }
    return out;
}
