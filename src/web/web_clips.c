/*
 * The runner's clips over the companion page (see web_clips.h).
 */
#include "web/web_clips.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "platform/log.h"
#include "platform/paths.h"

bool web_clip_name_valid(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n < 1 || n > WEB_CLIP_NAME_MAX || name[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = name[i];
        bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                  (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
                  ch == '-';
        if (!ok)
            return false;
    }
    return true;
}

static void probe(WebCore *c, const char *path, WebClipFacts *f)
{
    memset(f, 0, sizeof(*f));
    f->playable = true;
    if (c->probe)
        c->probe(path, f);
}

static cJSON *clip_object(const char *name, uint64_t bytes,
                          const WebClipFacts *f)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name);
    cJSON_AddNumberToObject(o, "bytes", (double)bytes);
    if (f->playable) {
        cJSON_AddNumberToObject(o, "duration_s",
                                (double)(long)(f->duration_s * 1000) / 1000);
        cJSON_AddNumberToObject(o, "width", f->width);
        cJSON_AddNumberToObject(o, "height", f->height);
        cJSON_AddStringToObject(o, "codec", f->codec);
    } else {
        const char *keys[] = {"duration_s", "width", "height", "codec"};
        for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
            cJSON_AddNullToObject(o, keys[i]);
    }
    cJSON_AddBoolToObject(o, "playable", f->playable);
    if (f->playable)
        cJSON_AddNullToObject(o, "problem");
    else
        cJSON_AddStringToObject(o, "problem", f->problem);
    return o;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void web_clips_list(WebCore *c, WebReply *rp)
{
    if (!c->videos_dir[0]) {
        web_reply_error(rp, 503, "no videos folder");
        return;
    }
    cJSON *arr = cJSON_CreateArray();
    DIR *d = opendir(c->videos_dir);
    char *names[512];
    int n = 0;
    for (struct dirent *e; d && n < 512 && (e = readdir(d));) {
        // Dot files are uploads under way (and the folder itself).
        if (web_clip_name_valid(e->d_name))
            names[n++] = strdup(e->d_name);
    }
    if (d)
        closedir(d);
    for (int i = 0; i < n; i++)
        if (!names[i]) // out of memory: drop it
            names[i--] = names[--n];
    qsort(names, (size_t)n, sizeof(names[0]), by_name);
    for (int i = 0; i < n; i++) {
        char path[WEB_PATH_MAX + 80];
        snprintf(path, sizeof(path), "%s/%s", c->videos_dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            WebClipFacts f;
            probe(c, path, &f);
            cJSON_AddItemToArray(
                arr, clip_object(names[i], (uint64_t)st.st_size, &f));
        }
        free(names[i]);
    }
    web_reply_json(rp, 200, arr);
}

void web_clips_delete(WebCore *c, const char *name, WebReply *rp)
{
    char path[WEB_PATH_MAX + 80];
    snprintf(path, sizeof(path), "%s/%s", c->videos_dir, name);
    struct stat st;
    if (!c->videos_dir[0] || lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        web_reply_error(rp, 404, "no such clip");
        return;
    }
    if (unlink(path) != 0) {
        char msg[200];
        snprintf(msg, sizeof(msg), "cannot delete %s: %s", name,
                 strerror(errno));
        web_reply_error(rp, 500, msg);
        return;
    }
    rp->status = 204;
}

// Digits into *out; the first character after them. NULL when there are
// none or they overflow.
static const char *number(const char *p, uint64_t *out)
{
    if (*p < '0' || *p > '9')
        return NULL;
    uint64_t v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10)
            return NULL;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    *out = v;
    return p;
}

