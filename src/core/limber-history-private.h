/* limber-history-private.h: what the history's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-history.h"

G_BEGIN_DECLS

/* Longest routine, region or session id kept, in bytes. */
#define LIMBER_HISTORY_MAX_ID_BYTES 200

LimberSessionRecord *limber_session_record_copy        (LimberSessionRecord  *self);

gboolean             limber_history_id_is_valid        (const char           *id);

/* Every session, oldest first, filled; and the favourite routine ids,
 * sorted, read in one snapshot. FALSE when the history cannot be read. */
gboolean             limber_history_read_everything    (LimberHistory        *self,
                                                        GPtrArray           **sessions,
                                                        GStrv                *favourites);

/* Adds @sessions whose uuid is not there yet and @favourites in one
 * transaction on the writer thread, and waits for it. */
gboolean             limber_history_add_all            (LimberHistory        *self,
                                                        GPtrArray            *sessions,
                                                        const char * const   *favourites,
                                                        guint                *n_added,
                                                        GError              **error);

G_END_DECLS
