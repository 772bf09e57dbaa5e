/*
 * --check's look at the clips themselves: each clip an exercise will play
 * is opened briefly (bounded time) and decoded to its first picture, so a
 * file that cannot play (empty, text, cut short, an unknown codec) is found
 * before a workout rather than in the middle of one.
 */
#ifndef UL_APP_CLIP_CHECK_H
#define UL_APP_CLIP_CHECK_H

#include "core/routine.h"
#include "platform/paths.h"

// Adds a warning to lib->diags (at the exercise's file:line) for every
// active exercise whose clip is there but cannot play, with the reason.
// Returns how many were found.
int clip_check_library(Library *lib, const Paths *paths);

#endif
