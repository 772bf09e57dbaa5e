/*
 * libmicrohttpd glue (the one file that includes microhttpd.h): requests
 * are gathered (headers, a body of at most WEB_BODY_MAX bytes) and handed
 * to web_route; its reply goes out with the security headers every answer
 * carries. Event streams and the CSV export, which wait on the frame loop,
 * are run here on the connection's own thread. A clip's upload (PUT
 * /api/clips/NAME) is routed as soon as its headers are in, so a refusal
 * never reads the body, and its body streams to web_upload_* (a temporary
 * file) instead of memory; a clip asked for (GET /api/clips/NAME) is sent
 * from its file, the range asked for only.
 */
#include "web/web_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "platform/log.h"
#include "web/web_clips.h"
#include "web/web_router.h"

struct WebServer {
    WebCore *core;
    struct MHD_Daemon *d;
    int port;
};

// A request being read.
typedef struct Pending {
    char body[WEB_BODY_MAX];
    size_t len;
    bool too_big;
    bool uploading; // a clip's body streams to up, not into body
    WebUpload up;
} Pending;

// An event stream: the status text not yet sent, from off.
typedef struct Stream {
    WebCore *core;
    unsigned long ver; // the status version last sent
    char *text;
    size_t len, off;
} Stream;

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    char line[400];
    vsnprintf(line, sizeof(line), fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    log_warn("web", "%s", line);
}

static void add_headers(struct MHD_Response *r, const WebReply *rp)
{
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; frame-ancestors 'none'; "
                            "base-uri 'none'; form-action 'self'");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control",
                            rp && rp->cache ? "no-cache" : "no-store");
    if (rp && rp->type)
        MHD_add_response_header(r, "Content-Type", rp->type);
    if (rp && rp->set_cookie[0])
        MHD_add_response_header(r, "Set-Cookie", rp->set_cookie);
    if (rp && rp->allow)
        MHD_add_response_header(r, "Allow", rp->allow);
    if (rp && rp->ranges)
        MHD_add_response_header(r, "Accept-Ranges", "bytes");
    if (rp && rp->content_range[0])
        MHD_add_response_header(r, "Content-Range", rp->content_range);
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// Wait on the core's condition for at most ms (the lock held).
static void wait_ms(WebCore *c, int64_t ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&c->changed, &c->mu, &ts);
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    Stream *s = cls;
    WebCore *c = s->core;
    if (s->off == s->len) {
        free(s->text);
        s->text = NULL;
        s->len = s->off = 0;
        pthread_mutex_lock(&c->mu);
        if (!c->stopping && (!c->status || c->status_ver == s->ver))
            wait_ms(c, WEB_EVENTS_PING_MS);
        bool stop = c->stopping;
        if (!stop && c->status && c->status_ver != s->ver) {
            size_t n = strlen(c->status);
            s->text = malloc(n + 16);
            if (s->text)
                s->len = (size_t)snprintf(s->text, n + 16, "data: %s\n\n",
                                          c->status);
            s->ver = c->status_ver;
        }
        pthread_mutex_unlock(&c->mu);
        if (stop)
            return MHD_CONTENT_READER_END_OF_STREAM;
        if (!s->text) {
            static const char ping[] = ": ping\n\n";
            s->text = strdup(ping);
            s->len = s->text ? sizeof(ping) - 1 : 0;
        }
        if (!s->text)
            return MHD_CONTENT_READER_END_WITH_ERROR;
    }
    size_t n = s->len - s->off < max ? s->len - s->off : max;
    memcpy(buf, s->text + s->off, n);
    s->off += n;
    return (ssize_t)n;
}

static void stream_free(void *cls)
{
    Stream *s = cls;
    free(s->text);
    free(s);
}

static struct MHD_Response *events_response(WebCore *c)
{
    Stream *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->core = c;
    struct MHD_Response *r = MHD_create_response_from_callback(
        MHD_SIZE_UNKNOWN, 4096, stream_read, s, stream_free);
    if (!r) {
        free(s);
        return NULL;
    }
    MHD_add_response_header(r, "Content-Type", "text/event-stream");
    return r;
}

