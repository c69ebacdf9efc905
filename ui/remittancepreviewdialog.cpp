// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/remittancepreviewdialog.h"

#include "ui/remittanceexceptionmodel.h"
#include "ui/singlelinedelegate.h"

#include "services/api/requests.h"
#include "services/api/session.h"
#include "services/x12/remittancecheck.h"

#include <QApplication>
#include <QBuffer>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

namespace {

QTableWidget *makeTable(const QString &objectName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setItemDelegate(new SingleLineDelegate(table));
    return table;
}

void addRow(QTableWidget *table, const QStringList &cells, const QString &toolTip = {})
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < cells.size(); ++column) {
        auto *cell = new QTableWidgetItem(cells.at(column));
        if (!toolTip.isEmpty())
            cell->setToolTip(toolTip);
        table->setItem(row, column, cell);
    }
}

} // namespace

struct RemittancePreviewDialog::FileTotals
{
    struct Row
    {
        QStringList cells;
        QString problems;
    };
    QList<Row> rows; ///< one per payment
    models::Money total;
    int unbalanced = 0;
    QStringList fileProblems; ///< HTML-escaped
};

RemittancePreviewDialog::RemittancePreviewDialog(const QString &path, api::Session &session,
                                                 const std::optional<models::User> &user, QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_session(session)
    , m_user(user)
{
    setWindowTitle(tr("Import remittance: %1").arg(QFileInfo(path).fileName()));
    m_summary = new QLabel;
    m_summary->setObjectName(u"remittanceSummary"_s);
    m_summary->setWordWrap(true);
    m_transactions = makeTable(u"remittanceTransactions"_s,
                               {tr("Trace number"), tr("Payer"), tr("Payment"), tr("Claims"), tr("Claim payments"),
                                tr("Provider adjustments"), tr("Balanced"), tr("Problems")});
    m_exceptionModel = new RemittanceExceptionModel(this);
    m_exceptions = new QTableView;
    m_exceptions->setObjectName(u"remittanceExceptions"_s);
    m_exceptions->setModel(m_exceptionModel);
    m_exceptions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_exceptions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_exceptions->setAlternatingRowColors(true);
    m_exceptions->setWordWrap(false);
    m_exceptions->setItemDelegate(new SingleLineDelegate(m_exceptions));
    m_exceptions->verticalHeader()->hide();
    // Fixed row heights: thousands of rows are laid out without measuring each.
    m_exceptions->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_exceptions->horizontalHeader()->setStretchLastSection(true);
    m_exceptions->setColumnWidth(RemittanceExceptionModel::Kind, 180);
    m_exceptions->setColumnWidth(RemittanceExceptionModel::Claim, 140);
    m_exceptions->setColumnWidth(RemittanceExceptionModel::Amount, 90);
    m_status = new QLabel;
    m_status->setObjectName(u"remittanceStatus"_s);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_post = buttons->addButton(tr("Post"), QDialogButtonBox::AcceptRole);
    m_post->setObjectName(u"postRemittance"_s);
    m_post->setEnabled(false);
    connect(m_post, &QPushButton::clicked, this, &RemittancePreviewDialog::post);
    connect(this, &RemittancePreviewDialog::posted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_transactions, 1);
    layout->addWidget(new QLabel(tr("<b>What will become work items</b>")));
    layout->addWidget(m_exceptions, 2);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1100, 640);
}

void RemittancePreviewDialog::preview()
{
    m_summary->setText(tr("Reading %1…").arg(QFileInfo(m_path).fileName()));
    // A large file takes a moment to read and balance: off the window's thread.
    struct ReadFile
    {
        QByteArray contents;
        FileTotals totals;
    };
    auto *watcher = new QFutureWatcher<std::optional<ReadFile>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher]() {
        watcher->deleteLater();
        const std::optional<ReadFile> read = watcher->result();
        if (!read) {
            m_summary->setText(tr("Cannot read %1.").arg(m_path));
            Q_EMIT previewReady();
            return;
        }
        m_file = read->contents;
        showTotals(read->totals);
        askGateway();
    });
    watcher->setFuture(QtConcurrent::run([path = m_path]() -> std::optional<ReadFile> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        ReadFile read;
        read.contents = file.readAll();
        QBuffer buffer(&read.contents);
        buffer.open(QIODevice::ReadOnly);
        read.totals = totalsOf(x12::checkRemittances(&buffer, reference::ReasonCodeCatalogue::builtIn()));
        return read;
    }));
}

