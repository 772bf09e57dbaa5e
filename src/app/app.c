/*
 * The kiosk's frame loop and screen flow.
 *
 * Time: the app clock is milliseconds since start-up, from SDL's tick
 * counter, or with --virtual-clock exactly one 60 Hz frame per loop. The
 * session only ever sees this clock. With --headless nothing is shown, so
 * frames are drawn only when a screenshot is due: that keeps a whole
 * virtual-clock session to seconds; --draw-all (soak runs) draws them all.
 */
#include "app/app.h"

#include <SDL.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/recorder.h"
#include "audio/audio.h"
#include "app/script.h"
#include "app/settings_io.h"
#include "app/stage.h"
#include "core/calendar.h"
#include "core/history_view.h"
#include "core/session.h"
#include "core/strutil.h"
#include "platform/clock.h"
#include "platform/input.h"
#include "platform/notify.h"
#include "platform/stop.h"
#include "platform/video.h"
#include "store/store.h"
#include "ui/screens.h"
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
    Video video;
    Ui ui;
    Stage stage;
    Audio *audio;
    bool audio_clock;       // the disk driver: time follows the capture
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
    int64_t now;            // app clock, ms
    int64_t screen_since;
    const Routine *pending; // waiting for the easy-day confirmation
    Script script;
    bool have_script;
    bool shot_taken[CLI_SHOTS_MAX];
    FILE *cue_log;
    Settings settings;
    int64_t last_input;
    int slow_frame_ms;      // test hook: a renderer that manages 1 fps
    char last_problem[400]; // the clip problem last told
    Notify notify;          // the service manager, when run as a service
    Clip *sound_clip;       // whose sound plays
    long loops;             // sessions done with --loop
    const Routine *last_routine; // the one coached last
    int64_t heap_logged;
    bool quit;
    int status;
    int64_t notice_until[VIEW_NOTICES_MAX];
} App;

static void app_handle_events(App *a, const SessionEvent *ev, int n);

static int64_t today_day(App *a)
{
    int64_t utc = wallclock_utc(&a->wall, a->now);
    return cal_training_day(utc, wallclock_offset_min(&a->wall, utc),
                            CAL_CUTOFF_DEFAULT_MIN);
}

static void notice(App *a, int64_t for_ms, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void notice(App *a, int64_t for_ms, const char *fmt, ...)
{
    UiView *v = &a->view;
    int i = v->nnotices < VIEW_NOTICES_MAX ? v->nnotices++ : VIEW_NOTICES_MAX - 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->notices[i], sizeof(v->notices[i]), fmt, ap);
    va_end(ap);
    a->notice_until[i] = for_ms > 0 ? a->now + for_ms : INT64_MAX;
    fprintf(stderr, "ultralegs: %s\n", v->notices[i]);
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tnotice\t%s\n", a->now / 1000.0, v->notices[i]);
}

static void expire_notices(App *a)
{
    UiView *v = &a->view;
    for (int i = 0; i < v->nnotices;) {
        if (a->now >= a->notice_until[i]) {
            for (int k = i; k + 1 < v->nnotices; k++) {
                memcpy(v->notices[k], v->notices[k + 1], sizeof(v->notices[k]));
                a->notice_until[k] = a->notice_until[k + 1];
            }
            v->nnotices--;
        } else {
            i++;
        }
    }
}

static void refresh_history(App *a)
{
    history_free(&a->history);
    if (a->store && store_load(a->store, &a->history)) {
        history_view_build(a->hv, &a->history, a->lib, today_day(a),
                           a->settings.weekly_target);
        a->view.hv = a->hv;
    } else if (a->store) {
        history_view_build(a->hv, &a->history, a->lib, today_day(a),
                           a->settings.weekly_target);
        a->view.hv = a->hv;
    } else {
        a->view.hv = NULL;
    }
    int64_t week = cal_week_index(today_day(a));
    a->view.week_paused = false;
    for (int i = 0; i < a->history.npaused; i++)
        if (a->history.paused_weeks[i] == week)
            a->view.week_paused = true;
}

