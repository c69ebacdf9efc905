#pragma once

#include "models/user.h"
#include "models/workitem.h"

#include <QDate>
#include <QString>

namespace rcm::ui {

/// The detail panel's page for one work item: what it is, what is owed, why it was
/// denied and how long is left to act, as HTML for a QTextBrowser.
QString itemDetailHtml(const models::WorkItem &item, const QString &ownerName, const QDate &today);

} // namespace rcm::ui
