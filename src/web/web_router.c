/*
 * The request router (see web_router.h). Order of the checks, for every
 * path under /api/ except /api/pair: the cookie (401), then for POST, PUT
 * and DELETE the CSRF token (403), then the path (404) and the method
 * (405). Nothing is matched by prefix: a path is one of the table's or it
 * does not exist.
 */
#include "web/web_router.h"

#include <cjson/cJSON.h>
#include <nettle/memops.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/input.h"
#include "web/web_clips.h"
#include "web/web_exercises.h"
#include "web/web_routines.h"
#include "web/web_settings.h"

// The page's files: URL path -> file in assets/web/, and its type.
static const struct {
    const char *path, *file, *type;
} page_files[] = {
    {"/", "index.html", "text/html; charset=utf-8"},
    {"/app.js", "app.js", "text/javascript; charset=utf-8"},
    {"/charts.js", "charts.js", "text/javascript; charset=utf-8"},
    {"/setup.js", "setup.js", "text/javascript; charset=utf-8"},
    {"/clips.js", "clips.js", "text/javascript; charset=utf-8"},
    {"/coach.js", "coach.js", "text/javascript; charset=utf-8"},
    {"/ini.js", "ini.js", "text/javascript; charset=utf-8"},
    {"/routines.js", "routines.js", "text/javascript; charset=utf-8"},
    {"/settings.js", "settings.js", "text/javascript; charset=utf-8"},
    {"/style.css", "style.css", "text/css; charset=utf-8"},
    {"/icon.svg", "icon.svg", "image/svg+xml"},
};

#define JSON_TYPE "application/json"
#define RT_ID_MAX_WEB 48 // an exercise id, as the library holds it

static const struct {
    const char *name;
    InputAction act;
} actions[] = {
    {"ok", ACT_OK},
    {"back", ACT_BACK},
    {"left", ACT_LEFT},
    {"right", ACT_RIGHT},
    {"up", ACT_UP},
    {"down", ACT_DOWN},
    {"pause", ACT_PAUSE},
    {"tempo_up", ACT_TEMPO_UP},
    {"tempo_down", ACT_TEMPO_DOWN},
    {"end_set", ACT_END_SET},
    {"history", ACT_HISTORY},
    {"settings", ACT_SETTINGS},
    {"mute", ACT_MUTE},
};

int web_action_from_name(const char *name)
{
    for (size_t i = 0; name && i < sizeof(actions) / sizeof(actions[0]); i++)
        if (strcmp(name, actions[i].name) == 0)
            return actions[i].act;
    return ACT_NONE;
}

void web_reply_free(WebReply *rp)
{
    if (rp->kind == WEB_REPLY_FILE && rp->file_fd >= 0)
        close(rp->file_fd);
    rp->file_fd = -1;
    free(rp->body);
    rp->body = NULL;
    rp->len = 0;
}

// A reply with a copy of text as its body.
void web_reply_text(WebReply *rp, int status, const char *type,
                    const char *text)
{
    rp->status = status;
    rp->type = type;
    rp->body = text ? strdup(text) : NULL;
    rp->len = rp->body ? strlen(rp->body) : 0;
    if (text && !rp->body) { // out of memory
        rp->status = 503;
        rp->type = NULL;
    }
}

void web_reply_json(WebReply *rp, int status, cJSON *o)
{
    char *t = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (t)
        web_reply_text(rp, status, JSON_TYPE, t);
    else
        web_reply_error(rp, 503, "out of memory");
    cJSON_free(t);
}

// {"error": msg}
void web_reply_error(WebReply *rp, int status, const char *msg)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "error", msg);
    char *t = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    web_reply_text(rp, status, JSON_TYPE, t ? t : "{}");
    cJSON_free(t);
}