static void fill_today(App *a)
{
    int64_t day = today_day(a);
    UiView *v = &a->view;
    v->weekday = cal_weekday(day);
    int y, m, d;
    cal_civil_from_days(day, &y, &m, &d);
    static const char *const wd[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                      "Friday", "Saturday", "Sunday"};
    static const char *const mn[12] = {"January", "February", "March", "April",
                                       "May", "June", "July", "August",
                                       "September", "October", "November",
                                       "December"};
    snprintf(v->date_label, sizeof(v->date_label), "%s %d %s", wd[v->weekday], d,
             mn[m - 1]);
    v->today_routine = -1;
    const char *plan = a->lib->plan.days[v->weekday].routine;
    for (int i = 0; i < v->nroutines; i++)
        if (plan[0] && strcmp(v->routines[i]->id, plan) == 0)
            v->today_routine = i;
}

static void set_screen(App *a, AppScreen s)
{
    a->view.screen = s;
    a->screen_since = a->now;
    video_allow_blanking(&a->video, s != SCREEN_SESSION);
}

// Say every phrase of the plan once in silence (a rehearsal of the engine)
// so speech is synthesised before its cue.
static void prepare_phrases(App *a)
{
    Session *dry = malloc(sizeof(*dry));
    if (!dry)
        return;
    SessionOptions o = a->session->opt;
    o.auto_advance = true;
    session_init(dry, &a->plan, &o);
    SessionEvent ev[EVENTS_CAP];
    int n = session_start(dry, 0, ev, EVENTS_CAP);
    int64_t t = 0;
    for (int guard = 0; guard < 100000 && dry->phase != SESSION_DONE; guard++) {
        for (int i = 0; i < n; i++) {
            Cue c;
            if (cue_for_event(&ev[i], SESSION_IDLE, &c) && c.speech[0])
                audio_prepare(a->audio, c.speech);
        }
        t += 500;
        n = session_tick(dry, t, ev, EVENTS_CAP);
    }
    for (int i = 0; i < n; i++) {
        Cue c;
        if (cue_for_event(&ev[i], SESSION_IDLE, &c) && c.speech[0])
            audio_prepare(a->audio, c.speech);
    }
    free(dry);
}

static void begin_session(App *a, const Routine *rt)
{
    a->last_routine = rt;
    if (!session_plan_from_routine(&a->plan, a->lib, rt)) {
        notice(a, 8000, "Cannot coach '%s': it names a missing exercise", rt->id);
        return;
    }
    int64_t today = today_day(a);
    for (int i = 0; i < rt->nsteps; i++) {
        ProgressionItem p;
        progression_for_step(&a->history, rt->id, &rt->steps[i], today, &p);
        a->plan.steps[i].reps_target = p.target;
        a->plan.steps[i].load_kg = p.last_load_kg;
    }
    SessionOptions o;
    session_options_default(&o);
    o.auto_advance = a->opt->auto_run;
    o.tempo_pct = a->settings.tempo_pct;
    o.include_optional = a->settings.include_optional;
    session_init(a->session, &a->plan, &o);
    int64_t utc = wallclock_utc(&a->wall, a->now);
    StoreStart start = {rt->id, utc, wallclock_offset_min(&a->wall, utc),
                        CAL_CUTOFF_DEFAULT_MIN, a->boot_id, clock_boot_ms()};
    recorder_begin(&a->rec, a->store, &start);
    if (!a->rec.started)
        notice(a, 10000, "This session will not be saved: %s", a->rec.error);
    else if (a->rec.clock_suspect)
        notice(a, 10000, "The clock looks wrong: this session is saved but kept "
                         "out of the streak until the time is set");
    a->in_session = true;
    a->view.session = a->session;
    a->view.pause_menu = false;
    a->view.caption[0] = '\0';
    set_screen(a, SCREEN_SESSION);
    if (!audio_is_null(a->audio))
        prepare_phrases(a);
    SessionEvent ev[EVENTS_CAP];
    int n = session_start(a->session, a->now, ev, EVENTS_CAP);
    stage_prepare(&a->stage, &a->plan, 0);
    app_handle_events(a, ev, n);
}

