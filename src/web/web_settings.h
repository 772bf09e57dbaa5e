/*
 * The settings over the companion page: config.ini's keys as JSON, and
 * changing some of them. A change is checked by the very parser that reads
 * config.ini (the same messages), coach_video must name a clip in a videos
 * folder, and the file is written atomically with every other key kept;
 * the kiosk is told (WEB_CMD_RELOAD) and applies it between workouts.
 */
#ifndef UL_WEB_WEB_SETTINGS_H
#define UL_WEB_WEB_SETTINGS_H

#include <cjson/cJSON.h>

#include "web/web_core.h"
#include "web/web_router.h"

void web_settings_get(WebCore *c, WebReply *rp);
// body: the parsed JSON object of the request (not taken).
void web_settings_put(WebCore *c, const cJSON *body, WebReply *rp);

#endif
