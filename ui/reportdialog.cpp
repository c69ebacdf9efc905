// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/reportdialog.h"

#include "services/api/reportrequest.h"
#include "services/api/requests.h"
#include "services/api/session.h"
#include "services/reports/cachereports.h"
#include "services/reports/exportfile.h"
#include "services/reports/reportcatalogue.h"
#include "services/store/cacheschema.h"
#include "services/store/syncjournal.h"
#include "services/sync/exportregistrations.h"
#include "ui/exportregistration.h"
#include "ui/reportrender/reportcharts.h"
#include "ui/reportrender/reportexport.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

/// What the worker did: the file's SHA-256 and row count, or why nothing was written.
struct ReportWritten
{
    QString error;
    QString sha256;
    qsizetype rows = 0;
    models::ExportRecord record; ///< what the gateway is to register
    QString keepError; ///< why the registration could not be kept for the next sync
};

namespace {

/// Writes the report, then keeps its registration in the cache until the gateway has it
/// (sent now when signed in, else at the next sync). Runs on a worker, with a connection
/// of its own.
ReportWritten renderAndWrite(const reports::ReportResult &result, models::ExportFormat format, const QString &path,
                             const QImage &chart, store::Database *cache, const QString &username)
{
    const reports::RenderedReport rendered
        = reports::writeReport(reportrender::renderReport(result, format, &chart), path);
    if (!rendered.ok())
        return {rendered.error, {}, 0, {}, {}};
    ReportWritten written;
    written.sha256 = QString::fromLatin1(QCryptographicHash::hash(rendered.bytes, QCryptographicHash::Sha256).toHex());
    written.rows = result.rows.size();
    written.record = reports::exportRecord(result, format, written.sha256);
    if (username.isEmpty())
        written.keepError = ReportDialog::tr("nobody is signed in, so no one can be named as its exporter");
    else if (cache)
        written.keepError = sync::ExportRegistrations(*cache).keep(written.record, username).message();
    return written;
}

bool seesEveryone(const std::optional<models::User> &user)
{
    return user && (user->role == models::Role::Supervisor || user->role == models::Role::Finance);
}

} // namespace

ReportDialog::ReportDialog(QString cachePath, api::Session &session, std::optional<models::User> user, QWidget *parent)
    : QDialog(parent)
    , m_cachePath(std::move(cachePath))
    , m_session(session)
    , m_user(std::move(user))
{
    setObjectName(u"reportDialog"_s);
    setWindowTitle(tr("Reports"));
    m_report = new QComboBox;
    m_report->setObjectName(u"reportChoice"_s);
    for (const reports::ReportInfo &info : reports::reportCatalogue())
        m_report->addItem(info.title, info.name);
    m_description = new QLabel;
    m_description->setWordWrap(true);
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-30));
    m_from->setObjectName(u"reportFrom"_s);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today);
    m_to->setObjectName(u"reportTo"_s);
    m_to->setCalendarPopup(true);
    m_payer = new QLineEdit;
    m_payer->setPlaceholderText(tr("All payers"));
    m_facility = new QLineEdit;
    m_facility->setPlaceholderText(tr("All facilities"));
    m_format = new QComboBox;
    m_format->setObjectName(u"reportFormat"_s);
    m_format->addItem(tr("Excel workbook (XLSX)"), u"xlsx"_s);
    m_format->addItem(tr("PDF"), u"pdf"_s);
    m_format->addItem(tr("CSV"), u"csv"_s);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // one computation: busy, not a percentage
    m_progress->hide();
    m_status = new QLabel;
    m_status->setObjectName(u"reportStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Report:"), m_report);
    form->addRow(QString(), m_description);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To (as of):"), m_to);
    form->addRow(tr("&Payer:"), m_payer);
    form->addRow(tr("F&acility:"), m_facility);
    form->addRow(tr("F&ormat:"), m_format);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"saveReport"_s);
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &ReportDialog::chooseFileAndRun);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_report, &QComboBox::currentIndexChanged, this, &ReportDialog::reportChanged);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    reportChanged();
    resize(560, 360);
}

void ReportDialog::reportChanged()
{
    const auto info = reports::findReport(m_report->currentData().toString());
    m_description->setText(info ? info->description : QString());
}

reports::ReportParameters ReportDialog::parameters() const
{
    reports::ReportParameters parameters;
    parameters.from = m_from->date();
    parameters.to = m_to->date();
    parameters.payerId = m_payer->text().trimmed();
    parameters.facility = m_facility->text().trimmed();
    return parameters;
}

void ReportDialog::chooseFileAndRun()
{
    const QString suffix = m_format->currentData().toString();
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
        + m_report->currentData().toString() + u'-' + m_to->date().toString(Qt::ISODate) + u'.' + suffix;
    auto *dialog = new QFileDialog(this, tr("Save the report"), suggested);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ReportDialog::run);
    dialog->open();
}