static void start_routine(App *a, const Routine *rt, bool confirmed)
{
    const HistoryView *hv = a->view.hv;
    bool counting = false;
    for (int i = 0; i < a->lib->plan.nstreak; i++)
        if (strcmp(a->lib->plan.streak_routines[i], rt->id) == 0)
            counting = true;
    if (!confirmed && counting && hv && (hv->easy_day || hv->done_today)) {
        a->pending = rt;
        a->view.confirm_text = hv->done_today
            ? "You already did Ultra Legs today. The coach pairs it with an "
              "easy day after: start another session anyway?"
            : "You did Ultra Legs yesterday. Two days in a row leaves no easy "
              "day between: start anyway?";
        set_screen(a, SCREEN_CONFIRM);
        return;
    }
    begin_session(a, rt);
}

static void end_session(App *a)
{
    Session *s = a->session;
    int64_t xp_before = a->view.hv ? a->view.hv->xp : 0;
    int streak_before = a->view.hv ? a->view.hv->weekly.current : 0;
    Badge before[BADGES_MAX];
    int nbefore = 0;
    if (a->view.hv) {
        nbefore = a->view.hv->nbadges;
        memcpy(before, a->view.hv->badges, sizeof(before));
    }
    recorder_finish(&a->rec, s);
    session_summary(s, &a->view.summary);
    a->view.saved = a->rec.finished && a->rec.failures == 0;
    snprintf(a->view.save_error, sizeof(a->view.save_error), "%s", a->rec.error);
    if (!a->view.saved && a->store)
        notice(a, 15000, "The session could not be saved: %s",
               a->rec.error[0] ? a->rec.error : "unknown error");
    refresh_history(a);
    const HistoryView *hv = a->view.hv;
    a->view.xp_gained = hv ? hv->xp - xp_before : 0;
    a->view.streak_before = streak_before;
    a->view.streak_after = hv ? hv->weekly.current : 0;
    a->view.nnew_badges = 0;
    for (int i = 0; hv && i < hv->nbadges; i++) {
        bool had = false;
        for (int k = 0; k < nbefore; k++)
            if (strcmp(before[k].id, hv->badges[i].id) == 0)
                had = true;
        if (!had && a->view.nnew_badges < BADGES_MAX) {
            a->view.new_badges[a->view.nnew_badges++] = hv->badges[i];
            if (a->cue_log)
                fprintf(a->cue_log, "%.3f\tbadge\tNew badge: %s\n", a->now / 1000.0,
                        hv->badges[i].title);
            Cue c = {CUE_SOUND_BADGE, "", CUE_PRIO_INFO, 6000};
            snprintf(c.speech, sizeof(c.speech), "New badge: %s", hv->badges[i].title);
            audio_cue(a->audio, &c, a->now);
        }
    }
    a->in_session = false;
    set_screen(a, SCREEN_SUMMARY);
}

static void app_handle_events(App *a, const SessionEvent *ev, int n)
{
    for (int i = 0; i < n; i++) {
        const SessionEvent *e = &ev[i];
        audio_event(a->audio, e, e->at_ms);
        if (e->kind == SESSION_EV_PHASE) {
            a->view.phase_started_ms = e->at_ms;
            if (e->phase == SESSION_INTRO || e->phase == SESSION_REST)
                stage_prepare(&a->stage, &a->plan,
                              e->phase == SESSION_REST && a->session->step + 1 < a->plan.nsteps
                                  ? a->session->step + 1
                                  : a->session->step);
            continue;
        }
        if (a->cue_log)
            fprintf(a->cue_log, "%.3f\t%s\t%s\n", e->at_ms / 1000.0,
                    session_event_kind_name(e->kind), e->text);
        snprintf(a->view.caption, sizeof(a->view.caption), "%s", e->text);
        a->view.caption_ms = e->at_ms;
        a->view.caption_is_count = e->kind == SESSION_EV_REP;
        if (e->kind == SESSION_EV_REP || e->kind == SESSION_EV_REPS_ADJUSTED)
            a->view.last_rep_ms = e->at_ms;
    }
    recorder_update(&a->rec, a->session, ev, n);
    if (a->rec.failures == 1 && a->rec.error[0]) {
        notice(a, 15000, "The session cannot be saved: %s", a->rec.error);
        a->rec.failures++; // say it once
    }
    if (a->session->phase == SESSION_DONE && a->in_session)
        end_session(a);
}

