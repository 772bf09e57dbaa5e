/*
 * The companion's shared core: everything the server thread and the frame
 * loop exchange, behind one mutex. The frame loop publishes (its clock, the
 * status and history as JSON text) and takes commands (the remote's
 * actions, a CSV export); the server reads the published copies and pushes
 * commands. Neither ever sees the other's state, and the frame loop never
 * waits for the server longer than a copy under the lock.
 *
 * Pairing lives here too (web_pair.c): the 6-digit code, the lock after
 * wrong codes and the paired devices, whose cookies are stored hashed in
 * the state folder so a restart keeps them paired.
 *
 * No libmicrohttpd here: the router (web_router.h) and this core are plain
 * C, so the tests and the fuzz target drive them without a socket.
 */
#ifndef UL_WEB_WEB_CORE_H
#define UL_WEB_WEB_CORE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/paths.h"

#define WEB_CODE_LEN 6
#define WEB_DEVICES_MAX 16
#define WEB_CMDS_MAX 32
#define WEB_PATH_MAX 600
#define WEB_WRONG_MAX 5               // wrong codes in a row before the lock
#define WEB_LOCK_MS (60 * 1000)       // how long pairing stays locked
#define WEB_CODE_MS (10 * 60 * 1000)  // a code's life
#define WEB_ASKING_MS (2 * 60 * 1000) // the TV's banner after a request
#define WEB_TOKEN_HEX 32              // 128 bits as hex
#define WEB_HASH_HEX 64               // SHA-256 as hex

typedef struct WebDevice {
    char hash[WEB_HASH_HEX + 1]; // SHA-256 of the cookie, never the cookie
    char csrf[WEB_TOKEN_HEX + 1];
    char name[64];      // "Android phone", from the browser's User-Agent
    int64_t paired_utc; // wall-clock seconds
} WebDevice;

typedef enum WebCmdKind {
    WEB_CMD_ACTION,
    WEB_CMD_EXPORT_CSV,
    WEB_CMD_RELOAD,  // a file the library is read from changed (what says)
    WEB_CMD_PROFILE, // whose kiosk it is: the runner named in what
} WebCmdKind;

typedef struct WebCmd {
    WebCmdKind kind;
    int action;    // an InputAction, for WEB_CMD_ACTION
    char what[96]; // WEB_CMD_RELOAD: "Routine hill saved", for the TV;
                   // WEB_CMD_PROFILE: the runner's name
} WebCmd;

// What the kiosk's decoder says of a clip (GET /api/clips, uploads).
typedef struct WebClipFacts {
    double duration_s;
    int width, height;
    char codec[32];
    bool playable;
    char problem[400]; // why it cannot play, "" when it can
} WebClipFacts;

// Probe the file at path with the kiosk's own decoder (bounded time); fill
// f. Set by the app (only media/ may decode); called on server threads.
typedef void (*WebProbeFn)(const char *path, WebClipFacts *f);

typedef struct WebCore {
    pthread_mutex_t mu;
    pthread_mutex_t file_mu; // one writer of web-devices at a time
    pthread_cond_t changed;  // status, csv or stop changed
    bool stopping;

    int64_t now_ms; // the app clock, as last published
    char *status;   // JSON text (owned), or NULL before the first frame
    unsigned long status_ver;
    char *history; // JSON text (owned)

    WebCmd cmds[WEB_CMDS_MAX];
    int ncmds;
    unsigned long csv_asked, csv_made; // request and answer counters
    bool csv_ok;

    // Pairing (web_pair.c).
    char code[WEB_CODE_LEN + 1];
    int64_t code_since;
    bool code_fresh; // rotated since the app last logged it
    int wrong;       // wrong codes in a row
    int64_t locked_until;
    int64_t asking_until;
    WebDevice devices[WEB_DEVICES_MAX];
    int ndevices;
    unsigned long devices_ver; // bumped on every pairing or forgetting

    char state_dir[WEB_PATH_MAX];  // web-devices and the CSV export live here
    char assets_dir[WEB_PATH_MAX]; // assets/web

    // Clips (web_clips.c); set by the app after web_core_init. An empty
    // videos_dir: the clip calls answer 503.
    char videos_dir[WEB_PATH_MAX]; // the user's videos folder
    uint64_t upload_max;           // bytes (web_upload_max_mb)
    WebProbeFn probe;              // NULL: every clip counts as playable
    // Routines, exercises and settings (web_routines.c ...): where the
    // kiosk reads its files; an empty config_dir: those calls answer 503.
    Paths paths;
} WebCore;