// Ask the frame loop for the export and wait (at most 10 s) for it.
static struct MHD_Response *csv_response(WebCore *c, int *status)
{
    pthread_mutex_lock(&c->mu);
    unsigned long ticket = ++c->csv_asked;
    pthread_mutex_unlock(&c->mu);
    if (!web_core_push(c, (WebCmd){.kind = WEB_CMD_EXPORT_CSV}))
        return NULL;
    int64_t until = mono_ms() + 10000;
    pthread_mutex_lock(&c->mu);
    while (c->csv_made < ticket && !c->stopping && mono_ms() < until)
        wait_ms(c, until - mono_ms());
    bool ok = c->csv_made >= ticket && c->csv_ok;
    // Opened under the lock: a later export renames a new file over it,
    // and this answer keeps the one it asked for.
    char path[WEB_PATH_MAX + 32];
    web_core_csv_path(c, path, sizeof(path));
    int fd = ok ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    pthread_mutex_unlock(&c->mu);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    struct MHD_Response *r =
        MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (!r) {
        close(fd);
        return NULL;
    }
    MHD_add_response_header(r, "Content-Type", "text/csv; charset=utf-8");
    MHD_add_response_header(r, "Content-Disposition",
                            "attachment; filename=\"ultralegs-history.csv\"");
    *status = 200;
    return r;
}

// A plain reply (its body is taken), with the headers every answer has.
static enum MHD_Result send_plain(struct MHD_Connection *conn, WebReply *rp)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        rp->len, rp->body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        web_reply_free(rp);
        return MHD_NO;
    }
    rp->body = NULL; // the response frees it
    add_headers(r, rp);
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)rp->status, r);
    MHD_destroy_response(r);
    return ok;
}

static int64_t content_length(struct MHD_Connection *conn)
{
    const char *v =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    char *end = NULL;
    long long n = v ? strtoll(v, &end, 10) : -1;
    return v && end != v && !*end && n >= 0 ? (int64_t)n : -1;
}

