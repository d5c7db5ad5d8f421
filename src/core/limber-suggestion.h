/* limber-suggestion.h: one line of advice drawn from the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-catalogue.h"
#include "limber-history.h"

G_BEGIN_DECLS

#define LIMBER_SUGGESTION_SESSIONS   5   /* how many recent sessions are looked at */
#define LIMBER_SUGGESTION_SORE       4   /* a rating from here up counts as sore */
#define LIMBER_SUGGESTION_PERSISTENT 7   /* this high every time: see a professional */
#define LIMBER_SUGGESTION_GAP_DAYS   14

char *limber_suggestion_for_sessions (LimberCatalogue *catalogue,
                                      GPtrArray       *sessions,
                                      gint64           now);

G_END_DECLS
