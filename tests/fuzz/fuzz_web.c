/*
 * Fuzz target: the companion's request router and its JSON handlers
 * (pairing, actions), over a core with one paired device. The input is a
 * request as text:
 *
 *   METHOD PATH\n
 *   Header: value\n ...   (Cookie, X-CSRF-Token, Content-Type, User-Agent)
 *   \n
 *   body
 *
 * "@C" in a header stands for the paired device's cookie and "@T" for its
 * CSRF token, and "@P" in the body for the pairing code, so the fuzzer
 * reaches what lies behind the checks as well as the checks. An authorised
 * clip upload (PUT /api/clips/NAME) streams its body through web_upload_*
 * into a videos folder, as the server does, and is removed again. The
 * folder holds one clip, "c.mp4", for GET /api/clips/c.mp4 with a Range:
 * header; the part the reply names is read back from the file.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "web/web_clips.h"
#include "web/web_core.h"
#include "web/web_router.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static WebCore core;
static char cookie[WEB_TOKEN_HEX + 1], csrf[WEB_TOKEN_HEX + 1];
static char dir[] = "/tmp/ul-fuzz-web-XXXXXX";

#ifndef ASSETS_DIR
#define ASSETS_DIR "/nonexistent"
#endif

// The files in a folder (left by an upload or a saved routine).
static void clear_dir(const char *folder)
{
    DIR *d = opendir(folder);
    for (struct dirent *e; d && (e = readdir(d));) {
        char path[WEB_PATH_MAX + 300];
        snprintf(path, sizeof(path), "%s/%s", folder, e->d_name);
        if (e->d_name[0] != '.' || strlen(e->d_name) > 2)
            unlink(path);
    }
    if (d)
        closedir(d);
}

static char routines_dir[WEB_PATH_MAX + 16];

#define CLIP_BYTES 1000

// The clip a GET may ask for (every input starts with it).
static void put_clip(void)
{
    char path[WEB_PATH_MAX + 16];
    paths_mkdirs(core.videos_dir);
    snprintf(path, sizeof(path), "%s/c.mp4", core.videos_dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    static char bytes[CLIP_BYTES];
    fwrite(bytes, 1, sizeof(bytes), f);
    fclose(f);
}

// What an input may have written: clips, routines, exercises.ini and
// config.ini (so every input starts from the same state).
static void clear_videos(void)
{
    clear_dir(core.videos_dir);
    clear_dir(routines_dir);
    char path[WEB_PATH_MAX + 32];
    snprintf(path, sizeof(path), "%s/exercises.ini", core.paths.config_dir);
    unlink(path);
    snprintf(path, sizeof(path), "%s/config.ini", core.paths.config_dir);
    unlink(path);
}

// The state folder goes with the process.
static void cleanup(void)
{
    char path[sizeof(dir) + 32];
    snprintf(path, sizeof(path), "%s/web-devices", dir);
    unlink(path);
    clear_videos();
    rmdir(core.videos_dir);
    rmdir(routines_dir);
    rmdir(core.paths.config_dir);
    rmdir(dir);
}

static void setup(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    char err[200];
    if (!mkdtemp(dir) ||
        !web_core_init(&core, dir, "/nonexistent", 0, err, sizeof(err)))
        abort();
    atexit(cleanup);
    snprintf(core.videos_dir, sizeof(core.videos_dir), "%s/videos", dir);
    core.upload_max = 4096;
    snprintf(core.paths.assets_dir, sizeof(core.paths.assets_dir), "%s",
             ASSETS_DIR);
    snprintf(core.paths.config_dir, sizeof(core.paths.config_dir), "%s/config",
             dir);
    snprintf(routines_dir, sizeof(routines_dir), "%s/routines",
             core.paths.config_dir);
    pthread_mutex_lock(&core.mu);
    if (web_pair_try_locked(&core, core.code, "fuzz", cookie, csrf) !=
        WEB_PAIR_OK)
        abort();
    pthread_mutex_unlock(&core.mu);
    web_core_publish_status(&core, "{\"screen\":\"home\"}");
    web_core_publish_history(&core, "{}");
}

// s with "@C", "@T" and "@P" replaced, into out (size n).
static void expand(const char *s, size_t len, char *out, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + WEB_TOKEN_HEX + 1 < n; i++) {
        const char *with = NULL;
        if (s[i] == '@' && i + 1 < len)
            with = s[i + 1] == 'C'   ? cookie
                   : s[i + 1] == 'T' ? csrf
                   : s[i + 1] == 'P' ? core.code
                                     : NULL;
        if (with) {
            memcpy(out + o, with, strlen(with));
            o += strlen(with);
            i++;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    static char text[8192], method[64], path[1024], hdr[5][512], body[8192];
    size_t n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;
    memcpy(text, data, n);
    text[n] = '\0';
    method[0] = path[0] = '\0';
    for (int i = 0; i < 5; i++)
        hdr[i][0] = '\0';
    bool have[5] = {false, false, false, false, false};
    static const char *const names[5] = {
        "Cookie: ", "X-CSRF-Token: ", "Content-Type: ", "User-Agent: ",
        "Range: "};
    char *p = text, *end = text + n;
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *line_end = nl ? nl : end;
    char *sp = memchr(p, ' ', (size_t)(line_end - p));
    if (sp) {
        snprintf(method, sizeof(method), "%.*s", (int)(sp - p), p);
        snprintf(path, sizeof(path), "%.*s", (int)(line_end - sp - 1), sp + 1);
    }
    p = nl ? nl + 1 : end;
    while (p < end && *p != '\n') {
        nl = memchr(p, '\n', (size_t)(end - p));
        line_end = nl ? nl : end;
        for (int i = 0; i < 5; i++) {
            size_t k = strlen(names[i]);
            if ((size_t)(line_end - p) >= k && memcmp(p, names[i], k) == 0) {
                expand(p + k, (size_t)(line_end - p) - k, hdr[i],
                       sizeof(hdr[i]));
                have[i] = true;
            }
        }
        p = nl ? nl + 1 : end;
    }
    if (p < end)
        p++; // the blank line
    expand(p, (size_t)(end - p), body, sizeof(body));
    size_t blen = strlen(body);
    WebRequest rq = {method,
                     path,
                     have[0] ? hdr[0] : NULL,
                     have[1] ? hdr[1] : NULL,
                     have[2] ? hdr[2] : NULL,
                     have[3] ? hdr[3] : NULL,
                     body,
                     blen,
                     blen > WEB_BODY_MAX,
                     (int64_t)blen,
                     have[4] ? hdr[4] : NULL};
    put_clip();
    WebReply rp;
    web_route(&core, &rq, &rp);
    if (rp.kind == WEB_REPLY_FILE) {
        // What the server would send: the range, inside the file.
        if (rp.file_off + rp.file_len > CLIP_BYTES ||
            (rp.status != 200 && rp.status != 206))
            abort();
        char buf[CLIP_BYTES];
        if (pread(rp.file_fd, buf, (size_t)rp.file_len, (off_t)rp.file_off) !=
            (ssize_t)rp.file_len)
            abort();
    }
    if (rp.kind == WEB_REPLY_UPLOAD) {
        WebUpload up;
        char name[sizeof(rp.upload_name)];
        memcpy(name, rp.upload_name, sizeof(name));
        memset(&rp, 0, sizeof(rp));
        if (web_upload_begin(&core, name, -1, &up, &rp)) {
            // In two pieces, as a network delivers it.
            web_upload_write(&core, &up, body, blen / 2);
            web_upload_write(&core, &up, body + blen / 2, blen - blen / 2);
            web_upload_finish(&core, &up, &rp);
            web_upload_abort(&up);
        }
    }
    clear_videos();
    if (rp.status < 200 || rp.status > 599 || (rp.len && !rp.body))
        abort();
    web_reply_free(&rp);
    // A successful pairing adds a device: forget the others, keep ours.
    pthread_mutex_lock(&core.mu);
    core.ndevices = core.ndevices > 1 ? 1 : core.ndevices;
    core.ncmds = 0; // reloads asked for by a saved routine
    core.locked_until = 0;
    core.wrong = 0;
    pthread_mutex_unlock(&core.mu);
    return 0;
}
