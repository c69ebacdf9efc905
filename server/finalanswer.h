// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/workqueueapi.h"

class QTcpSocket;

namespace rcm::server {

/// Writes the last answer on a connection Qt's HTTP layer no longer reads (an upload taken
/// over, a body refused before it came) and closes it. If the client may still be sending
/// (a refused body, a request behind this one), closing with its bytes unread would reset
/// the connection and could lose the answer: so the gateway stops writing once the answer
/// is out, lets what comes in go by for a moment, then closes.
void writeFinalAnswer(QTcpSocket *socket, const ApiResponse &response, const QString &correlationId,
                      bool clientMayStillSend);

} // namespace rcm::server
