#include "widgets/connectiondialog.h"

#include "core/net/remoteconnection.h"
#include "core/net/remoteendpoint.h"
#include "widgets/tokenstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(colour.isValid() ? colour : QColor(Qt::transparent));
    return QIcon(pixmap);
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_tokens(new TokenStore(this))
    , m_list(new QListWidget)
    , m_name(new QLineEdit)
    , m_url(new QLineEdit)
    , m_database(new QLineEdit)
    , m_token(new QLineEdit)
    , m_tokenInQuery(new QCheckBox(tr("Send the token in the address (?token=) instead of a"
                                      " header")))
    , m_caFile(new QLineEdit)
    , m_colour(new QComboBox)
    , m_readOnly(new QCheckBox(tr("Read-only: refuse statements that change data or schema")))
    , m_status(new QLabel)
    , m_test(new QPushButton(tr("&Test Connection")))
{
    setWindowTitle(tr("Connect to a DoSQL Server"));
    resize(820, 440);

    auto *newButton = new QPushButton(tr("&New"));
    auto *deleteButton = new QPushButton(tr("&Delete"));
    auto *importButton = new QToolButton;
    importButton->setText(tr("&Import"));
    importButton->setPopupMode(QToolButton::InstantPopup);
    auto *importMenu = new QMenu(importButton);
    importMenu->addAction(tr("From the Environment (DOSQL_URL, DOSQL_TOKEN)"), this, [this] {
        QHash<QString, QString> variables;
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &key : environment.keys())
            variables.insert(key, environment.value(key));
        importEnvironment(variables);
    });
    importMenu->addAction(tr("From a .env File…"), this, &ConnectionDialog::importDotEnv);
    importButton->setMenu(importMenu);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(deleteButton);
    listButtons->addWidget(importButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    m_url->setPlaceholderText(QStringLiteral("http://localhost:8787"));
    m_database->setPlaceholderText(tr("taken from the address when it ends in /db/NAME"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none"));
    auto *show = new QToolButton;
    show->setText(tr("Show"));
    show->setToolTip(tr("Show or hide the token"));
    show->setCheckable(true);
    connect(show, &QToolButton::toggled, this, [this](bool on) {
        m_token->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token);
    tokenRow->addWidget(show);
    m_caFile->setPlaceholderText(tr("the system's certificate authorities"));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA Certificates"), {}, tr("PEM files (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(browse);
    const std::pair<QString, QColor> colours[] = {{tr("None"), QColor()},
                                                  {tr("Red"), QColor(0xd7, 0x30, 0x27)},
                                                  {tr("Orange"), QColor(0xf4, 0x6d, 0x43)},
                                                  {tr("Green"), QColor(0x1a, 0x98, 0x50)},
                                                  {tr("Blue"), QColor(0x31, 0x68, 0xc6)},
                                                  {tr("Purple"), QColor(0x76, 0x2a, 0x83)}};
    for (const auto &[label, colour] : colours)
        m_colour->addItem(swatch(colour), label, colour);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("Data&base:"), m_database);
    auto *tokenLabel = new QLabel(tr("&Token:"));
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);
    form->addRow(QString(), m_tokenInQuery);
    auto *caLabel = new QLabel(tr("&CA file:"));
    caLabel->setBuddy(m_caFile); // a row holding a layout gets no buddy of its own
    form->addRow(caLabel, caRow);
    form->addRow(tr("Co&lour:"), m_colour);
    form->addRow(QString(), m_readOnly);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(60);
    m_status->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    QPushButton *save = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    QPushButton *connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Close);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_status, 1);
    right->addWidget(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 2);

    connect(newButton, &QPushButton::clicked, this, [this] { editNew({}, {}); });
    connect(deleteButton, &QPushButton::clicked, this, [this] {
        if (m_currentId.isEmpty())
            return;
        m_saved.remove(m_currentId);
        m_tokens->write(m_currentId, {}, [](const QString &) {});
        m_currentId.clear();
        reloadList();
        editNew({}, {});
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            load(item->data(Qt::UserRole).toString());
    });
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testCurrent);
    connect(save, &QPushButton::clicked, this, [this] { saveCurrent(); });
    connect(connectButton, &QPushButton::clicked, this, &ConnectionDialog::connectCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reloadList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        editNew({}, {});
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::reloadList(const QString &selectId)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const SavedConnection &c : m_saved.all()) {
        auto *item = new QListWidgetItem(swatch(c.colour), c.name, m_list);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(c.url);
        if (c.id == selectId)
            m_list->setCurrentItem(item);
    }
}

void ConnectionDialog::editNew(const SavedConnection &connection, const QString &token)
{
    m_currentId.clear();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentItem(nullptr);
    }
    m_name->setText(connection.name);
    m_url->setText(connection.url);
    m_database->setText(connection.database);
    m_token->setText(token);
    m_tokenInQuery->setChecked(connection.tokenInQuery);
    m_caFile->setText(connection.caFile);
    m_readOnly->setChecked(connection.readOnly);
    m_colour->setCurrentIndex(qMax(0, m_colour->findData(connection.colour)));
    setStatus({});
    m_name->setFocus();
}

