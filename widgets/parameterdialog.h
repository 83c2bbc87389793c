#pragma once

#include "core/sqlvalue.h"

#include <QDialog>
#include <QHash>

class QComboBox;

// Asks for the values of a statement's parameters. Each field remembers the values given to a
// parameter of that name before. What is typed is read as SQL reads a literal: 42 and 4.2 are
// numbers, NULL is NULL, x'00ff' is a BLOB, 'quoted' or anything else is text.
class ParameterDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParameterDialog)

public:
    ParameterDialog(const QStringList &names, QWidget *parent = nullptr);

    // The values by parameter name ("?1", ":name", ...); remembers them as recent ones.
    QHash<QString, SqlValue> values() const;
    void setText(const QString &name, const QString &text);

    static SqlValue parse(const QString &text);
    static constexpr int kRecentValues = 10;

private:
    QStringList m_names;
    QList<QComboBox *> m_fields;
};
