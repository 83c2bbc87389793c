#include "core/dberror.h"

#include <array>
#include <utility>

namespace {

constexpr std::array<std::pair<ErrorCode, const char *>, 26> kNames{{
    {ErrorCode::Unknown, "UNKNOWN"},
    {ErrorCode::InvalidRequest, "INVALID_REQUEST"},
    {ErrorCode::Timeout, "TIMEOUT"},
    {ErrorCode::InternalError, "INTERNAL_ERROR"},
    {ErrorCode::SyntaxError, "SYNTAX_ERROR"},
    {ErrorCode::TableNotFound, "TABLE_NOT_FOUND"},
    {ErrorCode::ColumnNotFound, "COLUMN_NOT_FOUND"},
    {ErrorCode::ConstraintViolation, "CONSTRAINT_VIOLATION"},
    {ErrorCode::TypeMismatch, "TYPE_MISMATCH"},
    {ErrorCode::TransactionNotFound, "TRANSACTION_NOT_FOUND"},
    {ErrorCode::TransactionAborted, "TRANSACTION_ABORTED"},
    {ErrorCode::DeadlockDetected, "DEADLOCK_DETECTED"},
    {ErrorCode::SerializationFailure, "SERIALIZATION_FAILURE"},
    {ErrorCode::InvalidLsn, "INVALID_LSN"},
    {ErrorCode::SubscriptionError, "SUBSCRIPTION_ERROR"},
    {ErrorCode::BufferOverflow, "BUFFER_OVERFLOW"},
    {ErrorCode::Unauthorized, "UNAUTHORIZED"},
    {ErrorCode::Forbidden, "FORBIDDEN"},
    {ErrorCode::ResourceExhausted, "RESOURCE_EXHAUSTED"},
    {ErrorCode::QuotaExceeded, "QUOTA_EXCEEDED"},
    {ErrorCode::MethodNotFound, "METHOD_NOT_FOUND"},
    {ErrorCode::Cancelled, "CANCELLED"},
    {ErrorCode::ReadOnly, "READ_ONLY"},
    {ErrorCode::ConnectionFailed, "CONNECTION_FAILED"},
    {ErrorCode::ConnectionClosed, "CONNECTION_CLOSED"},
    {ErrorCode::NetworkError, "NETWORK_ERROR"},
}};

} // namespace

QString DbError::codeName(ErrorCode code)
{
    for (const auto &[c, name] : kNames) {
        if (c == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("UNKNOWN");
}

ErrorCode DbError::codeFromName(const QString &name)
{
    for (const auto &[c, n] : kNames) {
        if (name == QLatin1String(n))
            return c;
    }
    return ErrorCode::Unknown;
}

bool DbError::isRetryable() const
{
    switch (code) {
    case ErrorCode::Timeout:
    case ErrorCode::ResourceExhausted:
    case ErrorCode::ConnectionClosed:
    case ErrorCode::NetworkError:
        return true;
    default:
        return false;
    }
}