void ConnectionDialog::load(const QString &id)
{
    const SavedConnection c = m_saved.find(id);
    editNew(c, {});
    m_currentId = id;
    m_token->setPlaceholderText(tr("reading the keychain…"));
    m_tokens->read(id, [this, id](const QString &token, const QString &error) {
        if (id != m_currentId)
            return;
        m_token->setPlaceholderText(tr("none"));
        m_token->setText(token);
        if (!error.isEmpty())
            setStatus(error, true);
    });
}

SavedConnection ConnectionDialog::formConnection() const
{
    SavedConnection c;
    c.id = m_currentId;
    c.url = m_url->text().trimmed();
    c.database = m_database->text().trimmed();
    c.name = m_name->text().trimmed();
    if (c.name.isEmpty()) {
        const RemoteEndpoint endpoint = RemoteEndpoint::parse(c.url, c.database);
        c.name = endpoint.isValid() ? endpoint.displayName() : c.url;
    }
    c.colour = m_colour->currentData().value<QColor>();
    c.readOnly = m_readOnly->isChecked();
    c.tokenInQuery = m_tokenInQuery->isChecked();
    c.caFile = m_caFile->text().trimmed();
    return c;
}

ConnectionSpec ConnectionDialog::formSpec() const
{
    ConnectionSpec spec = formConnection().spec();
    spec.remote.token = m_token->text().trimmed();
    return spec;
}

void ConnectionDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b3261e;") : QString());
    Q_EMIT statusChanged(text);
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

void ConnectionDialog::saveCurrent(const std::function<void(const QString &error)> &done)
{
    const SavedConnection c = formConnection();
    QString problem;
    if (!RemoteEndpoint::parse(c.url, c.database, &problem).isValid()) {
        setStatus(problem, true);
        if (done)
            done(problem);
        return;
    }
    m_currentId = m_saved.save(c);
    reloadList(m_currentId);
    const QString id = m_currentId;
    m_tokens->write(id, m_token->text().trimmed(), [this, done](const QString &error) {
        if (error.isEmpty())
            setStatus(m_token->text().trimmed().isEmpty()
                          ? tr("Saved.")
                          : tr("Saved. The token is kept in the system keychain."));
        else
            setStatus(error, true);
        if (done)
            done(error);
    });
}

void ConnectionDialog::testCurrent()
{
    const ConnectionSpec spec = formSpec();
    QString problem;
    if (!RemoteEndpoint::parse(spec.location, spec.remote.database, &problem).isValid())
        return setStatus(problem, true);
    setStatus(tr("Connecting to %1…").arg(spec.title()));
    m_test->setEnabled(false);
    m_trial = std::make_unique<RemoteConnection>(spec);
    connect(m_trial.get(), &Connection::stateChanged, this, [this](Connection::State state) {
        if (state == Connection::State::Opening)
            return;
        m_test->setEnabled(true);
        if (state == Connection::State::Failed) {
            setStatus(m_trial->lastError().message, true);
        } else if (state == Connection::State::Open) {
            const ServerInfo info = m_trial->serverInfo();
            const QString server = info.server.isEmpty()
                                       ? tr("A DoSQL server")
                                       : QStringLiteral("%1 %2").arg(info.server, info.version);
            QString text = tr("%1 answered in %2 ms (%3).")
                               .arg(server)
                               .arg(info.latencyMs, 0, 'f', 0)
                               .arg(ServerInfo::kindName(info.kind))
                           + u'\n' + info.capabilities();
            if (!info.features.isEmpty())
                text += u'\n' + tr("Features: %1").arg(info.features.join(QStringLiteral(", ")));
            setStatus(text);
        }
        m_trial.release()->deleteLater();
    });
    m_trial->open();
}

void ConnectionDialog::importEnvironment(const QHash<QString, QString> &variables)
{
    SavedConnection c;
    QString token;
    if (!SavedConnections::fromVariables(variables, &c, &token))
        return setStatus(tr("DOSQL_URL is not set, so there is nothing to import."), true);
    editNew(c, token);
    setStatus(tr("Imported %1. Check it, then Save or Connect.").arg(c.url));
}

void ConnectionDialog::importDotEnv()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import from .env"), {},
                                                      tr(".env files (.env *.env);;All files (*)"));
    if (file.isEmpty())
        return;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return setStatus(tr("%1 could not be read: %2").arg(file, in.errorString()), true);
    importEnvironment(SavedConnections::parseDotEnv(in.read(1024 * 1024)));
}

void ConnectionDialog::connectCurrent()
{
    const ConnectionSpec spec = formSpec();
    if (!RemoteEndpoint::parse(spec.location, spec.remote.database).isValid())
        return saveCurrent(); // says what is wrong with the address
    // Connects even when the keychain failed: the token is used, just not kept.
    saveCurrent([this, spec](const QString &) {
        Q_EMIT connectRequested(spec);
        accept();
    });
}