static const char *spaces(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

WebRange web_range_parse(const char *header, uint64_t size, uint64_t *from,
                         uint64_t *len)
{
    *from = 0;
    *len = size;
    if (!header || strncasecmp(spaces(header), "bytes", 5) != 0)
        return WEB_RANGE_WHOLE;
    const char *p = spaces(spaces(header) + 5);
    if (*p++ != '=')
        return WEB_RANGE_WHOLE;
    p = spaces(p);
    uint64_t a = 0, b = 0;
    bool suffix = *p == '-', open = false;
    if (suffix) {
        p = number(spaces(p + 1), &b);
    } else {
        p = number(p, &a);
        p = p ? spaces(p) : NULL;
        if (p && *p++ != '-')
            p = NULL;
        if (p) {
            p = spaces(p);
            open = *p == '\0' || *p == ',';
            if (!open)
                p = number(p, &b);
        }
    }
    // Anything after the range (a second one, garbage) and HTTP says the
    // header may be ignored: the whole file is a fine answer.
    if (!p || *spaces(p) != '\0' || (!suffix && !open && b < a))
        return WEB_RANGE_WHOLE;
    if (suffix) {
        if (b == 0 || size == 0)
            return WEB_RANGE_NONE;
        a = b >= size ? 0 : size - b;
        b = size - 1;
    } else {
        if (a >= size)
            return WEB_RANGE_NONE;
        if (open || b >= size)
            b = size - 1;
    }
    *from = a;
    *len = b - a + 1;
    return WEB_RANGE_PART;
}

// The video type by the name's container (the browser's player picks its
// decoder by it).
static const char *clip_type(const char *name)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".mp4", "video/mp4"},        {".m4v", "video/mp4"},
        {".mov", "video/quicktime"},  {".webm", "video/webm"},
        {".mkv", "video/x-matroska"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
        if (strcasecmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

void web_clip_get(WebCore *c, const char *name, const char *range, WebReply *rp)
{
    char path[WEB_PATH_MAX + 80];
    snprintf(path, sizeof(path), "%s/%s", c->videos_dir, name);
    // No links: a clip is a file the runner put in the folder.
    int fd = c->videos_dir[0]
                 ? open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
                 : -1;
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        web_reply_error(rp, 404, "no such clip");
        return;
    }
    uint64_t size = (uint64_t)st.st_size, from, len;
    WebRange r = web_range_parse(range, size, &from, &len);
    rp->ranges = true;
    if (r == WEB_RANGE_NONE) {
        close(fd);
        snprintf(rp->content_range, sizeof(rp->content_range), "bytes */%llu",
                 (unsigned long long)size);
        web_reply_error(rp, 416, "the range asked for is past the clip's end");
        return;
    }
    if (r == WEB_RANGE_PART)
        snprintf(rp->content_range, sizeof(rp->content_range),
                 "bytes %llu-%llu/%llu", (unsigned long long)from,
                 (unsigned long long)(from + len - 1),
                 (unsigned long long)size);
    rp->kind = WEB_REPLY_FILE;
    rp->status = r == WEB_RANGE_PART ? 206 : 200;
    rp->type = clip_type(name);
    rp->file_fd = fd;
    rp->file_off = from;
    rp->file_len = len;
}

static uint64_t free_bytes(const char *dir)
{
    struct statvfs sv;
    if (statvfs(dir, &sv) != 0)
        return UINT64_MAX; // unknown: let the writes tell
    return (uint64_t)sv.f_bavail * (uint64_t)sv.f_frsize;
}

static void drop_tmp(WebUpload *u)
{
    if (u->fd >= 0)
        close(u->fd);
    u->fd = -1;
    if (u->tmp[0])
        unlink(u->tmp);
    u->tmp[0] = '\0';
}

static void fail(WebUpload *u, int status, const char *why)
{
    if (!u->failed) {
        u->failed = status;
        snprintf(u->why, sizeof(u->why), "%s", why);
    }
    drop_tmp(u);
}

static void too_big_text(const WebCore *c, char *buf, size_t size)
{
    snprintf(buf, size,
             "the clip is larger than web_upload_max_mb (%llu MB) in "
             "config.ini",
             (unsigned long long)(c->upload_max / (1024 * 1024)));
}

bool web_upload_begin(WebCore *c, const char *name, int64_t content_length,
                      WebUpload *u, WebReply *rp)
{
    memset(u, 0, sizeof(*u));
    u->fd = -1;
    snprintf(u->name, sizeof(u->name), "%s", name);
    if (!c->videos_dir[0]) {
        web_reply_error(rp, 503, "no videos folder");
        return false;
    }
    char msg[200];
    if (content_length > 0 && (uint64_t)content_length > c->upload_max) {
        too_big_text(c, msg, sizeof(msg));
        web_reply_error(rp, 413, msg);
        return false;
    }
    paths_mkdirs(c->videos_dir); // the first clip makes the folder
    if (content_length > 0 &&
        (uint64_t)content_length > free_bytes(c->videos_dir)) {
        web_reply_error(rp, 507, "not enough room on the kiosk's disk");
        return false;
    }
    snprintf(u->tmp, sizeof(u->tmp), "%s/.upload-XXXXXX-%s", c->videos_dir,
             name);
    u->fd = mkstemps(u->tmp, (int)strlen(name) + 1);
    if (u->fd < 0) {
        snprintf(msg, sizeof(msg), "cannot write in the videos folder: %s",
                 strerror(errno));
        log_warn("web", "%s: %s", c->videos_dir, msg);
        u->tmp[0] = '\0';
        web_reply_error(rp, errno == ENOSPC ? 507 : 500, msg);
        return false;
    }
    return true;
}

void web_upload_write(WebCore *c, WebUpload *u, const void *data, size_t n)
{
    u->got += n;
    if (u->failed)
        return;
    if (u->got > c->upload_max) {
        char msg[160];
        too_big_text(c, msg, sizeof(msg));
        fail(u, 413, msg);
        return;
    }
    const char *p = data;
    while (n > 0) {
        ssize_t w = write(u->fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            bool full = w == 0 || errno == ENOSPC || errno == EDQUOT;
            char msg[160];
            snprintf(msg, sizeof(msg), "cannot write the clip: %s",
                     full ? "no room left" : strerror(errno));
            fail(u, full ? 507 : 500,
                 full ? "not enough room on the kiosk's disk" : msg);
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

void web_upload_finish(WebCore *c, WebUpload *u, WebReply *rp)
{
    if (!u->failed) {
        bool synced = fsync(u->fd) == 0;
        int e = errno;
        bool closed = close(u->fd) == 0;
        u->fd = -1;
        if (!synced || !closed) {
            e = synced ? errno : e;
            fail(u, e == ENOSPC ? 507 : 500,
                 e == ENOSPC ? "not enough room on the kiosk's disk"
                             : "cannot write the clip");
        }
    }
    if (u->failed) {
        drop_tmp(u);
        web_reply_error(rp, u->failed, u->why);
        return;
    }
    WebClipFacts f;
    probe(c, u->tmp, &f);
    if (!f.playable) {
        drop_tmp(u);
        cJSON *o = cJSON_CreateObject();
        char msg[520];
        // The probe names the temporary file; the runner knows NAME.
        snprintf(msg, sizeof(msg), "%s cannot play: %s", u->name, f.problem);
        cJSON_AddStringToObject(o, "error", msg);
        cJSON_AddStringToObject(o, "problem", f.problem);
        web_reply_json(rp, 422, o);
        return;
    }
    char path[WEB_PATH_MAX + 80];
    snprintf(path, sizeof(path), "%s/%s", c->videos_dir, u->name);
    bool replaced = access(path, F_OK) == 0;
    if (rename(u->tmp, path) != 0) {
        char msg[200];
        snprintf(msg, sizeof(msg), "cannot keep the clip: %s", strerror(errno));
        drop_tmp(u);
        web_reply_error(rp, 500, msg);
        return;
    }
    u->tmp[0] = '\0';
    web_reply_json(rp, replaced ? 200 : 201, clip_object(u->name, u->got, &f));
}

void web_upload_abort(WebUpload *u)
{
    drop_tmp(u);
}
