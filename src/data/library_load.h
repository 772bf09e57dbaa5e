/*
 * Loading the whole Library from disk: the built-in assets, then the user's
 * overrides, then the check, then a warning for every clip that is missing.
 */
#ifndef UL_DATA_LIBRARY_LOAD_H
#define UL_DATA_LIBRARY_LOAD_H

#include "core/routine.h"
#include "platform/paths.h"

// Never NULL except when out of memory: every problem is in lib->diags.
Library *library_load(const Paths *paths);

#endif
