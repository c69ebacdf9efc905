// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"

#include <QDialog>
#include <QJsonObject>
#include <QUrl>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace rcm::api {
class Session;
}
namespace rcm::x12 {
struct RemittanceCheck;
}

namespace rcm::ui {

/// An 835 file before anything is posted: each transaction's totals and whether it
/// balances (read here, so it works offline), then, from the gateway's preview, what will
/// become exceptions and why. Posting is one button, for cash posters and supervisors.
class RemittancePreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    RemittancePreviewDialog(const QString &path, api::Session &session, const std::optional<models::User> &user,
                            QWidget *parent = nullptr);

    /// Reads and checks the file locally (on a worker thread), then asks the gateway for
    /// its preview. previewReady() tells when both are shown.
    void preview();
    /// Posts the file; posted() or postFailed() tell how it went.
    void post();

Q_SIGNALS:
    /// The local check and, when signed in, the gateway's preview are shown.
    void previewReady();
    /// The gateway posted the file: time to sync.
    void posted();
    void postFailed(const QString &message);

private:
    struct FileTotals;
    /// The table rows and summary of a checked file, made on the worker that read it, so
    /// that the parsed file (thousands of claims) is built and freed off the window's thread.
    static FileTotals totalsOf(const x12::RemittanceCheck &check);
    void showTotals(const FileTotals &totals);
    void askGateway();
    /// Reads the report's exceptions off the window's thread, shows them, then calls then.
    void showExceptions(const QJsonObject &report, std::function<void()> then);

    QString m_path;
    QByteArray m_file;
    api::Session &m_session;
    std::optional<models::User> m_user;
    QTableWidget *m_transactions = nullptr;
    QTableView *m_exceptions = nullptr;
    class RemittanceExceptionModel *m_exceptionModel = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_post = nullptr;
};

} // namespace rcm::ui
