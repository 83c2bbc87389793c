#include "core/net/rpcchannel.h"
#include "core/protocol/resultpage.h"
#include "core/protocol/rpccodec.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

// The client's fast readers of result pages and reply envelopes must read every page they accept
// exactly as the general path (QJsonDocument) does, and leave every other one to that path.
class TestResultPage : public QObject
{
    Q_OBJECT

    // JSON written with ` for " (moc reads raw string literals poorly).
    static QByteArray j(const char *text) { return QByteArray(text).replace('`', '"'); }

    static bool sameValue(const SqlValue &a, const SqlValue &b)
    {
        const bool bothNaN = a.type() == SqlValue::Type::Real && b.type() == SqlValue::Type::Real
                             && std::isnan(a.toReal()) && std::isnan(b.toReal());
        return bothNaN || (a.type() == b.type() && a == b);
    }

    // A page as dosqld writes it, with every kind of value.
    static QByteArray dosqldPage()
    {
        StatementResult result;
        result.columns = {{QStringLiteral("id"), QStringLiteral("INTEGER")},
                          {QStringLiteral("id"), QString()},
                          {QStringLiteral("naïve \"name\""), QStringLiteral("TEXT")}};
        result.rows = {
            {SqlValue(qint64(1)), SqlValue(), SqlValue(QStringLiteral("plain"))},
            {SqlValue(std::numeric_limits<qint64>::max()), SqlValue(-0.5),
             SqlValue(QStringLiteral("q\" b\\ \n\t é 中 😀 \x01"))},
            {SqlValue(qint64(-9007199254740993)), SqlValue(1e300),
             SqlValue::blob(QByteArray("\x00\x01\xff", 3))},
            {SqlValue(std::numeric_limits<double>::infinity()),
             SqlValue(std::numeric_limits<double>::quiet_NaN()), SqlValue(QString())},
        };
        result.rowsAffected = 3;
        result.lastInsertRowid = 9007199254740995;
        result.readOnly = false;
        QByteArray page = RpcCodec::queryResult(result, true, 42);
        page.chop(1);
        return page + j(",`hasMore`:true,`cursor`:`c-1`}");
    }

private Q_SLOTS:
    void readsAsTheGeneralPathDoes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("dosqld's page, every value") << dosqldPage();
        QTest::newRow("point select")
            << j("{`columns`:[`v`],`columnTypes`:[`TEXT`],`rows`:[[`value 5`]],`rowsAffected`:0,"
                 "`duration`:0.012,`lsn`:`12`,`hasMore`:false}");
        QTest::newRow("no rows, no types") << j("{`columns`:[`a`,`b`],`rows`:[]}");
        QTest::newRow("empty object") << j("{}");
        QTest::newRow("spaces, key order, unknown members")
            << QByteArray(" {\n \"rows\" : [ [ 1 , 2.5e1 , -0 , true , false ] ] , \"extra\" : "
                          "{\"deep\":[1,{\"x\":null}],\"s\":\"\\u00e9\"} , \"columns\" : [ \"a\","
                          " \"b\", \"c\", \"d\", \"e\" ] , \"hasMore\" : false }\r\n");
        QTest::newRow("more types than columns")
            << j("{`columns`:[`a`],`columnTypes`:[`INT`,`TEXT`],`rows`:[[1]]}");
        QTest::newRow("fewer types than columns")
            << j("{`columns`:[`a`,`b`],`columnTypes`:[`INT`],`rows`:[[1,2]]}");
        QTest::newRow("rows of any width") << j("{`columns`:[`a`],`rows`:[[],[1,2,3]]}");
        QTest::newRow("more rows without a cursor") << j("{`columns`:[],`rows`:[],`hasMore`:true}");
        QTest::newRow("cursor without more") << j("{`rows`:[],`hasMore`:false,`cursor`:`x`}");
        QTest::newRow("rowid as a number") << j("{`rows`:[],`lastInsertRowid`:17}");
        QTest::newRow("rowid null") << j("{`rows`:[],`lastInsertRowid`:null}");
        QTest::newRow("escaped text")
            << j("{`columns`:[`\\u0041\\n`],`rows`:[[`\\ud83d\\ude00\\/\\b\\f\\r`]]}");
        QTest::newRow("raw UTF-8") << QByteArray("{\"columns\":[\"é\"],\"rows\":[[\"中😀\"]]}");
        QTest::newRow("sql.do's byte object")
            << j("{`columns`:[`b`],`rows`:[[{`0`:1,`1`:255}],[{`$int`:`-5`}]]}");
        QTest::newRow("whole reals are integers") << j("{`rows`:[[1.0,1e3,-2E0,0.5]]}");
        QTest::newRow("integers beyond 2^53 as numbers are reals")
            << j("{`rows`:[[9007199254740993,12345678901234567890]]}");
    }

    void readsAsTheGeneralPathDoes()
    {
        QFETCH(QByteArray, json);
        ResultPage fast;
        QVERIFY(ResultPage::read(json, &fast));
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY(document.isObject());
        ResultPage general;
        QVERIFY(ResultPage::fromJson(document.object(), &general));
        QCOMPARE(fast.columns.size(), general.columns.size());
        for (qsizetype i = 0; i < fast.columns.size(); ++i) {
            QCOMPARE(fast.columns.at(i).name, general.columns.at(i).name);
            QCOMPARE(fast.columns.at(i).declaredType, general.columns.at(i).declaredType);
        }
        QCOMPARE(fast.rows.size(), general.rows.size());
        for (qsizetype r = 0; r < fast.rows.size(); ++r) {
            QCOMPARE(fast.rows.at(r).size(), general.rows.at(r).size());
            for (qsizetype c = 0; c < fast.rows.at(r).size(); ++c)
                QVERIFY2(sameValue(fast.rows.at(r).at(c), general.rows.at(r).at(c)),
                         qPrintable(QStringLiteral("row %1, column %2").arg(r).arg(c)));
        }
        QCOMPARE(fast.rowsAffected, general.rowsAffected);
        QCOMPARE(fast.lastInsertRowid, general.lastInsertRowid);
        QCOMPARE(fast.cursor, general.cursor);
    }

    void dosqldsValuesArriveExactly()
    {
        ResultPage page;
        QVERIFY(ResultPage::read(dosqldPage(), &page));
        QCOMPARE(page.columns.size(), 3);
        QCOMPARE(page.columns.at(1).name, QStringLiteral("id")); // duplicate names survive
        QCOMPARE(page.columns.at(2).name, QStringLiteral("naïve \"name\""));
        QCOMPARE(page.rows.size(), 4);
        QCOMPARE(page.rows.at(1).at(0), SqlValue(std::numeric_limits<qint64>::max()));
        QCOMPARE(page.rows.at(1).at(2), SqlValue(QStringLiteral("q\" b\\ \n\t é 中 😀 \x01")));
        QCOMPARE(page.rows.at(2).at(0), SqlValue(qint64(-9007199254740993)));
        QCOMPARE(page.rows.at(2).at(2), SqlValue::blob(QByteArray("\x00\x01\xff", 3)));
        QCOMPARE(page.rows.at(3).at(0).toReal(), std::numeric_limits<double>::infinity());
        QVERIFY(std::isnan(page.rows.at(3).at(1).toReal()));
        QCOMPARE(page.rowsAffected, 3);
        QCOMPARE(page.lastInsertRowid, 9007199254740995);
        QCOMPARE(page.cursor, QStringLiteral("c-1"));
    }

    void columnsWrittenAsLastTimeAreTakenFromTheCache()
    {
        ResultPage::ColumnCache cache;
        ResultPage page;
        QVERIFY(ResultPage::read(j("{`columns`:[`a`,`b`],`columnTypes`:[`INT`,``],`rows`:[[1,2]]}"),
                                 &page, &cache));
        QCOMPARE(page.columns.size(), 2);
        QCOMPARE(cache.columns.size(), 2);
        // The same columns: the next page's come from the cache, equal.
        QVERIFY(ResultPage::read(
            j("{`columns`:[`a`,`b`],`columnTypes`:[`INT`,``],`rows`:[[3,4]],`hasMore`:false}"),
            &page, &cache));
        QCOMPARE(page.columns.at(0).name, QStringLiteral("a"));
        QCOMPARE(page.columns.at(0).declaredType, QStringLiteral("INT"));
        QCOMPARE(page.rows, (QList<Row>{{SqlValue(qint64(3)), SqlValue(qint64(4))}}));
        // Other types, the same names: read again.
        QVERIFY(ResultPage::read(j("{`columns`:[`a`,`b`],`columnTypes`:[`TEXT`,`REAL`],`rows`:[]}"),
                                 &page, &cache));
        QCOMPARE(page.columns.at(1).declaredType, QStringLiteral("REAL"));
        // No types at all: none are carried over.
        QVERIFY(ResultPage::read(j("{`columns`:[`a`,`b`],`rows`:[]}"), &page, &cache));
        QCOMPARE(page.columns.at(0).declaredType, QString());
        // No columns (an exec): none.
        QVERIFY(ResultPage::read(j("{`rows`:[],`rowsAffected`:2}"), &page, &cache));
        QVERIFY(page.columns.isEmpty());
        QCOMPARE(page.rowsAffected, 2);
        // A bad column list is not saved by a cached one.
        QVERIFY(!ResultPage::read(j("{`columns`:[1],`rows`:[]}"), &page, &cache));
    }

    void leavesTheUnusualToTheGeneralPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("rows keyed by name") << j("{`columns`:[`a`],`rows`:[{`a`:1}]}");
        QTest::newRow("a second rows") << j("{`rows`:[[1]],`rows`:[[2]]}");
        QTest::newRow("a second cursor") << j("{`hasMore`:true,`cursor`:`a`,`cursor`:`b`}");
        QTest::newRow("a column name that is a number") << j("{`columns`:[1],`rows`:[]}");
        QTest::newRow("rows not an array") << j("{`rows`:{}}");
        QTest::newRow("a fraction of a row") << j("{`rows`:[],`rowsAffected`:1.5}");
        QTest::newRow("a count beyond 2^53") << j("{`rows`:[],`rowsAffected`:1e300}");
        QTest::newRow("hasMore as text") << j("{`rows`:[],`hasMore`:`yes`}");
        QTest::newRow("cursor as a number") << j("{`rows`:[],`hasMore`:true,`cursor`:5}");
        QTest::newRow("not an object") << j("[1]");
        QTest::newRow("trailing text") << j("{`rows`:[]} x");
        QTest::newRow("truncated") << j("{`rows`:[[1,");
        QTest::newRow("an escaped key") << j("{`r\\u006fws`:[]}");
        QTest::newRow("a lone surrogate") << j("{`rows`:[[`\\ud800`]]}");
        QTest::newRow("bad UTF-8") << QByteArray("{\"rows\":[[\"\xc3\x28\"]]}");
        QTest::newRow("a byte order mark, then an escape")
            << QByteArray("{\"rows\":[[\"\xEF\xBB\xBF"
                          "a\\nb\"]]}");
        QTest::newRow("an escaped byte order mark") << j("{`columns`:[`\\ufeffid`],`rows`:[]}");
        QTest::newRow("a raw control character") << QByteArray("{\"rows\":[[\"a\x01\"]]}");
        QTest::newRow("a leading zero") << j("{`rows`:[[01]]}");
        QTest::newRow("a bare dot") << j("{`rows`:[[1.]]}");
        QTest::newRow("an unknown value object") << j("{`rows`:[[{`$date`:`x`}]]}");
        QTest::newRow("deeper than the reader goes")
            << QByteArray("{\"x\":") + QByteArray(100, '[') + QByteArray(100, ']') + '}';
    }

    void leavesTheUnusualToTheGeneralPath()
    {
        QFETCH(QByteArray, json);
        ResultPage page;
        QVERIFY(!ResultPage::read(json, &page));
    }

    void theGeneralPathReadsRowsKeyedByName()
    {
        // A server that does not know rowFormat "array" (sql.do's envelope) sends these.
        const QJsonObject object
            = QJsonDocument::fromJson(j("{`columns`:[`b`,`a`,`gone`],`rows`:[{`a`:1,`b`:`x`}]}"))
                  .object();
        ResultPage page;
        QVERIFY(ResultPage::fromJson(object, &page));
        QCOMPARE(page.rows.size(), 1);
        QCOMPARE(page.rows.at(0), (Row{SqlValue(QStringLiteral("x")), SqlValue(qint64(1)), {}}));
    }

    void theGeneralPathRefusesWhatIsNotAValue()
    {
        ResultPage page;
        QVERIFY(
            !ResultPage::fromJson(QJsonDocument::fromJson(j("{`rows`:[[[1]]]}")).object(), &page));
        QVERIFY(!ResultPage::fromJson(QJsonDocument::fromJson(j("{`rows`:[5]}")).object(), &page));
    }

    void replyFramesReadAsTheGeneralPathDoes_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("id");
        QTest::newRow("dosqld's") << j("{`id`:`17`,`result`:{`rows`:[[1]]}}")
                                  << QStringLiteral("17");
        QTest::newRow("numeric id, result first, spaces")
            << j(" { `result` : [ 1 , `a` ] , `id` : 5 } ") << QStringLiteral("5");
        QTest::newRow("a scalar result") << j("{`id`:`2`,`result`:true}") << QStringLiteral("2");
        QTest::newRow("an unknown member")
            << j("{`id`:`3`,`jsonrpc`:`2.0`,`result`:null}") << QStringLiteral("3");
    }

    void replyFramesReadAsTheGeneralPathDoes()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, id);
        QByteArrayView readId, result;
        QVERIFY(RpcCodec::readResultFrame(frame, &readId, &result));
        QCOMPARE(QString::fromLatin1(readId), id);
        const QJsonValue general
            = QJsonDocument::fromJson(frame).object().value(QStringLiteral("result"));
        const QJsonValue fast
            = QJsonDocument::fromJson('[' + result.toByteArray() + ']').array().at(0);
        QCOMPARE(fast, general);
    }

    void replyFramesLeftToTheGeneralPath_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("an error") << j("{`id`:`1`,`error`:{`code`:`SYNTAX_ERROR`}}");
        QTest::newRow("a result and an error") << j("{`id`:`1`,`result`:1,`error`:{}}");
        QTest::newRow("a push") << j("{`type`:`cdc_batch`,`id`:`1`,`result`:1}");
        QTest::newRow("no result") << j("{`id`:`1`}");
        QTest::newRow("no id") << j("{`result`:1}");
        QTest::newRow("two ids") << j("{`id`:`1`,`id`:`2`,`result`:1}");
        QTest::newRow("a fractional id") << j("{`id`:1.5,`result`:1}");
        QTest::newRow("an id with a byte order mark") << j("{`id`:`\\ufeff1`,`result`:1}");
        QTest::newRow("an escaped id") << j("{`id`:`\\u0031`,`result`:1}");
        QTest::newRow("a negative id") << j("{`id`:-0,`result`:1}");
        QTest::newRow("an id past 2^53") << j("{`id`:9007199254740993,`result`:1}");
        QTest::newRow("an id that is null") << j("{`id`:null,`result`:1}");
        QTest::newRow("trailing text") << j("{`id`:`1`,`result`:1}}");
    }

    void replyFramesLeftToTheGeneralPath()
    {
        QFETCH(QByteArray, frame);
        QByteArrayView id, result;
        QVERIFY(!RpcCodec::readResultFrame(frame, &id, &result));
    }

    void aReplysResultIsDelimitedAndCheckedByItsReader()
    {
        // The envelope reader only finds where the result ends; whoever reads it checks it.
        QByteArrayView id, result;
        const QByteArray tricky = j("{`id`:`4`,`result`:{`s`:`]}\\`[{`,`n`:[1,[2]]},`x`:0}");
        QVERIFY(RpcCodec::readResultFrame(tricky, &id, &result));
        QCOMPARE(result.toByteArray(), j("{`s`:`]}\\`[{`,`n`:[1,[2]]}"));
        QVERIFY(!RpcResult(result).toObject().isEmpty());

        const QByteArray malformed = j("{`id`:`1`,`result`:{`a`:}}");
        QVERIFY(RpcCodec::readResultFrame(malformed, &id, &result));
        const RpcResult unread(result);
        ResultPage page;
        QVERIFY(!ResultPage::read(unread.text(), &page));
        unread.value();
        QVERIFY(unread.isMalformed());

        QVERIFY(!RpcCodec::readResultFrame(j("{`id`:`1`,`result`:{`a`:`}}"), &id, &result));
        QVERIFY(!RpcCodec::readResultFrame(j("{`id`:`1`,`result`:[[1]}"), &id, &result));
    }

    void dosqldsRepliesAreSplitWithoutReadingTheResult_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("split");
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("result");
        QTest::addColumn<bool>("wholeResult"); // the split-off text reads as the page
        QTest::newRow("dosqld's") << j("{`id`:`17`,`result`:{`rows`:[[1]]}}") << true
                                  << QByteArray("17") << j("{`rows`:[[1]]}") << true;
        QTest::newRow("whitespace after it") << j("{`id`:`3`,`result`:{`rows`:[]}} \r\n") << true
                                             << QByteArray("3") << j("{`rows`:[]}") << true;
        QTest::newRow("whitespace around the result")
            << j("{`id`:`3`,`result`:\t {`rows`:[]} }") << true << QByteArray("3")
            << j("\t {`rows`:[]} ") << true;
        QTest::newRow("a member after the result")
            << j("{`id`:`3`,`result`:{`rows`:[]},`meta`:{`a`:1}}") << true << QByteArray("3")
            << j("{`rows`:[]},`meta`:{`a`:1}") << false;
        QTest::newRow("a brace in a string after the result")
            << j("{`id`:`3`,`result`:{`rows`:[]},`note`:`}`}") << true << QByteArray("3")
            << j("{`rows`:[]},`note`:`}`") << false;
        QTest::newRow("a brace at the end of a value")
            << j("{`id`:`3`,`result`:{`rows`:[[`}`]]}}") << true << QByteArray("3")
            << j("{`rows`:[[`}`]]}") << true;
        QTest::newRow("the result first") << j("{`result`:{`rows`:[]},`id`:`3`}") << false
                                          << QByteArray() << QByteArray() << false;
        QTest::newRow("a numeric id")
            << j("{`id`:3,`result`:{`rows`:[]}}") << false << QByteArray() << QByteArray() << false;
        QTest::newRow("an id that is not digits") << j("{`id`:`a3`,`result`:{`rows`:[]}}") << false
                                                  << QByteArray() << QByteArray() << false;
        QTest::newRow("an empty id") << j("{`id`:``,`result`:{`rows`:[]}}") << false << QByteArray()
                                     << QByteArray() << false;
        QTest::newRow("an error") << j("{`id`:`3`,`error`:{`code`:`X`}}") << false << QByteArray()
                                  << QByteArray() << false;
        QTest::newRow("cut short")
            << j("{`id`:`3`,`result`:{`rows`:[]") << false << QByteArray() << QByteArray() << false;
        QTest::newRow("spaces in the envelope") << j("{ `id`:`3`,`result`:{`rows`:[]}}") << false
                                                << QByteArray() << QByteArray() << false;
    }

    void dosqldsRepliesAreSplitWithoutReadingTheResult()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, split);
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, result);
        QFETCH(bool, wholeResult);
        QByteArrayView readId, readResult;
        QCOMPARE(RpcCodec::splitResultFrame(frame, &readId, &readResult), split);
        if (!split)
            return;
        QCOMPARE(readId.toByteArray(), id);
        QCOMPARE(readResult.toByteArray(), result);
        // Only a text that is one whole value stands for the result; the rest goes the long way.
        ResultPage page;
        QCOMPARE(ResultPage::read(readResult, &page), wholeResult);
    }

    void aCachedColumnListIsTakenOnlyWhole()
    {
        ResultPage::ColumnCache cache;
        ResultPage page;
        QVERIFY(ResultPage::read(j("{`columns`:[`a`],`rows`:[[1]]}"), &page, &cache));
        // Written as the cached list up to its last bracket, then more: not the cached list.
        QVERIFY(!ResultPage::read(j("{`columns`:[`a`]],`rows`:[[1]]}"), &page, &cache));
        QVERIFY(ResultPage::read(j("{`columns`:[`a`,`b`],`rows`:[[1,2]]}"), &page, &cache));
        QCOMPARE(page.columns.size(), 2);
        QCOMPARE(page.columns.at(1).name, QStringLiteral("b"));
    }

    void sqlTextIsEscapedOnceForStatementsThatRepeatIt()
    {
        JsonWriter::StringMemo memo;
        const auto written = [&memo](const QString &sql) {
            JsonWriter json;
            json.beginObject();
            RpcCodec::writeStatement(json, Statement(sql), &memo);
            json.endObject();
            return json.take();
        };
        const QString sql = QStringLiteral("SELECT \"a\" FROM t WHERE x = 'é'");
        QCOMPARE(written(sql), j("{`sql`:`SELECT \\`a\\` FROM t WHERE x = 'é'`}"));
        QCOMPARE(written(sql), j("{`sql`:`SELECT \\`a\\` FROM t WHERE x = 'é'`}"));
        // Text of the same length elsewhere, and a copy changed in place, are written afresh.
        QString changed = sql;
        changed[8] = u'b';
        QCOMPARE(written(changed), j("{`sql`:`SELECT \\`b\\` FROM t WHERE x = 'é'`}"));
        QCOMPARE(written(QStringLiteral("SELECT 1")), j("{`sql`:`SELECT 1`}"));
        QCOMPARE(written(sql), j("{`sql`:`SELECT \\`a\\` FROM t WHERE x = 'é'`}"));
    }

    void statementsAreWrittenAsServersReadThem()
    {
        Statement statement(QStringLiteral("SELECT :a, @b, $c, d, ?"),
                            {SqlValue(qint64(1) << 60), SqlValue(QStringLiteral("\"é\n"))});
        statement.namedParams.insert(QStringLiteral(":a"),
                                     SqlValue::blob(QByteArray("\x00\xfe", 2)));
        statement.namedParams.insert(QStringLiteral("@b"), SqlValue(0.25));
        statement.namedParams.insert(QStringLiteral("$c"), SqlValue());
        statement.namedParams.insert(QStringLiteral("d"), SqlValue(qint64(-3)));
        JsonWriter json;
        json.beginObject();
        RpcCodec::writeStatement(json, statement);
        json.endObject();
        const QJsonDocument document = QJsonDocument::fromJson(json.bytes());
        QVERIFY(document.isObject());
        Statement read;
        DbError error;
        QVERIFY2(RpcCodec::statementFromParams(document.object(), &read, &error),
                 qPrintable(error.message));
        QCOMPARE(read.sql, statement.sql);
        QCOMPARE(read.params, statement.params);
        // Bare names, as sql.do sends them.
        QStringList names = read.namedParams.keys();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                     QStringLiteral("d")}));
        QCOMPARE(read.namedParams.value(QStringLiteral("a")),
                 SqlValue::blob(QByteArray("\x00\xfe", 2)));
        QCOMPARE(read.namedParams.value(QStringLiteral("b")), SqlValue(0.25));
    }
};

QTEST_APPLESS_MAIN(TestResultPage)
#include "tst_resultpage.moc"
