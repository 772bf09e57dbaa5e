/*
 * The command line (DESIGN.md; stable: tests and scripts depend on it).
 * cli_parse() only reads argv; it opens nothing.
 */
#ifndef UL_APP_CLI_H
#define UL_APP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "core/calendar.h"

#define CLI_SHOTS_MAX 64
#define CLI_WEB_PORT_ANY (-2)

typedef enum CliMode {
    CLI_KIOSK,
    CLI_CHECK,
    CLI_DESCRIBE,
    CLI_BENCH,
    CLI_HISTORY,
    CLI_EXPORT,
    CLI_IMPORT,
    CLI_SUSPECTS,       // --suspect-sessions
    CLI_FIX_DATE,       // --fix-session-date ID DATE
    CLI_DELETE_SESSION, // --delete-session ID [--yes]
    CLI_PROFILES,       // --profiles [--json]
    CLI_PROFILE_SET,    // --profile NAME --profile-set KEY=VALUE
    CLI_VERSION,
    CLI_HELP,
} CliMode;

typedef struct CliShot {
    double at_s;
    const char *file;
} CliShot;

typedef struct CliOptions {
    CliMode mode;
    bool windowed;
    int win_w, win_h; // 0 = default
    const char *routine;
    const char *data_dir;
    const char *videos_dir;
    const char *now; // as given (NULL: the real clock)
    CalLocalTime
        now_time; // --now as read by cli_parse, the one place it is read
    bool headless;
    bool virtual_clock;
    bool auto_run;
    bool loop;     // --loop: with --auto, every routine in turn, endlessly
    bool draw_all; // --draw-all: headless, still draw every frame
    const char *script;
    CliShot shots[CLI_SHOTS_MAX];
    int nshots;
    const char *cue_log;
    const char *layout_log; // --layout-log: the texts of each screenshot
    const char *stats;      // --stats: the run's memory and frame figures
    bool json;
    const char *describe;
    const char *bench_clip;
    long bench_frames;
    const char *history_file; // export / import
    long session_id;          // --fix-session-date, --delete-session
    const char
        *session_date;    // --fix-session-date: as given; checked by cli_parse
    bool yes;             // --yes: delete without asking
    int web_port;         // --web-port: 0 = off; -1 = as config.ini says;
                          // CLI_WEB_PORT_ANY: one the system chooses (tests)
    const char *web_bind; // --web-bind, or NULL
    const char *profile;  // --profile: whose kiosk or history; NULL: the
                          // only one, or the one used last
    const char *profile_set; // --profile-set KEY=VALUE
} CliOptions;

// The moment --now gave, or NULL for the real clock (wallclock_init's form).
const CalLocalTime *cli_now(const CliOptions *o);

// Parse argv. Returns true on success; on error false with a one-line
// message in err.
bool cli_parse(CliOptions *o, int argc, char **argv, char *err, size_t errsize);

typedef CalLocalTime CliTime;
bool cli_parse_time(const char *s, CliTime *t);

void cli_print_help(void);
// The one usage line shown after every command-line error.
const char *cli_usage_line(void);

#endif
