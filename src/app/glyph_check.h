/*
 * --check: warn about characters in the routines and exercises that no
 * installed font can draw (they would show as empty boxes on the TV).
 */
#ifndef UL_APP_GLYPH_CHECK_H
#define UL_APP_GLYPH_CHECK_H

#include "core/routine.h"

// Add a warning to lib->diags for each text with such a character. With
// no font at all, one warning says so.
void glyph_check_library(Library *lib);

#endif
