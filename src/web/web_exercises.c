/*
 * The exercises over the companion page (see web_exercises.h).
 */
#include "web/web_exercises.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini_set.h"
#include "core/routine.h"
#include "data/library_load.h"
#include "web/web_clips.h"
#include "web/web_routines.h"

static void add_seconds(cJSON *o, const char *key, double s)
{
    if (s < 0)
        cJSON_AddNullToObject(o, key);
    else
        cJSON_AddNumberToObject(o, key, s);
}

static cJSON *exercise_object(const WebCore *c, const Exercise *ex)
{
    char found[PATHS_MAX + 64];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", ex->id);
    cJSON_AddStringToObject(o, "name", ex->name);
    cJSON_AddStringToObject(o, "clip", ex->clip);
    add_seconds(o, "start", ex->clip_start);
    add_seconds(o, "end", ex->clip_end);
    add_seconds(o, "coach_video_s", ex->coach_video_s);
    cJSON_AddBoolToObject(o, "from_coach_video", ex->from_coach_video);
    cJSON_AddBoolToObject(
        o, "clip_found",
        paths_find_clip(&c->paths, ex->clip, found, sizeof(found)));
    cJSON_AddBoolToObject(o, "per_side", ex->per_side);
    return o;
}

void web_exercises_list(WebCore *c, WebReply *rp)
{
    if (!c->paths.config_dir[0]) {
        web_reply_error(rp, 503, "the kiosk's folders are not known");
        return;
    }
    Library *lib = library_load(&c->paths);
    if (!lib) {
        web_reply_error(rp, 503, "out of memory");
        return;
    }
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < lib->nexercises; i++)
        if (lib->exercises[i].active)
            cJSON_AddItemToArray(arr, exercise_object(c, &lib->exercises[i]));
    library_destroy(lib);
    web_reply_json(rp, 200, arr);
}

static void one_error(WebReply *rp, int line, const char *msg)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *errors = cJSON_AddArrayToObject(o, "errors");
    cJSON *e = cJSON_CreateObject();
    cJSON_AddNumberToObject(e, "line", line);
    cJSON_AddStringToObject(e, "message", msg);
    cJSON_AddItemToArray(errors, e);
    web_reply_json(rp, 422, o);
}

// A number of seconds >= 0, or null / absent (-1). False otherwise.
static bool seconds(const cJSON *body, const char *key, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(body, key);
    *out = -1;
    if (!v || cJSON_IsNull(v))
        return true;
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 86400)
        return false;
    *out = v->valuedouble;
    return true;
}

static const char *seconds_text(double s, char *buf, size_t size)
{
    if (s < 0)
        return NULL;
    snprintf(buf, size, "%.2f", s);
    return buf;
}

void web_exercise_set_clip(WebCore *c, const char *id, const cJSON *body,
                           WebReply *rp)
{
    if (!c->paths.config_dir[0]) {
        web_reply_error(rp, 503, "the kiosk's folders are not known");
        return;
    }
    const cJSON *clip = cJSON_GetObjectItemCaseSensitive(body, "clip");
    double start, end;
    if (!cJSON_IsString(clip) || !seconds(body, "start", &start) ||
        !seconds(body, "end", &end)) {
        web_reply_error(rp, 400,
                        "send {\"clip\": NAME, \"start\": seconds or null, "
                        "\"end\": seconds or null}");
        return;
    }
    Library *lib = library_load(&c->paths);
    bool known = lib && library_exercise(lib, id);
    library_destroy(lib);
    if (!known) {
        web_reply_error(rp, 404, "no such exercise");
        return;
    }
    char path[PATHS_MAX + 32], err[160];
    snprintf(path, sizeof(path), "%s/exercises.ini", c->paths.config_dir);
    size_t len = 0;
    char *text = file_exists(path)
                     ? file_read_all(path, 1024 * 1024, &len, err, sizeof(err))
                     : strdup("");
    if (!text) {
        web_reply_error(rp, 500, file_exists(path) ? err : "out of memory");
        return;
    }
    char a[32], b[32];
    const IniSet sets[] = {
        {"clip", clip->valuestring},
        {"clip_start", seconds_text(start, a, sizeof(a))},
        {"clip_end", seconds_text(end, b, sizeof(b))},
    };
    char *merged = ini_set_keys(text, len, id, sets, 3);
    free(text);
    if (!merged) {
        web_reply_error(rp, 503, "out of memory");
        return;
    }
    char msg[300];
    int clip_line = ini_key_line(merged, id, "clip");
    char found[PATHS_MAX + 64];
    if (!web_clip_name_valid(clip->valuestring) ||
        !paths_find_clip(&c->paths, clip->valuestring, found, sizeof(found))) {
        snprintf(msg, sizeof(msg),
                 "clip '%.80s' not found in the videos folders: upload it "
                 "first",
                 clip->valuestring);
        one_error(rp, clip_line, msg);
        free(merged);
        return;
    }
    if (start >= 0 && end >= 0 && end <= start) {
        one_error(rp, ini_key_line(merged, id, "clip_end"),
                  "the end must come after the start");
        free(merged);
        return;
    }
    // The whole library with the new text: its errors are --check's.
    LibraryOverlay ov = {.exercises = merged, .exercises_len = strlen(merged)};
    lib = library_load_with(&c->paths, &ov);
    if (!lib) {
        free(merged);
        web_reply_error(rp, 503, "out of memory");
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON *errors = cJSON_AddArrayToObject(o, "errors");
    for (int i = 0; i < lib->diags.count; i++) {
        const Diag *d = &lib->diags.items[i];
        if (d->level != DIAG_ERROR || strcmp(d->file, path) != 0)
            continue;
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "line", d->line);
        cJSON_AddStringToObject(e, "message", d->msg);
        cJSON_AddItemToArray(errors, e);
    }
    if (cJSON_GetArraySize(errors) > 0) {
        library_destroy(lib);
        free(merged);
        web_reply_json(rp, 422, o);
        return;
    }
    cJSON_Delete(o);
    if (!paths_mkdirs(c->paths.config_dir) ||
        !web_write_atomic(path, merged, strlen(merged))) {
        snprintf(msg, sizeof(msg), "cannot save exercises.ini: %s",
                 strerror(errno));
        library_destroy(lib);
        free(merged);
        web_reply_error(rp, errno == ENOSPC ? 507 : 500, msg);
        return;
    }
    free(merged);
    WebCmd cmd = {.kind = WEB_CMD_RELOAD};
    snprintf(cmd.what, sizeof(cmd.what), "%.40s plays %.48s", id,
             clip->valuestring);
    web_core_push(c, cmd);
    web_reply_json(rp, 200, exercise_object(c, library_exercise(lib, id)));
    library_destroy(lib);
}
