#include "core/changeevent.h"

QString ChangeEvent::operationName(Operation op)
{
    switch (op) {
    case Operation::Insert:
        return QStringLiteral("INSERT");
    case Operation::Update:
        return QStringLiteral("UPDATE");
    case Operation::Delete:
        return QStringLiteral("DELETE");
    case Operation::Ddl:
        return QStringLiteral("DDL");
    }
    return {};
}

bool ChangeEvent::operationFromName(const QString &name, Operation *op)
{
    for (Operation candidate :
         {Operation::Insert, Operation::Update, Operation::Delete, Operation::Ddl}) {
        if (name.compare(operationName(candidate), Qt::CaseInsensitive) == 0) {
            *op = candidate;
            return true;
        }
    }
    return false;
}
