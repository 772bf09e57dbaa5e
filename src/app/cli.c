/*
 * Command-line parsing: "--opt value" and "--opt=value" forms.
 */
#include "app/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/settings.h"
#include "core/strutil.h"

static const char *help_text =
    "Usage: ultralegs [OPTIONS]\n"
    "A strength-routine coaching kiosk for runners.\n"
    "\n"
    "  --windowed[=WxH]       run in a window (with --headless: the frame "
    "size)\n"
    "  --routine ID           start this routine directly\n"
    "  --data-dir DIR         history.db and config in DIR (default: XDG "
    "dirs)\n"
    "  --videos-dir DIR       extra clip folder, searched first\n"
    "  --now YYYY-MM-DDTHH:MM[:SS][+-HH:MM]  pretend this is the local time\n"
    "  --headless             no window, no sound device unless "
    "SDL_AUDIODRIVER\n"
    "  --virtual-clock        time advances one frame per frame, no sleeping\n"
    "  --auto                 the kiosk advances itself (reps counted by "
    "cadence)\n"
    "  --loop                 with --auto: every routine in turn, endlessly\n"
    "  --draw-all             with --headless: draw every frame (soak runs)\n"
    "  --script FILE          timed input lines: \"<seconds> <action>\"\n"
    "  --screenshot SEC:FILE.png  save the frame shown at SEC (repeatable)\n"
    "  --cue-log FILE         one line per cue: "
    "\"<seconds>\\t<kind>\\t<text>\"\n"
    "  --layout-log FILE      per screenshot one JSON line: every text and its "
    "box\n"
    "  --stats FILE           at the end, JSON figures: peak heap and RSS, CPU "
    "per frame\n"
    "  --check [--json]       validate exercises, routines, plan and clips\n"
    "  --describe ROUTINE [--json]  the routine as the kiosk will coach it\n"
    "  --bench CLIP [--frames N] [--json]  video playback benchmark\n"
    "  --history [--json]     streaks, this week, totals, progression, badges\n"
    "  --export-history FILE.csv | --import-history FILE.csv\n"
    "  --suspect-sessions [--json]  sessions whose date looks wrong\n"
    "  --fix-session-date ID YYYY-MM-DDTHH:MM[+-HH:MM]  give a session its "
    "date\n"
    "  --delete-session ID [--yes]  delete a session (asks unless --yes)\n"
    "  --profile NAME         whose kiosk, history, export or import (a new\n"
    "                         name is added by the kiosk and by an import)\n"
    "  --profiles [--json]    the household's runners: sessions, streak\n"
    "  --profile-set KEY=VALUE  with --profile: the runner's own tempo (50-\n"
    "                         200), voice (on/off), units (kg/lb), target\n"
    "                         (0-7); KEY= goes back to config.ini's\n"
    "  --web-port N|any       the companion page's port (0 = off; any: a\n"
    "                         free one, named in the log)\n"
    "  --web-bind ADDR        the address it listens on (e.g. 0.0.0.0)\n"
    "  --version | --help\n";

void cli_print_help(void)
{
    fputs(help_text, stdout);
}

const char *cli_usage_line(void)
{
    return "Usage: ultralegs [OPTIONS] (ultralegs --help lists them)";
}

// "WxH" in whole: digits, 'x', digits and nothing else.
static bool parse_size(const char *s, int *w, int *h)
{
    long v[2];
    for (int k = 0; k < 2; k++) {
        if (*s < '0' || *s > '9')
            return false;
        v[k] = 0;
        for (; *s >= '0' && *s <= '9'; s++)
            if ((v[k] = v[k] * 10 + (*s - '0')) > 100000)
                return false;
        if (k == 0 && *s != 'x' && *s != 'X')
            return false;
        if (k == 0)
            s++;
    }
    if (*s)
        return false;
    *w = (int)v[0];
    *h = (int)v[1];
    return true;
}

// A value that starts with "--" is the next option, forgotten value: taking
// it as a folder or an id would hide the mistake.
static const char *checked_value(const char *name, const char *v, char *err,
                                 size_t errsize)
{
    if (v && strncmp(v, "--", 2) == 0) {
        snprintf(err, errsize, "%s needs a value, not the option '%s'", name,
                 v);
        return NULL;
    }
    return v;
}

bool cli_parse_time(const char *s, CliTime *t)
{
    return cal_parse_local_time(s, t);
}

const CalLocalTime *cli_now(const CliOptions *o)
{
    return o->now ? &o->now_time : NULL;
}