void RemittancePreviewDialog::askGateway()
{
    if (!m_session.isSignedIn()) {
        m_status->setText(tr("Sign in to see which claims will post cleanly and to post the file."));
        Q_EMIT previewReady();
        return;
    }
    m_status->setText(tr("Asking the gateway which claims will post cleanly…"));
    auto request = std::make_shared<api::RemittanceImportRequest>(m_file, api::RemittanceImportRequest::Mode::Preview);
    m_session.client().send(request, this, [this, request](const api::ApiError &error) {
        if (error) {
            const QString status = error.httpStatus == 409
                ? tr("This file was posted before; nothing in it will post again.")
                : tr("The gateway cannot post this file: %1").arg(error.message());
            showExceptions(error.problem.value(u"report"_s).toObject(), [this, status]() {
                m_status->setText(status);
                Q_EMIT previewReady();
            });
            return;
        }
        showExceptions(request->report, [this]() {
            const bool mayPost
                = m_user && (m_user->role == models::Role::CashPoster || m_user->role == models::Role::Supervisor);
            m_post->setEnabled(mayPost);
            m_status->setText(mayPost ? tr("Nothing is posted until you press Post.")
                                      : tr("Only cash posters and supervisors post remittances."));
            Q_EMIT previewReady();
        });
    });
}

RemittancePreviewDialog::FileTotals RemittancePreviewDialog::totalsOf(const x12::RemittanceCheck &check)
{
    FileTotals totals;
    for (const x12::CheckedRemittance &checked : check.transactions) {
        const x12::Remittance &remittance = checked.remittance;
        QStringList problems;
        for (const x12::Defect &defect : checked.defects()) {
            if (defect.isError())
                problems << defect.message;
        }
        totals.total += remittance.payment.amount;
        totals.unbalanced += checked.isBalanced() ? 0 : 1;
        totals.rows.append(
            {{remittance.payment.traceNumber, remittance.payer.name, remittance.payment.amount.toString(),
              QString::number(remittance.claims.size()), remittance.claimPaymentTotal().toString(),
              remittance.providerAdjustmentTotal().toString(), checked.isBalanced() ? tr("Yes") : tr("No"),
              problems.isEmpty() ? QString() : problems.join(u' ')},
             problems.join(u'\n')});
    }
    for (const x12::Defect &defect : check.fileDefects) {
        if (defect.isError())
            totals.fileProblems << defect.message.toHtmlEscaped();
    }
    return totals;
}

void RemittancePreviewDialog::showTotals(const FileTotals &totals)
{
    m_transactions->setRowCount(0);
    for (const FileTotals::Row &row : totals.rows)
        addRow(m_transactions, row.cells, row.problems);
    // Sized to the header and the first rows: a file may carry hundreds of payments, and
    // measuring every cell would hold up the window.
    m_transactions->horizontalHeader()->setResizeContentsPrecision(20);
    m_transactions->resizeColumnsToContents();
    m_summary->setText(
        tr("%n payment(s) totalling $%1; %2 out of balance.", nullptr, static_cast<int>(totals.rows.size()))
            .arg(totals.total.toString())
            .arg(totals.unbalanced)
        + (totals.fileProblems.isEmpty() ? QString() : u"<br><b>"_s + totals.fileProblems.join(u"<br>"_s) + u"</b>"_s));
}

void RemittancePreviewDialog::showExceptions(const QJsonObject &report, std::function<void()> then)
{
    using Rows = QList<RemittanceExceptionModel::Row>;
    auto *watcher = new QFutureWatcher<Rows>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, then = std::move(then)]() {
        watcher->deleteLater();
        m_exceptionModel->setRows(watcher->result());
        then();
    });
    watcher->setFuture(QtConcurrent::run([report]() { return RemittanceExceptionModel::rowsOf(report); }));
}

void RemittancePreviewDialog::post()
{
    if (m_file.isEmpty() || !m_session.isSignedIn() || !m_post->isEnabled())
        return;
    m_post->setEnabled(false); // one post, however often the button is pressed
    m_status->setText(tr("Posting…"));
    api::ApiClientOptions options = m_session.client().options();
    options.timeout = std::chrono::minutes(5); // a large file takes the gateway a while
    auto request = std::make_shared<api::RemittanceImportRequest>(m_file, api::RemittanceImportRequest::Mode::Post);
    m_session.client().send(request, options, this, [this, request](const api::ApiError &error) {
        if (error) {
            m_status->setText(tr("Not posted: %1").arg(error.message()));
            m_post->setEnabled(error.httpStatus != 409);
            Q_EMIT postFailed(error.message());
            return;
        }
        // The dialog closes once posted: the exceptions it raised reach the remittance queue
        // with the sync that follows, so the preview's list is not read again.
        m_status->setText(
            tr("Posted: %n work item(s) raised.", nullptr, request->report.value(u"exceptionCount"_s).toInt()));
        Q_EMIT posted();
    });
}

} // namespace rcm::ui