static void session_cmd(App *a, SessionCommand c)
{
    SessionEvent ev[EVENTS_CAP];
    int n = session_command(a->session, c, a->now, ev, EVENTS_CAP);
    app_handle_events(a, ev, n);
}

static void quit_session(App *a)
{
    session_abort(a->session);
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tended\tWorkout ended early\n", a->now / 1000.0);
    end_session(a);
}

static void pause_menu_pick(App *a)
{
    int sel = a->view.pause_sel;
    a->view.pause_menu = false;
    if (a->session->paused)
        session_cmd(a, SESSION_CMD_PAUSE); // resume first
    switch (sel) {
    case 0: break;
    case 1: session_cmd(a, SESSION_CMD_NEXT); break;
    case 2:
        if (a->session->phase == SESSION_INTRO) {
            // PREV on an intro goes back one; restart means this one.
            session_cmd(a, SESSION_CMD_NEXT);
            session_cmd(a, SESSION_CMD_PREV);
        } else {
            session_cmd(a, SESSION_CMD_PREV);
        }
        break;
    case 3: session_cmd(a, SESSION_CMD_END_SET); break;
    case 4: quit_session(a); break;
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
                session_cmd(a, SESSION_CMD_PAUSE);
            break;
        case ACT_QUIT: quit_session(a); a->quit = true; break;
        default: break;
        }
        return;
    }
    switch (act) {
    case ACT_OK: session_cmd(a, SESSION_CMD_OK); break;
    case ACT_BACK:
        a->view.pause_menu = true;
        a->view.pause_sel = 0;
        if (!s->paused)
            session_cmd(a, SESSION_CMD_PAUSE);
        break;
    case ACT_LEFT: session_cmd(a, SESSION_CMD_PREV); break;
    case ACT_RIGHT: session_cmd(a, SESSION_CMD_NEXT); break;
    case ACT_UP:
        session_cmd(a, s->phase == SESSION_INTRO ? SESSION_CMD_LOAD_UP : SESSION_CMD_REPS_UP);
        break;
    case ACT_DOWN:
        session_cmd(a, s->phase == SESSION_INTRO ? SESSION_CMD_LOAD_DOWN
                                                 : SESSION_CMD_REPS_DOWN);
        break;
    case ACT_PAUSE: session_cmd(a, SESSION_CMD_PAUSE); break;
    case ACT_TEMPO_UP: session_cmd(a, SESSION_CMD_TEMPO_UP); break;
    case ACT_TEMPO_DOWN: session_cmd(a, SESSION_CMD_TEMPO_DOWN); break;
    case ACT_END_SET: session_cmd(a, SESSION_CMD_END_SET); break;
    case ACT_QUIT: quit_session(a); a->quit = true; break;
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
        if (!a->store || !store_set_week_paused(a->store, cal_week_index(today_day(a)),
                                                !a->view.week_paused)) {
            notice(a, 8000, "Cannot change the streak: %s",
                   a->store ? store_error(a->store) : "no history");
            break;
        }
        if (a->cue_log)
            fprintf(a->cue_log, "%.3f\tsettings\tStreak %s this week\n", a->now / 1000.0,
                    a->view.week_paused ? "counting" : "paused");
        break;
    }
    refresh_history(a);
    audio_set_volume(a->audio, s->volume);
    audio_set_voice(a->audio, s->voice);
}

static void settings_leave(App *a)
{
    char err[600];
    if (!settings_save_file(&a->settings, a->paths, err, sizeof(err)))
        notice(a, 8000, "Settings not saved: %s", err);
    refresh_history(a);
    set_screen(a, SCREEN_HOME);
}

