/*
 * The kiosk's side of the companion page: starts and stops the server,
 * and once a frame publishes the clock and the status, carries out the
 * commands the phones sent (exactly as the remote's keys), and writes the
 * CSV export asked for. The history is published whenever it is rebuilt.
 */
#ifndef UL_APP_APP_WEB_H
#define UL_APP_APP_WEB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct App App;

// Start the server as the settings and the command line say. Problems are
// notices; the kiosk coaches on without the page.
void app_web_open(App *a);
void app_web_close(App *a);
// Once a frame, before input is handled.
void app_web_frame(App *a);
// The history was rebuilt (app_refresh_history).
void app_web_publish_history(App *a);

// Forget paired device i, or all of them (i < 0): their browsers must pair
// again.
void app_web_forget(App *a, int i);

// The kiosk's decoder on a clip, for the page's clip calls (a WebProbeFn;
// safe on any thread).
typedef struct WebClipFacts WebClipFacts;
void app_web_probe_clip(const char *path, WebClipFacts *f);

// The status object of GET /api/status as JSON text (caller frees), or
// NULL when memory runs out.
char *app_web_status_json(App *a);

#endif