static bool is(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

static bool unsafe_method(const char *m)
{
    return is(m, "POST") || is(m, "PUT") || is(m, "DELETE") || is(m, "PATCH");
}

// The session cookie's value from a Cookie: header, into out (WEB_TOKEN_HEX
// + 1 bytes); "" when absent or not of the right length.
static void cookie_value(const char *header, char *out)
{
    out[0] = '\0';
    const size_t nlen = strlen(WEB_COOKIE_NAME);
    for (const char *p = header; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == nlen + 1 + WEB_TOKEN_HEX &&
            strncmp(p, WEB_COOKIE_NAME "=", nlen + 1) == 0) {
            memcpy(out, p + nlen + 1, WEB_TOKEN_HEX);
            out[WEB_TOKEN_HEX] = '\0';
            return;
        }
        p += len;
    }
}

// The body as a JSON object, or NULL (the reply says why).
static cJSON *json_body(const WebRequest *rq, WebReply *rp)
{
    if (rq->body_too_big) {
        web_reply_error(rp, 413, "the request body is too large");
        return NULL;
    }
    const char *ct = rq->content_type;
    size_t n = strlen(JSON_TYPE);
    if (!ct || strncmp(ct, JSON_TYPE, n) != 0 || (ct[n] && ct[n] != ';')) {
        web_reply_error(rp, 415, "send application/json");
        return NULL;
    }
    cJSON *o = cJSON_ParseWithLength(rq->body ? rq->body : "", rq->body_len);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        web_reply_error(rp, 400, "the body is not a JSON object");
        return NULL;
    }
    return o;
}

static void serve_file(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    for (size_t i = 0; i < sizeof(page_files) / sizeof(page_files[0]); i++) {
        if (strcmp(rq->path, page_files[i].path) != 0)
            continue;
        if (!is(rq->method, "GET") && !is(rq->method, "HEAD")) {
            rp->allow = "GET, HEAD";
            web_reply_error(rp, 405, "method not allowed");
            return;
        }
        char path[WEB_PATH_MAX + 64];
        snprintf(path, sizeof(path), "%s/%s", c->assets_dir,
                 page_files[i].file);
        FILE *f = fopen(path, "rb");
        char *buf = NULL;
        size_t len = 0;
        if (f) {
            buf = malloc(256 * 1024);
            len = buf ? fread(buf, 1, 256 * 1024 - 1, f) : 0;
            fclose(f);
        }
        if (!buf) {
            web_reply_error(rp, 404, "not found");
            return;
        }
        rp->status = 200;
        rp->type = page_files[i].type;
        rp->body = buf;
        rp->len = len;
        rp->cache = true;
        if (i == 0) { // the page itself: a device without a cookie is asking
            char cookie[WEB_TOKEN_HEX + 1];
            cookie_value(rq->cookie_header, cookie);
            pthread_mutex_lock(&c->mu);
            if (web_pair_find_locked(c, cookie) < 0)
                web_pair_asking_locked(c);
            pthread_mutex_unlock(&c->mu);
        }
        return;
    }
    web_reply_error(rp, 404, "not found");
}

// GET /api/pair: whether this browser is paired, and if so its CSRF token
// (a reloaded page has lost it). Not an error when it is not: the page
// asks this first, and shows the pairing form.
static void pair_state(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    char cookie[WEB_TOKEN_HEX + 1];
    cookie_value(rq->cookie_header, cookie);
    cJSON *o = cJSON_CreateObject();
    pthread_mutex_lock(&c->mu);
    int dev = web_pair_find_locked(c, cookie);
    cJSON_AddBoolToObject(o, "paired", dev >= 0);
    if (dev >= 0) {
        cJSON_AddStringToObject(o, "csrf", c->devices[dev].csrf);
        cJSON_AddStringToObject(o, "device", c->devices[dev].name);
    } else {
        web_pair_asking_locked(c);
    }
    pthread_mutex_unlock(&c->mu);
    char *t = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    web_reply_text(rp, t ? 200 : 503, JSON_TYPE, t);
    cJSON_free(t);
}

