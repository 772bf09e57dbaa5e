/*
 * The companion's request router: one request in, one reply out, every
 * rule of pairing and security applied here (exact paths, the cookie, the
 * CSRF token, body limits, the files of assets/web/ and nothing else).
 * Plain C over the shared core: the server (web_server.c) turns HTTP into a
 * WebRequest and the WebReply back into HTTP; tests and the fuzz target
 * call web_route directly.
 */
#ifndef UL_WEB_WEB_ROUTER_H
#define UL_WEB_WEB_ROUTER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "web/web_core.h"

#define WEB_BODY_MAX 4096 // the largest request body the API takes
#define WEB_COOKIE_NAME "ulk_session"

typedef struct WebRequest {
    const char *method, *path; // path without the query
    const char *cookie_header; // the whole Cookie: header, or NULL
    const char *csrf;          // X-CSRF-Token, or NULL
    const char *content_type;  // or NULL
    const char *user_agent;    // or NULL
    const char *body;          // not NUL-terminated
    size_t body_len;
    bool body_too_big;      // more than WEB_BODY_MAX arrived
    int64_t content_length; // as the client said, -1 when it did not
    const char *range;      // the Range: header, or NULL
} WebRequest;

typedef enum WebReplyKind {
    WEB_REPLY_PLAIN,  // status, type and body
    WEB_REPLY_EVENTS, // an authorised event stream: the server runs it
    WEB_REPLY_CSV,    // an authorised CSV export: the server waits for it
    WEB_REPLY_UPLOAD, // an authorised upload of a clip: the server streams
                      // the body through web_upload_* (upload_name)
    WEB_REPLY_FILE,   // a clip: file_len bytes of file_fd from file_off
                      // (the server sends them from the file; the reply
                      // owns the descriptor until then)
} WebReplyKind;

typedef struct WebReply {
    WebReplyKind kind;
    int status;
    const char *type; // Content-Type (static), NULL without a body
    char *body;       // malloc'd, or NULL
    size_t len;
    char set_cookie[160]; // Set-Cookie value, or ""
    const char *allow;    // Allow: for 405, or NULL
    bool cache;           // a static file (may be cached briefly)
    char upload_name[72]; // WEB_REPLY_UPLOAD: the clip's NAME
    int file_fd;          // WEB_REPLY_FILE: the open clip
    uint64_t file_off, file_len;
    bool ranges;            // Accept-Ranges: bytes
    char content_range[80]; // Content-Range value, or ""
} WebReply;

// Route rq. The reply's body (and a WEB_REPLY_FILE's descriptor) is the
// caller's to free (web_reply_free).
void web_route(WebCore *c, const WebRequest *rq, WebReply *rp);
void web_reply_free(WebReply *rp);
// A reply with a copy of text as its body (503 when memory runs out).
void web_reply_text(WebReply *rp, int status, const char *type,
                    const char *text);
// {"error": msg}
void web_reply_error(WebReply *rp, int status, const char *msg);
// o as the body (application/json), o deleted; 503 when memory runs out.
void web_reply_json(WebReply *rp, int status, cJSON *o);

// The action names the remote pad sends, as InputActions (ACT_NONE for
// any other name).
int web_action_from_name(const char *name);

#endif
