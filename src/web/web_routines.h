/*
 * The routines over the companion page: the list, a routine's INI text,
 * saving the runner's own routines/<id>.ini and deleting it. A text is
 * checked before it is written, by loading the whole library with it in
 * place (so the errors are the very ones --check gives, at their lines);
 * a text with errors is not written. Writes are atomic (a temporary file
 * renamed over the old one). Built-in routines cannot be deleted, only
 * overridden by a file of the same id. Every change is queued for the
 * kiosk (WEB_CMD_RELOAD), which picks it up between workouts.
 */
#ifndef UL_WEB_WEB_ROUTINES_H
#define UL_WEB_WEB_ROUTINES_H

#include <stdbool.h>

#include "web/web_core.h"
#include "web/web_router.h"

#define WEB_ROUTINES_PREFIX "/api/routines/"

// A routine id: 1 to 47 of [a-z0-9_-], as a file name's id is read.
bool web_routine_id_valid(const char *id);

void web_routines_list(WebCore *c, WebReply *rp);
void web_routine_get(WebCore *c, const char *id, WebReply *rp);
void web_routine_put(WebCore *c, const char *id, const WebRequest *rq,
                     WebReply *rp);
void web_routine_delete(WebCore *c, const char *id, WebReply *rp);

// Write text to path atomically (temporary file in the same folder, synced,
// renamed). False with errno set; nothing is left behind.
bool web_write_atomic(const char *path, const char *text, size_t len);

#endif
