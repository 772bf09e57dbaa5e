/*
 * Settings: config.ini read with libinih, written back whole.
 */
#include "core/settings.h"

#include <ini.h>
#include <stdio.h>
#include <string.h>

#include "core/ini_lines.h"
#include "core/strutil.h"

const SettingsKey settings_keys[] = {
    {"volume", "0 to 100"},
    {"voice", "yes or no"},
    {"tempo", "50 to 200 (%)"},
    {"weekly_target", "0 to 7 (0: as the plan says)"},
    {"units", "kg or lb"},
    {"optional_exercises", "yes or no"},
    {"speech_voice", "an espeak-ng voice name like en-us"},
    {"speech_rate", "80 to 450 (words a minute)"},
    {"video_fit", "fit or cover"},
    {"clip_size", "auto, 720p or 1080p"},
    {"coach_video", "a clip's name in a videos folder, or empty"},
    {"music", "on or off"},
    {"music_dir", "a folder of music, or empty for the default"},
    {"music_volume", "0 to 100"},
    {"music_duck_db", "0 to 40 (dB under speech)"},
    {"web", "on or off"},
    {"web_port", "1 to 65535"},
    {"web_bind", "an IPv4 address like 0.0.0.0"},
    {"web_upload_max_mb", "1 to 1048576 (MB)"},
};
const int settings_nkeys =
    (int)(sizeof(settings_keys) / sizeof(settings_keys[0]));

void settings_default(Settings *s)
{
    s->volume = 80;
    s->voice = true;
    s->tempo_pct = 100;
    s->weekly_target = 0;
    s->units = UNITS_KG;
    s->include_optional = true;
    snprintf(s->speech_voice, sizeof(s->speech_voice), "en");
    s->speech_rate = 165;
    s->video_cover = false;
    s->clip_height = 0;
    s->coach_video[0] = '\0';
    s->music = true;
    s->music_dir[0] = '\0';
    s->music_volume = 60;
    s->music_duck_db = 12;
    s->web = true;
    s->web_port = 8080;
    snprintf(s->web_bind, sizeof(s->web_bind), "0.0.0.0");
    s->web_upload_max_mb = 4096;
}