static void on_action(App *a, InputAction act, int px, int py)
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
            notice(a, 5000, "No virtual controller: %s", SDL_GetError());
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
        notice(a, 2500, v->muted ? "Sound off" : "Sound on");
        return;
    }
    if (act == ACT_PAD_REMOVED) {
        notice(a, 5000, "Controller disconnected: the keyboard and remote still work");
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
        if (act == ACT_LEFT || act == ACT_UP)
            v->selected = (v->selected + v->nroutines - 1) % (v->nroutines ? v->nroutines : 1);
        else if (act == ACT_RIGHT || act == ACT_DOWN)
            v->selected = (v->selected + 1) % (v->nroutines ? v->nroutines : 1);
        else if (act == ACT_OK && v->nroutines > 0)
            start_routine(a, v->routines[v->selected], false);
        else if (act == ACT_HISTORY)
            set_screen(a, SCREEN_HISTORY);
        else if (act == ACT_SETTINGS)
            set_screen(a, SCREEN_SETTINGS);
        else if (act == ACT_QUIT)
            a->quit = true;
        break;
    case SCREEN_SETTINGS:
        if (act == ACT_UP)
            v->settings_sel = (v->settings_sel + SETTINGS_ITEMS - 1) % SETTINGS_ITEMS;
        else if (act == ACT_DOWN)
            v->settings_sel = (v->settings_sel + 1) % SETTINGS_ITEMS;
        else if (act == ACT_LEFT)
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
    case SCREEN_CONFIRM:
        if (act == ACT_OK && a->pending)
            begin_session(a, a->pending);
        else if (act == ACT_BACK || act == ACT_QUIT)
            set_screen(a, SCREEN_HOME);
        a->pending = NULL;
        break;
    case SCREEN_SESSION: on_session_action(a, act); break;
    case SCREEN_SUMMARY:
        if (act == ACT_OK || act == ACT_BACK)
            set_screen(a, SCREEN_HOME);
        else if (act == ACT_HISTORY)
            set_screen(a, SCREEN_HISTORY);
        else if (act == ACT_QUIT)
            a->quit = true;
        break;
    case SCREEN_HISTORY:
        if (act == ACT_OK || act == ACT_BACK || act == ACT_HISTORY)
            set_screen(a, SCREEN_HOME);
        else if (act == ACT_QUIT)
            a->quit = true;
        break;
    }
}

// --auto: the kiosk drives itself through one session and out.
static void auto_step(App *a)
{
    int64_t in = a->now - a->screen_since;
    switch (a->view.screen) {
    case SCREEN_HOME:
        if (in >= AUTO_HOME_MS)
            on_action(a, ACT_OK, 0, 0);
        break;
    case SCREEN_CONFIRM:
        if (in >= 2000)
            on_action(a, ACT_OK, 0, 0);
        break;
    case SCREEN_SUMMARY:
        if (in >= AUTO_SUMMARY_MS)
            on_action(a, ACT_HISTORY, 0, 0);
        break;
    case SCREEN_HISTORY:
        if (in >= AUTO_HISTORY_MS && a->opt->loop) {
            // The next routine in turn, picked on the home screen.
            a->loops++;
            fprintf(stderr, "ultralegs: loop %ld done at %.0f virtual s\n", a->loops,
                    a->now / 1000.0);
            set_screen(a, SCREEN_HOME);
            UiView *v = &a->view;
            for (int i = 0; i < v->nroutines; i++)
                if (v->routines[i] == a->last_routine)
                    v->selected = (i + 1) % v->nroutines;
        } else if (in >= AUTO_HISTORY_MS) {
            a->quit = true;
        }
        break;
    case SCREEN_SESSION:
    case SCREEN_SETTINGS: break;
    }
}

// Soak runs (--loop): the allocator's own count of the heap in use, once a
// virtual minute, so growth can be told apart from memory merely kept.
static void log_heap(App *a)
{
#ifdef __GLIBC__
    if (a->now - a->heap_logged < 60000)
        return;
    a->heap_logged = a->now;
    struct mallinfo2 mi = mallinfo2();
    fprintf(stderr, "ultralegs: heap %.0f s %.1f MB in use\n", a->now / 1000.0,
            (double)(mi.uordblks + mi.hblkhd) / 1048576.0);
#else
    (void)a;
#endif
}

static void draw(App *a)
{
    a->view.now_ms = a->now;
    ui_begin_frame(&a->ui);
    screens_draw(&a->ui, &a->view);
}

static bool shots_due(App *a)
{
    for (int i = 0; i < a->opt->nshots; i++)
        if (!a->shot_taken[i] && a->now >= (int64_t)(a->opt->shots[i].at_s * 1000))
            return true;
    return false;
}

