/*
 * The exercises over the companion page: each with the clip and the part
 * of it the kiosk will play, and setting an exercise's clip (the segment
 * editor's "start here" / "end here"). Only clip, clip_start and clip_end
 * of that exercise's section are written into the runner's exercises.ini
 * (merged key by key: the built-in per-side, cadence and points stay;
 * comments and other sections stay as they were), after the whole library
 * has been checked with the new text; atomically.
 */
#ifndef UL_WEB_WEB_EXERCISES_H
#define UL_WEB_WEB_EXERCISES_H

#include <cjson/cJSON.h>

#include "web/web_core.h"
#include "web/web_router.h"

#define WEB_EXERCISES_PREFIX "/api/exercises/"

void web_exercises_list(WebCore *c, WebReply *rp);
// PUT /api/exercises/ID/clip {"clip", "start", "end"} (body not taken).
void web_exercise_set_clip(WebCore *c, const char *id, const cJSON *body,
                           WebReply *rp);

#endif
