#include "core/protocol/rpccodec.h"
#include "core/protocol/statementrequest.h"

#include <QJsonDocument>
#include <QTest>

// The fast reader of query/exec frames must read every frame it accepts exactly as the general
// path (QJsonDocument and RpcCodec) does, and leave every other frame to that path.
class TestStatementRequest : public QObject
{
    Q_OBJECT

    // JSON written with ` for " (moc reads raw string literals poorly).
    static QByteArray j(const char *text) { return QByteArray(text).replace('`', '"'); }

    // The general path's reading of `frame`; false when it would answer with an error.
    static bool readTheGeneralWay(const QByteArray &frame, StatementRequest *request)
    {
        const QJsonObject envelope = QJsonDocument::fromJson(frame).object();
        request->id = RpcId::fromJson(envelope.value(QStringLiteral("id")));
        request->method = envelope.value(QStringLiteral("method")).toString();
        DbError error;
        return RpcCodec::statementRequestFromParams(
            envelope.value(QStringLiteral("params")).toObject(), request, &error);
    }

private Q_SLOTS:
    void readsAsTheGeneralPathDoes_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("point select") << j("{`id`:`7`,`method`:`query`,`params`:{`sql`:`SELECT v "
                                           "FROM kv WHERE id = ?`,`params`:[42]}}");
        QTest::newRow("numeric id, spaces")
            << QByteArray(" {\n\t\"method\" : \"exec\" , \"params\" : { \"params\" : [ ] , \"sql\""
                          " : \"DELETE FROM t\" } , \"id\" : 12 }\r\n");
        QTest::newRow("every plain value") << j("{`id`:`1`,`method`:`exec`,`params`:{`sql`:`INSERT "
                                                "INTO t VALUES (?,?,?,?,?,?,?,?,?,?)`,"
                                                "`params`:[null,true,false,0,-0,1.5,1e3,-2.5E-7,"
                                                "9007199254740993,12345678901234567890]}}");
        QTest::newRow("escapes") << j(
            "{`id`:`e\\`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,"
            "`params`:[`q\\` b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 \\u0000 end`]}}");
        QTest::newRow("raw UTF-8") << QByteArray(
            "{\"id\":\"é\",\"method\":\"query\",\"params\":{\"sql\":\"SELECT 'é中😀'\","
            "\"params\":[\"中😀\"]}}");
        QTest::newRow("rows as arrays, paged") << j("{`params`:{`pageSize`:500,`rowFormat`:`array`,"
                                                    "`sql`:`SELECT 1`},`method`:`query`,`id`:`p`}");
        QTest::newRow("rows as objects")
            << j("{`id`:`o`,`method`:`query`,`params`:{`sql`:`SELECT 1`,`rowFormat`:`object`}}");
    }

    void readsAsTheGeneralPathDoes()
    {
        QFETCH(QByteArray, frame);
        StatementRequest fast;
        QVERIFY(StatementRequest::read(frame, &fast));
        StatementRequest general;
        QVERIFY(readTheGeneralWay(frame, &general));
        // The id goes back as it came: the same JSON, the same key for `cancel`.
        QCOMPARE(fast.id.json(), general.id.json());
        QCOMPARE(fast.id.key(), general.id.key());
        QCOMPARE(fast.id.toJson(), QJsonDocument::fromJson(frame).object().value(u"id"));
        QCOMPARE(fast.method, general.method);
        QCOMPARE(fast.statement.sql, general.statement.sql);
        QCOMPARE(fast.statement.params, general.statement.params);
        QCOMPARE(fast.arrayRows, general.arrayRows);
        QCOMPARE(fast.pageSize, general.pageSize);
    }

    void idsGoBackAsTheyCame_data()
    {
        QTest::addColumn<QByteArray>("idJson");
        QTest::addColumn<QByteArray>("written"); // in the reply
        QTest::addColumn<QString>("key");        // what `cancel` names it by
        QTest::newRow("plain") << j("`17`") << j("`17`") << QStringLiteral("17");
        QTest::newRow("plain with spaces and slashes")
            << j("`a b/c`") << j("`a b/c`") << QStringLiteral("a b/c");
        QTest::newRow("escaped quote") << j("`e\\`1`") << j("`e\\`1`") << QStringLiteral("e\"1");
        QTest::newRow("escaped letter") << j("`\\u0041`") << j("`A`") << QStringLiteral("A");
        QTest::newRow("beyond ASCII")
            << QByteArray("\"é中\"") << QByteArray("\"é中\"") << QStringLiteral("é中");
        QTest::newRow("whole number")
            << QByteArray("12") << QByteArray("12") << QStringLiteral("12");
        QTest::newRow("fraction") << QByteArray("1.5") << QByteArray("1.5")
                                  << QStringLiteral("1.5");
    }

    void idsGoBackAsTheyCame()
    {
        QFETCH(QByteArray, idJson);
        QFETCH(QByteArray, written);
        QFETCH(QString, key);
        const QByteArray frame
            = "{\"id\":" + idJson + j(",`method`:`query`,`params`:{`sql`:`SELECT 1`}}");
        StatementRequest fast;
        QVERIFY(StatementRequest::read(frame, &fast));
        QCOMPARE(fast.id.json(), written);
        QCOMPARE(fast.id.key(), key);
        QCOMPARE(RpcCodec::resultFrame(fast.id, QByteArray("[]")),
                 "{\"id\":" + written + "," + j("`result`:[]}"));
        const QJsonObject reply
            = QJsonDocument::fromJson(RpcCodec::errorFrame(fast.id, {ErrorCode::Cancelled, {}, {}}))
                  .object();
        QCOMPARE(reply.value(u"id"), QJsonDocument::fromJson(frame).object().value(u"id"));
    }

    void idsThatAreNeitherStringsNorNumbersAreNull()
    {
        QVERIFY(RpcId::fromJson(QJsonValue(true)).isNull());
        QVERIFY(RpcId::fromJson(QJsonObject{}).isNull());
        QCOMPARE(RpcId().json(), QByteArray("null"));
        QCOMPARE(RpcCodec::errorFrame(RpcId(), {ErrorCode::InvalidRequest, QStringLiteral("x"), {}})
                     .left(10),
                 QByteArray("{\"id\":null"));
    }

    void rememberedSqlIsOnlyReusedForTheSameText()
    {
        // A server reads each socket's frames with one memo: text that only starts like the
        // last statement's, or is written differently, must be read afresh.
        const QList<QPair<QByteArray, QString>> frames{
            {j("{`id`:1,`method`:`query`,`params`:{`sql`:`SELECT 1`}}"),
             QStringLiteral("SELECT 1")},
            {j("{`id`:2,`method`:`query`,`params`:{`sql`:`SELECT 1`}}"),
             QStringLiteral("SELECT 1")},
            {j("{`id`:3,`method`:`query`,`params`:{`sql`:`SELECT 1 + 1`}}"),
             QStringLiteral("SELECT 1 + 1")},
            {j("{`id`:4,`method`:`query`,`params`:{`sql`:`SELECT 1`}}"),
             QStringLiteral("SELECT 1")},
            {j("{`id`:5,`method`:`query`,`params`:{`sql`:`SELECT \\\\u0031`}}"),
             QStringLiteral("SELECT \\u0031")},
            {j("{`id`:6,`method`:`query`,`params`:{`sql`:`SELECT \\u0031`}}"),
             QStringLiteral("SELECT 1")},
            {j("{`id`:7,`method`:`query`,`params`:{`sql`:`SELECT \\u0031`}}"),
             QStringLiteral("SELECT 1")},
            {j("{`id`:8,`method`:`query`,`params`:{`sql`:`SELECT 1`}}"),
             QStringLiteral("SELECT 1")},
        };
        JsonReader::StringMemo memo;
        for (const auto &[frame, sql] : frames) {
            StatementRequest request;
            QVERIFY2(StatementRequest::read(frame, &request, &memo), frame.constData());
            QCOMPARE(request.statement.sql, sql);
        }
        // A frame the fast reader turns down after the SQL leaves no wrong text behind.
        StatementRequest request;
        QVERIFY(!StatementRequest::read(
            j("{`id`:9,`method`:`query`,`params`:{`sql`:`SELECT 2`,`bogus`:1}}"), &request, &memo));
        QVERIFY(StatementRequest::read(j("{`id`:10,`method`:`query`,`params`:{`sql`:`SELECT 2`}}"),
                                       &request, &memo));
        QCOMPARE(request.statement.sql, QStringLiteral("SELECT 2"));
    }

    void leavesEveryOtherFrameToTheGeneralPath_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("not JSON") << QByteArray("{\"id\":\"1\",");
        // QJsonDocument keeps or drops a leading U+FEFF depending on the rest of the string.
        QTest::newRow("a text starting with a byte order mark")
            << QByteArray("{\"id\":\"1\",\"method\":\"query\",\"params\":{\"sql\":\"SELECT ?\","
                          "\"params\":[\"\xEF\xBB\xBF"
                          "a\\nb\"]}}");
        QTest::newRow("an escaped byte order mark")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[`\\uFeFfid`]}}");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("garbage after")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`}} x");
        QTest::newRow("trailing comma")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`,}}");
        QTest::newRow("key twice")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`,`sql`:`SELECT 2`}}");
        QTest::newRow("transaction")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`,`transactionId`:`t`}}");
        QTest::newRow("named values")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT :a`,`namedParams`:{`:a`:1}}}");
        QTest::newRow("idempotency key") << j(
            "{`id`:`1`,`method`:`exec`,`params`:{`sql`:`DELETE FROM t`,`idempotencyKey`:`k`}}");
        QTest::newRow("other method")
            << j("{`id`:`1`,`method`:`batch`,`params`:{`sql`:`SELECT 1`}}");
        QTest::newRow("tagged value")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[{`$int`:`9`}]}}");
        QTest::newRow("array value")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[[1]]}}");
        QTest::newRow("blank sql") << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`  `}}");
        QTest::newRow("page of 0")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`,`pageSize`:0}}");
        QTest::newRow("page of 1.5")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`,`pageSize`:1.5}}");
        QTest::newRow("page as text")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`,`pageSize`:`10`}}");
        QTest::newRow("paged exec")
            << j("{`id`:`1`,`method`:`exec`,`params`:{`sql`:`DELETE FROM t`,`pageSize`:10}}");
        QTest::newRow("lone surrogate")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[`\\ud83d`]}}");
        QTest::newRow("bad UTF-8") << QByteArray(
            "{\"id\":\"1\",\"method\":\"query\",\"params\":{\"sql\":\"SELECT '\xc3('\"}}");
        QTest::newRow("raw control character")
            << QByteArray("{\"id\":\"1\",\"method\":\"query\",\"params\":{\"sql\":\"SELECT\n1\"}}");
        QTest::newRow("leading zero")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[01]}}");
        QTest::newRow("bare fraction")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[.5]}}");
        QTest::newRow("dot without digits")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[1.]}}");
        QTest::newRow("plus sign")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[+1]}}");
        QTest::newRow("number too large")
            << j("{`id`:`1`,`method`:`query`,`params`:{`sql`:`SELECT ?`,`params`:[1e400]}}");
        QTest::newRow("escaped key")
            << j("{`\\u0069d`:`1`,`method`:`query`,`params`:{`sql`:`SELECT 1`}}");
        QTest::newRow("boolean id")
            << j("{`id`:true,`method`:`query`,`params`:{`sql`:`SELECT 1`}}");
        QTest::newRow("no id") << j("{`method`:`query`,`params`:{`sql`:`SELECT 1`}}");
        QTest::newRow("escaped method")
            << j("{`id`:1,`method`:`qu\\u0065ry`,`params`:{`sql`:`SELECT 1`}}");
        QTest::newRow("escaped row format")
            << j("{`id`:1,`method`:`query`,`params`:{`sql`:`SELECT 1`,`rowFormat`:`arr\\u0061y`}}");
        QTest::newRow("no params") << j("{`id`:`1`,`method`:`query`}");
    }

    void leavesEveryOtherFrameToTheGeneralPath()
    {
        QFETCH(QByteArray, frame);
        StatementRequest request;
        QVERIFY(!StatementRequest::read(frame, &request));
    }
};

QTEST_GUILESS_MAIN(TestStatementRequest)
#include "tst_statementrequest.moc"
