#include "widgets/parameterdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>

namespace {

QString settingsKey(const QString &name)
{
    // Names may hold characters QSettings treats specially.
    return QStringLiteral("parameters/") + QString::fromLatin1(name.toUtf8().toHex());
}

} // namespace

ParameterDialog::ParameterDialog(const QStringList &names, QWidget *parent)
    : QDialog(parent)
    , m_names(names)
{
    setWindowTitle(tr("Parameter Values"));
    auto *form = new QFormLayout;
    const QSettings settings;
    for (const QString &name : names) {
        auto *field = new QComboBox;
        field->setEditable(true);
        field->setInsertPolicy(QComboBox::NoInsert);
        field->addItems(settings.value(settingsKey(name)).toStringList());
        field->setMinimumWidth(280);
        form->addRow(name, field);
        m_fields.append(field);
    }
    auto *hint = new QLabel(tr("42 and 4.2 are numbers, NULL is NULL, x'00ff' is a BLOB;"
                               " anything else is text ('quotes' optional)."));
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

void ParameterDialog::setText(const QString &name, const QString &text)
{
    const qsizetype i = m_names.indexOf(name);
    if (i >= 0)
        m_fields.at(i)->setCurrentText(text);
}

SqlValue ParameterDialog::parse(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression integer(QStringLiteral("^[+-]?\\d+$"));
    static const QRegularExpression real(
        QStringLiteral("^[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+(\\.\\d*)?[eE][+-]?\\d+)$"));
    static const QRegularExpression blob(QStringLiteral("^[xX]'([0-9a-fA-F]*)'$"));
    if (t.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
        return {};
    if (integer.match(t).hasMatch()) {
        bool ok = false;
        const qint64 v = t.toLongLong(&ok);
        if (ok)
            return SqlValue(v);
    }
    if (real.match(t).hasMatch())
        return SqlValue(t.toDouble());
    if (const auto m = blob.match(t); m.hasMatch() && m.captured(1).size() % 2 == 0)
        return SqlValue::blob(QByteArray::fromHex(m.captured(1).toLatin1()));
    if (t.size() >= 2 && t.startsWith(u'\'') && t.endsWith(u'\''))
        return SqlValue(t.mid(1, t.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'")));
    return SqlValue(text);
}

QHash<QString, SqlValue> ParameterDialog::values() const
{
    QHash<QString, SqlValue> out;
    QSettings settings;
    for (qsizetype i = 0; i < m_names.size(); ++i) {
        const QString text = m_fields.at(i)->currentText();
        out.insert(m_names.at(i), parse(text));
        QStringList recent = settings.value(settingsKey(m_names.at(i))).toStringList();
        recent.removeAll(text);
        recent.prepend(text);
        settings.setValue(settingsKey(m_names.at(i)), recent.mid(0, kRecentValues));
    }
    return out;
}
