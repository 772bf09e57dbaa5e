/*
 * Settings: a table of rows {label, value shown, change}. Up and down
 * choose a row, left and right (or OK) change it; leaving saves
 * config.ini. The last two rows open the companion page's screen and the
 * sessions whose date is doubtful.
 */
#include "app/app_internal.h"

#include <stdio.h>
#include <string.h>

#include "data/settings_io.h"

static int clamp(int x, int lo, int hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

static void volume_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%d%%", a->settings.volume);
}

static void volume_change(App *a, int dir)
{
    a->settings.volume = clamp(a->settings.volume + 10 * dir, 0, 100);
}

static void voice_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%s", a->settings.voice ? "On" : "Off");
}

static void voice_change(App *a, int dir)
{
    (void)dir;
    a->settings.voice = !a->settings.voice;
}

static void tempo_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%d%%", a->settings.tempo_pct);
}

static void tempo_change(App *a, int dir)
{
    a->settings.tempo_pct = clamp(a->settings.tempo_pct + 10 * dir, 50, 200);
}

static void target_value(const App *a, char *out, size_t n)
{
    if (a->settings.weekly_target > 0)
        snprintf(out, n, "%d a week", a->settings.weekly_target);
    else
        snprintf(out, n, "As planned (%d)", a->lib->plan.weekly_target);
}

static void target_change(App *a, int dir)
{
    a->settings.weekly_target = (a->settings.weekly_target + dir + 8) % 8;
}

static void units_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%s", a->settings.units == UNITS_LB ? "lb" : "kg");
}

static void units_change(App *a, int dir)
{
    (void)dir;
    a->settings.units = a->settings.units == UNITS_KG ? UNITS_LB : UNITS_KG;
}

static void optional_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%s",
             a->settings.include_optional ? "Included" : "Skipped");
}

static void optional_change(App *a, int dir)
{
    (void)dir;
    a->settings.include_optional = !a->settings.include_optional;
}

static void music_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%s", a->settings.music ? "On" : "Off");
}

static void music_change(App *a, int dir)
{
    (void)dir;
    a->settings.music = !a->settings.music;
}

static void music_volume_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%d%%", a->settings.music_volume);
}

static void music_volume_change(App *a, int dir)
{
    a->settings.music_volume =
        clamp(a->settings.music_volume + 10 * dir, 0, 100);
}

static void music_duck_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%d dB quieter", a->settings.music_duck_db);
}

static void music_duck_change(App *a, int dir)
{
    a->settings.music_duck_db =
        clamp(a->settings.music_duck_db + 3 * dir, 0, 30);
}

static void week_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%s", a->view.week_paused ? "Paused" : "Counting");
}

static void week_change(App *a, int dir)
{
    (void)dir;
    if (!a->store ||
        !store_set_week_paused(a->store, cal_week_index(app_today(a)),
                               !a->view.week_paused)) {
        app_notice(a, 8000, "Cannot change the streak: %s",
                   a->store ? store_error(a->store) : "no history");
        return;
    }
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tsettings\tStreak %s this week\n",
                a->now / 1000.0, a->view.week_paused ? "counting" : "paused");
}

static void doubtful_value(const App *a, char *out, size_t n)
{
    if (a->view.suspects_total)
        snprintf(out, n, "%d to check", a->view.suspects_total);
    else
        snprintf(out, n, "None");
}

static void phone_value(const App *a, char *out, size_t n)
{
    if (a->view.web_on)
        snprintf(out, n, "Code %s", a->view.web_code);
    else
        snprintf(out, n, "Off");
}

static void runner_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%s", a->runner.name[0] ? a->runner.name : "None");
}

static void colour_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%s", profile_colour_name(a->runner.colour));
}

static void colour_change(App *a, int dir)
{
    Profile p = a->runner;
    p.colour = (p.colour + PROFILE_COLOURS + dir) % PROFILE_COLOURS;
    if (!a->store || !store_profile_save(a->store, &p)) {
        app_notice(a, 8000, "Colour not saved: %s",
                   a->store ? store_error(a->store) : "no history");
        return;
    }
    a->runner = p;
    app_profile_fill(a);
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tsettings\t%s's colour: %s\n",
                a->now / 1000.0, p.name, profile_colour_name(p.colour));
}

static void add_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%d of %d", a->view.nprofiles, PROFILES_MAX);
}

static void delete_value(const App *a, char *out, size_t n)
{
    snprintf(out, n, "%d session%s", a->runner.sessions,
             a->runner.sessions == 1 ? "" : "s");
}

// change NULL: the row opens a screen to the right (OK or right).
static const struct {
    const char *label;
    void (*value)(const App *a, char *out, size_t n);
    void (*change)(App *a, int dir);
} ROWS[] = {
    {"Volume", volume_value, volume_change},
    {"Voice", voice_value, voice_change},
    {"Counting tempo", tempo_value, tempo_change},
    {"Streak target", target_value, target_change},
    {"Weights in", units_value, units_change},
    {"Optional exercises", optional_value, optional_change},
    {"This week's streak", week_value, week_change},
    {"Music", music_value, music_change},
    {"Music volume", music_volume_value, music_volume_change},
    {"Music while the coach speaks", music_duck_value, music_duck_change},
    {"Runner", runner_value, NULL}, // a new name on the keys
    {"Runner's colour", colour_value, colour_change},
    {"Add a runner", add_value, NULL},
    {"Delete this runner", delete_value, NULL}, // asks twice
    {"Phone companion", phone_value, NULL},
    {"Doubtful dates", doubtful_value, NULL},
};
enum { ROWS_N = sizeof(ROWS) / sizeof(ROWS[0]) };
_Static_assert(ROWS_N <= VIEW_MENU_MAX, "the view holds every settings row");