static void pair(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    if (is(rq->method, "GET")) {
        pair_state(c, rq, rp);
        return;
    }
    if (!is(rq->method, "POST")) {
        rp->allow = "GET, POST";
        web_reply_error(rp, 405, "method not allowed");
        return;
    }
    cJSON *o = json_body(rq, rp);
    if (!o)
        return;
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(o, "code");
    char cookie[WEB_TOKEN_HEX + 1], csrf[WEB_TOKEN_HEX + 1];
    pthread_mutex_lock(&c->mu);
    WebPairResult r =
        web_pair_try_locked(c, cJSON_IsString(code) ? code->valuestring : "",
                            rq->user_agent, cookie, csrf);
    pthread_mutex_unlock(&c->mu);
    cJSON_Delete(o);
    if (r == WEB_PAIR_OK && !web_pair_save(c)) {
        // Not kept: a pairing lost at the next restart would surprise.
        pthread_mutex_lock(&c->mu);
        int i = web_pair_find_locked(c, cookie);
        if (i >= 0) {
            memmove(&c->devices[i], &c->devices[i + 1],
                    (size_t)(c->ndevices - i - 1) * sizeof(c->devices[0]));
            c->ndevices--;
        }
        pthread_mutex_unlock(&c->mu);
        r = WEB_PAIR_FULL;
    }
    switch (r) {
    case WEB_PAIR_OK: {
        snprintf(rp->set_cookie, sizeof(rp->set_cookie),
                 WEB_COOKIE_NAME "=%s; Path=/; Max-Age=31536000; HttpOnly; "
                                 "SameSite=Strict",
                 cookie);
        char body[80];
        snprintf(body, sizeof(body), "{\"csrf\":\"%s\"}", csrf);
        web_reply_text(rp, 200, JSON_TYPE, body);
        return;
    }
    case WEB_PAIR_WRONG:
        web_reply_error(rp, 403, "wrong code: type the code shown on the TV");
        return;
    case WEB_PAIR_LOCKED:
        web_reply_error(rp, 429, "too many wrong codes: wait a minute");
        return;
    case WEB_PAIR_FULL:
        web_reply_error(rp, 503,
                        "no room for another device: forget one on the TV");
        return;
    }
}

static void action(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    cJSON *o = json_body(rq, rp);
    if (!o)
        return;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "action");
    int act = cJSON_IsString(name) ? web_action_from_name(name->valuestring)
                                   : ACT_NONE;
    cJSON_Delete(o);
    if (act == ACT_NONE) {
        web_reply_error(rp, 400, "unknown action");
        return;
    }
    if (!web_core_push(c, (WebCmd){.kind = WEB_CMD_ACTION, .action = act})) {
        web_reply_error(rp, 503, "the kiosk is busy: try again");
        return;
    }
    rp->status = 204;
}

// POST /api/profile {"name": "Bo"}: the kiosk becomes Bo's (between
// workouts; GET /api/status says whose it is).
static void profile(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    cJSON *o = json_body(rq, rp);
    if (!o)
        return;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
    WebCmd cmd = {.kind = WEB_CMD_PROFILE};
    bool ok = cJSON_IsString(name) && name->valuestring[0] &&
              strlen(name->valuestring) < sizeof(cmd.what);
    if (ok)
        snprintf(cmd.what, sizeof(cmd.what), "%s", name->valuestring);
    cJSON_Delete(o);
    if (!ok) {
        web_reply_error(rp, 400, "expected {\"name\": \"a runner's name\"}");
        return;
    }
    if (!web_core_push(c, cmd)) {
        web_reply_error(rp, 503, "the kiosk is busy: try again");
        return;
    }
    rp->status = 204;
}

// A published JSON copy, or 503 before the first one.
static void snapshot(WebCore *c, char *const *slot, WebReply *rp)
{
    pthread_mutex_lock(&c->mu);
    if (*slot)
        web_reply_text(rp, 200, JSON_TYPE, *slot);
    pthread_mutex_unlock(&c->mu);
    if (!rp->status)
        web_reply_error(rp, 503, "the kiosk is starting");
}

