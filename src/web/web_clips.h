/*
 * The runner's clips over the companion page: the list of the user's
 * videos folder with what the kiosk's decoder makes of each file, deleting
 * one, and uploads. An upload streams to a temporary file in the videos
 * folder (".upload-XXXXXX-NAME", never listed, never a valid NAME), is
 * probed with the kiosk's decoder when complete and only then renamed to
 * NAME; every refusal (too big, disk full, cannot play, cut off) removes
 * the temporary file, so nothing is left behind. A clip is also served
 * back (GET /api/clips/NAME) with byte ranges, for the page's video player:
 * the server sends it from the file, never from memory. Plain C: no
 * libmicrohttpd; web_server.c feeds the body in and sends the file out.
 */
#ifndef UL_WEB_WEB_CLIPS_H
#define UL_WEB_WEB_CLIPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "web/web_core.h"
#include "web/web_router.h"

#define WEB_CLIP_NAME_MAX 64
#define WEB_CLIPS_PREFIX "/api/clips/"

// NAME is [A-Za-z0-9._-], 1 to 64 characters, not starting with a dot.
bool web_clip_name_valid(const char *name);

typedef struct WebUpload {
    int fd; // the temporary file, -1 when closed
    char tmp[WEB_PATH_MAX + 96];
    char name[WEB_CLIP_NAME_MAX + 1];
    uint64_t got; // bytes received so far
    int failed;   // 0 while fine, else the status to answer (413, 507, 500)
    char why[160];
} WebUpload;

// Start an upload of NAME (checked already) of content_length bytes (-1:
// not said). True with the temporary file open; false with the refusal in
// rp (413 too big, 507 no room, 500).
bool web_upload_begin(WebCore *c, const char *name, int64_t content_length,
                      WebUpload *u, WebReply *rp);
// Append a piece of the body. Past the limit or on a full disk the
// temporary file goes at once and the rest is only counted.
void web_upload_write(WebCore *c, WebUpload *u, const void *data, size_t n);
// The body is complete: probe, rename, answer (201, 200 when it replaced a
// clip of that name, 422 when it cannot play, or the failure).
void web_upload_finish(WebCore *c, WebUpload *u, WebReply *rp);
// The connection ended early: remove the temporary file. Safe to call
// after finish, and twice.
void web_upload_abort(WebUpload *u);

// What a Range: header asks of a file of size bytes.
typedef enum WebRange {
    WEB_RANGE_WHOLE, // no header, or one HTTP says to ignore (it does not
                     // parse, another unit, several ranges): 200
    WEB_RANGE_PART,  // *from .. *from + *len - 1: 206
    WEB_RANGE_NONE,  // nothing of the file is in it: 416
} WebRange;
WebRange web_range_parse(const char *header, uint64_t size, uint64_t *from,
                         uint64_t *len);

// GET /api/clips/NAME (NAME checked already): the clip itself, whole or
// the range asked for, as a WEB_REPLY_FILE with its video type; 404 when
// there is no such regular file (links are not followed), 416 for a range
// past the end.
void web_clip_get(WebCore *c, const char *name, const char *range,
                  WebReply *rp);

// GET /api/clips and DELETE /api/clips/NAME.
void web_clips_list(WebCore *c, WebReply *rp);
void web_clips_delete(WebCore *c, const char *name, WebReply *rp);

#endif
