/* limber-session.h: a played session, as the history keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-history.h"
#include "limber-player.h"

G_BEGIN_DECLS

LimberSessionRecord *limber_session_from_player (LimberPlayer *player,
                                                 gint64        started,
                                                 gint64        ended);
gboolean             limber_session_worth_keeping (LimberPlayer *player);

G_END_DECLS
