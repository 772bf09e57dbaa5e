/*
 * Reading and writing config.ini in the config folder.
 */
#ifndef UL_DATA_SETTINGS_IO_H
#define UL_DATA_SETTINGS_IO_H

#include "core/settings.h"
#include "platform/paths.h"

// Defaults, then the file if there is one; problems go to diags.
void settings_load_file(Settings *s, const Paths *p, DiagList *diags);

// Write atomically (temporary file, then rename). False with err.
bool settings_save_file(const Settings *s, const Paths *p, char *err,
                        size_t errsize);

#endif
