/*
 * A coached session: OK, the arrows and the tempo keys become session
 * commands; Back opens the pause menu, a table of {label, what it does}.
 * --auto leaves the session to coach itself.
 */
#include "app/app_internal.h"

static void pick_resume(App *a)
{
    (void)a; // resuming is done before any pick
}

static void pick_skip(App *a)
{
    app_session_cmd(a, SESSION_CMD_NEXT);
}

static void pick_restart(App *a)
{
    if (a->session->phase == SESSION_INTRO) {
        // PREV on an intro goes back one; restart means this one.
        app_session_cmd(a, SESSION_CMD_NEXT);
        app_session_cmd(a, SESSION_CMD_PREV);
    } else {
        app_session_cmd(a, SESSION_CMD_PREV);
    }
}

static void pick_end_set(App *a)
{
    app_session_cmd(a, SESSION_CMD_END_SET);
}

static void pick_end_workout(App *a)
{
    app_quit_session(a);
}

// resume: the session goes on before the pick (and says so); ending the
// workout does not resume it only to say that it has ended.
static const struct {
    const char *label;
    void (*pick)(App *a);
    bool resume;
} PAUSE_MENU[] = {
    {"Resume", pick_resume, true},
    {"Skip this exercise", pick_skip, true},
    {"Restart this exercise", pick_restart, true},
    {"End this set now", pick_end_set, true},
    {"End the workout", pick_end_workout, false},
};
enum { PAUSE_ITEMS = sizeof(PAUSE_MENU) / sizeof(PAUSE_MENU[0]) };
_Static_assert(PAUSE_ITEMS <= VIEW_MENU_MAX,
               "the view holds the whole pause menu");

void app_fill_pause_menu(App *a)
{
    for (int i = 0; i < PAUSE_ITEMS; i++)
        a->view.pause_items[i] = PAUSE_MENU[i].label;
    a->view.npause_items = PAUSE_ITEMS;
}

static void pause_menu_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    switch (act) {
    case ACT_UP:
        v->pause_sel = (v->pause_sel + PAUSE_ITEMS - 1) % PAUSE_ITEMS;
        break;
    case ACT_DOWN: v->pause_sel = (v->pause_sel + 1) % PAUSE_ITEMS; break;
    case ACT_OK:
        v->pause_menu = false;
        if (a->session->paused && PAUSE_MENU[v->pause_sel].resume)
            app_session_cmd(a, SESSION_CMD_PAUSE); // resume first
        PAUSE_MENU[v->pause_sel].pick(a);
        break;
    case ACT_BACK:
    case ACT_PAUSE:
        v->pause_menu = false;
        if (a->session->paused)
            app_session_cmd(a, SESSION_CMD_PAUSE);
        break;
    case ACT_QUIT:
        app_quit_session(a);
        a->quit = true;
        break;
    default: break;
    }
}

void screen_session_action(App *a, InputAction act)
{
    Session *s = a->session;
    if (a->view.pause_menu) {
        pause_menu_action(a, act);
        return;
    }
    switch (act) {
    case ACT_OK: app_session_cmd(a, SESSION_CMD_OK); break;
    case ACT_BACK:
        a->view.pause_menu = true;
        a->view.pause_sel = 0;
        if (!s->paused)
            app_session_cmd(a, SESSION_CMD_PAUSE);
        break;
    case ACT_LEFT: app_session_cmd(a, SESSION_CMD_PREV); break;
    case ACT_RIGHT: app_session_cmd(a, SESSION_CMD_NEXT); break;
    case ACT_UP:
        app_session_cmd(a, s->phase == SESSION_INTRO ? SESSION_CMD_LOAD_UP
                                                     : SESSION_CMD_REPS_UP);
        break;
    case ACT_DOWN:
        app_session_cmd(a, s->phase == SESSION_INTRO ? SESSION_CMD_LOAD_DOWN
                                                     : SESSION_CMD_REPS_DOWN);
        break;
    case ACT_PAUSE: app_session_cmd(a, SESSION_CMD_PAUSE); break;
    case ACT_TEMPO_UP: app_session_cmd(a, SESSION_CMD_TEMPO_UP); break;
    case ACT_TEMPO_DOWN: app_session_cmd(a, SESSION_CMD_TEMPO_DOWN); break;
    case ACT_END_SET: app_session_cmd(a, SESSION_CMD_END_SET); break;
    case ACT_QUIT:
        app_quit_session(a);
        a->quit = true;
        break;
    default: break;
    }
}

void screen_session_auto(App *a, int64_t in_ms)
{
    (void)a; // the session coaches itself (auto_advance)
    (void)in_ms;
}
