/*
 * The companion's shared core: the published copies and the command queue
 * between the frame loop and the server thread (see web_core.h).
 */
#include "web/web_core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

bool web_random(void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += got;
        n -= (size_t)got;
    }
    return true;
}

bool web_core_init(WebCore *c, const char *state_dir, const char *assets_dir,
                   int64_t now_ms, char *err, size_t errsize)
{
    memset(c, 0, sizeof(*c));
    pthread_mutex_init(&c->mu, NULL);
    pthread_mutex_init(&c->file_mu, NULL);
    pthread_cond_init(&c->changed, NULL);
    snprintf(c->state_dir, sizeof(c->state_dir), "%s", state_dir);
    snprintf(c->assets_dir, sizeof(c->assets_dir), "%s", assets_dir);
    c->now_ms = now_ms;
    web_pair_load(c);
    // The first code: web_pair_tick_locked makes one when there is none.
    c->code_since = now_ms;
    unsigned char probe[4];
    if (!web_random(probe, sizeof(probe))) {
        snprintf(err, errsize, "no random numbers from the system: %s",
                 strerror(errno));
        web_core_deinit(c);
        return false;
    }
    pthread_mutex_lock(&c->mu);
    web_pair_tick_locked(c);
    pthread_mutex_unlock(&c->mu);
    return true;
}

void web_core_deinit(WebCore *c)
{
    if (!c)
        return;
    free(c->status);
    free(c->history);
    c->status = c->history = NULL;
    pthread_cond_destroy(&c->changed);
    pthread_mutex_destroy(&c->mu);
    pthread_mutex_destroy(&c->file_mu);
}

void web_core_publish_time(WebCore *c, int64_t now_ms)
{
    pthread_mutex_lock(&c->mu);
    c->now_ms = now_ms;
    web_pair_tick_locked(c);
    pthread_mutex_unlock(&c->mu);
}

// Replace *slot with a copy of json when it differs. True when it changed.
static bool replace_text(char **slot, const char *json)
{
    if (*slot && json && strcmp(*slot, json) == 0)
        return false;
    char *copy = json ? strdup(json) : NULL;
    if (json && !copy)
        return false; // out of memory: the old copy stays
    free(*slot);
    *slot = copy;
    return true;
}

void web_core_publish_status(WebCore *c, const char *json)
{
    pthread_mutex_lock(&c->mu);
    if (replace_text(&c->status, json)) {
        c->status_ver++;
        pthread_cond_broadcast(&c->changed);
    }
    pthread_mutex_unlock(&c->mu);
}

void web_core_publish_history(WebCore *c, const char *json)
{
    pthread_mutex_lock(&c->mu);
    replace_text(&c->history, json);
    pthread_mutex_unlock(&c->mu);
}

bool web_core_take(WebCore *c, WebCmd *out)
{
    pthread_mutex_lock(&c->mu);
    bool got = c->ncmds > 0;
    if (got) {
        *out = c->cmds[0];
        memmove(&c->cmds[0], &c->cmds[1],
                (size_t)(c->ncmds - 1) * sizeof(c->cmds[0]));
        c->ncmds--;
    }
    pthread_mutex_unlock(&c->mu);
    return got;
}

bool web_core_push(WebCore *c, WebCmd cmd)
{
    pthread_mutex_lock(&c->mu);
    bool room = c->ncmds < WEB_CMDS_MAX;
    if (room)
        c->cmds[c->ncmds++] = cmd;
    pthread_mutex_unlock(&c->mu);
    return room;
}

void web_core_csv_made(WebCore *c, bool ok)
{
    pthread_mutex_lock(&c->mu);
    c->csv_ok = ok;
    c->csv_made = c->csv_asked;
    pthread_cond_broadcast(&c->changed);
    pthread_mutex_unlock(&c->mu);
}

void web_core_csv_path(const WebCore *c, char *buf, size_t size)
{
    snprintf(buf, size, "%s/web-export.csv", c->state_dir);
}