// The headers of PUT /api/clips/NAME are in: the router checks pairing,
// the token and the name before a byte of the body is read; a refusal is
// answered now (the body is never read).
static enum MHD_Result upload_start(WebServer *sv, struct MHD_Connection *conn,
                                    const char *method, const char *url,
                                    Pending *p)
{
    WebRequest rq = {
        method,
        url,
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Cookie"),
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token"),
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type"),
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "User-Agent"),
        NULL,
        0,
        false,
        content_length(conn),
        NULL,
    };
    WebReply rp;
    web_route(sv->core, &rq, &rp);
    if (rp.kind == WEB_REPLY_UPLOAD) {
        char name[sizeof(rp.upload_name)];
        memcpy(name, rp.upload_name, sizeof(name));
        memset(&rp, 0, sizeof(rp));
        if (web_upload_begin(sv->core, name, rq.content_length, &p->up, &rp)) {
            p->uploading = true;
            return MHD_YES;
        }
    }
    return send_plain(conn, &rp);
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    WebServer *sv = cls;
    Pending *p = *con_cls;
    if (!p) {
        p = calloc(1, sizeof(*p));
        if (!p)
            return MHD_NO;
        p->up.fd = -1;
        *con_cls = p;
        if (strcmp(method, "PUT") == 0 &&
            strncmp(url, WEB_CLIPS_PREFIX, strlen(WEB_CLIPS_PREFIX)) == 0)
            return upload_start(sv, conn, method, url, p);
        return MHD_YES;
    }
    if (p->uploading) {
        if (*upload_size) {
            web_upload_write(sv->core, &p->up, upload, *upload_size);
            *upload_size = 0;
            return MHD_YES;
        }
        p->uploading = false;
        WebReply rp;
        memset(&rp, 0, sizeof(rp));
        web_upload_finish(sv->core, &p->up, &rp);
        return send_plain(conn, &rp);
    }
    if (*upload_size) {
        if (p->len + *upload_size > sizeof(p->body))
            p->too_big = true; // the rest is read and dropped
        else
            memcpy(p->body + p->len, upload, *upload_size);
        if (!p->too_big)
            p->len += *upload_size;
        *upload_size = 0;
        return MHD_YES;
    }
    WebRequest rq = {
        method,
        url,
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Cookie"),
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token"),
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type"),
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "User-Agent"),
        p->body,
        p->len,
        p->too_big,
        content_length(conn),
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Range"),
    };
    WebReply rp;
    web_route(sv->core, &rq, &rp);
    struct MHD_Response *r = NULL;
    int status = rp.status;
    if (rp.kind == WEB_REPLY_EVENTS) {
        r = events_response(sv->core);
    } else if (rp.kind == WEB_REPLY_UPLOAD) {
        r = NULL; // uploads start with their headers (upload_start)
    } else if (rp.kind == WEB_REPLY_FILE) {
        // Sent from the file (sendfile or pread, a piece at a time); the
        // response closes the descriptor.
        r = MHD_create_response_from_fd_at_offset64(rp.file_len, rp.file_fd,
                                                    rp.file_off);
        if (r)
            rp.file_fd = -1;
    } else if (rp.kind == WEB_REPLY_CSV) {
        status = 503;
        r = csv_response(sv->core, &status);
    } else {
        r = MHD_create_response_from_buffer(rp.len, rp.body,
                                            MHD_RESPMEM_MUST_FREE);
        if (r)
            rp.body = NULL; // the response frees it
    }
    if (!r) {
        web_reply_free(&rp);
        rp.ranges = false;
        rp.content_range[0] = '\0';
        static const char busy[] = "{\"error\":\"the kiosk is busy\"}";
        r = MHD_create_response_from_buffer(sizeof(busy) - 1, (void *)busy,
                                            MHD_RESPMEM_PERSISTENT);
        status = 503;
        rp.type = "application/json";
        if (!r)
            return MHD_NO;
    }
    if (rp.kind != WEB_REPLY_PLAIN && rp.kind != WEB_REPLY_FILE)
        rp.type = NULL; // set with the response
    add_headers(r, &rp);
    web_reply_free(&rp);
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)status, r);
    MHD_destroy_response(r);
    return ok;
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                      enum MHD_RequestTerminationCode code)
{
    Pending *p = *con_cls;
    if (p)
        web_upload_abort(&p->up); // cut off mid-body: nothing stays
    free(p);
    *con_cls = NULL;
}

WebServer *web_server_start(WebCore *core, const char *bind, int port,
                            int timeout_s, char *err, size_t errsize)
{
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, bind, &sa.sin_addr) != 1) {
        snprintf(err, errsize,
                 "web_bind '%s' is not an IPv4 address (e.g. 0.0.0.0)", bind);
        return NULL;
    }
    WebServer *s = calloc(1, sizeof(*s));
    if (!s) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    s->core = core;
    errno = 0;
    s->d = MHD_start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
            MHD_USE_AUTO | MHD_USE_ERROR_LOG,
        (uint16_t)port, NULL, NULL, answer, s, MHD_OPTION_EXTERNAL_LOGGER,
        mhd_log, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)WEB_CONNECTIONS_MAX,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)WEB_PER_IP_MAX,
        MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)(timeout_s > 0 ? timeout_s : WEB_TIMEOUT_S),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
        MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_END);
    if (!s->d) {
        snprintf(err, errsize, "cannot listen on %s:%d%s%s", bind, port,
                 errno ? ": " : "", errno ? strerror(errno) : "");
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : port;
    return s;
}

int web_server_port(const WebServer *s)
{
    return s ? s->port : 0;
}

void web_server_stop(WebServer *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->core->mu);
    s->core->stopping = true;
    pthread_cond_broadcast(&s->core->changed);
    pthread_mutex_unlock(&s->core->mu);
    MHD_stop_daemon(s->d);
    free(s);
}