bool settings_ipv4_valid(const char *s)
{
    for (int part = 0; part < 4; part++) {
        int v = 0, digits = 0;
        while (*s >= '0' && *s <= '9' && digits < 4) {
            v = v * 10 + (*s++ - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || v > 255)
            return false;
        if (part < 3 && *s++ != '.')
            return false;
    }
    return *s == '\0';
}

void settings_clip_size(const Settings *s, bool arm, int *w, int *h)
{
    int height = s->clip_height ? s->clip_height : arm ? 720 : 1080;
    *h = height;
    *w = height == 720 ? 1280 : 1920;
}

bool settings_host_is_arm(void)
{
#if defined(__arm__) || defined(__aarch64__)
    return true;
#else
    return false;
#endif
}

#define SEEN_MAX 32

typedef struct Ctx {
    Settings *s;
    const char *file;
    DiagList *diags;
    IniLines in;
    int line;
    bool ok;
    int bad_lines; // lines this parser reported as unreadable
    struct {
        char name[32];
        int line;
    } seen[SEEN_MAX];
    int nseen;
} Ctx;

// A line libinih cannot read: neither blank, a comment, a [section] nor
// name = value. Reported here so that every such line is listed (libinih
// only returns the first).
static bool line_unreadable(const char *str)
{
    while (*str == ' ' || *str == '\t')
        str++;
    if (!*str || *str == '\n' || *str == '\r' || *str == ';' || *str == '#')
        return false;
    if (*str == '[')
        return !strchr(str, ']');
    return !strchr(str, '=') && !strchr(str, ':');
}

static char *reader(char *str, int num, void *stream)
{
    Ctx *c = stream;
    IniLineProblem problem;
    if (!ini_lines_next(&c->in, str, num, &problem))
        return NULL;
    c->line = c->in.line;
    if (problem != INI_LINE_OK) {
        diag_add(c->diags, DIAG_ERROR, c->file, c->line, "", "unreadable line");
        c->ok = false;
    } else if (line_unreadable(str)) {
        diag_add(
            c->diags, DIAG_ERROR, c->file, c->line, "",
            "not a setting, a section or a comment (expected name = value)");
        c->bad_lines++;
        c->ok = false;
    }
    return str;
}

static void bad(Ctx *c, const char *name, const char *want, const char *value)
{
    diag_add(c->diags, DIAG_ERROR, c->file, c->line, "",
             "'%s' must be %s, not '%s' (keeping the default)", name, want,
             value);
    c->ok = false;
}

// An unknown key, with the known one it most likely meant.
static void unknown(Ctx *c, const char *name)
{
    int best = -1, bestd = 3;
    for (int i = 0; strlen(name) >= 3 && i < settings_nkeys; i++) {
        int d = str_slips(name, settings_keys[i].key);
        if (d < bestd) {
            best = i;
            bestd = d;
        }
    }
    if (best >= 0)
        diag_add(c->diags, DIAG_ERROR, c->file, c->line, "",
                 "unknown setting '%s' (did you mean '%s'?)", name,
                 settings_keys[best].key);
    else
        diag_add(c->diags, DIAG_ERROR, c->file, c->line, "",
                 "unknown setting '%s'", name);
    c->ok = false;
}

static int on_key(void *user, const char *section, const char *name,
                  const char *value)
{
    Ctx *c = user;
    if (strcmp(section, "settings") != 0) {
        diag_add(c->diags, DIAG_WARNING, c->file, c->line, "",
                 "'%s' outside [settings] is ignored", name);
        return 1;
    }
    long v;
    bool b;
    Settings *s = c->s;
    int k = 0;
    while (k < c->nseen && strcmp(c->seen[k].name, name) != 0)
        k++;
    if (k < c->nseen) {
        diag_add(c->diags, DIAG_WARNING, c->file, c->line, "",
                 "'%s' is set again (line %d is overridden)", name,
                 c->seen[k].line);
        c->seen[k].line = c->line;
    } else if (k < SEEN_MAX && strlen(name) < sizeof(c->seen[k].name)) {
        snprintf(c->seen[k].name, sizeof(c->seen[k].name), "%s", name);
        c->seen[k].line = c->line;
        c->nseen++;
    }
    if (strcmp(name, "volume") == 0) {
        if (str_parse_int(value, 0, 100, &v))
            s->volume = (int)v;
        else
            bad(c, name, "0 to 100", value);
    } else if (strcmp(name, "voice") == 0) {
        if (str_parse_bool(value, &b))
            s->voice = b;
        else
            bad(c, name, "yes or no", value);
    } else if (strcmp(name, "tempo") == 0) {
        if (str_parse_int(value, 50, 200, &v))
            s->tempo_pct = (int)v;
        else
            bad(c, name, "50 to 200 (percent)", value);
    } else if (strcmp(name, "weekly_target") == 0) {
        if (str_parse_int(value, 0, 7, &v))
            s->weekly_target = (int)v;
        else
            bad(c, name, "0 (as the plan says) to 7", value);
    } else if (strcmp(name, "units") == 0) {
        if (strcmp(value, "kg") == 0)
            s->units = UNITS_KG;
        else if (strcmp(value, "lb") == 0)
            s->units = UNITS_LB;
        else
            bad(c, name, "kg or lb", value);
    } else if (strcmp(name, "optional_exercises") == 0) {
        if (str_parse_bool(value, &b))
            s->include_optional = b;
        else
            bad(c, name, "yes or no", value);
    } else if (strcmp(name, "speech_voice") == 0) {
        if (!*value || strlen(value) >= sizeof(s->speech_voice) ||
            strchr(value, '/'))
            bad(c, name, "an espeak-ng voice name like en-us", value);
        else
            snprintf(s->speech_voice, sizeof(s->speech_voice), "%s", value);
    } else if (strcmp(name, "video_fit") == 0) {
        if (strcmp(value, "fit") == 0)
            s->video_cover = false;
        else if (strcmp(value, "cover") == 0)
            s->video_cover = true;
        else
            bad(c, name, "fit or cover", value);
    } else if (strcmp(name, "clip_size") == 0) {
        if (strcmp(value, "auto") == 0)
            s->clip_height = 0;
        else if (strcmp(value, "720p") == 0)
            s->clip_height = 720;
        else if (strcmp(value, "1080p") == 0)
            s->clip_height = 1080;
        else
            bad(c, name, "auto, 720p or 1080p", value);
    } else if (strcmp(name, "coach_video") == 0) {
        if (strchr(value, '/') || strcmp(value, "..") == 0 ||
            strlen(value) >= sizeof(s->coach_video))
            bad(c, name, "a file name in a videos folder", value);
        else
            snprintf(s->coach_video, sizeof(s->coach_video), "%s", value);
    } else if (strcmp(name, "web") == 0) {
        if (str_parse_bool(value, &b))
            s->web = b;
        else
            bad(c, name, "on or off", value);
    } else if (strcmp(name, "web_port") == 0) {
        if (str_parse_int(value, 1, 65535, &v))
            s->web_port = (int)v;
        else
            bad(c, name, "a port from 1 to 65535", value);
    } else if (strcmp(name, "web_bind") == 0) {
        if (settings_ipv4_valid(value))
            snprintf(s->web_bind, sizeof(s->web_bind), "%s", value);
        else
            bad(c, name, "an IPv4 address like 0.0.0.0", value);
    } else if (strcmp(name, "web_upload_max_mb") == 0) {
        if (str_parse_int(value, 1, 1048576, &v))
            s->web_upload_max_mb = (int)v;
        else
            bad(c, name, "megabytes from 1 to 1048576", value);
    } else if (strcmp(name, "speech_rate") == 0) {
        if (str_parse_int(value, 80, 450, &v))
            s->speech_rate = (int)v;
        else
            bad(c, name, "80 to 450 (words a minute)", value);
    } else if (strcmp(name, "music") == 0) {
        if (str_parse_bool(value, &b))
            s->music = b;
        else
            bad(c, name, "on or off", value);
    } else if (strcmp(name, "music_dir") == 0) {
        if (strlen(value) >= sizeof(s->music_dir) ||
            (value[0] && value[0] != '/'))
            bad(c, name, "a folder's full path (or empty for the default)",
                value);
        else
            snprintf(s->music_dir, sizeof(s->music_dir), "%s", value);
    } else if (strcmp(name, "music_volume") == 0) {
        if (str_parse_int(value, 0, 100, &v))
            s->music_volume = (int)v;
        else
            bad(c, name, "0 to 100", value);
    } else if (strcmp(name, "music_duck_db") == 0) {
        if (str_parse_int(value, 0, 40, &v))
            s->music_duck_db = (int)v;
        else
            bad(c, name, "0 to 40 (dB)", value);
    } else {
        unknown(c, name);
    }
    return 1;
}

bool settings_parse(Settings *s, const char *text, size_t len, const char *file,
                    DiagList *diags)
{
    Ctx c = {s, file, diags, {text, len, 0, 0}, 0, true, 0, {{"", 0}}, 0};
    ini_allow_multiline = false;
    int r = ini_parse_stream(reader, &c, on_key, &c);
    if (r > 0 && c.bad_lines == 0) {
        diag_add(diags, DIAG_ERROR, file, r, "", "cannot read this line");
        c.ok = false;
    }
    return c.ok;
}

int settings_format(const Settings *s, char *buf, size_t size)
{
    return snprintf(
        buf, size,
        "; Ultra Legs Kiosk settings (the settings screen writes this file)\n"
        "[settings]\n"
        "volume = %d\n"
        "voice = %s\n"
        "tempo = %d\n"
        "; sessions a week for the streak; 0 = as plan.ini says\n"
        "weekly_target = %d\n"
        "units = %s\n"
        "optional_exercises = %s\n"
        "; the spoken voice (espeak-ng voice name) and its speed\n"
        "speech_voice = %s\n"
        "speech_rate = %d\n"
        "; clips: fit (whole picture, bars) or cover (fill the screen, "
        "cropped)\n"
        "video_fit = %s\n"
        "; demo clips made at set-up: auto (720p on a Raspberry Pi, 1080p\n"
        "; elsewhere), 720p or 1080p; clipgen --missing remakes them to match\n"
        "clip_size = %s\n"
        "; the coach's own long video (a file in a videos folder), cut into\n"
        "; every exercise at its coach_video offset; empty: none\n"
        "coach_video = %s\n"
        "; the runner's music under the cues: on or off, its folder (empty:\n"
        "; the data folder's music/; a USB stick's music/ is found too), its\n"
        "; volume (0-100) and how many dB it drops while the coach speaks\n"
        "music = %s\n"
        "music_dir = %s\n"
        "music_volume = %d\n"
        "music_duck_db = %d\n"
        "; the companion page for phones on the home network: on or off,\n"
        "; its port, and the address it listens on (0.0.0.0: every network)\n"
        "web = %s\n"
        "web_port = %d\n"
        "web_bind = %s\n"
        "; the largest clip the page uploads, in MB\n"
        "web_upload_max_mb = %d\n",
        s->volume, s->voice ? "yes" : "no", s->tempo_pct, s->weekly_target,
        s->units == UNITS_LB ? "lb" : "kg", s->include_optional ? "yes" : "no",
        s->speech_voice, s->speech_rate, s->video_cover ? "cover" : "fit",
        s->clip_height == 720    ? "720p"
        : s->clip_height == 1080 ? "1080p"
                                 : "auto",
        s->coach_video, s->music ? "on" : "off", s->music_dir, s->music_volume,
        s->music_duck_db, s->web ? "on" : "off", s->web_port, s->web_bind,
        s->web_upload_max_mb);
}

void settings_load_text(const Settings *s, double kg, char *buf, size_t size)
{
    if (s->units == UNITS_LB)
        snprintf(buf, size, "%.0f lb", kg * 2.20462);
    else
        snprintf(buf, size, "%g kg", kg);
}
