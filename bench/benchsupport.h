#pragma once

// Pieces the network benchmarks share: a real dosqld started as a child process, a bare
// WebSocket echo server (the transport's ceiling on this machine), and medians.

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

namespace BenchSupport {

// With two CPUs or more, a benchmark's client runs on the first it may use and the servers it
// measures (dosqld, the echo server) on the last, as they would on two machines. Left to the
// scheduler, client and server sometimes shared one CPU for a whole run, and the same build's
// point SELECTs ranged from 43k to 118k/s. Threads inherit the CPU of the thread that starts
// them.
struct Cpus
{
    int client = -1; // -1: not pinned
    int server = -1;
};

// Read once, before anything is pinned.
inline const Cpus &cpus()
{
    static const Cpus chosen = [] {
        Cpus c;
#ifdef Q_OS_LINUX
        cpu_set_t allowed;
        if (sched_getaffinity(0, sizeof allowed, &allowed) != 0 || CPU_COUNT(&allowed) < 2)
            return c;
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &allowed)) {
                c.client = c.client < 0 ? cpu : c.client;
                c.server = cpu;
            }
        }
#endif
        return c;
    }();
    return chosen;
}

// Safe between fork and exec: no allocation.
inline void pinThisThreadTo(int cpu)
{
#ifdef Q_OS_LINUX
    if (cpu < 0)
        return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    sched_setaffinity(0, sizeof one, &one);
#else
    Q_UNUSED(cpu);
#endif
}

// Pins the calling (main) thread as the client; returns a line saying where things run.
inline QString pinClient()
{
    const Cpus &c = cpus();
    if (c.client < 0)
        return QStringLiteral("client and servers left to the scheduler (one CPU)");
    pinThisThreadTo(c.client);
    return QStringLiteral("client on CPU %1, dosqld and the echo server on CPU %2")
        .arg(c.client)
        .arg(c.server);
}

// A WebSocket server that sends every text frame back, on a thread of its own: the transport's
// own ceiling on this machine, for reading the dosqld figures against.
class EchoServer
{
public:
    EchoServer()
    {
        m_context.moveToThread(&m_thread);
        m_thread.setObjectName(QString::fromLatin1(kThreadName));
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                pinThisThreadTo(cpus().server);
                m_server = new QWebSocketServer(QStringLiteral("echo"),
                                                QWebSocketServer::NonSecureMode, &m_context);
                m_server->listen(QHostAddress::LocalHost, 0);
                QObject::connect(m_server, &QWebSocketServer::newConnection, m_server, [this] {
                    QWebSocket *socket = m_server->nextPendingConnection();
                    QObject::connect(
                        socket, &QWebSocket::textMessageReceived, socket,
                        [socket](const QString &text) { socket->sendTextMessage(text); });
                });
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~EchoServer()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() const { return m_port; }
    static constexpr const char *kThreadName = "echo-server";

private:
    QThread m_thread;
    QObject m_context;
    QWebSocketServer *m_server = nullptr;
    quint16 m_port = 0;
};

inline bool openSocket(QWebSocket &socket, const QUrl &url)
{
    QEventLoop connecting;
    QObject::connect(&socket, &QWebSocket::connected, &connecting, &QEventLoop::quit);
    QObject::connect(&socket, &QWebSocket::disconnected, &connecting, &QEventLoop::quit);
    QTimer::singleShot(10000, &connecting, &QEventLoop::quit);
    socket.open(url);
    connecting.exec();
    return socket.state() == QAbstractSocket::ConnectedState;
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Starts bin/dosqld on a free port serving `dataDir`; returns the port, 0 when it did not start.
inline quint16 startDosqld(QProcess &server, const QString &dataDir, const QStringList &extra = {})
{
#ifdef Q_OS_UNIX
    server.setChildProcessModifier([cpu = cpus().server] { pinThisThreadTo(cpu); });
#endif
    server.start(QCoreApplication::applicationDirPath() + QStringLiteral("/dosqld"),
                 QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--data-dir"), dataDir}
                     + extra);
    QByteArray banner;
    while (server.waitForReadyRead(10000)) {
        banner += server.readAllStandardOutput();
        const auto m = QRegularExpression(QStringLiteral("listening on http://[^:]+:(\\d+)"))
                           .match(QString::fromUtf8(banner));
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    return 0;
}

// This process's resident memory now, in bytes (Linux).
inline qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

// What a set of threads has used so far (Linux; zeros elsewhere): CPU time, and events that
// cost more than their instructions show, however the scheduler shares the CPUs out.
struct Usage
{
    qint64 cpuNs = 0;    // time on a CPU
    qint64 switches = 0; // times a thread gave up its CPU, waiting or pre-empted
    qint64 ioCalls = 0;  // read and write system calls (socket, eventfd, file)

    Usage &operator+=(const Usage &other)
    {
        cpuNs += other.cpuNs;
        switches += other.switches;
        ioCalls += other.ioCalls;
        return *this;
    }
    Usage operator-(const Usage &other) const
    {
        return {cpuNs - other.cpuNs, switches - other.switches, ioCalls - other.ioCalls};
    }
};

// One thread's usage, from its /proc/.../task/TID directory.
inline Usage threadUsage(const QString &taskDir)
{
    Usage usage;
    QFile schedstat(taskDir + QStringLiteral("/schedstat"));
    if (schedstat.open(QIODevice::ReadOnly))
        usage.cpuNs = schedstat.readAll().split(' ').value(0).toLongLong();
    const auto sumOf = [](const QString &path, const char *suffix) {
        qint64 sum = 0;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return sum;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.contains(suffix))
                sum += line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
        }
        return sum;
    };
    usage.switches = sumOf(taskDir + QStringLiteral("/status"),
                           "ctxt_switches:");                       // voluntary_ and nonvoluntary_
    usage.ioCalls = sumOf(taskDir + QStringLiteral("/io"), "sysc"); // syscr and syscw
    return usage;
}

enum class Threads { All, EchoServer, AllButEchoServer };

// What process `pid` (0: this one) has used so far, in the threads `which` picks: this process
// without its echo server's thread is the client side; dosqld, or the echo thread, the server.
inline Usage processUsage(qint64 pid, Threads which = Threads::All)
{
    Usage usage;
    const QDir tasks(pid > 0 ? QStringLiteral("/proc/%1/task").arg(pid)
                             : QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (which != Threads::All) {
            QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
            const bool isEcho = comm.open(QIODevice::ReadOnly)
                                && comm.readAll().trimmed() == EchoServer::kThreadName;
            if (isEcho != (which == Threads::EchoServer))
                continue;
        }
        usage += threadUsage(tasks.filePath(tid));
    }
    return usage;
}

} // namespace BenchSupport