static void take_shots(App *a)
{
    for (int i = 0; i < a->opt->nshots; i++) {
        if (a->shot_taken[i] || a->now < (int64_t)(a->opt->shots[i].at_s * 1000))
            continue;
        char err[512];
        if (!video_screenshot(&a->video, a->opt->shots[i].file, err, sizeof(err))) {
            fprintf(stderr, "ultralegs: %s\n", err);
            a->status = 1;
        }
        a->shot_taken[i] = true;
    }
}

// Without --auto, a headless run ends once its script has played out and
// every screenshot is taken.
static bool headless_done(App *a)
{
    if (a->opt->auto_run)
        return false;
    for (int i = 0; i < a->opt->nshots; i++)
        if (!a->shot_taken[i])
            return false;
    if (!a->have_script)
        return a->opt->nshots > 0;
    if (a->script.next < a->script.n)
        return false;
    int64_t last = a->script.n ? a->script.lines[a->script.n - 1].at_ms : 0;
    return a->now > last + 1000;
}

static void stage_draw_cb(void *ctx, int step, float x, float y, float w, float h)
{
    App *a = ctx;
    stage_draw(&a->stage, &a->ui, a->session, step, a->now, x, y, w, h);
    const char *problem = stage_problem(&a->stage);
    if (problem[0] && strcmp(problem, a->last_problem) != 0) {
        snprintf(a->last_problem, sizeof(a->last_problem), "%s", problem);
        notice(a, 8000, "%s", problem);
    }
}

static bool step_wants_sound(const App *a)
{
    if (!a->in_session || a->session->step >= a->plan.nsteps)
        return false;
    const Exercise *ex = library_exercise(a->lib, a->plan.steps[a->session->step].exercise_id);
    return ex && ex->clip_audio;
}

static void stage_closing(void *ctx, Clip *c)
{
    App *a = ctx;
    if (a->sound_clip == c) {
        audio_set_clip_source(a->audio, NULL, NULL);
        a->sound_clip = NULL;
    }
}

static bool open_everything(App *a, char *err, size_t errsize)
{
    const CliOptions *o = a->opt;
    if (!video_open(&a->video, o->headless, o->windowed, o->win_w, o->win_h, err,
                    errsize))
        return false;
    if (!ui_init(&a->ui, a->video.renderer, err, errsize))
        return false;
    ui_resize(&a->ui, a->video.w, a->video.h);
    if (!o->headless) // for the service's log
        fprintf(stderr, "ultralegs: display %s %dx%d, %s renderer, vsync %s\n",
                a->video.driver, a->video.w, a->video.h, a->video.renderer_name,
                a->video.vsync ? "on" : "off");
    input_init();
    stage_init(&a->stage, a->paths, a->lib, a->video.renderer);
    a->stage.wait_frames = o->virtual_clock;
    a->stage.before_close = stage_closing;
    a->stage.close_ctx = a;
    return true;
}

