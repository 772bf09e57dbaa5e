/*
 * The companion server under test with a stand-in for the frame loop, and a
 * raw HTTP client: requests, answers, headers, pairing, the clock.
 */
#ifndef UL_WEB_TESTUTIL_H
#define UL_WEB_TESTUTIL_H
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/input.h"
#include "web/web_core.h"
#include "web/web_router.h"
#include "web/web_server.h"

typedef struct Fixture {
    char dir[256];
    WebCore core;
    WebServer *srv;
    int port;
    pthread_t app;
    volatile bool app_stop;
    int actions[64];
    volatile int nactions;
    volatile int csv_rows; // rows the fake export writes
} Fixture;

static Fixture *F;

// The frame loop's part: take commands; write the CSV when asked.
static void *fake_app(void *arg)
{
    Fixture *f = arg;
    while (!f->app_stop) {
        WebCmd cmd;
        while (web_core_take(&f->core, &cmd)) {
            if (cmd.kind == WEB_CMD_ACTION && f->nactions < 64) {
                f->actions[f->nactions] = cmd.action;
                f->nactions = f->nactions + 1;
            } else if (cmd.kind == WEB_CMD_EXPORT_CSV) {
                char path[700];
                web_core_csv_path(&f->core, path, sizeof(path));
                FILE *o = fopen(path, "w");
                fprintf(o, "started_at,routine\n");
                for (int i = 0; i < f->csv_rows; i++)
                    fprintf(o, "2026-11-%02d,ultra-legs\n", i + 1);
                fclose(o);
                web_core_csv_made(&f->core, true);
            }
        }
        usleep(2000);
    }
    return NULL;
}

static void start_server(Fixture *f)
{
    char err[300];
    char assets[600];
    snprintf(assets, sizeof(assets), "%s/web", ASSETS_DIR);
    assert_true(
        web_core_init(&f->core, f->dir, assets, 1000, err, sizeof(err)));
    f->srv = web_server_start(&f->core, "127.0.0.1", 0, 1, err, sizeof(err));
    assert_non_null(f->srv);
    f->port = web_server_port(f->srv);
    assert_true(f->port > 0);
    f->app_stop = false;
    pthread_create(&f->app, NULL, fake_app, f);
}

static void stop_server(Fixture *f)
{
    f->app_stop = true;
    pthread_join(f->app, NULL);
    web_server_stop(f->srv);
    web_core_deinit(&f->core);
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    snprintf(f->dir, sizeof(f->dir), "/tmp/ul-web-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    start_server(f);
    F = f;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    stop_server(f);
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static int connect_port(int port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
    return s;
}

typedef struct Resp {
    int status;
    char head[4096];
    char *body;
    size_t len;
} Resp;

// Send raw text; read the whole answer (the server closes).
static Resp raw(const char *req, size_t reqlen)
{
    Resp r = {0};
    int s = connect_port(F->port);
    assert_int_equal(send(s, req, reqlen, MSG_NOSIGNAL), (ssize_t)reqlen);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n + 4096 > cap)
            buf = realloc(buf, cap *= 2);
        ssize_t got = recv(s, buf + n, cap - n - 1, 0);
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(s);
    buf[n] = '\0';
    char *sep = strstr(buf, "\r\n\r\n");
    assert_non_null(sep);
    size_t hl = (size_t)(sep - buf);
    assert_true(hl < sizeof(r.head));
    memcpy(r.head, buf, hl);
    r.head[hl] = '\0';
    r.len = n - hl - 4;
    r.body = malloc(r.len + 1);
    memcpy(r.body, sep + 4, r.len + 1);
    free(buf);
    assert_int_equal(sscanf(r.head, "HTTP/1.1 %d", &r.status), 1);
    return r;
}

// A request with optional extra header lines ("Name: value\r\n"...).
static Resp req(const char *method, const char *path, const char *headers,
                const char *body)
{
    char text[16384];
    size_t bl = body ? strlen(body) : 0;
    int n =
        snprintf(text, sizeof(text),
                 "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
                 "close\r\n%sContent-Length: %zu\r\n\r\n%s",
                 method, path, headers ? headers : "", bl, body ? body : "");
    assert_true(n > 0 && (size_t)n < sizeof(text));
    return raw(text, (size_t)n);
}

static void resp_free(Resp *r)
{
    free(r->body);
}

// The value of a header (case-insensitive name), or NULL.
static const char *header(const Resp *r, const char *name, char *out,
                          size_t size)
{
    size_t nl = strlen(name);
    for (const char *p = strstr(r->head, "\r\n"); p; p = strstr(p, "\r\n")) {
        p += 2;
        if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
            const char *v = p + nl + 1;
            while (*v == ' ')
                v++;
            size_t len = strcspn(v, "\r\n");
            snprintf(out, size, "%.*s", (int)len, v);
            return out;
        }
    }
    return NULL;
}

static void code_now(char *code)
{
    pthread_mutex_lock(&F->core.mu);
    memcpy(code, F->core.code, WEB_CODE_LEN + 1);
    pthread_mutex_unlock(&F->core.mu);
}

// A code that is not the one shown.
static void wrong_code(char *out)
{
    char c[8];
    code_now(c);
    snprintf(out, 8, "%06d", (atoi(c) + 1) % 1000000);
}

static Resp pair_with(const char *code)
{
    char body[64];
    snprintf(body, sizeof(body), "{\"code\":\"%s\"}", code);
    return req("POST", "/api/pair", "Content-Type: application/json\r\n", body);
}

typedef struct Paired {
    char cookie[80]; // "ulk_session=HEX"
    char csrf[40];
} Paired;

static Paired pair_ok(void)
{
    char code[8];
    code_now(code);
    Resp r = pair_with(code);
    assert_int_equal(r.status, 200);
    char sc[300];
    assert_non_null(header(&r, "Set-Cookie", sc, sizeof(sc)));
    Paired p;
    snprintf(p.cookie, sizeof(p.cookie), "%.*s", (int)strcspn(sc, ";"), sc);
    const char *t = strstr(r.body, "\"csrf\":\"");
    assert_non_null(t);
    snprintf(p.csrf, sizeof(p.csrf), "%.32s", t + 8);
    resp_free(&r);
    return p;
}

static void set_clock(int64_t ms)
{
    web_core_publish_time(&F->core, ms);
}

// Headers for a paired request: cookie, and csrf when given.
static const char *auth(const Paired *p, const char *csrf, bool json)
{
    static char h[400];
    snprintf(h, sizeof(h), "Cookie: theme=dark; %s\r\n%s%s%s%s", p->cookie,
             csrf ? "X-CSRF-Token: " : "", csrf ? csrf : "", csrf ? "\r\n" : "",
             json ? "Content-Type: application/json\r\n" : "");
    return h;
}

#endif
