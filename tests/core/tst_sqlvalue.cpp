#include "core/dberror.h"
#include "core/sqlquoting.h"
#include "core/sqlvalue.h"

#include <QTest>

class TestSqlValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nullEmptyTextAndEmptyBlobStayDistinct()
    {
        const SqlValue null;
        const SqlValue emptyText(QString{});
        const SqlValue emptyBlob = SqlValue::blob({});
        QVERIFY(null.isNull());
        QCOMPARE(emptyText.type(), SqlValue::Type::Text);
        QCOMPARE(emptyBlob.type(), SqlValue::Type::Blob);
        QVERIFY(!(null == emptyText));
        QVERIFY(!(emptyText == emptyBlob));
    }

    void literal_data()
    {
        QTest::addColumn<SqlValue>("value");
        QTest::addColumn<QString>("literal");
        QTest::newRow("null") << SqlValue() << QStringLiteral("NULL");
        QTest::newRow("int64 max")
            << SqlValue(qint64(9223372036854775807LL)) << QStringLiteral("9223372036854775807");
        QTest::newRow("negative real") << SqlValue(-2.5) << QStringLiteral("-2.5");
        QTest::newRow("whole real keeps its point") << SqlValue(3.0) << QStringLiteral("3.0");
        QTest::newRow("quote doubled")
            << SqlValue(QStringLiteral("it's")) << QStringLiteral("'it''s'");
        QTest::newRow("blob hex") << SqlValue::blob(QByteArray("\x00\xff", 2))
                                  << QStringLiteral("X'00ff'");
    }

    void literal()
    {
        QFETCH(SqlValue, value);
        QFETCH(QString, literal);
        QCOMPARE(value.toSqlLiteral(), literal);
    }

    void identifierQuoting_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << QStringLiteral("users") << QStringLiteral("\"users\"");
        QTest::newRow("keyword") << QStringLiteral("order") << QStringLiteral("\"order\"");
        QTest::newRow("inner quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\"\"b\"");
        QTest::newRow("space and unicode")
            << QStringLiteral("prix €") << QStringLiteral("\"prix €\"");
    }

    void identifierQuoting()
    {
        QFETCH(QString, name);
        QFETCH(QString, quoted);
        QCOMPARE(quoteIdentifier(name), quoted);
    }

    void errorCodeNamesRoundTrip()
    {
        for (ErrorCode code : {ErrorCode::SyntaxError, ErrorCode::Cancelled, ErrorCode::ReadOnly,
                               ErrorCode::InvalidLsn, ErrorCode::NetworkError}) {
            QCOMPARE(DbError::codeFromName(DbError::codeName(code)), code);
        }
        QCOMPARE(DbError::codeName(ErrorCode::ConstraintViolation),
                 QStringLiteral("CONSTRAINT_VIOLATION"));
    }
};

QTEST_GUILESS_MAIN(TestSqlValue)
#include "tst_sqlvalue.moc"
