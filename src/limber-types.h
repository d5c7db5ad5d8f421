/* limber-types.h: forward declarations of every Limber type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LimberApplication LimberApplication;
typedef struct _LimberBodyMap     LimberBodyMap;
typedef struct _LimberCatalogue   LimberCatalogue;
typedef struct _LimberChart       LimberChart;
typedef struct _LimberCueSink     LimberCueSink;
typedef struct _LimberHistory     LimberHistory;
typedef struct _LimberHistoryPage LimberHistoryPage;
typedef struct _LimberMapPage     LimberMapPage;
typedef struct _LimberPlayer      LimberPlayer;
typedef struct _LimberPlannerPage LimberPlannerPage;
typedef struct _LimberPlayerPage  LimberPlayerPage;
typedef struct _LimberPreferencesWindow LimberPreferencesWindow;
typedef struct _LimberRegion      LimberRegion;
typedef struct _LimberRegionChoice LimberRegionChoice;
typedef struct _LimberRoutine     LimberRoutine;
typedef struct _LimberRoutineListPage LimberRoutineListPage;
typedef struct _LimberRoutinePage LimberRoutinePage;
typedef struct _LimberSoundCues   LimberSoundCues;
typedef struct _LimberSpeechCues  LimberSpeechCues;
typedef struct _LimberStep        LimberStep;
typedef struct _LimberTimerRing   LimberTimerRing;
typedef struct _LimberWindow      LimberWindow;

G_END_DECLS