void ReportDialog::setBusy(bool busy, const QString &status)
{
    m_progress->setVisible(busy);
    m_save->setEnabled(!busy);
    m_report->setEnabled(!busy);
    m_status->setText(status);
}

void ReportDialog::run(const QString &path)
{
    const auto info = reports::findReport(m_report->currentData().toString());
    const auto format = models::fromWireName<models::ExportFormat>(m_format->currentData().toString());
    if (!info || !format || path.isEmpty())
        return;
    if (m_from->date() > m_to->date()) {
        m_status->setText(tr("The period's first day is after its last."));
        return;
    }
    setBusy(true, tr("Computing %1…").arg(info->title));
    const reports::ReportParameters chosen = parameters();
    if (info->source == reports::ReportSource::Cache) {
        const reports::ReportViewer viewer {m_user ? m_user->id : QString(), m_user ? m_user->displayName : QString(),
                                            seesEveryone(m_user)};
        using Computed = std::pair<std::optional<reports::ReportResult>, QString>;
        auto *watcher = new QFutureWatcher<Computed>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, format = *format]() {
            watcher->deleteLater();
            const auto &[result, error] = watcher->result();
            if (!result) {
                finish(path, error, {}, 0);
                return;
            }
            writeInBackground(*result, format, path);
        });
        // A connection of the worker's own: the window's stays free for the window.
        watcher->setFuture(
            QtConcurrent::run([cachePath = m_cachePath, name = info->name, chosen, viewer]() -> Computed {
                store::Database cache;
                if (const store::StoreError error = cache.open(cachePath, store::workbenchCacheSchema()))
                    return {std::nullopt, error.message()};
                QString error;
                auto result = reports::computeCacheReport(name, cache, chosen, viewer,
                                                          store::SyncJournal(cache).lastSync(), &error);
                return {std::move(result), error};
            }));
        return;
    }
    if (!m_session.isSignedIn()) {
        finish(path, tr("%1 is computed by the gateway: sign in first.").arg(info->title), {}, 0);
        return;
    }
    auto request = std::make_shared<api::ReportRequest>(info->name, chosen);
    m_session.client().send(request, this, [this, request, path, format = *format](const api::ApiError &error) {
        if (error) {
            finish(path, error.message(), {}, 0);
            return;
        }
        writeInBackground(request->result, format, path);
    });
}

void ReportDialog::writeInBackground(const reports::ReportResult &result, models::ExportFormat format,
                                     const QString &path)
{
    setBusy(true, tr("Writing %1…").arg(result.title));
    // QtCharts draws only on this thread: a PDF's chart is drawn here, as a picture.
    QImage chart;
    if (format == models::ExportFormat::Pdf) {
        if (const std::optional<reportrender::ChartData> drawn = reportrender::chartData(result))
            chart = reportrender::chartImage(*drawn, reportrender::chartPrintSize);
    }
    watchWriting(QtConcurrent::run([result, format, path, chart, cachePath = m_cachePath, username = exporter()]() {
                     store::Database cache;
                     if (const store::StoreError openError = cache.open(cachePath, store::workbenchCacheSchema())) {
                         // The file matters more than its registration: write it, and say why it
                         // cannot wait for the next sync.
                         ReportWritten written = renderAndWrite(result, format, path, chart, nullptr, username);
                         written.keepError = openError.message();
                         return written;
                     }
                     return renderAndWrite(result, format, path, chart, &cache, username);
                 }),
                 path);
}

QString ReportDialog::exporter() const
{
    return m_user ? m_user->username : m_session.username();
}

void ReportDialog::watchWriting(const QFuture<ReportWritten> &future, const QString &path)
{
    auto *watcher = new QFutureWatcher<ReportWritten>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path]() {
        watcher->deleteLater();
        const ReportWritten written = watcher->result();
        finish(path, written.error, written.sha256, written.rows);
        if (written.error.isEmpty())
            registerExport(written);
    });
    watcher->setFuture(future);
}

void ReportDialog::registerExport(const ReportWritten &written)
{
    const bool kept = written.keepError.isEmpty();
    if (!kept)
        appendStatus(tr("Not kept for registration: %1").arg(written.keepError));
    registerExportWithGateway(m_session, m_cachePath, written.record, kept, this,
                              [this, sha256 = written.sha256](const ExportRegistrationNews &news) {
                                  appendStatus(news.line);
                                  if (news.registered)
                                      Q_EMIT registered(sha256);
                              });
}

void ReportDialog::appendStatus(const QString &line)
{
    m_status->setText(m_status->text() + u"\n"_s + line);
}

void ReportDialog::finish(const QString &path, const QString &error, const QString &sha256, qsizetype rows)
{
    if (!error.isEmpty()) {
        setBusy(false, tr("Not saved: %1").arg(error));
        Q_EMIT failed(error);
        return;
    }
    setBusy(false, tr("Saved %n row(s) to %1.\nSHA-256 %2", nullptr, int(rows)).arg(path, sha256));
    Q_EMIT written(path, sha256);
}

} // namespace rcm::ui
