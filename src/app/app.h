/*
 * The kiosk: the frame loop (input -> session_tick(now) -> events to the
 * cue log, captions and the store -> draw) and the screens' flow.
 */
#ifndef UL_APP_APP_H
#define UL_APP_APP_H

#include "app/cli.h"
#include "core/routine.h"
#include "platform/paths.h"

// Run the kiosk until it is quit. Returns the exit status.
int app_run(const CliOptions *opt, const Paths *paths, const Library *lib);

#endif