// Set up the core: state_dir holds the paired devices (read now), assets_dir
// is the folder the page is served from. now_ms: the app clock. False when
// the system's random source fails (err says so).
bool web_core_init(WebCore *c, const char *state_dir, const char *assets_dir,
                   int64_t now_ms, char *err, size_t errsize);
void web_core_deinit(WebCore *c);

// The frame loop's side (each takes the lock briefly).
void web_core_publish_time(WebCore *c, int64_t now_ms);
// Replace the status text (a copy is taken) when it differs; wakes the
// event streams.
void web_core_publish_status(WebCore *c, const char *json);
void web_core_publish_history(WebCore *c, const char *json);
// Pop the oldest command; false when there is none.
bool web_core_take(WebCore *c, WebCmd *out);
// The CSV export asked for is written (ok) or failed.
void web_core_csv_made(WebCore *c, bool ok);
// Where the CSV export is written.
void web_core_csv_path(const WebCore *c, char *buf, size_t size);

// The server's side.
bool web_core_push(WebCore *c, WebCmd cmd); // false when the queue is full

// Random bytes from the system (getrandom). False when it fails.
bool web_random(void *buf, size_t n);

// --- pairing (web_pair.c); the caller holds c->mu for the *_locked ones ---

typedef enum WebPairResult {
    WEB_PAIR_OK,
    WEB_PAIR_WRONG,  // 403
    WEB_PAIR_LOCKED, // 429
    WEB_PAIR_FULL,   // no room for another device, or it could not be saved
} WebPairResult;

// Rotate the code when it is older than WEB_CODE_MS, and end a lock that is
// over. Called with the lock held whenever the clock moves.
void web_pair_tick_locked(WebCore *c);
// Try a code. On WEB_PAIR_OK, cookie and csrf get the new device's tokens
// (cookie: WEB_TOKEN_HEX + 1 bytes; csrf the same); the caller then saves
// the devices with web_pair_save, outside the lock.
WebPairResult web_pair_try_locked(WebCore *c, const char *code,
                                  const char *user_agent, char *cookie,
                                  char *csrf);
// The device whose cookie this is, or -1.
int web_pair_find_locked(const WebCore *c, const char *cookie);
// A device is asking to pair (the TV shows the banner).
void web_pair_asking_locked(WebCore *c);

// The TV's side (takes the lock).
typedef struct WebPairView {
    char code[WEB_CODE_LEN + 1];
    bool code_fresh; // a new code the log has not yet shown (cleared)
    bool asking;
    bool locked;
    int ndevices;
    WebDevice devices[WEB_DEVICES_MAX];
} WebPairView;
void web_pair_view(WebCore *c, WebPairView *v);
// Forget device i, or all of them (i < 0). Saved at once.
void web_pair_forget(WebCore *c, int i);

// Load / save the devices file (web-devices in state_dir). Load tolerates a
// missing file; a damaged line is skipped. Save copies the list under the
// lock and writes it without holding it (the frame loop never waits for
// the disk); false when it could not be written (logged).
void web_pair_load(WebCore *c);
bool web_pair_save(WebCore *c);

// SHA-256 of s as lowercase hex (out: WEB_HASH_HEX + 1 bytes).
void web_sha256_hex(const char *s, char *out);

#endif
