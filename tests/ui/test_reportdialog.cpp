// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/exportregister.h"
#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"
#include "tests/server/gatewayfixture.h"
#include "ui/reportdialog.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

/// The Reports dialog computes and writes off the window's thread, with the real renderers.
class TestReportDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// The exporter kept in the cache for the file with this hash, if any still waits.
    QString waitingExporter(const QString &sha256) const
    {
        store::Database cache;
        if (cache.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()))
            return u"(cache not opened)"_s;
        QSqlQuery query(cache.connection());
        query.prepare(u"SELECT exported_by FROM pending_exports WHERE sha256 = ?"_s);
        query.addBindValue(sha256);
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        store::Database cache;
        QVERIFY(!cache.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        const synthetic::SyntheticGenerator generator({5, QDate(2026, 11, 27)});
        QVERIFY(!store::WorkItemStore(cache).upsertItems(generator.items(0, 800)));
    }

    void writesTheChosenReportOffTheWindowsThread_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("xlsx") << u"xlsx"_s;
        QTest::newRow("pdf") << u"pdf"_s;
        QTest::newRow("csv") << u"csv"_s;
    }

    void writesTheChosenReportOffTheWindowsThread()
    {
        QFETCH(QString, format);
        api::Session session {QUrl()};
        models::User supervisor {u"U1"_s, u"sue"_s, u"Sue Supervisor"_s, models::Role::Supervisor, true};
        ui::ReportDialog dialog(m_dir.filePath(u"cache.db"_s), session, supervisor);
        auto *choice = dialog.findChild<QComboBox *>(u"reportChoice"_s);
        auto *formats = dialog.findChild<QComboBox *>(u"reportFormat"_s);
        choice->setCurrentIndex(choice->findData(u"open-work"_s));
        formats->setCurrentIndex(formats->findData(format));
        QSignalSpy written(&dialog, &ui::ReportDialog::written);
        QSignalSpy failed(&dialog, &ui::ReportDialog::failed);
        const QString path = m_dir.filePath(u"open-work."_s + format);
        dialog.run(path);
        QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(written.front().at(1).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        if (format == u"pdf"_s) {
            // Written on a worker, the PDF carries the chart as the picture drawn for it on
            // the window's thread (QtCharts draws only there).
            QProcess images;
            images.start(u"pdfimages"_s, {u"-list"_s, path});
            QVERIFY(images.waitForFinished(20000));
            const QList<QByteArray> lines = images.readAllStandardOutput().trimmed().split('\n');
            QVERIFY2(lines.size() >= 3 && lines.at(2).simplified().contains(" 2280 1026 "),
                     lines.join('\n').constData());
        }
        const QString status = dialog.findChild<QLabel *>(u"reportStatus"_s)->text();
        QVERIFY(status.contains(written.front().at(1).toString()));
        // Offline: the registration waits in the cache for the next sync, as sue's.
        QVERIFY2(status.contains(u"at the next sync"_s), qPrintable(status));
        QCOMPARE(waitingExporter(written.front().at(1).toString()), u"sue"_s);
        if (const QString folder = qEnvironmentVariable("RCM_SCREENSHOT_DIR"); !folder.isEmpty())
            dialog.grab().save(folder + u"/report-dialog-"_s + format + u".png"_s); // to look at, not to compare
    }

    void signedInTheGatewayRegistersTheFileAtOnceAndNothingWaits()
    {
        testing::GatewayFixture gateway(200);
        QVERIFY(gateway.isReady());
        api::Session session {gateway.url(QString())};
        QEventLoop loop;
        api::ApiError signInError;
        session.signIn(u"finance"_s, u"demo"_s, &loop, [&](const api::ApiError &error) {
            signInError = error;
            loop.quit();
        });
        loop.exec();
        QVERIFY(!signInError);
        ui::ReportDialog dialog(m_dir.filePath(u"cache.db"_s), session, session.user());
        auto *choice = dialog.findChild<QComboBox *>(u"reportChoice"_s);
        choice->setCurrentIndex(choice->findData(u"denials"_s));
        QSignalSpy registered(&dialog, &ui::ReportDialog::registered);
        QString keptFor; // who the registration was kept for, once the file was written
        connect(&dialog, &ui::ReportDialog::written, this,
                [&](const QString &, const QString &sha256) { keptFor = waitingExporter(sha256); });
        QSignalSpy failed(&dialog, &ui::ReportDialog::failed);
        dialog.run(m_dir.filePath(u"denials-signed-in.xlsx"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!registered.isEmpty() || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const QString sha256 = registered.front().at(0).toString();
        const server::ExportRegister::Answer answer = server::ExportRegister(gateway.store()).lookUp(sha256);
        QVERIFY(!answer.problem);
        QCOMPARE(answer.body.value(u"report"_s).toString(), u"denials"_s);
        QCOMPARE(keptFor, u"finance"_s); // kept first, in case the gateway had not answered
        QTRY_VERIFY_WITH_TIMEOUT(waitingExporter(sha256).isEmpty(), 5000); // then forgotten, on a worker
    }

    void aGatewayReportNeedsASignIn()
    {
        api::Session session {QUrl()};
        ui::ReportDialog dialog(m_dir.filePath(u"cache.db"_s), session, std::nullopt);
        auto *choice = dialog.findChild<QComboBox *>(u"reportChoice"_s);
        choice->setCurrentIndex(choice->findData(u"denials"_s));
        QSignalSpy failed(&dialog, &ui::ReportDialog::failed);
        dialog.run(m_dir.filePath(u"denials.xlsx"_s));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!QFile::exists(m_dir.filePath(u"denials.xlsx"_s)));
    }
};

QTEST_MAIN(TestReportDialog)
#include "test_reportdialog.moc"
