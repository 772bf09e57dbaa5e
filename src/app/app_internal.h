/*
 * The kiosk app's state, shared by its parts: app.c (start-up, the frame
 * loop, drawing), app_session.c (a coached session: start, events, cues,
 * the end) and app_input.c (what each action does on each screen, and
 * --auto).
 */
#ifndef UL_APP_APP_INTERNAL_H
#define UL_APP_APP_INTERNAL_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "app/app.h"
#include "app/frame_stats.h"
#include "app/recorder.h"
#include "app/screen_table.h"
#include "app/script.h"
#include "audio/audio.h"
#include "core/history_view.h"
#include "core/session.h"
#include "core/settings.h"
#include "data/music_scan.h"
#include "media/music.h"
#include "platform/clock.h"
#include "platform/input.h"
#include "platform/log.h"
#include "platform/notify.h"
#include "platform/video.h"
#include "store/store.h"
#include "ui/screens.h"
#include "ui/stage.h"
#include "ui/ui.h"

#define FRAME_MS_NUM 1000
#define FRAME_MS_DEN 60
#define AUTO_HOME_MS 3000
#define AUTO_SUMMARY_MS 8000
#define AUTO_HISTORY_MS 5000
#define HEADLESS_LIMIT_MS (6LL * 3600 * 1000)
#define EVENTS_CAP 64
#define IDLE_DIM_MS (5 * 60 * 1000)

typedef struct App {
    const CliOptions *opt;
    const Paths *paths;
    const Library *lib;
    Library *own_lib;      // a reloaded library (owned), or NULL: lib is main's
    bool reload_pending;   // the page changed a file (app_web.c)
    char reload_what[200]; // what changed, for the TV
    Video video;
    Ui ui;
    Stage stage;
    Audio *audio;
    bool audio_clock; // the disk driver: time follows the capture
    Store *store;
    History history;
    HistoryView *hv;
    WallClock wall;
    char boot_id[64];
    UiView view;
    Session *session;
    SessionPlan plan;
    Recorder rec;
    bool in_session;
    SessionPhase cue_phase; // the phase before the event being cued
    int64_t now;            // app clock, ms
    int64_t screen_since;
    const Routine *pending; // waiting for the easy-day confirmation
    Script script;
    bool have_script;
    bool shot_taken[CLI_SHOTS_MAX];
    FILE *cue_log;
    FILE *layout_log;   // --layout-log, or NULL
    FrameStats *stats;  // --stats, or NULL
    Settings settings;  // what the kiosk uses: household's + runner's
    Settings household; // config.ini's
    Profile runner;     // whose kiosk it is
    int64_t last_input;
    int slow_frame_ms;           // test hook: a renderer that manages 1 fps
    char last_problem[400];      // the clip problem last told
    Notify notify;               // the service manager, when run as a service
    Clip *sound_clip;            // whose sound plays
    Music *music;                // the runner's music; NULL: none
    MusicTracks music_tracks;    // what it plays (to see a stick come or go)
    int music_serial;            // the track last named on screen
    bool music_heard;            // a track was heard in this workout
    long loops;                  // sessions done with --loop
    const Routine *last_routine; // the one coached last
    int64_t heap_logged;
    long cycles, cycles_logged; // --loop: times every routine was coached
    bool quit;
    int status;
    int64_t notice_until[VIEW_NOTICES_MAX];
    int64_t notice_from[VIEW_NOTICES_MAX];     // when each was raised
    bool notice_until_input[VIEW_NOTICES_MAX]; // stays until the runner acts
    char save_told[512];    // why sessions are not saved, as last shown
    bool save_told_session; // this session's save problem has been shown
    // The doubtful-date screen: what each row stands for.
    struct {
        int64_t id, started_utc;
        int offset_min;
        bool ahead;
    } suspects[VIEW_SUSPECTS_MAX];
    int suspect_shift_days;    // for the selected row
    struct WebCore *web;       // the companion's shared core; NULL: off
    struct WebServer *web_srv; // its server
} App;

// app.c
int64_t app_today(App *a); // the training day now
// Show a notice for for_ms (0: for good; APP_UNTIL_INPUT: until 10 s after
// the runner's next input, for what must not scroll away unseen).
#define APP_UNTIL_INPUT (-1)
void app_notice(App *a, int64_t for_ms, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void app_expire_notices(App *a);
void app_refresh_history(App *a);
void app_fill_today(App *a);
// Fill the home screen's list of routines from a->lib.
void app_list_routines(App *a);
void app_set_screen(App *a, AppScreen s);
// screen_suspects_input.c: the doubtful-date screen's rows.
void app_refresh_suspects(App *a);

// app_session.c
void app_start_routine(App *a, const Routine *rt, bool confirmed);
void app_handle_events(App *a, const SessionEvent *ev, int n);
void app_session_cmd(App *a, SessionCommand c);
void app_quit_session(App *a);
// A clip on stage that cannot play (stage_follow found it): said once.
void app_tell_stage_problem(App *a);

// app_music.c: the runner's music.
void app_music_begin(App *a); // a workout starts: find and play it
void app_music_frame(App *a); // once a frame: play, pause, fade; the title
void app_music_skip(App *a);  // the next track
void app_music_close(App *a);

// app_profile.c: the runners.
// After the history opens: whose kiosk (--profile, or the one used last);
// true when the picker should ask.
bool app_profile_open(App *a);
void app_profile_use(App *a, int64_t id); // this runner from now on
void app_profile_fill(App *a);            // the view's runners
// config.ini was read again into a->settings: the runner's overrides over.
void app_profile_apply_household(App *a);
// Leaving the settings: the runner's own values saved to their profile
// (two or more runners); what goes to config.ini into *file.
void app_profile_settings_to_save(App *a, Settings *file);

// app_input.c
void app_on_action(App *a, InputAction act, int px, int py);
void app_auto_step(App *a); // --auto: the kiosk drives itself

// Before a frame is drawn: the view's menus (labels and values) from the
// app's tables (screen_session_input.c, screen_settings_input.c).
void app_fill_pause_menu(App *a);
void app_fill_settings_rows(App *a);

#endif
