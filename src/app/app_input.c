/*
 * What each action (key, pad button, remote key, touch) does on each
 * screen, the pause menu and the settings screen; and --auto, which drives
 * the kiosk through a session by itself.
 */
#include "app/app_internal.h"

#include <string.h>

#include "data/settings_io.h"
static void pause_menu_pick(App *a)
{
    int sel = a->view.pause_sel;
    a->view.pause_menu = false;
    if (a->session->paused)
        app_session_cmd(a, SESSION_CMD_PAUSE); // resume first
    switch (sel) {
    case 0: break;
    case 1: app_session_cmd(a, SESSION_CMD_NEXT); break;
    case 2:
        if (a->session->phase == SESSION_INTRO) {
            // PREV on an intro goes back one; restart means this one.
            app_session_cmd(a, SESSION_CMD_NEXT);
            app_session_cmd(a, SESSION_CMD_PREV);
        } else {
            app_session_cmd(a, SESSION_CMD_PREV);
        }
        break;
    case 3: app_session_cmd(a, SESSION_CMD_END_SET); break;
    case 4: app_quit_session(a); break;
    }
}

static void on_session_action(App *a, InputAction act)
{
    Session *s = a->session;
    if (a->view.pause_menu) {
        switch (act) {
        case ACT_UP: a->view.pause_sel = (a->view.pause_sel + PAUSE_ITEMS - 1) % PAUSE_ITEMS; break;
        case ACT_DOWN: a->view.pause_sel = (a->view.pause_sel + 1) % PAUSE_ITEMS; break;
        case ACT_OK: pause_menu_pick(a); break;
        case ACT_BACK:
        case ACT_PAUSE:
            a->view.pause_menu = false;
            if (s->paused)
                app_session_cmd(a, SESSION_CMD_PAUSE);
            break;
        case ACT_QUIT: app_quit_session(a); a->quit = true; break;
        default: break;
        }
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
        app_session_cmd(a, s->phase == SESSION_INTRO ? SESSION_CMD_LOAD_UP : SESSION_CMD_REPS_UP);
        break;
    case ACT_DOWN:
        app_session_cmd(a, s->phase == SESSION_INTRO ? SESSION_CMD_LOAD_DOWN
                                                 : SESSION_CMD_REPS_DOWN);
        break;
    case ACT_PAUSE: app_session_cmd(a, SESSION_CMD_PAUSE); break;
    case ACT_TEMPO_UP: app_session_cmd(a, SESSION_CMD_TEMPO_UP); break;
    case ACT_TEMPO_DOWN: app_session_cmd(a, SESSION_CMD_TEMPO_DOWN); break;
    case ACT_END_SET: app_session_cmd(a, SESSION_CMD_END_SET); break;
    case ACT_QUIT: app_quit_session(a); a->quit = true; break;
    default: break;
    }
}

static void settings_change(App *a, int dir)
{
    Settings *s = &a->settings;
    switch (a->view.settings_sel) {
    case 0: s->volume = s->volume + 10 * dir < 0 ? 0 : s->volume + 10 * dir > 100 ? 100 : s->volume + 10 * dir; break;
    case 1: s->voice = !s->voice; break;
    case 2: s->tempo_pct = s->tempo_pct + 10 * dir < 50 ? 50 : s->tempo_pct + 10 * dir > 200 ? 200 : s->tempo_pct + 10 * dir; break;
    case 3: s->weekly_target = (s->weekly_target + dir + 8) % 8; break;
    case 4: s->units = s->units == UNITS_KG ? UNITS_LB : UNITS_KG; break;
    case 5: s->include_optional = !s->include_optional; break;
    case 6:
        if (!a->store || !store_set_week_paused(a->store, cal_week_index(app_today(a)),
                                                !a->view.week_paused)) {
            app_notice(a, 8000, "Cannot change the streak: %s",
                   a->store ? store_error(a->store) : "no history");
            break;
        }
        if (a->cue_log)
            fprintf(a->cue_log, "%.3f\tsettings\tStreak %s this week\n", a->now / 1000.0,
                    a->view.week_paused ? "counting" : "paused");
        break;
    }
    app_refresh_history(a);
    audio_set_volume(a->audio, s->volume);
    audio_set_voice(a->audio, s->voice);
}

static void settings_leave(App *a)
{
    char err[600];
    if (!settings_save_file(&a->settings, a->paths, err, sizeof(err)))
        app_notice(a, 8000, "Settings not saved: %s", err);
    app_refresh_history(a);
    app_set_screen(a, SCREEN_HOME);
}

