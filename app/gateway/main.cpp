#include <QCoreApplication>
#include <QTextStream>

// The Work Queue API server arrives with the gateway issue. Until then this executable
// says so plainly instead of pretending to serve anything.
int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rcm-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RCM_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--version"))) {
        QTextStream(stdout) << "rcm-gateway " << QCoreApplication::applicationVersion() << "\n";
        return 0;
    }
    QTextStream(stderr) << "rcm-gateway " << QCoreApplication::applicationVersion()
                        << ": the Work Queue API is not implemented in this build yet; nothing is served.\n";
    return 1;
}
