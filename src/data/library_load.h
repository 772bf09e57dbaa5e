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

// A routine file's text as it would be saved (the companion page checks it
// before writing): read in place of the user's routines/<id>.ini, or as
// that file when there is none yet.
typedef struct LibraryOverlay {
    const char *id; // NULL: no routine
    const char *text;
    size_t len;
    bool used; // set by the load
    // The user's exercises.ini as it would be saved, or NULL.
    const char *exercises;
    size_t exercises_len;
} LibraryOverlay;

// As library_load, with ov (NULL: none) in the user's routines folder.
Library *library_load_with(const Paths *paths, LibraryOverlay *ov);

#endif
