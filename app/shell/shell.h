#pragma once

#include "core/connection.h"

#include <QObject>
#include <QTextStream>

#include <memory>

// dosql-shell's work: open one database (a file or a server), do what the command line asked,
// write the results to stdout and any error to stderr, and end with an exit code scripts can
// rely on (see ExitCode).
class Shell final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Shell)

public:
    enum ExitCode {
        Ok = 0,
        StatementFailed = 1, // the SQL ran and failed (syntax, constraint, ...)
        Usage = 2,           // the command line is wrong
        ConnectFailed = 3,   // the database could not be opened or reached
        Unauthorized = 4,    // the server refused the token
        Interrupted = 130,
    };
    enum class Format { Table, Csv, Json };

    struct Options
    {
        ConnectionSpec spec;
        QStringList statements; // -c, in order
        bool listTables = false;
        QString schemaOf;
        QStringList watchTables;
        QString watchFrom;
        Format format = Format::Table;
    };

    explicit Shell(const Options &options, QObject *parent = nullptr);
    ~Shell() override;

    // Starts; `finished` reports the exit code.
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void connected();
    void runNext();
    void listTables();
    void showSchema();
    void watch();
    void fail(const DbError &error, int code);
    void printTable(const QList<ResultColumn> &columns, const QList<Row> &rows);

    Options m_options;
    std::unique_ptr<Connection> m_connection;
    qsizetype m_next = 0;
    QTextStream m_out;
    QTextStream m_err;
};
