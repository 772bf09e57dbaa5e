/*
 * The routines over the companion page (see web_routines.h).
 */
#include "web/web_routines.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/routine.h"
#include "data/library_load.h"

#define ROUTINE_FILE_MAX (1024 * 1024)

bool web_routine_id_valid(const char *id)
{
    size_t n = id ? strlen(id) : 0;
    if (n < 1 || n >= RT_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = id[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '_'))
            return false;
    }
    return true;
}

static void user_path(const WebCore *c, const char *id, char *buf, size_t size)
{
    snprintf(buf, size, "%s/routines/%s.ini", c->paths.config_dir, id);
}

static void builtin_path(const WebCore *c, const char *id, char *buf,
                         size_t size)
{
    snprintf(buf, size, "%s/routines/%s.ini", c->paths.assets_dir, id);
}

static bool ready(const WebCore *c, WebReply *rp)
{
    if (c->paths.config_dir[0])
        return true;
    web_reply_error(rp, 503, "the kiosk's folders are not known");
    return false;
}

static void tell_kiosk(WebCore *c, const char *fmt, const char *id)
{
    WebCmd cmd = {.kind = WEB_CMD_RELOAD};
    snprintf(cmd.what, sizeof(cmd.what), fmt, id);
    web_core_push(c, cmd); // a full queue: the next change reloads anyway
}

void web_routines_list(WebCore *c, WebReply *rp)
{
    if (!ready(c, rp))
        return;
    Library *lib = library_load(&c->paths);
    if (!lib) {
        web_reply_error(rp, 503, "out of memory");
        return;
    }
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < lib->nroutines; i++) {
        const Routine *r = &lib->routines[i];
        // The one the kiosk coaches, and a user's file that is broken.
        if (!r->active && !(r->user && !r->valid))
            continue;
        char path[PATHS_MAX + RT_ID_MAX + 16];
        builtin_path(c, r->id, path, sizeof(path));
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", r->id);
        cJSON_AddStringToObject(o, "title", r->title);
        cJSON_AddBoolToObject(o, "builtin", file_exists(path));
        cJSON_AddBoolToObject(o, "user", r->user);
        cJSON_AddBoolToObject(o, "valid", r->valid);
        cJSON_AddNumberToObject(o, "steps", r->nsteps);
        cJSON_AddItemToArray(arr, o);
    }
    library_destroy(lib);
    web_reply_json(rp, 200, arr);
}

void web_routine_get(WebCore *c, const char *id, WebReply *rp)
{
    if (!ready(c, rp))
        return;
    char path[PATHS_MAX + RT_ID_MAX + 16], err[160];
    user_path(c, id, path, sizeof(path));
    if (!file_exists(path))
        builtin_path(c, id, path, sizeof(path));
    if (!file_exists(path)) {
        web_reply_error(rp, 404, "no such routine");
        return;
    }
    size_t len = 0;
    char *text = file_read_all(path, ROUTINE_FILE_MAX, &len, err, sizeof(err));
    if (!text) {
        web_reply_error(rp, 500, err);
        return;
    }
    rp->status = 200;
    rp->type = "text/plain; charset=utf-8";
    rp->body = text;
    rp->len = len;
}

bool web_write_atomic(const char *path, const char *text, size_t len)
{
    char tmp[WEB_PATH_MAX + 128];
    const char *slash = strrchr(path, '/');
    int dl = slash ? (int)(slash - path) : 0;
    snprintf(tmp, sizeof(tmp), "%.*s/.%s.XXXXXX", dl, path,
             slash ? slash + 1 : path);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return false;
    bool ok = true;
    for (size_t off = 0; ok && off < len;) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        off += ok ? (size_t)w : 0;
    }
    ok = ok && fsync(fd) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) == 0)
        return true;
    saved = errno ? errno : saved;
    unlink(tmp);
    errno = saved;
    return false;
}

void web_routine_put(WebCore *c, const char *id, const WebRequest *rq,
                     WebReply *rp)
{
    if (!ready(c, rp))
        return;
    if (rq->body_too_big) {
        web_reply_error(rp, 413, "the routine's text is longer than 4 KB");
        return;
    }
    LibraryOverlay ov = {
        .id = id, .text = rq->body ? rq->body : "", .len = rq->body_len};
    Library *lib = library_load_with(&c->paths, &ov);
    if (!lib) {
        web_reply_error(rp, 503, "out of memory");
        return;
    }
    char path[PATHS_MAX + RT_ID_MAX + 16];
    user_path(c, id, path, sizeof(path));
    cJSON *errors = cJSON_CreateArray();
    for (int i = 0; i < lib->diags.count; i++) {
        const Diag *d = &lib->diags.items[i];
        if (d->level != DIAG_ERROR || strcmp(d->file, path) != 0)
            continue;
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "line", d->line);
        cJSON_AddStringToObject(e, "message", d->msg);
        cJSON_AddItemToArray(errors, e);
    }
    library_destroy(lib);
    if (cJSON_GetArraySize(errors) > 0) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "errors", errors);
        web_reply_json(rp, 422, o);
        return;
    }
    cJSON_Delete(errors);
    char dir[PATHS_MAX + 16];
    snprintf(dir, sizeof(dir), "%s/routines", c->paths.config_dir);
    bool existed = file_exists(path);
    if (!paths_mkdirs(dir) ||
        !web_write_atomic(path, rq->body ? rq->body : "", rq->body_len)) {
        char msg[200];
        snprintf(msg, sizeof(msg), "cannot save the routine: %s",
                 strerror(errno));
        web_reply_error(rp, errno == ENOSPC ? 507 : 500, msg);
        return;
    }
    tell_kiosk(c, "Routine %s saved", id);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", id);
    web_reply_json(rp, existed ? 200 : 201, o);
}

void web_routine_delete(WebCore *c, const char *id, WebReply *rp)
{
    if (!ready(c, rp))
        return;
    char path[PATHS_MAX + RT_ID_MAX + 16], builtin[PATHS_MAX + RT_ID_MAX + 16];
    user_path(c, id, path, sizeof(path));
    builtin_path(c, id, builtin, sizeof(builtin));
    if (!file_exists(path)) {
        if (file_exists(builtin))
            web_reply_error(rp, 409,
                            "a built-in routine cannot be deleted, only "
                            "overridden: save your own text for it");
        else
            web_reply_error(rp, 404, "no such routine");
        return;
    }
    if (unlink(path) != 0) {
        char msg[200];
        snprintf(msg, sizeof(msg), "cannot delete the routine: %s",
                 strerror(errno));
        web_reply_error(rp, 500, msg);
        return;
    }
    tell_kiosk(c,
               file_exists(builtin) ? "Routine %s is the built-in one again"
                                    : "Routine %s deleted",
               id);
    rp->status = 204;
}
