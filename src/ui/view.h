/*
 * The read-only view the screens draw from. The app fills it each frame;
 * the screens change nothing.
 */
#ifndef UL_UI_VIEW_H
#define UL_UI_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/history_view.h"
#include "core/profile.h"
#include "core/routine.h"
#include "core/session.h"
#include "core/settings.h"

// Every screen, registered once: its value and its name. A screen NAME is
// ui/screen_NAME.c (screen_NAME_draw) and app/screen_NAME_input.c
// (screen_NAME_action, screen_NAME_auto); the tables that dispatch to them
// (ui/screens.c, app/screen_table.c) are made from this list, so adding a
// screen is one line here and those two files.
#define SCREEN_LIST(X)                                                         \
    X(SCREEN_HOME, home)                                                       \
    X(SCREEN_CONFIRM, confirm)                                                 \
    X(SCREEN_SESSION, session)                                                 \
    X(SCREEN_SUMMARY, summary)                                                 \
    X(SCREEN_HISTORY, history)                                                 \
    X(SCREEN_SETTINGS, settings)                                               \
    X(SCREEN_SUSPECTS, suspects) /* settings -> doubtful dates */              \
    X(SCREEN_PHONE, phone)       /* settings -> the companion page */          \
    X(SCREEN_PROFILES, profiles) /* "Who's training?" (two or more) */         \
    X(SCREEN_NAME, name)         // settings -> a runner's name, key by key

typedef enum AppScreen {
#define SCREEN_ENUM_VALUE(id, name) id,
    SCREEN_LIST(SCREEN_ENUM_VALUE)
#undef SCREEN_ENUM_VALUE
} AppScreen;

#define SCREEN_ONE(id, name) +1
enum { SCREEN_COUNT = 0 SCREEN_LIST(SCREEN_ONE) };
#undef SCREEN_ONE

#define VIEW_NOTICES_MAX 4
#define VIEW_MENU_MAX 16
#define VIEW_SUSPECTS_MAX 8
#define VIEW_WEB_DEVICES_MAX 16
#define VIEW_QR_MAX 57 // QR modules a side (version 10: room for any URL here)

typedef struct UiView {
    AppScreen screen;
    int64_t now_ms; // app clock, for animation
    const Library *lib;
    const HistoryView *hv; // NULL when there is no history
    int weekday;           // today, Monday = 0
    char date_label[48];   // "Friday 27 November"
    const Routine *routines[RT_ROUTINES_MAX];
    int nroutines;
    int selected;
    int scroll_dir;      // the last move on home: -1 left, 1 right
    int64_t selected_ms; // when it was made (the carousel slides)
    int today_routine;   // index into routines, or -1
    const char *confirm_text;
    // Session
    const Session *session;
    int64_t phase_started_ms;
    int64_t last_rep_ms;
    char caption[SESSION_TEXT_MAX];
    int64_t caption_ms;
    bool caption_is_count; // the last cue was a rep number
    bool pause_menu;
    int pause_sel;
    const char *pause_items[VIEW_MENU_MAX]; // the app's pause menu, in order
    int npause_items;
    bool demo_drawn; // no clip: the live demo figure shows
    // The runner's music: the track just started, shown briefly.
    char music_title[128];
    int64_t music_since; // when it started being heard; -1: nothing shown
    // The clip (or the demo figure) behind the HUD; the app's, which opens
    // its clips in the logic step. NULL: no stage is drawn.
    struct Stage *stage;
    // Summary
    SessionSummary summary;
    int64_t xp_gained;
    int streak_before, streak_after;
    Badge new_badges[BADGES_MAX];
    int nnew_badges;
    bool saved;
    char save_error[256];
    // History: pages of 16 weeks back from this week (0: the latest)
    int history_page;
    // Everywhere
    char notices[VIEW_NOTICES_MAX][256];
    int nnotices;
    bool muted;
    bool dimmed; // idle: the screen dims itself
    // Settings
    const Settings *settings;
    int settings_sel;
    struct {
        const char *label;
        char value[48];
    } settings_rows[VIEW_MENU_MAX]; // the app fills them before each frame
    int nsettings_rows;
    bool week_paused;
    // Sessions with a doubtful date (the app fills the text; the selected one
    // shows the date it would get)
    struct {
        char when[48];  // "Sun 21 Nov 2027 18:00"
        char title[64]; // routine title
        char why[32];   // "in the future" ...
    } suspects[VIEW_SUSPECTS_MAX];
    int nsuspects;      // shown (at most VIEW_SUSPECTS_MAX)
    int suspects_total; // stored
    int suspect_sel;
    char suspect_new_when[48]; // the date the selected one would get
    bool suspect_confirm;      // "delete this session?" is asked
    // The companion page (the app copies it from the server once a frame)
    bool web_on;
    char web_host_url[160]; // "http://gym-pi.local:8080/"
    char web_ip_url[96];    // "http://192.168.1.20:8080/"
    char web_code[8];       // the pairing code shown
    bool web_asking;        // a device opened the page unpaired, just now
    bool web_locked;        // too many wrong codes: pairing waits a minute
    int web_ndevices;
    char web_devices[VIEW_WEB_DEVICES_MAX][64];
    char web_problem[320]; // why the page is off, or ""
    int phone_sel;         // the device chosen (web_ndevices: "forget all")
    // The QR code of web_host_url's address by IP (what a phone's camera
    // opens): web_qr_size modules a side, 1 = dark; 0: none.
    int web_qr_size;
    unsigned char web_qr[VIEW_QR_MAX * VIEW_QR_MAX];
    // The household's runners (the picker), and whose kiosk it is now: its
    // name on home, the HUD and the summary when there are two or more.
    Profile profiles[PROFILES_MAX];
    int nprofiles;
    int profile_sel;               // the picker's choice
    char runner[PROFILE_NAME_MAX]; // "" with one profile: no name is shown
    int runner_colour;
    // Settings -> a runner's name on the on-screen keys.
    char name_entry[PROFILE_NAME_MAX];
    const char *name_title; // "Name the new runner", "A new name for Bo"
    int key_sel;            // NAME_KEYS letters, then Space, Delete, Done
    // Settings -> delete this runner: 1, 2 while it asks (twice), else 0.
    int runner_ask;
    char runner_ask_text[200];
} UiView;

// The on-screen keys: letters and signs, then three wide keys.
#define NAME_KEYS "ABCDEFGHIJKLMNOPQRSTUVWXYZ-'"
enum {
    NAME_LETTERS = 28,
    NAME_SPACE = 28,
    NAME_DELETE,
    NAME_DONE,
    NAME_KEYS_N
};
// Letters per row of keys.
static inline int name_key_cols(bool portrait)
{
    return portrait ? 7 : 10;
}

#endif
