/*
 * A stop asked by the system: SIGTERM (the service manager stopping the
 * kiosk), SIGINT (Ctrl+C) and SIGHUP end the frame loop cleanly, so a
 * session cut short is saved as far as it went and STOPPING=1 is sent.
 * A second signal while stopping ends the process at once.
 */
#ifndef UL_PLATFORM_STOP_H
#define UL_PLATFORM_STOP_H

#include <stdbool.h>

void stop_install(void);
// The signal number that asked for a stop, or 0.
int stop_requested(void);

#endif