void app_fill_settings_rows(App *a)
{
    UiView *v = &a->view;
    for (int i = 0; i < ROWS_N; i++) {
        v->settings_rows[i].label = ROWS[i].label;
        ROWS[i].value(a, v->settings_rows[i].value,
                      sizeof(v->settings_rows[i].value));
    }
    v->nsettings_rows = ROWS_N;
}

static void change(App *a, int dir)
{
    ROWS[a->view.settings_sel].change(a, dir);
    app_refresh_history(a);
    audio_set_volume(a->audio, a->settings.volume);
    audio_set_voice(a->audio, a->settings.voice);
    audio_set_music_level(a->audio, a->settings.music_volume,
                          a->settings.music_duck_db);
}

static void leave(App *a)
{
    char err[600];
    Settings file;
    app_profile_settings_to_save(a, &file);
    if (!settings_save_file(&file, a->paths, err, sizeof(err)))
        app_notice(a, 8000, "Settings not saved: %s", err);
    app_refresh_history(a);
    app_set_screen(a, SCREEN_HOME);
}

static void open_name(App *a, const char *title)
{
    UiView *v = &a->view;
    v->name_title = title;
    v->name_entry[0] = '\0';
    v->key_sel = 0;
    app_set_screen(a, SCREEN_NAME);
}

// Delete this runner: asked twice, then their sessions go to a CSV in
// backups/ and the runner used last before them takes the kiosk.
static void ask_delete(App *a, InputAction act)
{
    UiView *v = &a->view;
    if (act != ACT_OK) {
        v->runner_ask = 0; // anything but OK keeps the runner
        return;
    }
    if (v->runner_ask == 0) {
        if (v->nprofiles < 2) {
            app_notice(a, 8000, "%s is the only runner: add another one first",
                       a->runner.name);
            return;
        }
        v->runner_ask = 1;
        snprintf(v->runner_ask_text, sizeof(v->runner_ask_text),
                 "Delete %s and their %d session%s? A copy is kept in the "
                 "backups folder.",
                 a->runner.name, a->runner.sessions,
                 a->runner.sessions == 1 ? "" : "s");
        return;
    }
    if (v->runner_ask == 1) {
        v->runner_ask = 2;
        snprintf(v->runner_ask_text, sizeof(v->runner_ask_text),
                 "Really delete %s? This cannot be undone here.",
                 a->runner.name);
        return;
    }
    v->runner_ask = 0;
    char backup[800], name[PROFILE_NAME_MAX];
    snprintf(name, sizeof(name), "%s", a->runner.name);
    if (!store_profile_delete(a->store, a->runner.id,
                              wallclock_utc(&a->wall, a->now), backup,
                              sizeof(backup))) {
        app_notice(a, 8000, "%s not deleted: %s", name, store_error(a->store));
        return;
    }
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tsettings\tRunner deleted: %s (%s)\n",
                a->now / 1000.0, name, backup);
    app_profile_use(a, store_profile_current(a->store));
    const char *file = strrchr(backup, '/');
    app_notice(a, 10000, "%s deleted: their sessions are in backups/%s", name,
               file ? file + 1 : backup);
}

void screen_settings_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    if (v->runner_ask) {
        ask_delete(a, act);
        return;
    }
    bool opens = ROWS[v->settings_sel].change == NULL;
    if (act == ACT_UP)
        v->settings_sel = (v->settings_sel + ROWS_N - 1) % ROWS_N;
    else if (act == ACT_DOWN)
        v->settings_sel = (v->settings_sel + 1) % ROWS_N;
    else if (opens && (act == ACT_RIGHT || act == ACT_OK)) {
        if (ROWS[v->settings_sel].value == runner_value) {
            static char title[PROFILE_NAME_MAX + 32];
            snprintf(title, sizeof(title), "A new name for %s", a->runner.name);
            open_name(a, title);
            return;
        }
        if (ROWS[v->settings_sel].value == add_value) {
            open_name(a, "Name the new runner");
            return;
        }
        if (ROWS[v->settings_sel].value == delete_value) {
            if (act == ACT_OK)
                ask_delete(a, act);
            return;
        }
        if (ROWS[v->settings_sel].value == phone_value) {
            v->phone_sel = 0;
            app_set_screen(a, SCREEN_PHONE);
            return;
        }
        app_refresh_suspects(a);
        app_set_screen(a, SCREEN_SUSPECTS);
    } else if (opens && act == ACT_LEFT) {
        // these rows open to the right; nothing to the left
    } else if (act == ACT_LEFT)
        change(a, -1);
    else if (act == ACT_RIGHT || act == ACT_OK)
        change(a, +1);
    else if (act == ACT_BACK || act == ACT_SETTINGS)
        leave(a);
    else if (act == ACT_QUIT) {
        leave(a);
        a->quit = true;
    }
}

void screen_settings_auto(App *a, int64_t in_ms)
{
    (void)a; // --auto never opens the settings
    (void)in_ms;
}