void app_on_action(App *a, InputAction act, int px, int py)
{
    UiView *v = &a->view;
    if (act != ACT_RESIZED && act != ACT_PAD_ADDED && act != ACT_PAD_REMOVED) {
        a->last_input = a->now;
        if (v->dimmed && act != ACT_QUIT) {
            v->dimmed = false; // the first press only wakes the screen
            return;
        }
    }
    if (act == ACT_TEST_PAD_PLUG) {
        if (!input_test_pad_plug())
            app_notice(a, 5000, "No virtual controller: %s", SDL_GetError());
        return;
    }
    if (act == ACT_TEST_PAD_UNPLUG) {
        input_test_pad_unplug();
        return;
    }
    if (act == ACT_TEST_RESIZE) {
        // Swap between two sizes, as a window manager would.
        int w = a->video.w == 1920 ? 1280 : 1920, h = a->video.w == 1920 ? 720 : 1080;
        SDL_SetWindowSize(a->video.window, w, h);
        return;
    }
    if (act == ACT_MUTE) {
        v->muted = !v->muted;
        audio_set_muted(a->audio, v->muted);
        app_notice(a, 2500, v->muted ? "Sound off" : "Sound on");
        return;
    }
    if (act == ACT_PAD_REMOVED) {
        app_notice(a, 5000, "Controller disconnected: the keyboard and remote still work");
        return;
    }
    if (act == ACT_PAD_ADDED)
        return;
    if (act == ACT_RESIZED) {
        if (video_update_size(&a->video))
            ui_resize(&a->ui, a->video.w, a->video.h);
        return;
    }
    if (act == ACT_POINTER) {
        // Touch: the lower third is "OK", the left and right edges prev/next.
        int w = a->video.w, h = a->video.h;
        if (px < w / 6)
            act = ACT_LEFT;
        else if (px > w * 5 / 6)
            act = ACT_RIGHT;
        else if (py > h * 2 / 3)
            act = ACT_OK;
        else
            act = a->in_session ? ACT_BACK : ACT_OK;
    }
    switch (v->screen) {
    case SCREEN_HOME:
        if ((act == ACT_LEFT || act == ACT_UP || act == ACT_RIGHT || act == ACT_DOWN) &&
            v->nroutines > 0) {
            int dir = act == ACT_LEFT || act == ACT_UP ? -1 : 1;
            v->selected = (v->selected + v->nroutines + dir) % v->nroutines;
            v->scroll_dir = dir;
            v->selected_ms = a->now;
        } else if (act == ACT_OK && v->nroutines > 0)
            app_start_routine(a, v->routines[v->selected], false);
        else if (act == ACT_HISTORY)
            app_set_screen(a, SCREEN_HISTORY);
        else if (act == ACT_SETTINGS)
            app_set_screen(a, SCREEN_SETTINGS);
        else if (act == ACT_QUIT)
            a->quit = true;
        break;
    case SCREEN_SETTINGS:
        if (act == ACT_UP)
            v->settings_sel = (v->settings_sel + SETTINGS_ITEMS - 1) % SETTINGS_ITEMS;
        else if (act == ACT_DOWN)
            v->settings_sel = (v->settings_sel + 1) % SETTINGS_ITEMS;
        else if (v->settings_sel == SETTINGS_ITEMS - 1 && (act == ACT_RIGHT || act == ACT_OK)) {
            app_refresh_suspects(a);
            app_set_screen(a, SCREEN_SUSPECTS);
        } else if (v->settings_sel == SETTINGS_ITEMS - 1 && act == ACT_LEFT) {
            // the doubtful dates open to the right; nothing to the left
        } else if (act == ACT_LEFT)
            settings_change(a, -1);
        else if (act == ACT_RIGHT || act == ACT_OK)
            settings_change(a, +1);
        else if (act == ACT_BACK || act == ACT_SETTINGS)
            settings_leave(a);
        else if (act == ACT_QUIT) {
            settings_leave(a);
            a->quit = true;
        }
        break;
    case SCREEN_SUSPECTS: app_suspects_action(a, act); break;
    case SCREEN_CONFIRM:
        if (act == ACT_OK && a->pending)
            app_start_routine(a, a->pending, true);
        else if (act == ACT_BACK || act == ACT_QUIT)
            app_set_screen(a, SCREEN_HOME);
        a->pending = NULL;
        break;
    case SCREEN_SESSION: on_session_action(a, act); break;
    case SCREEN_SUMMARY:
        if (act == ACT_OK || act == ACT_BACK)
            app_set_screen(a, SCREEN_HOME);
        else if (act == ACT_HISTORY)
            app_set_screen(a, SCREEN_HISTORY);
        else if (act == ACT_QUIT)
            a->quit = true;
        break;
    case SCREEN_HISTORY:
        if (act == ACT_OK || act == ACT_BACK || act == ACT_HISTORY)
            app_set_screen(a, SCREEN_HOME);
        else if (act == ACT_QUIT)
            a->quit = true;
        break;
    }
}

// --auto: the kiosk drives itself through one session and out.
void app_auto_step(App *a)
{
    int64_t in = a->now - a->screen_since;
    switch (a->view.screen) {
    case SCREEN_HOME:
        if (in >= AUTO_HOME_MS)
            app_on_action(a, ACT_OK, 0, 0);
        break;
    case SCREEN_CONFIRM:
        if (in >= 2000)
            app_on_action(a, ACT_OK, 0, 0);
        break;
    case SCREEN_SUMMARY:
        if (in >= AUTO_SUMMARY_MS)
            app_on_action(a, ACT_HISTORY, 0, 0);
        break;
    case SCREEN_HISTORY:
        if (in >= AUTO_HISTORY_MS && a->opt->loop) {
            // The next routine in turn, picked on the home screen.
            a->loops++;
            log_info("ultralegs", "loop %ld done at %.0f virtual s", a->loops, a->now / 1000.0);
            app_set_screen(a, SCREEN_HOME);
            UiView *v = &a->view;
            for (int i = 0; i < v->nroutines; i++)
                if (v->routines[i] == a->last_routine) {
                    v->selected = (i + 1) % v->nroutines;
                    if (v->selected == 0 && a->loops >= v->nroutines)
                        a->cycles++;
                }
        } else if (in >= AUTO_HISTORY_MS) {
            a->quit = true;
        }
        break;
    case SCREEN_SESSION:
    case SCREEN_SETTINGS:
    case SCREEN_SUSPECTS: break;
    }
}

