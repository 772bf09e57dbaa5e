/*
 * The settings over the companion page (see web_settings.h).
 */
#include "web/web_settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "data/settings_io.h"

// The "key = value" lines of config.ini's text as a JSON object.
static cJSON *settings_object(const Settings *s)
{
    char text[8192];
    settings_format(s, text, sizeof(text));
    cJSON *o = cJSON_CreateObject();
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *eq = strstr(line, " = ");
        if (line[0] == ';' || line[0] == '[' || !eq)
            continue;
        *eq = '\0';
        cJSON_AddStringToObject(o, line, eq + 3);
    }
    return o;
}

static bool load(WebCore *c, Settings *s, WebReply *rp)
{
    if (!c->paths.config_dir[0]) {
        web_reply_error(rp, 503, "the kiosk's folders are not known");
        return false;
    }
    DiagList ignored = {0};
    settings_load_file(s, &c->paths, &ignored);
    diag_list_free(&ignored);
    return true;
}

static void answer(const Settings *s, int status, WebReply *rp)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "settings", settings_object(s));
    cJSON *a = cJSON_AddObjectToObject(o, "allowed");
    for (int i = 0; i < settings_nkeys; i++)
        cJSON_AddStringToObject(a, settings_keys[i].key,
                                settings_keys[i].allowed);
    web_reply_json(rp, status, o);
}

void web_settings_get(WebCore *c, WebReply *rp)
{
    Settings s;
    if (load(c, &s, rp))
        answer(&s, 200, rp);
}

static void add_error(cJSON *errors, const char *key, const char *msg)
{
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "key", key);
    cJSON_AddStringToObject(e, "message", msg);
    cJSON_AddItemToArray(errors, e);
}

void web_settings_put(WebCore *c, const cJSON *body, WebReply *rp)
{
    Settings s;
    if (!load(c, &s, rp))
        return;
    // The change as config.ini text: line 2 + i is the i-th key.
    char ini[4096 + 64], keys[256] = "";
    size_t n = (size_t)snprintf(ini, sizeof(ini), "[settings]\n");
    const cJSON *item;
    const char *keyv[64];
    int nkeys = 0;
    cJSON_ArrayForEach(item, body)
    {
        char value[300];
        if (cJSON_IsString(item))
            snprintf(value, sizeof(value), "%s", item->valuestring);
        else if (cJSON_IsBool(item))
            snprintf(value, sizeof(value), "%s",
                     cJSON_IsTrue(item) ? "yes" : "no");
        else if (cJSON_IsNumber(item) &&
                 item->valuedouble == (long)item->valuedouble)
            snprintf(value, sizeof(value), "%ld", (long)item->valuedouble);
        else
            value[0] = '\n'; // refused below
        const char *k = item->string;
        if (nkeys == 64 || !k || !k[0] || strpbrk(k, "\n\r=;[]#") ||
            strpbrk(value, "\n\r") || strlen(k) > 64) {
            web_reply_error(rp, 400,
                            "send {\"key\": value, ...}: config.ini keys with "
                            "text, number or true/false values on one line");
            return;
        }
        keyv[nkeys++] = k;
        int w = snprintf(ini + n, sizeof(ini) - n, "%s = %s\n", k, value);
        if (w < 0 || (size_t)w >= sizeof(ini) - n) {
            web_reply_error(rp, 413, "too many settings at once");
            return;
        }
        n += (size_t)w;
        snprintf(keys + strlen(keys), sizeof(keys) - strlen(keys), "%s%s",
                 nkeys > 1 ? ", " : "", k);
    }
    if (nkeys == 0) {
        web_reply_error(rp, 400, "no setting to change");
        return;
    }
    DiagList d = {0};
    settings_parse(&s, ini, n, "config.ini", &d);
    cJSON *errors = cJSON_CreateArray();
    for (int i = 0; i < d.count; i++) {
        const Diag *g = &d.items[i];
        int at = g->line - 2;
        add_error(errors, at >= 0 && at < nkeys ? keyv[at] : "", g->msg);
    }
    bool bad = d.errors > 0;
    diag_list_free(&d);
    char found[PATHS_MAX + 64];
    if (s.coach_video[0] &&
        cJSON_GetObjectItemCaseSensitive(body, "coach_video") &&
        !paths_find_clip(&c->paths, s.coach_video, found, sizeof(found))) {
        char msg[400];
        snprintf(msg, sizeof(msg),
                 "'coach_video' must be a clip in a videos folder: there is "
                 "no '%s'",
                 s.coach_video);
        add_error(errors, "coach_video", msg);
        bad = true;
    }
    if (bad) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "errors", errors);
        web_reply_json(rp, 422, o);
        return;
    }
    cJSON_Delete(errors);
    char err[400];
    pthread_mutex_lock(&c->file_mu);
    bool saved = settings_save_file(&s, &c->paths, err, sizeof(err));
    pthread_mutex_unlock(&c->file_mu);
    if (!saved) {
        char msg[500];
        snprintf(msg, sizeof(msg), "settings not saved: %s", err);
        web_reply_error(rp, 500, msg);
        return;
    }
    WebCmd cmd = {.kind = WEB_CMD_RELOAD};
    snprintf(cmd.what, sizeof(cmd.what), "Settings changed: %.70s", keys);
    web_core_push(c, cmd);
    answer(&s, 200, rp);
}