// /api/clips and /api/clips/NAME (one name, no folders: "../x" and
// "a%2Fb", which arrives decoded as "a/b", are both refused). GET of a
// clip is the file itself, for the page's video player.
static void clips(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    const size_t plen = strlen(WEB_CLIPS_PREFIX);
    if (strcmp(rq->path, "/api/clips") == 0) {
        if (!is(rq->method, "GET") && !is(rq->method, "HEAD")) {
            rp->allow = "GET";
            web_reply_error(rp, 405, "method not allowed");
            return;
        }
        web_clips_list(c, rp);
        return;
    }
    if (strncmp(rq->path, WEB_CLIPS_PREFIX, plen) != 0) {
        web_reply_error(rp, 404, "not found");
        return;
    }
    const char *name = rq->path + plen;
    bool get = is(rq->method, "GET") || is(rq->method, "HEAD");
    if (!get && !is(rq->method, "PUT") && !is(rq->method, "DELETE")) {
        rp->allow = "GET, PUT, DELETE";
        web_reply_error(rp, 405, "method not allowed");
        return;
    }
    if (!web_clip_name_valid(name)) {
        web_reply_error(rp, 400,
                        "a clip name is 1 to 64 letters, digits, '.', '_' "
                        "or '-', and does not start with a dot");
        return;
    }
    if (get) {
        web_clip_get(c, name, rq->range, rp);
        return;
    }
    if (is(rq->method, "DELETE")) {
        web_clips_delete(c, name, rp);
        return;
    }
    rp->kind = WEB_REPLY_UPLOAD;
    rp->status = 201;
    snprintf(rp->upload_name, sizeof(rp->upload_name), "%s", name);
}

static void settings(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    if (is(rq->method, "GET") || is(rq->method, "HEAD")) {
        web_settings_get(c, rp);
        return;
    }
    if (!is(rq->method, "PUT")) {
        rp->allow = "GET, PUT";
        web_reply_error(rp, 405, "method not allowed");
        return;
    }
    cJSON *o = json_body(rq, rp);
    if (!o)
        return;
    web_settings_put(c, o, rp);
    cJSON_Delete(o);
}

// /api/exercises and /api/exercises/ID/clip.
static void exercises(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    if (strcmp(rq->path, "/api/exercises") == 0) {
        if (!is(rq->method, "GET") && !is(rq->method, "HEAD")) {
            rp->allow = "GET";
            web_reply_error(rp, 405, "method not allowed");
            return;
        }
        web_exercises_list(c, rp);
        return;
    }
    const size_t plen = strlen(WEB_EXERCISES_PREFIX);
    const char *id = rq->path + plen;
    const char *slash = strncmp(rq->path, WEB_EXERCISES_PREFIX, plen) == 0
                            ? strchr(id, '/')
                            : NULL;
    if (!slash || strcmp(slash, "/clip") != 0) {
        web_reply_error(rp, 404, "not found");
        return;
    }
    if (!is(rq->method, "PUT")) {
        rp->allow = "PUT";
        web_reply_error(rp, 405, "method not allowed");
        return;
    }
    char eid[RT_ID_MAX_WEB];
    size_t n = (size_t)(slash - id);
    snprintf(eid, sizeof(eid), "%.*s", (int)n, id);
    if (n >= sizeof(eid) || !web_routine_id_valid(eid)) {
        web_reply_error(rp, 400, "not an exercise id");
        return;
    }
    cJSON *o = json_body(rq, rp);
    if (!o)
        return;
    web_exercise_set_clip(c, eid, o, rp);
    cJSON_Delete(o);
}

// /api/routines and /api/routines/ID.
static void routines(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    const size_t plen = strlen(WEB_ROUTINES_PREFIX);
    if (strcmp(rq->path, "/api/routines") == 0) {
        if (!is(rq->method, "GET") && !is(rq->method, "HEAD")) {
            rp->allow = "GET";
            web_reply_error(rp, 405, "method not allowed");
            return;
        }
        web_routines_list(c, rp);
        return;
    }
    if (strncmp(rq->path, WEB_ROUTINES_PREFIX, plen) != 0) {
        web_reply_error(rp, 404, "not found");
        return;
    }
    const char *id = rq->path + plen;
    bool get = is(rq->method, "GET") || is(rq->method, "HEAD");
    if (!get && !is(rq->method, "PUT") && !is(rq->method, "DELETE")) {
        rp->allow = "GET, PUT, DELETE";
        web_reply_error(rp, 405, "method not allowed");
        return;
    }
    if (!web_routine_id_valid(id)) {
        web_reply_error(rp, 400,
                        "a routine id is 1 to 47 lower-case letters, digits, "
                        "'-' or '_'");
        return;
    }
    if (get)
        web_routine_get(c, id, rp);
    else if (is(rq->method, "PUT"))
        web_routine_put(c, id, rq, rp);
    else
        web_routine_delete(c, id, rp);
}

