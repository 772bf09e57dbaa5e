/*
 * The set-up calls under test: a kiosk's folders in a temporary place, a
 * paired client that streams bodies, and reading back what was written.
 */
#ifndef UL_WEB_SETUP_TESTUTIL_H
#define UL_WEB_SETUP_TESTUTIL_H
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "app/app_web.h"
#include "web/web_core.h"
#include "web/web_server.h"

typedef struct Fixture {
    char dir[256];
    char videos[300];
    char clip[300]; // a small MP4 made with ffmpeg, playable
    WebCore core;
    WebServer *srv;
    int port;
    char cookie[80];
    char csrf[40];
} Fixture;

static Fixture *F;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "/tmp/ul-webclips-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->videos, sizeof(f->videos), "%s/videos", f->dir);
    snprintf(f->clip, sizeof(f->clip), "%s/src.mp4", f->dir);
    char cmd[800];
    snprintf(cmd, sizeof(cmd),
             "ffmpeg -loglevel error -y -f lavfi -i "
             "testsrc2=size=320x240:rate=25 -t 2 -pix_fmt yuv420p '%s'",
             f->clip);
    assert_int_equal(system(cmd), 0);
    char err[300];
    assert_true(
        web_core_init(&f->core, f->dir, ASSETS_DIR "/web", 1000, err, 300));
    snprintf(f->core.videos_dir, sizeof(f->core.videos_dir), "%s", f->videos);
    f->core.upload_max = 1 << 20; // web_upload_max_mb = 1
    f->core.probe = app_web_probe_clip;
    Paths *p = &f->core.paths;
    snprintf(p->assets_dir, sizeof(p->assets_dir), "%s", ASSETS_DIR);
    snprintf(p->config_dir, sizeof(p->config_dir), "%s/config", f->dir);
    snprintf(p->data_dir, sizeof(p->data_dir), "%s", f->dir);
    snprintf(p->user_videos, sizeof(p->user_videos), "%s", f->videos);
    snprintf(p->builtin_videos, sizeof(p->builtin_videos), "%s/none", f->dir);
    f->srv = web_server_start(&f->core, "127.0.0.1", 0, 2, err, sizeof(err));
    assert_non_null(f->srv);
    f->port = web_server_port(f->srv);
    F = f;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    web_server_stop(f->srv);
    web_core_deinit(&f->core);
    umount(f->videos); // the full-disk test's tmpfs, when still there
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

typedef struct Resp {
    int status;
    char head[4096];
    char body[8192];
} Resp;

static int connect_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)F->port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
    return s;
}

static Resp read_resp(int s)
{
    Resp r = {0};
    static char buf[1 << 16];
    size_t n = 0;
    for (;;) {
        ssize_t got = recv(s, buf + n, sizeof(buf) - 1 - n, 0);
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    buf[n] = '\0';
    char *sep = strstr(buf, "\r\n\r\n");
    assert_non_null(sep);
    snprintf(r.head, sizeof(r.head), "%.*s", (int)(sep - buf), buf);
    snprintf(r.body, sizeof(r.body), "%s", sep + 4);
    assert_int_equal(sscanf(r.head, "HTTP/1.1 %d", &r.status), 1);
    return r;
}

static void send_all(int s, const void *p, size_t n)
{
    // The server may answer and close before the body is sent (an early
    // refusal): errors here are the answer's business.
    send(s, p, n, MSG_NOSIGNAL);
}

// The server answered already (an early refusal)?
static bool answered(int s, int ms)
{
    struct pollfd pf = {s, POLLIN, 0};
    return poll(&pf, 1, ms) > 0;
}

// Extra header lines for the next requests ("" for none).
static const char *extra = "";

// A request with the session's cookie (and token when csrf), body as is or
// chunked (no Content-Length).
static Resp send_req(const char *method, const char *path, bool cookie,
                     bool csrf, const void *body, size_t len, bool chunked)
{
    int s = connect_port();
    char head[1200];
    int n = snprintf(
        head, sizeof(head),
        "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        "%s%s%s%s%s%s%s",
        method, path, cookie ? "Cookie: " : "", cookie ? F->cookie : "",
        cookie ? "\r\n" : "", csrf ? "X-CSRF-Token: " : "", csrf ? F->csrf : "",
        csrf ? "\r\n" : "", extra);
    if (chunked)
        n += snprintf(head + n, sizeof(head) - (size_t)n,
                      "Transfer-Encoding: chunked\r\n\r\n");
    else
        n += snprintf(head + n, sizeof(head) - (size_t)n,
                      "Content-Length: %zu\r\n\r\n", len);
    send_all(s, head, (size_t)n);
    if (len > 0 && !answered(s, 200)) {
        const char *p = body;
        for (size_t off = 0; off < len;) {
            size_t piece = len - off < 65536 ? len - off : 65536;
            if (chunked) {
                char ch[32];
                int cn = snprintf(ch, sizeof(ch), "%zx\r\n", piece);
                send_all(s, ch, (size_t)cn);
            }
            send_all(s, p + off, piece);
            if (chunked)
                send_all(s, "\r\n", 2);
            off += piece;
        }
    }
    if (chunked)
        send_all(s, "0\r\n\r\n", 5);
    Resp r = read_resp(s);
    close(s);
    return r;
}

static void pair(void)
{
    char body[64], head[400];
    pthread_mutex_lock(&F->core.mu);
    snprintf(body, sizeof(body), "{\"code\":\"%s\"}", F->core.code);
    pthread_mutex_unlock(&F->core.mu);
    int s = connect_port();
    int n = snprintf(head, sizeof(head),
                     "POST /api/pair HTTP/1.1\r\nHost: x\r\nConnection: "
                     "close\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\n\r\n%s",
                     strlen(body), body);
    send_all(s, head, (size_t)n);
    Resp r = read_resp(s);
    close(s);
    assert_int_equal(r.status, 200);
    const char *sc = strstr(r.head, "Set-Cookie: ");
    assert_non_null(sc);
    sc += 12;
    snprintf(F->cookie, sizeof(F->cookie), "%.*s", (int)strcspn(sc, ";"), sc);
    const char *t = strstr(r.body, "\"csrf\":\"");
    assert_non_null(t);
    snprintf(F->csrf, sizeof(F->csrf), "%.32s", t + 8);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

// The names in dir (dot files too), joined by spaces; "" when empty or
// missing.
static const char *listing(const char *dir)
{
    static char out[2048];
    out[0] = '\0';
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        strncat(out, e->d_name, sizeof(out) - strlen(out) - 2);
        strcat(out, " ");
    }
    if (d)
        closedir(d);
    return out;
}

#endif
