#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// The real dosqld binary as a child process on a free port: for tests that kill it or need it
// in another process than the client.
class DosqldProcess
{
public:
    explicit DosqldProcess(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(DOSQLD_PATH));
        m_process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0")}
                               + arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        static const QRegularExpression listening(
            QStringLiteral(R"(listening on http://[^:]+:(\d+))"));
        QByteArray out;
        while (m_port == 0 && m_process.waitForReadyRead(10000)) {
            out += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(out));
            if (match.hasMatch())
                m_port = quint16(match.captured(1).toUInt());
        }
    }

    ~DosqldProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    quint16 port() const { return m_port; }
    QUrl url(const QString &db) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/db/%2").arg(m_port).arg(db));
    }
    void kill()
    {
        m_process.kill(); // SIGKILL: no shutdown code runs
        m_process.waitForFinished(5000);
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};