typedef enum Api {
    API_STATUS,
    API_EVENTS,
    API_ACTION,
    API_HISTORY,
    API_CSV,
    API_PROFILE,
} Api;

static const struct {
    const char *path, *method;
    Api api;
} api_table[] = {
    {"/api/status", "GET", API_STATUS},   {"/api/events", "GET", API_EVENTS},
    {"/api/action", "POST", API_ACTION},  {"/api/history", "GET", API_HISTORY},
    {"/api/history.csv", "GET", API_CSV}, {"/api/profile", "POST", API_PROFILE},
};

static void api(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    char cookie[WEB_TOKEN_HEX + 1], csrf[WEB_TOKEN_HEX + 1];
    cookie_value(rq->cookie_header, cookie);
    pthread_mutex_lock(&c->mu);
    int dev = web_pair_find_locked(c, cookie);
    if (dev >= 0) {
        memcpy(csrf, c->devices[dev].csrf, sizeof(csrf));
    }
    pthread_mutex_unlock(&c->mu);
    if (dev < 0) {
        web_reply_error(rp, 401, "not paired: type the code shown on the TV");
        return;
    }
    if (unsafe_method(rq->method) &&
        !(rq->csrf && strlen(rq->csrf) == WEB_TOKEN_HEX &&
          memeql_sec(rq->csrf, csrf, WEB_TOKEN_HEX))) {
        web_reply_error(rp, 403, "missing or wrong X-CSRF-Token");
        return;
    }
    if (strncmp(rq->path, "/api/clips", 10) == 0) {
        clips(c, rq, rp);
        return;
    }
    if (strcmp(rq->path, "/api/settings") == 0) {
        settings(c, rq, rp);
        return;
    }
    if (strncmp(rq->path, "/api/exercises", 14) == 0) {
        exercises(c, rq, rp);
        return;
    }
    if (strncmp(rq->path, "/api/routines", 13) == 0) {
        routines(c, rq, rp);
        return;
    }
    for (size_t i = 0; i < sizeof(api_table) / sizeof(api_table[0]); i++) {
        if (strcmp(rq->path, api_table[i].path) != 0)
            continue;
        bool head = is(rq->method, "HEAD") && is(api_table[i].method, "GET");
        if (!is(rq->method, api_table[i].method) && !head) {
            rp->allow = api_table[i].method;
            web_reply_error(rp, 405, "method not allowed");
            return;
        }
        switch (api_table[i].api) {
        case API_STATUS: snapshot(c, &c->status, rp); return;
        case API_HISTORY: snapshot(c, &c->history, rp); return;
        case API_EVENTS:
            rp->kind = WEB_REPLY_EVENTS;
            rp->status = 200;
            return;
        case API_CSV:
            rp->kind = WEB_REPLY_CSV;
            rp->status = 200;
            return;
        case API_ACTION: action(c, rq, rp); return;
        case API_PROFILE: profile(c, rq, rp); return;
        }
    }
    web_reply_error(rp, 404, "not found");
}

void web_route(WebCore *c, const WebRequest *rq, WebReply *rp)
{
    memset(rp, 0, sizeof(*rp));
    if (!rq->path || !rq->method) {
        web_reply_error(rp, 400, "bad request");
        return;
    }
    if (strcmp(rq->path, "/api/pair") == 0)
        pair(c, rq, rp);
    else if (strncmp(rq->path, "/api/", 5) == 0 ||
             strcmp(rq->path, "/api") == 0)
        api(c, rq, rp);
    else
        serve_file(c, rq, rp);
}