bool cli_parse(CliOptions *o, int argc, char **argv, char *err, size_t errsize)
{
    memset(o, 0, sizeof(*o));
    o->mode = CLI_KIOSK;
    o->web_port = -1;
    for (int i = 1; i < argc; i++) {
        char name[64];
        const char *arg = argv[i];
        const char *inline_val = NULL;
        if (strncmp(arg, "--", 2) != 0) {
            snprintf(err, errsize, "unexpected argument '%s' (see --help)",
                     arg);
            return false;
        }
        const char *eq = strchr(arg, '=');
        size_t nlen = eq ? (size_t)(eq - arg) : strlen(arg);
        if (nlen >= sizeof(name)) {
            snprintf(err, errsize, "unknown option '%s' (see --help)", arg);
            return false;
        }
        memcpy(name, arg, nlen);
        name[nlen] = '\0';
        if (eq)
            inline_val = eq + 1;

#define VALUE()                                                                \
    checked_value(                                                             \
        name,                                                                  \
        inline_val ? inline_val                                                \
                   : (i + 1 < argc                                             \
                          ? argv[++i]                                          \
                          : (snprintf(err, errsize,                            \
                                      "%s needs a value (see --help)", name),  \
                             (const char *)NULL)),                             \
        err, errsize)
#define NEED(var)                                                              \
    do {                                                                       \
        if (!((var) = VALUE()))                                                \
            return false;                                                      \
    } while (0)

        if (strcmp(name, "--windowed") == 0) {
            o->windowed = true;
            if (inline_val) {
                int w, h;
                if (!parse_size(inline_val, &w, &h)) {
                    snprintf(err, errsize,
                             "--windowed=WxH: bad size '%s' "
                             "(e.g. 1280x720)",
                             inline_val);
                    return false;
                }
                if (w < 160 || h < 120 || w > 8192 || h > 8192) {
                    snprintf(err, errsize,
                             "--windowed=WxH: bad size '%s' "
                             "(160x120 to 8192x8192)",
                             inline_val);
                    return false;
                }
                o->win_w = w;
                o->win_h = h;
            }
        } else if (strcmp(name, "--routine") == 0) {
            NEED(o->routine);
        } else if (strcmp(name, "--data-dir") == 0) {
            NEED(o->data_dir);
        } else if (strcmp(name, "--videos-dir") == 0) {
            NEED(o->videos_dir);
        } else if (strcmp(name, "--now") == 0) {
            NEED(o->now);
            if (!cli_parse_time(o->now, &o->now_time)) {
                snprintf(err, errsize,
                         "--now: bad time '%s' (expected "
                         "YYYY-MM-DDTHH:MM[:SS][+-HH:MM])",
                         o->now);
                return false;
            }
        } else if (strcmp(name, "--headless") == 0) {
            o->headless = true;
        } else if (strcmp(name, "--virtual-clock") == 0) {
            o->virtual_clock = true;
        } else if (strcmp(name, "--auto") == 0) {
            o->auto_run = true;
        } else if (strcmp(name, "--loop") == 0) {
            o->loop = true;
        } else if (strcmp(name, "--draw-all") == 0) {
            o->draw_all = true;
        } else if (strcmp(name, "--script") == 0) {
            NEED(o->script);
        } else if (strcmp(name, "--screenshot") == 0) {
            const char *v;
            NEED(v);
            const char *colon = strchr(v, ':');
            char num[32];
            double at;
            if (!colon || (size_t)(colon - v) >= sizeof(num) || !colon[1]) {
                snprintf(err, errsize,
                         "--screenshot: expected SEC:FILE.png, "
                         "not '%s'",
                         v);
                return false;
            }
            memcpy(num, v, (size_t)(colon - v));
            num[colon - v] = '\0';
            if (!str_parse_double(num, &at) || at < 0) {
                snprintf(err, errsize, "--screenshot: bad seconds '%s'", num);
                return false;
            }
            if (o->nshots == CLI_SHOTS_MAX) {
                snprintf(err, errsize, "--screenshot: at most %d",
                         CLI_SHOTS_MAX);
                return false;
            }
            o->shots[o->nshots].at_s = at;
            o->shots[o->nshots].file = colon + 1;
            o->nshots++;
        } else if (strcmp(name, "--cue-log") == 0) {
            NEED(o->cue_log);
        } else if (strcmp(name, "--layout-log") == 0) {
            NEED(o->layout_log);
        } else if (strcmp(name, "--stats") == 0) {
            NEED(o->stats);
        } else if (strcmp(name, "--check") == 0) {
            o->mode = CLI_CHECK;
        } else if (strcmp(name, "--json") == 0) {
            o->json = true;
        } else if (strcmp(name, "--describe") == 0) {
            o->mode = CLI_DESCRIBE;
            NEED(o->describe);
        } else if (strcmp(name, "--bench") == 0) {
            o->mode = CLI_BENCH;
            NEED(o->bench_clip);
        } else if (strcmp(name, "--frames") == 0) {
            const char *v;
            NEED(v);
            if (!str_parse_int(v, 1, 100000000L, &o->bench_frames)) {
                snprintf(err, errsize,
                         "--frames: bad number '%s' (a whole "
                         "number from 1 to 100000000)",
                         v);
                return false;
            }
        } else if (strcmp(name, "--history") == 0) {
            o->mode = CLI_HISTORY;
        } else if (strcmp(name, "--export-history") == 0) {
            o->mode = CLI_EXPORT;
            NEED(o->history_file);
        } else if (strcmp(name, "--import-history") == 0) {
            o->mode = CLI_IMPORT;
            NEED(o->history_file);
        } else if (strcmp(name, "--suspect-sessions") == 0) {
            o->mode = CLI_SUSPECTS;
        } else if (strcmp(name, "--fix-session-date") == 0 ||
                   strcmp(name, "--delete-session") == 0) {
            const char *v;
            NEED(v);
            bool fix = name[2] == 'f';
            o->mode = fix ? CLI_FIX_DATE : CLI_DELETE_SESSION;
            if (!str_parse_int(v, 1, 2000000000L, &o->session_id)) {
                snprintf(err, errsize,
                         "%s: bad session id '%s' (see --suspect-sessions)",
                         name, v);
                return false;
            }
            if (fix) {
                CliTime t;
                if (i + 1 >= argc) {
                    snprintf(err, errsize, "%s needs an id and a date", name);
                    return false;
                }
                o->session_date = argv[++i];
                if (!cli_parse_time(o->session_date, &t)) {
                    snprintf(err, errsize,
                             "%s: bad date '%s' (expected "
                             "YYYY-MM-DDTHH:MM[:SS][+-HH:MM])",
                             name, o->session_date);
                    return false;
                }
            }
        } else if (strcmp(name, "--web-port") == 0) {
            const char *v;
            long port;
            NEED(v);
            if (strcmp(v, "any") == 0) {
                port = CLI_WEB_PORT_ANY;
            } else if (!str_parse_int(v, 0, 65535, &port)) {
                snprintf(err, errsize,
                         "--web-port: bad port '%s' (0 = off, or 1 to 65535)",
                         v);
                return false;
            }
            o->web_port = (int)port;
        } else if (strcmp(name, "--web-bind") == 0) {
            NEED(o->web_bind);
            if (!settings_ipv4_valid(o->web_bind)) {
                snprintf(err, errsize,
                         "--web-bind: '%s' is not an IPv4 address (e.g. "
                         "0.0.0.0 or 192.168.1.20)",
                         o->web_bind);
                return false;
            }
        } else if (strcmp(name, "--profile") == 0) {
            NEED(o->profile);
        } else if (strcmp(name, "--profiles") == 0) {
            o->mode = CLI_PROFILES;
        } else if (strcmp(name, "--profile-set") == 0) {
            o->mode = CLI_PROFILE_SET;
            NEED(o->profile_set);
        } else if (strcmp(name, "--yes") == 0) {
            o->yes = true;
        } else if (strcmp(name, "--version") == 0) {
            o->mode = CLI_VERSION;
        } else if (strcmp(name, "--help") == 0) {
            o->mode = CLI_HELP;
        } else {
            snprintf(err, errsize, "unknown option '%s' (see --help)", arg);
            return false;
        }
        if (inline_val && strcmp(name, "--windowed") != 0 &&
            (strcmp(name, "--headless") == 0 || strcmp(name, "--auto") == 0 ||
             strcmp(name, "--loop") == 0 || strcmp(name, "--draw-all") == 0 ||
             strcmp(name, "--virtual-clock") == 0 ||
             strcmp(name, "--check") == 0 || strcmp(name, "--json") == 0 ||
             strcmp(name, "--history") == 0 || strcmp(name, "--version") == 0 ||
             strcmp(name, "--suspect-sessions") == 0 ||
             strcmp(name, "--profiles") == 0 || strcmp(name, "--yes") == 0 ||
             strcmp(name, "--help") == 0)) {
            snprintf(err, errsize, "%s takes no value", name);
            return false;
        }
#undef NEED
#undef VALUE
    }
    if (o->loop && !o->auto_run) {
        snprintf(err, errsize, "--loop goes with --auto");
        return false;
    }
    if (o->mode == CLI_PROFILE_SET && !o->profile) {
        snprintf(err, errsize, "--profile-set goes with --profile NAME");
        return false;
    }
    if (o->bench_frames && o->mode != CLI_BENCH) {
        snprintf(err, errsize, "--frames goes with --bench CLIP");
        return false;
    }
    return true;
}
