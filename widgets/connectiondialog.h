#pragma once

#include "core/connectionspec.h"
#include "widgets/savedconnections.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class RemoteConnection;
class TokenStore;

// The connection manager: DoSQL servers the user keeps (in settings, tokens in the keychain),
// added by hand or imported from DOSQL_URL/DOSQL_TOKEN or a .env file, tried with "Test
// Connection", and opened with "Connect".
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // For tests and for importing: fills the form as a new connection.
    void editNew(const SavedConnection &connection, const QString &token);
    // Saves the form (connection in settings, token in the keychain); `done` gets an error
    // message, empty on success.
    void saveCurrent(const std::function<void(const QString &error)> &done = {});
    void testCurrent();
    void importEnvironment(const QHash<QString, QString> &variables);
    QString statusText() const;

Q_SIGNALS:
    void connectRequested(const ConnectionSpec &spec);
    void statusChanged(const QString &text);

private:
    void reloadList(const QString &selectId = {});
    void load(const QString &id);
    SavedConnection formConnection() const;
    ConnectionSpec formSpec() const;
    void setStatus(const QString &text, bool problem = false);
    void importDotEnv();
    void connectCurrent();

    SavedConnections m_saved;
    TokenStore *m_tokens;
    QString m_currentId;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_database;
    QLineEdit *m_token;
    QCheckBox *m_tokenInQuery;
    QLineEdit *m_caFile;
    QComboBox *m_colour;
    QCheckBox *m_readOnly;
    QLabel *m_status;
    QPushButton *m_test;
    std::unique_ptr<RemoteConnection> m_trial;
};
