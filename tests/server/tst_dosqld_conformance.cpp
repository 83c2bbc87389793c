#include "server/dosqlserver.h"
#include "tests/support/rpcclient.h"

#include "core/engine/sqlitedb.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

// PROTOCOL.md §2.2, §2.3 and §5 as one table: every method with the shape of its result, and its
// error cases with their codes. Each row runs twice, over one shared socket and over a new socket
// per call (the official sql.do client outside Workers), so that transactions, prepared
// statements and cursors are found by id across sockets.
//
// Expected results are templates: "<string>", "<number>", "<bool>", "<array>", "<object>",
// "<int-string>" (an integer in a string, as LSNs are), "<iso-time>" and "<any>" match a type;
// an object matches when every member it names matches (others may be present); an array
// matches element by element and in length; anything else must be equal.
// Placeholders in params are filled per row: "$tx" (an open transaction), "$readTx" (an open
// read-only one), "$endedTx" (a committed one), "$hash" (SELECT 1 AS one, prepared) and
// "$cursor" (a paged query over three rows, after its first row).
class TestDosqldConformance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DosqlServer> m_server;
    std::unique_ptr<RpcClient> m_shared;
    bool m_perCall = false;
    // Transactions a row opened; rolled back after it, since one holds the database's only
    // write lock.
    QStringList m_openTransactions;

    QJsonObject call(const QString &method, const QJsonObject &params = {})
    {
        if (m_perCall) {
            RpcClient client(
                QUrl(QStringLiteral("ws://127.0.0.1:%1/db/app").arg(m_server->port())));
            return client.call(method, params);
        }
        return m_shared->call(method, params);
    }

    QString callForString(const QString &method, const QJsonObject &params, const QString &key)
    {
        return call(method, params)
            .value(QStringLiteral("result"))
            .toObject()
            .value(key)
            .toString();
    }

    QJsonValue fill(const QJsonValue &value)
    {
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                it.value() = fill(it.value());
            return object;
        }
        if (value.isArray()) {
            QJsonArray array = value.toArray();
            for (auto it = array.begin(); it != array.end(); ++it)
                *it = fill(*it);
            return array;
        }
        const QString text = value.toString();
        if (text == u"$tx" || text == u"$endedTx")
            return beginTransaction(false, text == u"$endedTx");
        if (text == u"$readTx")
            return beginTransaction(true, false);
        if (text == u"$hash")
            return callForString(QStringLiteral("prepare"),
                                 {{QStringLiteral("sql"), QStringLiteral("SELECT 1 AS one")}},
                                 QStringLiteral("hash"));
        if (text == u"$cursor")
            return callForString(QStringLiteral("query"),
                                 {{QStringLiteral("sql"), QStringLiteral("VALUES (1), (2), (3)")},
                                  {QStringLiteral("pageSize"), 1},
                                  {QStringLiteral("rowFormat"), QStringLiteral("array")}},
                                 QStringLiteral("cursor"));
        return value;
    }

    QString beginTransaction(bool readOnly, bool thenCommit)
    {
        const QString id
            = callForString(QStringLiteral("beginTransaction"),
                            {{QStringLiteral("readOnly"), readOnly}}, QStringLiteral("id"));
        if (thenCommit)
            call(QStringLiteral("commit"), {{QStringLiteral("transactionId"), id}});
        else
            m_openTransactions.append(id);
        return id;
    }

    // Where `actual` fails to match `expected`, as a path; empty when it matches.
    static QString mismatch(const QJsonValue &expected, const QJsonValue &actual,
                            const QString &path = QStringLiteral("result"))
    {
        const QString type = expected.toString();
        if (expected.isString() && type.startsWith(u'<') && type.endsWith(u'>')) {
            bool ok = true;
            if (type == u"<string>")
                ok = actual.isString();
            else if (type == u"<number>")
                ok = actual.isDouble();
            else if (type == u"<bool>")
                ok = actual.isBool();
            else if (type == u"<array>")
                ok = actual.isArray();
            else if (type == u"<object>")
                ok = actual.isObject();
            else if (type == u"<int-string>")
                actual.toString().toLongLong(&ok);
            else if (type == u"<iso-time>")
                ok = QDateTime::fromString(actual.toString(), Qt::ISODateWithMs).isValid();
            else
                ok = type == u"<any>" && !actual.isUndefined();
            return ok ? QString() : path + QStringLiteral(" is not ") + type;
        }
        if (expected.isObject()) {
            if (!actual.isObject())
                return path + QStringLiteral(" is not an object");
            const QJsonObject want = expected.toObject();
            const QJsonObject have = actual.toObject();
            for (auto it = want.begin(); it != want.end(); ++it) {
                const QString inner
                    = mismatch(it.value(), have.value(it.key()), path + u'.' + it.key());
                if (!inner.isEmpty())
                    return inner;
            }
            return {};
        }
        if (expected.isArray()) {
            const QJsonArray want = expected.toArray();
            const QJsonArray have = actual.toArray();
            if (!actual.isArray() || want.size() != have.size())
                return path + QStringLiteral(" has not %1 elements").arg(want.size());
            for (qsizetype i = 0; i < want.size(); ++i) {
                const QString inner
                    = mismatch(want.at(i), have.at(i), path + QStringLiteral("[%1]").arg(i));
                if (!inner.isEmpty())
                    return inner;
            }
            return {};
        }
        return expected == actual ? QString() : path + QStringLiteral(" differs");
    }

    static QJsonObject object(const char *json) { return QJsonDocument::fromJson(json).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        SqliteDb db;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("app.db")), SqliteDb::OpenMode::Create));
        QVERIFY(!db.exec(QStringLiteral(
            "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT UNIQUE, v);"
            "CREATE TABLE tags(item INTEGER REFERENCES items(id) ON DELETE CASCADE, tag TEXT);"
            "INSERT INTO items VALUES (1, 'a', 10), (2, 'b', 20);")));
        db.close();
        DosqlServer::Config config;
        config.dataDir = m_dir.path();
        config.port = 0;
        config.maxFrameBytes = 64 * 1024;
        m_server = std::make_unique<DosqlServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_shared = std::make_unique<RpcClient>(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/db/app").arg(m_server->port())));
        QVERIFY(m_shared->isConnected());
    }

    void cleanupTestCase()
    {
        m_shared.reset();
        m_server.reset();
    }

    void cleanup()
    {
        for (const QString &id : std::as_const(m_openTransactions))
            m_shared->call(QStringLiteral("rollback"), {{QStringLiteral("transactionId"), id}});
        m_openTransactions.clear();
    }

    void contract_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QJsonValue>("result"); // undefined when an error is expected
        QTest::addColumn<QString>("error");

        struct Row
        {
            const char *name;
            const char *method;
            const char *params;
            const char *result; // JSON, or nullptr
            const char *error;  // code, or nullptr
        };
        const Row rows[] = {
            // §2.2, sql.do's methods
            {"hello", "hello", R"j({"client":"test","version":"1"})j",
             R"j({"server":"dosqld","version":"<string>","database":"app","features":"<array>"})j",
             nullptr},
            {"ping", "ping", "{}", R"j({"pong":true,"lsn":"<int-string>","timestamp":"<number>"})j",
             nullptr},
            {"query, rows as objects", "query",
             R"j({"sql":"SELECT id, name FROM items WHERE id = ?","params":[1]})j",
             R"j({"columns":["id","name"],"columnTypes":["INTEGER","TEXT"],
                 "rows":[{"id":1,"name":"a"}],"rowsAffected":0,"duration":"<number>",
                 "lsn":"<int-string>"})j",
             nullptr},
            {"query, rows as arrays", "query",
             R"j({"sql":"SELECT v, v + 1 AS v FROM items ORDER BY id","rowFormat":"array"})j",
             R"j({"columns":["v","v"],"rows":[[10,11],[20,21]]})j", nullptr},
            {"query, named parameters", "query",
             R"j({"sql":"SELECT :a + @b + $c AS s","namedParams":{"a":1,"@b":2,"$c":3},
                 "rowFormat":"array"})j",
             R"j({"rows":[[6]]})j", nullptr},
            {"query, wide values", "query",
             R"j({"sql":"SELECT ?, ?, ?, ?","rowFormat":"array",
                 "params":[{"$int":"9223372036854775807"},{"$blob":"AP8="},null,0.5]})j",
             R"j({"rows":[[{"$int":"9223372036854775807"},{"$blob":"AP8="},null,0.5]]})j", nullptr},
            {"query, paged", "query",
             R"j({"sql":"VALUES (1), (2), (3)","pageSize":2,"rowFormat":"array"})j",
             R"j({"rows":[[1],[2]],"hasMore":true,"cursor":"<string>"})j", nullptr},
            {"exec", "exec", R"j({"sql":"INSERT INTO tags VALUES (1, 'x')"})j",
             R"j({"rowsAffected":1,"lastInsertRowid":"<number>","lsn":"<int-string>"})j", nullptr},
            {"batch", "batch",
             R"j({"statements":[{"sql":"INSERT INTO tags VALUES (2, ?)","params":["y"]},
                               {"sql":"SELECT count(*) AS n FROM tags WHERE item = 2"}]})j",
             R"j([{"rowsAffected":1},{"rows":"<array>"}])j", nullptr},
            {"prepare", "prepare", R"j({"sql":"SELECT 1 AS one"})j", R"j({"hash":"<string>"})j",
             nullptr},
            {"execute", "execute", R"j({"hash":"$hash","rowFormat":"array"})j",
             R"j({"columns":["one"],"rows":[[1]]})j", nullptr},
            {"beginTransaction", "beginTransaction", R"j({"isolationLevel":"SERIALIZABLE"})j",
             R"j({"id":"<string>","isolationLevel":"SERIALIZABLE","readOnly":false,
                 "startedAt":"<iso-time>","snapshotLSN":"<int-string>"})j",
             nullptr},
            {"query in a transaction", "query",
             R"j({"sql":"SELECT count(*) FROM items","transactionId":"$tx","rowFormat":"array"})j",
             R"j({"rows":"<array>"})j", nullptr},
            {"commit", "commit", R"j({"transactionId":"$tx"})j", R"j({"lsn":"<int-string>"})j",
             nullptr},
            {"rollback", "rollback", R"j({"transactionId":"$tx"})j", "{}", nullptr},
            {"getSchema", "getSchema", R"j({"tableName":"tags"})j",
             R"j({"name":"tags","columns":[{"name":"item","type":"INTEGER","nullable":true,
                 "primaryKey":false},{"name":"tag","type":"TEXT"}],"primaryKey":[],
                 "indexes":[],"foreignKeys":[{"columns":["item"],"referencedTable":"items",
                 "referencedColumns":["id"],"onDelete":"CASCADE"}]})j",
             nullptr},
            {"getSchema, no such table", "getSchema", R"j({"tableName":"nope"})j", "null", nullptr},
            // §2.3, extensions
            {"fetch", "fetch", R"j({"cursor":"$cursor","max":1,"rowFormat":"array"})j",
             R"j({"rows":[[2]],"hasMore":true,"cursor":"<string>"})j", nullptr},
            {"closeCursor", "closeCursor", R"j({"cursor":"$cursor"})j", "{}", nullptr},
            {"cancel, nothing to cancel", "cancel", R"j({"requestId":"no-such-request"})j",
             R"j({"cancelled":false})j", nullptr},
            {"listTables", "listTables", "{}",
             R"j([{"name":"items","type":"table","rowCountEstimate":"<number>"},
                 {"name":"tags","type":"table"}])j",
             nullptr},
            {"stats", "stats", "{}",
             R"j({"uptimeMs":"<number>","connections":"<number>","queries":"<number>",
                 "rowsRead":"<number>","rowsWritten":"<number>","transactionsOpen":"<number>",
                 "lsn":"<int-string>","dbSizeBytes":"<number>"})j",
             nullptr},
            {"subscribe", "subscribe", R"j({"tables":["items"]})j",
             R"j({"subscriptionId":"<string>","currentLSN":"<int-string>"})j", nullptr},
            // §5, errors
            {"syntax", "query", R"j({"sql":"SELEC 1"})j", nullptr, "SYNTAX_ERROR"},
            {"no such table", "query", R"j({"sql":"SELECT * FROM nope"})j", nullptr,
             "TABLE_NOT_FOUND"},
            {"no such column", "query", R"j({"sql":"SELECT nope FROM items"})j", nullptr,
             "COLUMN_NOT_FOUND"},
            {"constraint", "exec", R"j({"sql":"INSERT INTO items(id) VALUES (1)"})j", nullptr,
             "CONSTRAINT_VIOLATION"},
            {"two statements", "query", R"j({"sql":"SELECT 1; SELECT 2"})j", nullptr,
             "INVALID_REQUEST"},
            {"BEGIN refused", "exec", R"j({"sql":"BEGIN"})j", nullptr, "INVALID_REQUEST"},
            {"ATTACH refused", "exec", R"j({"sql":"ATTACH '/etc/passwd' AS p"})j", nullptr,
             "FORBIDDEN"},
            {"VACUUM refused", "exec", R"j({"sql":"VACUUM INTO '/tmp/elsewhere.db'"})j", nullptr,
             "INVALID_REQUEST"},
            {"missing sql", "query", "{}", nullptr, "INVALID_REQUEST"},
            {"sql not a string", "query", R"j({"sql":5})j", nullptr, "INVALID_REQUEST"},
            {"params not an array", "query", R"j({"sql":"SELECT ?","params":"x"})j", nullptr,
             "INVALID_REQUEST"},
            {"param not a value", "query", R"j({"sql":"SELECT ?","params":[[1]]})j", nullptr,
             "TYPE_MISMATCH"},
            {"too few params", "query", R"j({"sql":"SELECT ?"})j", nullptr, "INVALID_REQUEST"},
            {"unknown method", "frobnicate", "{}", nullptr, "METHOD_NOT_FOUND"},
            {"batch without statements", "batch", R"j({"statements":[]})j", nullptr,
             "INVALID_REQUEST"},
            {"atomic batch fails whole", "batch",
             R"j({"atomic":true,"statements":[{"sql":"INSERT INTO tags VALUES (9, 'z')"},
                                              {"sql":"INSERT INTO items(id) VALUES (2)"}]
})j",
             nullptr, "CONSTRAINT_VIOLATION"},
            {"pageSize not positive", "query", R"j({"sql":"SELECT 1","pageSize":0})j", nullptr,
             "INVALID_REQUEST"},
            {"execute, unknown hash", "execute", R"j({"hash":"0000"})j", nullptr,
             "INVALID_REQUEST"},
            {"getSchema without a name", "getSchema", "{}", nullptr, "INVALID_REQUEST"},
            {"commit, unknown transaction", "commit", R"j({"transactionId":"nope"})j", nullptr,
             "TRANSACTION_NOT_FOUND"},
            {"query in an ended transaction", "query",
             R"j({"sql":"SELECT 1","transactionId":"$endedTx"})j", nullptr,
             "TRANSACTION_NOT_FOUND"},
            {"write in a read-only transaction", "exec",
             R"j({"sql":"INSERT INTO tags VALUES (1, 'r')","transactionId":"$readTx"})j", nullptr,
             "READ_ONLY"},
            {"fetch, unknown cursor", "fetch", R"j({"cursor":"nope"})j", nullptr,
             "INVALID_REQUEST"},
            {"subscribe, bad fromLSN", "subscribe", R"j({"fromLSN":"minus one"})j", nullptr,
             "INVALID_LSN"},
            {"subscribe, unknown operation", "subscribe", R"j({"operations":["TRUNCATE"]})j",
             nullptr, "INVALID_REQUEST"},
            {"unsubscribe, unknown", "unsubscribe", R"j({"subscriptionId":"nope"})j", nullptr,
             "SUBSCRIPTION_ERROR"},
        };
        for (const char *transport : {"shared socket", "socket per call"}) {
            for (const Row &row : rows) {
                QJsonParseError parseError;
                const QJsonDocument params = QJsonDocument::fromJson(row.params, &parseError);
                QVERIFY2(parseError.error == QJsonParseError::NoError, row.name);
                QJsonValue result(QJsonValue::Undefined);
                if (row.result) {
                    const QJsonDocument wrapped = QJsonDocument::fromJson(
                        QByteArray("[") + row.result + QByteArray("]"), &parseError);
                    QVERIFY2(parseError.error == QJsonParseError::NoError, row.name);
                    result = wrapped.array().first();
                }
                QTest::addRow("%s: %s", transport, row.name)
                    << QString::fromLatin1(row.method) << params.object() << result
                    << QString::fromLatin1(row.error ? row.error : "");
            }
        }
    }

    void contract()
    {
        QFETCH(QString, method);
        QFETCH(QJsonObject, params);
        QFETCH(QJsonValue, result);
        QFETCH(QString, error);
        m_perCall = QByteArray(QTest::currentDataTag()).startsWith("socket per call");
        const QJsonObject reply = call(method, fill(params).toObject());
        QVERIFY2(!reply.isEmpty(), "no reply");
        if (!error.isEmpty()) {
            const QJsonObject e = reply.value(QStringLiteral("error")).toObject();
            QCOMPARE(e.value(QStringLiteral("code")).toString(), error);
            // Every error says in words what went wrong (PROTOCOL.md §5).
            QVERIFY(!e.value(QStringLiteral("message")).toString().isEmpty());
            QVERIFY(!reply.contains(QStringLiteral("result")));
            return;
        }
        QVERIFY2(!reply.contains(QStringLiteral("error")),
                 QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
        QVERIFY(reply.contains(QStringLiteral("result")));
        if (method == u"beginTransaction")
            m_openTransactions.append(reply.value(QStringLiteral("result"))
                                          .toObject()
                                          .value(QStringLiteral("id"))
                                          .toString());
        const QString where = mismatch(result, reply.value(QStringLiteral("result")));
        QVERIFY2(
            where.isEmpty(),
            qPrintable(where + QStringLiteral(" in ")
                       + QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact))));
    }
};

QTEST_GUILESS_MAIN(TestDosqldConformance)
#include "tst_dosqld_conformance.moc"
