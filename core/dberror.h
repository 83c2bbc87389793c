#pragma once

#include <QMetaType>
#include <QString>
#include <QVariantMap>

// The error codes of the DoSQL contract (docs/PROTOCOL.md §5) plus the client-side conditions.
enum class ErrorCode {
    Unknown,
    InvalidRequest,
    Timeout,
    InternalError,
    SyntaxError,
    TableNotFound,
    ColumnNotFound,
    ConstraintViolation,
    TypeMismatch,
    TransactionNotFound,
    TransactionAborted,
    DeadlockDetected,
    SerializationFailure,
    InvalidLsn,
    SubscriptionError,
    BufferOverflow,
    Unauthorized,
    Forbidden,
    ResourceExhausted,
    QuotaExceeded,
    MethodNotFound,
    Cancelled,
    ReadOnly,
    ConnectionFailed,
    ConnectionClosed,
    NetworkError,
};

// An error as a value: carried from where it happens to where a person can act on it. `message`
// says what happened and, where we know, what to do about it.
struct DbError
{
    ErrorCode code = ErrorCode::Unknown;
    QString message;
    QVariantMap details;

    // The wire name, e.g. "CONSTRAINT_VIOLATION".
    QString codeName() const { return codeName(code); }
    static QString codeName(ErrorCode code);
    static ErrorCode codeFromName(const QString &name);

    // Whether the contract allows retrying automatically (reads, or writes with an idempotency
    // key).
    bool isRetryable() const;

    QString toString() const { return codeName() + QStringLiteral(": ") + message; }
};

Q_DECLARE_METATYPE(DbError)
