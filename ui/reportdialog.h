// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/reports/reportresult.h"
#include "ui/reportrender/reportexport.h"

#include <QDialog>
#include <QFuture>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace rcm::api {
class Session;
}

namespace rcm::ui {

struct ReportWritten;

/// Reports: choose a report, its period, payer and facility and a format, then save it.
/// The report is computed and written off the window's thread (the cache's reports on a
/// connection of their own, the gateway's through the session's client), with progress;
/// the dialog stays open with the result's path and SHA-256 once written.
class ReportDialog final : public QDialog
{
    Q_OBJECT

public:
    ReportDialog(QString cachePath, api::Session &session, std::optional<models::User> user, QWidget *parent = nullptr);

    /// Runs the chosen report into path (what Save does after asking for a file).
    void run(const QString &path);

Q_SIGNALS:
    /// The report was written: path and its SHA-256 (hex).
    void written(const QString &path, const QString &sha256);
    void failed(const QString &message);
    /// The gateway registered the written file (its SHA-256): `rcmctl report verify` knows it.
    void registered(const QString &sha256);

private:
    void chooseFileAndRun();
    void reportChanged();
    reports::ReportParameters parameters() const;
    void finish(const QString &path, const QString &error, const QString &sha256, qsizetype rows);
    void setBusy(bool busy, const QString &status);
    /// Renders and writes result on a worker (a PDF's chart recorded here first).
    void writeInBackground(const reports::ReportResult &result, models::ExportFormat format, const QString &path);
    /// The person the export is registered for.
    QString exporter() const;
    /// Shows the written file when future is done and has its registration sent.
    void watchWriting(const QFuture<ReportWritten> &future, const QString &path);
    /// Registers the file's SHA-256 with the gateway now when signed in; the registration
    /// kept in the cache goes at the next sync otherwise.
    void registerExport(const ReportWritten &written);
    void appendStatus(const QString &line);

    QString m_cachePath;
    api::Session &m_session;
    std::optional<models::User> m_user;
    QComboBox *m_report = nullptr;
    QLabel *m_description = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_payer = nullptr;
    QLineEdit *m_facility = nullptr;
    QComboBox *m_format = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace rcm::ui
