#pragma once

#include "models/user.h"

#include <QDialog>
#include <QJsonObject>
#include <QUrl>

class QLabel;
class QPushButton;
class QTableWidget;

namespace rcm::ui {

/// An 835 file before anything is posted: each transaction's totals and whether it
/// balances (read here, so it works offline), then, from the gateway's preview, what will
/// become exceptions and why. Posting is one button, for cash posters and supervisors.
class RemittancePreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    RemittancePreviewDialog(const QString &path, const QUrl &server, const QString &token,
                            const std::optional<models::User> &user, QWidget *parent = nullptr);

    /// Reads and checks the file locally, then asks the gateway for its preview.
    void preview();
    /// Posts the file; returns whether the gateway posted it.
    bool post();

Q_SIGNALS:
    /// The gateway posted the file: time to sync.
    void posted();

private:
    void showTotals();
    void showExceptions(const QJsonObject &report);

    QString m_path;
    QByteArray m_file;
    QUrl m_server;
    QString m_token;
    std::optional<models::User> m_user;
    QTableWidget *m_transactions = nullptr;
    QTableWidget *m_exceptions = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_post = nullptr;
};

} // namespace rcm::ui
