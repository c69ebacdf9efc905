#pragma once

#include "models/workitem.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace rcm::store {
class Database;
}
namespace rcm::itemmodels {
class WorkQueueModel;
}

namespace rcm::ui {

/// The workbench's main window: queues on the left, the selected queue in the middle,
/// the selected item's details on the right. Reads the local cache only; sync and
/// actions arrive with the sync engine.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(store::Database &cache, QWidget *parent = nullptr);

private:
    void buildNavigation();
    void buildToolBar();
    void refreshCounts();
    void showQueue(int navigationRow);
    void showItem(const QModelIndex &index);
    void updateStatus();

    store::Database &m_cache;
    itemmodels::WorkQueueModel *m_model = nullptr;
    QListWidget *m_navigation = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QLabel *m_itemCount = nullptr;
    QLabel *m_connection = nullptr;
};

} // namespace rcm::ui
