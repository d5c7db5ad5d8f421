/* limber-catalogue-loader.h: reads catalogue XML safely and validates it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-catalogue.h"

G_BEGIN_DECLS

#define LIMBER_CATALOGUE_ERROR (limber_catalogue_error_quark ())

typedef enum
{
  LIMBER_CATALOGUE_ERROR_IO,
  LIMBER_CATALOGUE_ERROR_TOO_LARGE,
  LIMBER_CATALOGUE_ERROR_MALFORMED,
  LIMBER_CATALOGUE_ERROR_DOCTYPE,
  LIMBER_CATALOGUE_ERROR_INVALID,
} LimberCatalogueError;

/* Larger files are refused before they are parsed. */
#define LIMBER_CATALOGUE_MAX_BYTES (32 * 1024 * 1024)

#define LIMBER_CATALOGUE_SCHEMA_RESOURCE RESOURCE_PREFIX "/catalogue/catalogue.rng"
#define LIMBER_CATALOGUE_RESOURCE        RESOURCE_PREFIX "/catalogue/limber.xml"

GQuark   limber_catalogue_error_quark   (void);

gboolean limber_catalogue_load_bytes    (LimberCatalogue  *self,
                                         GBytes           *bytes,
                                         const char       *source_name,
                                         GError          **error);
gboolean limber_catalogue_load_file     (LimberCatalogue  *self,
                                         GFile            *file,
                                         GError          **error);
gboolean limber_catalogue_load_resource (LimberCatalogue  *self,
                                         const char       *resource_path,
                                         GError          **error);

GPtrArray *limber_catalogue_list_files     (GFile               *path);
GPtrArray *limber_catalogue_list_drop_ins  (const char * const  *system_data_dirs,
                                            const char          *user_data_dir);

G_END_DECLS
