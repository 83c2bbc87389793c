#include "core/protocol/jsonvalue.h"
#include "core/protocol/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

// The wire encoding of values (PROTOCOL.md §2.1), both ways.
class TestJsonValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<SqlValue>("value");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("null") << SqlValue() << QByteArray("[null]");
        QTest::newRow("small int") << SqlValue(qint64(42)) << QByteArray("[42]");
        QTest::newRow("2^53-1 stays a number")
            << SqlValue(qint64(9007199254740991LL)) << QByteArray("[9007199254740991]");
        QTest::newRow("2^53 becomes $int") << SqlValue(qint64(9007199254740992LL))
                                           << QByteArray("[{\"$int\":\"9007199254740992\"}]");
        QTest::newRow("int64 min") << SqlValue(std::numeric_limits<qint64>::min())
                                   << QByteArray("[{\"$int\":\"-9223372036854775808\"}]");
        QTest::newRow("real") << SqlValue(2.5) << QByteArray("[2.5]");
        QTest::newRow("infinity") << SqlValue(std::numeric_limits<double>::infinity())
                                  << QByteArray("[{\"$real\":\"Infinity\"}]");
        QTest::newRow("text") << SqlValue(QStringLiteral("Zoë \"q\""))
                              << QByteArray("[\"Zoë \\\"q\\\"\"]");
        QTest::newRow("empty text") << SqlValue(QString()) << QByteArray("[\"\"]");
        QTest::newRow("blob") << SqlValue::blob(QByteArray("\x00\x01\xff", 3))
                              << QByteArray("[{\"$blob\":\"AAH/\"}]");
        QTest::newRow("empty blob") << SqlValue::blob({}) << QByteArray("[{\"$blob\":\"\"}]");
    }

    void roundTrip()
    {
        QFETCH(SqlValue, value);
        QFETCH(QByteArray, json);
        const QJsonArray encoded{JsonValue::encode(value)};
        QCOMPARE(QJsonDocument(encoded).toJson(QJsonDocument::Compact), json);
        SqlValue decoded;
        QVERIFY(JsonValue::decode(QJsonDocument::fromJson(json).array().first(), &decoded));
        QCOMPARE(decoded, value);
    }

    // The fast writer used for replies with rows writes exactly what the QJson path writes.
    void writerMatchesTheEncoder_data() { roundTrip_data(); }
    void writerMatchesTheEncoder()
    {
        QFETCH(SqlValue, value);
        QFETCH(QByteArray, json);
        JsonWriter writer;
        writer.beginArray();
        writer.value(value);
        writer.endArray();
        QCOMPARE(writer.bytes(), json);
    }

    void writerEscapesEveryString()
    {
        QString nasty = QStringLiteral("quote \" backslash \\ slash / newline \n tab \t"
                                       " cr \r nul ");
        nasty.append(QChar(0));
        nasty.append(QStringLiteral(" bell \a unit sep \x1f del \x7f é 中 😀 \u2028"));
        JsonWriter writer;
        writer.beginObject();
        writer.key(nasty);
        writer.string(nasty);
        writer.key(QLatin1StringView("list"));
        writer.beginArray();
        writer.boolean(true);
        writer.null();
        writer.beginObject();
        writer.endObject();
        writer.beginArray();
        writer.endArray();
        writer.endArray();
        writer.endObject();
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(writer.bytes(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(nasty).toString(), nasty);
        QCOMPARE(object.value(QStringLiteral("list")).toArray(),
                 (QJsonArray{true, QJsonValue::Null, QJsonObject{}, QJsonArray{}}));
    }

    void countsAPeerSentAreTakenOnlyWhenTheyFit_data()
    {
        QTest::addColumn<QJsonValue>("json");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("whole") << QJsonValue(42.0) << qint64(42);
        QTest::newRow("fraction") << QJsonValue(42.9) << qint64(42);
        QTest::newRow("negative") << QJsonValue(-7.0) << qint64(-7);
        QTest::newRow("decimal string") << QJsonValue(QStringLiteral("9223372036854775807"))
                                        << std::numeric_limits<qint64>::max();
        QTest::newRow("largest double below 2^63")
            << QJsonValue(9223372036854774784.0) << qint64(9223372036854774784);
        // A broken peer's counts are not read as garbage (or as undefined behaviour).
        QTest::newRow("2^63") << QJsonValue(9223372036854775808.0) << qint64(0);
        QTest::newRow("1e22") << QJsonValue(1e22) << qint64(0);
        QTest::newRow("-1e22") << QJsonValue(-1e22) << qint64(0);
        QTest::newRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity())
                                  << qint64(0);
        QTest::newRow("not a number") << QJsonValue(QStringLiteral("many")) << qint64(0);
    }

    void countsAPeerSentAreTakenOnlyWhenTheyFit()
    {
        QFETCH(QJsonValue, json);
        QFETCH(qint64, expected);
        QCOMPARE(JsonValue::toInteger(json), expected);
        if (json.isDouble())
            QCOMPARE(JsonValue::toInteger(json.toDouble()), expected);
        QCOMPARE(JsonValue::toInteger(std::nan("")), qint64(0));
    }

    void writerPlacesCommasBetweenMembersAndElements()
    {
        JsonWriter writer;
        writer.beginObject();
        writer.key(QLatin1StringView("id"));
        writer.plainString(QLatin1StringView("17"));
        writer.key(QLatin1StringView("method"));
        writer.plainString(QLatin1StringView("query"));
        writer.key(QLatin1StringView("params"));
        writer.beginObject();
        writer.key(QLatin1StringView("list"));
        writer.beginArray();
        writer.plainString(QLatin1StringView("a"));
        writer.integer(2);
        writer.beginObject();
        writer.endObject();
        writer.plainString(QLatin1StringView(""));
        writer.endArray();
        writer.key(QLatin1StringView("empty"));
        writer.beginArray();
        writer.endArray();
        writer.endObject();
        writer.endObject();
        QCOMPARE(writer.bytes(),
                 QByteArray("{\"id\":\"17\",\"method\":\"query\",\"params\":{\"list\":[\"a\",2,{},"
                            "\"\"],\"empty\":[]}}"));
        // Written again into the same room, from the start.
        writer.clear();
        writer.beginArray();
        writer.plainString(QLatin1StringView("x"));
        writer.endArray();
        QCOMPARE(writer.view(), QByteArrayView("[\"x\"]"));
    }

    void writerRealsReadBackExactly()
    {
        QRandomGenerator random(42);
        QList<double> values{0.1,      -0.0, 1e-300,      1.7976931348623157e308,
                             4.9e-324, 1e15, 123456789.5, -2.5e-7};
        for (int i = 0; i < 2000; ++i) {
            quint64 bits = random.generate64();
            double d;
            std::memcpy(&d, &bits, sizeof d);
            if (std::isfinite(d))
                values.append(d);
        }
        for (double d : std::as_const(values)) {
            JsonWriter writer;
            writer.beginArray();
            writer.real(d);
            writer.endArray();
            const QJsonArray back = QJsonDocument::fromJson(writer.bytes()).array();
            QVERIFY2(back.size() == 1, writer.bytes().constData());
            QCOMPARE(back.first().toDouble(), d);
        }
    }

    void writerTimesHaveThreeDecimals_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("below half a thousandth") << 0.0004 << QByteArray("0");
        QTest::newRow("a microsecond-scale read") << 0.0123456 << QByteArray("0.012");
        QTest::newRow("rounds up") << 0.0125 << QByteArray("0.013");
        QTest::newRow("trailing zeros dropped") << 1.5 << QByteArray("1.5");
        QTest::newRow("a hundredth") << 2.05 << QByteArray("2.05");
        QTest::newRow("carries into the whole part") << 0.9996 << QByteArray("1");
        QTest::newRow("negative") << -2.25 << QByteArray("-2.25");
        QTest::newRow("large") << 123456.789 << QByteArray("123456.789");
        QTest::newRow("beyond an integer") << 1e20 << QByteArray("1e+20");
    }

    void writerTimesHaveThreeDecimals()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        JsonWriter writer;
        writer.beginArray();
        writer.milli(value);
        writer.integer(7); // the separator after it is still right
        writer.endArray();
        QCOMPARE(writer.bytes(), "[" + text + ",7]");
    }

    void paramsAcceptSqlDoShapes()
    {
        SqlValue v;
        QVERIFY(JsonValue::decode(
            QJsonDocument::fromJson("[{\"0\":1,\"1\":255,\"2\":0}]").array().first(), &v));
        QCOMPARE(v, SqlValue::blob(QByteArray("\x01\xff\x00", 3)));
        QVERIFY(JsonValue::decode(QJsonValue(true), &v));
        QCOMPARE(v, SqlValue(qint64(1)));
        QVERIFY(JsonValue::decode(QJsonValue(3.0), &v));
        QCOMPARE(v.type(), SqlValue::Type::Integer);
    }

    void rejectsShapesThatAreNotValues()
    {
        SqlValue v;
        QVERIFY(!JsonValue::decode(QJsonValue(QJsonArray{1, 2}), &v));
        QVERIFY(
            !JsonValue::decode(QJsonObject{{QStringLiteral("$int"), QStringLiteral("12x")}}, &v));
        QVERIFY(
            !JsonValue::decode(QJsonObject{{QStringLiteral("$blob"), QStringLiteral("***")}}, &v));
        QVERIFY(!JsonValue::decode(QJsonObject{{QStringLiteral("a"), 1}}, &v));
        QVERIFY(!JsonValue::decode(QJsonObject{{QStringLiteral("0"), 300}}, &v));
    }
};

QTEST_GUILESS_MAIN(TestJsonValue)
#include "tst_jsonvalue.moc"