int app_run(const CliOptions *opt, const Paths *paths, const Library *lib)
{
    App *a = calloc(1, sizeof(*a));
    if (!a)
        return 1;
    a->opt = opt;
    a->paths = paths;
    a->lib = lib;
    a->hv = calloc(1, sizeof(*a->hv));
    a->session = calloc(1, sizeof(*a->session));
    char err[600];
    int status = 1;
    if (!a->hv || !a->session)
        goto out;
    stop_install();
    if (!wallclock_init(&a->wall, opt->now, err, sizeof(err))) {
        fprintf(stderr, "ultralegs: --now: %s\n", err);
        goto out;
    }
    if (opt->script) {
        if (!script_load(&a->script, opt->script, err, sizeof(err))) {
            fprintf(stderr, "ultralegs: %s\n", err);
            status = 2;
            goto out;
        }
        a->have_script = true;
    }
    const Routine *direct = NULL;
    if (opt->routine && !(direct = library_routine(lib, opt->routine))) {
        fprintf(stderr, "ultralegs: no routine '%s' (see --check)\n", opt->routine);
        status = 2;
        goto out;
    }
    if (opt->cue_log && !(a->cue_log = fopen(opt->cue_log, "w"))) {
        fprintf(stderr, "ultralegs: cannot write the cue log %s\n", opt->cue_log);
        goto out;
    }
    if (!open_everything(a, err, sizeof(err))) {
        fprintf(stderr, "ultralegs: %s\n", err);
        goto out;
    }
    a->status = 0;
    const char *slow = getenv("ULTRALEGS_SLOW_FRAME_MS");
    a->slow_frame_ms = slow ? atoi(slow) : 0;
    {
        DiagList sd = {0};
        settings_load_file(&a->settings, paths, &sd);
        if (sd.count) {
            char line[800];
            diag_format(&sd.items[0], line, sizeof(line));
            notice(a, 20000, "Settings: %s", line);
        }
        diag_list_free(&sd);
    }
    a->view.settings = &a->settings;
    a->stage.cover = a->settings.video_cover;
    {
        char why[300], pack[PATHS_MAX + 16];
        snprintf(pack, sizeof(pack), "%s/voice", paths->data_dir);
        AudioOptions ao = {opt->headless, a->settings.volume, a->settings.voice, 512, pack,
                           a->settings.speech_voice, a->settings.speech_rate};
        a->audio = audio_open(&ao, why, sizeof(why));
        if (!a->audio) {
            fprintf(stderr, "ultralegs: out of memory\n");
            goto out;
        }
        if (audio_is_null(a->audio) && !opt->headless)
            notice(a, 10000, "No sound: %s", why);
        else if (audio_is_null(a->audio) && getenv("SDL_AUDIODRIVER"))
            notice(a, 10000, "No sound: %s", why);
        a->audio_clock = !opt->virtual_clock && !audio_is_null(a->audio) &&
                         strcmp(audio_driver(a->audio), "disk") == 0;
    }

    // History: problems are shown, never fatal.
    clock_boot_id(a->boot_id, sizeof(a->boot_id));
    a->store = store_open(paths->data_dir, err, sizeof(err));
    if (!a->store) {
        notice(a, 0, "History unavailable (%s): sessions will not be saved", err);
    } else {
        if (store_notice(a->store)[0])
            notice(a, 30000, "%s", store_notice(a->store));
        int64_t utc = wallclock_utc(&a->wall, 0);
        if (!opt->now) {
            int fixed = store_reconcile_clock(a->store, utc, a->boot_id,
                                              clock_boot_ms(), CAL_CUTOFF_DEFAULT_MIN);
            if (fixed > 0)
                notice(a, 10000, "The clock is right again: %d session%s re-dated",
                       fixed, fixed == 1 ? "" : "s");
        }
        if (!store_read_only(a->store))
            store_backup(a->store, today_day(a), 7);
    }
    for (int i = 0; i < lib->diags.count; i++)
        if (lib->diags.items[i].level == DIAG_ERROR) {
            notice(a, 20000, "Some routine files have errors and were skipped: "
                             "run ultralegs --check");
            break;
        }

    UiView *v = &a->view;
    v->lib = lib;
    v->draw_stage = stage_draw_cb;
    v->stage_ctx = a;
    for (int i = 0; i < lib->nroutines && v->nroutines < RT_ROUTINES_MAX; i++)
        if (lib->routines[i].active)
            v->routines[v->nroutines++] = &lib->routines[i];
    // Ultra Legs first, then the others in file order.
    for (int i = 0; i < v->nroutines; i++)
        if (strcmp(v->routines[i]->id, "ultra-legs") == 0 && i > 0) {
            const Routine *t = v->routines[i];
            memmove(&v->routines[1], &v->routines[0], (size_t)i * sizeof(v->routines[0]));
            v->routines[0] = t;
        }
    refresh_history(a);
    fill_today(a);
    v->selected = v->today_routine >= 0 ? v->today_routine : 0;
    set_screen(a, SCREEN_HOME);
    if (direct)
        start_routine(a, direct, opt->auto_run);

    notify_init(&a->notify);
    uint64_t t0 = SDL_GetTicks64();
    int64_t frame = 0;
    int64_t last_day = today_day(a);
    while (!a->quit) {
        if (opt->virtual_clock)
            a->now = frame * FRAME_MS_NUM / FRAME_MS_DEN;
        else if (a->audio_clock)
            a->now = audio_clock_ms(a->audio);
        else
            a->now = (int64_t)(SDL_GetTicks64() - t0);
        if (stop_requested()) {
            fprintf(stderr, "ultralegs: stopping (signal %d)\n", stop_requested());
            break;
        }
        InputEvent in[32];
        int n = input_poll(in, 32);
        for (int i = 0; i < n; i++)
            on_action(a, in[i].action, in[i].x, in[i].y);
        while (a->have_script && a->script.next < a->script.n &&
               a->script.lines[a->script.next].at_ms <= a->now) {
            on_action(a, a->script.lines[a->script.next].action, 0, 0);
            a->script.next++;
        }
        if (opt->auto_run)
            auto_step(a);
        if (opt->loop)
            log_heap(a);
        if (a->in_session) {
            SessionEvent ev[EVENTS_CAP];
            int k = session_tick(a->session, a->now, ev, EVENTS_CAP);
            if (k)
                app_handle_events(a, ev, k);
        }
        audio_update(a->audio, a->now);
        Clip *sound = a->in_session ? stage_sound(&a->stage, a->now) : NULL;
        if (sound != a->sound_clip) {
            audio_set_clip_source(a->audio, sound ? clip_audio_read : NULL, sound);
            a->sound_clip = sound;
        }
        expire_notices(a);
        int64_t active = a->last_input > a->screen_since ? a->last_input : a->screen_since;
        v->dimmed = v->screen != SCREEN_SESSION && a->now - active > IDLE_DIM_MS;
        if (frame % 600 == 0 && today_day(a) != last_day) {
            last_day = today_day(a);
            refresh_history(a);
            fill_today(a);
        }
        bool shoot = shots_due(a);
        // Headless, nothing is seen: only due screenshots are drawn, and on
        // the real clock the frames of a clip whose sound plays (so clip and
        // sound run as they would on a screen).
        if (!opt->headless || shoot || opt->draw_all ||
            (!opt->virtual_clock && step_wants_sound(a))) {
            draw(a);
            if (shoot)
                take_shots(a);
            // Headless, nothing is shown, but the frame's drawing commands
            // are still carried out; batched up unflushed they pile up in
            // the renderer (300 MB after a summary screen).
            if (opt->headless)
                SDL_RenderFlush(a->video.renderer);
            else
                SDL_RenderPresent(a->video.renderer);
        }
        // READY after the first frame, then WATCHDOG pings from this loop:
        // if it hangs, the service is restarted.
        notify_frame(&a->notify, (int64_t)SDL_GetTicks64());
        if (opt->headless && headless_done(a))
            a->quit = true;
        if (opt->headless && !opt->loop && a->now > HEADLESS_LIMIT_MS) {
            fprintf(stderr, "ultralegs: stopped after %lld virtual hours\n",
                    HEADLESS_LIMIT_MS / 3600000);
            a->status = 1;
            a->quit = true;
        }
        if (!opt->virtual_clock && (!a->video.vsync || opt->headless))
            SDL_Delay(opt->headless ? 1 : 8); // no vsync to pace us
        if (a->slow_frame_ms > 0 && !opt->virtual_clock)
            SDL_Delay((Uint32)a->slow_frame_ms);
        frame++;
    }
    if (a->in_session)
        quit_session(a);
    notify_send(&a->notify, "STOPPING=1");
    if (getenv("ULTRALEGS_AUDIO_STATS") && a->audio && !audio_is_null(a->audio)) {
        AudioStats st;
        audio_stats(a->audio, &st);
        fprintf(stderr, "audio: driver %s, %d sounds, %d spoken cues, %d dropped, "
                        "cue latency avg %.1f ms max %.1f ms\n",
                audio_driver(a->audio), st.sounds, st.cues, st.dropped,
                st.latency_avg_ms, st.latency_max_ms);
    }
    status = a->status;
out:
    stage_deinit(&a->stage); // lets go of the clip sound first
    audio_close(a->audio);
    if (a->cue_log)
        fclose(a->cue_log);
    input_deinit();
    if (a->ui.r)
        ui_deinit(&a->ui);
    if (a->video.renderer || a->video.window)
        video_close(&a->video);
    store_close(a->store);
    history_free(&a->history);
    free(a->hv);
    free(a->session);
    free(a);
    return status;
}
