/*
 * The kiosk's frame loop and screen flow.
 *
 * Time: the app clock is milliseconds since start-up, from SDL's tick
 * counter, or with --virtual-clock exactly one 60 Hz frame per loop. The
 * session only ever sees this clock. With --headless nothing is shown, so
 * frames are drawn only when a screenshot is due: that keeps a whole
 * virtual-clock session to seconds; --draw-all (soak runs) draws them all.
 */
#include "app/app_internal.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_web.h"
#include "app/frame_stats.h"
#include "app/layout_log.h"
#include "core/calendar.h"
#include "data/settings_io.h"
#include "platform/meter.h"
#include "platform/stop.h"

// Soak runs (--loop): the allocator's own count of the heap in use, so
// growth can be told apart from memory merely kept.
static double heap_mb(void)
{
#ifdef __GLIBC__
    struct mallinfo2 mi = mallinfo2();
    return (double)(mi.uordblks + mi.hblkhd) / 1048576.0;
#else
    return 0;
#endif
}

// Once a virtual minute, and at the end of every cycle through all the
// routines: the same moment of the cycle each time, so cycle ends compare
// like with like.
static void log_heap(App *a)
{
    if (a->cycles != a->cycles_logged) {
        a->cycles_logged = a->cycles;
        log_info("ultralegs",
                 "cycle %ld done at %.0f wall s: rss %.1f MB, heap %.1f MB",
                 a->cycles, (double)SDL_GetTicks64() / 1000.0, clock_rss_mb(),
                 heap_mb());
    }
    if (a->now - a->heap_logged < 60000)
        return;
    a->heap_logged = a->now;
    log_info("ultralegs", "heap %.0f s %.1f MB in use", a->now / 1000.0,
             heap_mb());
}

static void draw(App *a)
{
    a->view.now_ms = a->now;
    app_fill_menus(a);
    ui_begin_frame(&a->ui);
    screens_draw(&a->ui, &a->view);
}

static bool shots_due(App *a)
{
    for (int i = 0; i < a->opt->nshots; i++)
        if (!a->shot_taken[i] &&
            a->now >= (int64_t)(a->opt->shots[i].at_s * 1000))
            return true;
    return false;
}

static void take_shots(App *a)
{
    for (int i = 0; i < a->opt->nshots; i++) {
        if (a->shot_taken[i] ||
            a->now < (int64_t)(a->opt->shots[i].at_s * 1000))
            continue;
        char err[512];
        if (!video_screenshot(&a->video, a->opt->shots[i].file, err,
                              sizeof(err))) {
            log_error("ultralegs", "%s", err);
            a->status = 1;
        }
        if (a->layout_log)
            layout_log_write(a->layout_log, a->now / 1000.0,
                             layout_screen_name(&a->view), &a->ui);
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

static bool step_wants_sound(const App *a)
{
    if (!a->in_session || a->session->step >= a->plan.nsteps)
        return false;
    const Exercise *ex =
        library_exercise(a->lib, a->plan.steps[a->session->step].exercise_id);
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
    if (!video_open(&a->video, o->headless, o->windowed, o->win_w, o->win_h,
                    err, errsize))
        return false;
    if (!ui_init(&a->ui, a->video.renderer, err, errsize))
        return false;
    ui_resize(&a->ui, a->video.w, a->video.h);
    if (!o->headless) // for the service's log
        log_info("ultralegs", "display %s %dx%d, %s renderer, vsync %s",
                 a->video.driver, a->video.w, a->video.h,
                 a->video.renderer_name, a->video.vsync ? "on" : "off");
    input_init();
    stage_init(&a->stage, a->paths, a->lib, a->video.renderer);
    a->stage.wait_frames = o->virtual_clock;
    a->stage.before_close = stage_closing;
    a->stage.close_ctx = a;
    return true;
}

// Settings and sound: problems become notices, never a reason to stop.
static bool open_settings_and_sound(App *a)
{
    const CliOptions *opt = a->opt;
    DiagList sd = {0};
    settings_load_file(&a->settings, a->paths, &sd);
    if (sd.count == 1) {
        char line[800];
        diag_format(&sd.items[0], line, sizeof(line));
        app_notice(a, 20000, "Settings: %s", line);
    } else if (sd.count > 1) {
        // Each problem is in the log; the screen has room for the count.
        for (int i = 0; i < sd.count; i++) {
            char line[800];
            diag_format(&sd.items[i], line, sizeof(line));
            log_warn("settings", "%s", line);
        }
        app_notice(
            a, 20000,
            "config.ini has %d problems (defaults kept): run ultralegs --check",
            sd.count);
    }
    diag_list_free(&sd);
    a->view.settings = &a->settings;
    a->view.music_since = -1;
    a->stage.cover = a->settings.video_cover;

    char why[300], pack[PATHS_MAX + 16];
    snprintf(pack, sizeof(pack), "%s/voice", a->paths->data_dir);
    AudioOptions ao = {
        opt->headless, a->settings.volume,       a->settings.voice,      512,
        pack,          a->settings.speech_voice, a->settings.speech_rate};
    a->audio = audio_open(&ao, why, sizeof(why));
    if (!a->audio)
        return false; // out of memory
    if (audio_is_null(a->audio) &&
        (!opt->headless || getenv("SDL_AUDIODRIVER")))
        app_notice(a, 10000, "No sound: %s", why);
    a->audio_clock = !opt->virtual_clock && !audio_is_null(a->audio) &&
                     strcmp(audio_driver(a->audio), "disk") == 0;
    return true;
}

// History: problems are shown, never fatal.
static void open_history(App *a)
{
    char err[600];
    clock_boot_id(a->boot_id, sizeof(a->boot_id));
    a->store = store_open(a->paths->data_dir, err, sizeof(err));
    if (!a->store) {
        app_notice(a, 0, "History unavailable (%s): sessions will not be saved",
                   err);
        return;
    }
    // Read-only: said once, with the reason, and kept until someone sees it;
    // the sessions do not say it again.
    if (store_read_only(a->store)) {
        snprintf(a->save_told, sizeof(a->save_told), "%s",
                 store_error(a->store));
        app_notice(a, APP_UNTIL_INPUT, "%s", store_notice(a->store));
    } else if (store_notice(a->store)[0]) {
        app_notice(a, 30000, "%s", store_notice(a->store));
    }
    int64_t utc = wallclock_utc(&a->wall, 0);
    if (!a->opt->now) {
        int fixed = store_reconcile_clock(
            a->store, utc, a->boot_id, clock_boot_ms(), CAL_CUTOFF_DEFAULT_MIN);
        if (fixed > 0)
            app_notice(a, 10000,
                       "The clock is right again: %d session%s re-dated", fixed,
                       fixed == 1 ? "" : "s");
    }
    int ahead = store_flag_future(a->store, utc);
    if (ahead > 0)
        app_notice(
            a, 20000,
            "%d session%s dated in the future: see Settings, Doubtful dates",
            ahead, ahead == 1 ? "" : "s");
    if (!store_read_only(a->store) && !store_backup(a->store, app_today(a), 7))
        app_notice(a, 30000, "History %s: sessions are still saved",
                   store_error(a->store));
}

// The home screen's routines: plan.ini's streak routines first, then the
// others in file order.
void app_list_routines(App *a)
{
    const Library *lib = a->lib;
    UiView *v = &a->view;
    v->lib = lib;
    v->nroutines = 0;
    for (int i = 0; i < lib->nroutines && v->nroutines < RT_ROUTINES_MAX; i++)
        if (lib->routines[i].active)
            v->routines[v->nroutines++] = &lib->routines[i];
    // The streak routines first, in plan.ini's order.
    for (int k = lib->plan.nstreak - 1; k >= 0; k--)
        for (int i = 1; i < v->nroutines; i++)
            if (strcmp(v->routines[i]->id, lib->plan.streak_routines[k]) == 0) {
                const Routine *t = v->routines[i];
                memmove(&v->routines[1], &v->routines[0],
                        (size_t)i * sizeof(v->routines[0]));
                v->routines[0] = t;
            }
    if (v->selected >= v->nroutines)
        v->selected = 0;
}

// The home screen: the routines, today's plan, the history.
static void open_home(App *a)
{
    const Library *lib = a->lib;
    UiView *v = &a->view;
    int skipped = lib->routines_skipped;
    if (skipped)
        app_notice(a, 20000, "%d routine file%s skipped: run --check", skipped,
                   skipped == 1 ? "" : "s");
    else if (lib->diags.errors)
        app_notice(a, 20000, "Some data files have errors: run --check");
    a->view.stage = &a->stage;
    app_list_routines(a);
    app_refresh_history(a);
    app_fill_today(a);
    v->selected = v->today_routine >= 0 ? v->today_routine : 0;
    app_set_screen(a, SCREEN_HOME);
}

// A file's name as the runner knows it: inside their config folder, or the
// built-in assets, the part below it ("routines/speed-legs.ini").
static const char *short_path(const App *a, const char *file)
{
    const char *dirs[] = {a->paths->config_dir, a->paths->assets_dir};
    for (int i = 0; i < 2; i++) {
        size_t n = strlen(dirs[i]);
        if (n && strncmp(file, dirs[i], n) == 0 && file[n] == '/')
            return file + n + 1;
    }
    return file;
}

// --routine named one that cannot be coached: the kiosk still comes up (on
// home), and says which file and line to fix. Behind a TV, started by a
// service, exiting would only restart it into the same blank screen.
static void tell_routine_not_started(App *a, const char *id)
{
    const Diag *d = library_routine_error(a->lib, id);
    if (d && d->line > 0) {
        app_notice(a, APP_UNTIL_INPUT, "Cannot start '%s': %s:%d: %s", id,
                   short_path(a, d->file), d->line, d->msg);
        return;
    }
    if (d) {
        app_notice(a, APP_UNTIL_INPUT, "Cannot start '%s': %s: %s", id,
                   short_path(a, d->file), d->msg);
        return;
    }
    char known[200] = "";
    size_t n = 0;
    for (int i = 0; i < a->lib->nroutines && n < sizeof(known); i++)
        if (a->lib->routines[i].active)
            n += (size_t)snprintf(known + n, sizeof(known) - n, "%s%s",
                                  n ? " " : "", a->lib->routines[i].id);
    app_notice(a, APP_UNTIL_INPUT, "No routine '%s' (known: %s)", id, known);
}

// One pass of the frame loop at a->now.
static void frame(App *a, int64_t n, int64_t *last_day)
{
    const CliOptions *opt = a->opt;
    UiView *v = &a->view;
    InputEvent in[32];
    app_web_frame(a); // the phones' actions, as the remote's
    int nin = input_poll(in, 32);
    for (int i = 0; i < nin; i++)
        app_on_action(a, in[i].action, in[i].x, in[i].y);
    while (a->have_script && a->script.next < a->script.n &&
           a->script.lines[a->script.next].at_ms <= a->now) {
        app_on_action(a, a->script.lines[a->script.next].action, 0, 0);
        a->script.next++;
    }
    if (opt->auto_run)
        app_auto_step(a);
    if (opt->loop)
        log_heap(a);
    if (a->in_session) {
        SessionEvent ev[EVENTS_CAP];
        int k = session_tick(a->session, a->now, ev, EVENTS_CAP);
        if (k)
            app_handle_events(a, ev, k);
    }
    stage_follow(&a->stage, a->in_session ? a->session : NULL, a->now);
    app_tell_stage_problem(a);
    audio_update(a->audio, a->now);
    app_music_frame(a);
    Clip *sound = a->in_session ? stage_sound(&a->stage, a->now) : NULL;
    if (sound != a->sound_clip) {
        audio_set_clip_source(a->audio, sound ? clip_audio_read : NULL, sound);
        a->sound_clip = sound;
    }
    app_expire_notices(a);
    int64_t active =
        a->last_input > a->screen_since ? a->last_input : a->screen_since;
    v->dimmed = v->screen != SCREEN_SESSION && a->now - active > IDLE_DIM_MS;
    if (n % 600 == 0 && app_today(a) != *last_day) {
        *last_day = app_today(a);
        app_refresh_history(a);
        app_fill_today(a);
    }
    // The layout follows the size the renderer really has, read every
    // frame: a window manager, a mode change or a late fullscreen may
    // change it without an event we would see first.
    if (video_update_size(&a->video))
        ui_resize(&a->ui, a->video.w, a->video.h);
    bool shoot = shots_due(a);
    // Headless, nothing is seen: only due screenshots are drawn (or every
    // frame with --draw-all), and on the real clock the frames of a clip
    // whose sound plays (so clip and sound run as they would on a screen).
    if (!opt->headless || shoot || opt->draw_all ||
        (!opt->virtual_clock && step_wants_sound(a))) {
        double cpu0 = a->stats ? meter_thread_cpu_ms() : 0;
        a->stage.upload_ms = 0;
        draw(a);
        if (a->stats) {
            // The software renderer does its work when the batch is
            // flushed: that belongs to the frame's cost.
            SDL_RenderFlush(a->video.renderer);
            frame_stats_drawn(a->stats, meter_thread_cpu_ms() - cpu0,
                              a->stage.upload_ms, layout_screen_name(&a->view));
        }
        if (shoot)
            take_shots(a);
        // Headless, nothing is shown, but the frame's drawing commands are
        // still carried out; batched up unflushed they pile up in the
        // renderer (300 MB after a summary screen).
        if (opt->headless)
            SDL_RenderFlush(a->video.renderer);
        else
            SDL_RenderPresent(a->video.renderer);
    }
    if (a->stats)
        frame_stats_sample(a->stats, a->now / 1000.0,
                           layout_screen_name(&a->view));
    // READY after the first frame, then WATCHDOG pings from this loop: if it
    // hangs, the service is restarted.
    notify_frame(&a->notify, (int64_t)SDL_GetTicks64());
    if (opt->headless && headless_done(a))
        a->quit = true;
    if (opt->headless && !opt->loop && a->now > HEADLESS_LIMIT_MS) {
        log_error("ultralegs", "stopped after %lld virtual hours",
                  HEADLESS_LIMIT_MS / 3600000);
        a->status = 1;
        a->quit = true;
    }
}

static void print_audio_stats(App *a)
{
    if (!getenv("ULTRALEGS_AUDIO_STATS") || !a->audio ||
        audio_is_null(a->audio))
        return;
    AudioStats st;
    audio_stats(a->audio, &st);
    log_info("audio",
             "driver %s, %d sounds, %d spoken cues, %d dropped, "
             "cue latency avg %.1f ms max %.1f ms",
             audio_driver(a->audio), st.sounds, st.cues, st.dropped,
             st.latency_avg_ms, st.latency_max_ms);
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
    wallclock_init(&a->wall, cli_now(opt));
    if (opt->script) {
        if (!script_load(&a->script, opt->script, err, sizeof(err))) {
            log_error("ultralegs", "%s", err);
            status = 2;
            goto out;
        }
        a->have_script = true;
    }
    const Routine *direct =
        opt->routine ? library_routine(lib, opt->routine) : NULL;
    if (opt->cue_log && !(a->cue_log = fopen(opt->cue_log, "w"))) {
        log_error("ultralegs", "cannot write the cue log %s", opt->cue_log);
        goto out;
    }
    if (opt->layout_log && !(a->layout_log = fopen(opt->layout_log, "w"))) {
        log_error("ultralegs", "cannot write the layout log %s",
                  opt->layout_log);
        goto out;
    }
    if (!open_everything(a, err, sizeof(err))) {
        log_error("ultralegs", "%s", err);
        goto out;
    }
    if (opt->stats) {
        if (!(a->stats = malloc(sizeof(*a->stats)))) {
            log_error("ultralegs", "out of memory");
            goto out;
        }
        frame_stats_init(a->stats);
        a->stage.measure = true;
    }
    if (a->layout_log && !ui_record_texts(&a->ui)) {
        log_error("ultralegs", "out of memory");
        goto out;
    }
    a->status = 0;
    const char *slow = getenv("ULTRALEGS_SLOW_FRAME_MS");
    a->slow_frame_ms = slow ? atoi(slow) : 0;
    if (!open_settings_and_sound(a)) {
        log_error("ultralegs", "out of memory");
        goto out;
    }
    open_history(a);
    bool ask = app_profile_open(a);
    open_home(a);
    if (ask && !direct)
        app_set_screen(a, SCREEN_PROFILES);
    app_web_open(a);
    if (direct)
        app_start_routine(a, direct, opt->auto_run);
    else if (opt->routine)
        tell_routine_not_started(a, opt->routine);

    if (a->stats)
        frame_stats_begin(a->stats);
    notify_init(&a->notify);
    uint64_t t0 = SDL_GetTicks64();
    int64_t last_day = app_today(a);
    for (int64_t n = 0; !a->quit; n++) {
        if (opt->virtual_clock)
            a->now = n * FRAME_MS_NUM / FRAME_MS_DEN;
        else if (a->audio_clock)
            a->now = audio_clock_ms(a->audio);
        else
            a->now = (int64_t)(SDL_GetTicks64() - t0);
        if (stop_requested()) {
            log_info("ultralegs", "stopping (signal %d)", stop_requested());
            break;
        }
        frame(a, n, &last_day);
        if (!opt->virtual_clock && (!a->video.vsync || opt->headless))
            SDL_Delay(opt->headless ? 1 : 8); // no vsync to pace us
        if (a->slow_frame_ms > 0 && !opt->virtual_clock)
            SDL_Delay((Uint32)a->slow_frame_ms);
    }
    if (a->in_session)
        app_quit_session(a);
    notify_send(&a->notify, "STOPPING=1");
    print_audio_stats(a);
    if (a->stats && !frame_stats_save(a->stats, opt->stats))
        a->status = 1;
    status = a->status;
out:
    app_web_close(a);
    stage_deinit(&a->stage); // lets go of the clip sound first
    app_music_close(a);
    audio_close(a->audio);
    if (a->cue_log)
        fclose(a->cue_log);
    if (a->layout_log)
        fclose(a->layout_log);
    input_deinit();
    if (a->ui.r)
        ui_deinit(&a->ui);
    if (a->video.renderer || a->video.window)
        video_close(&a->video);
    store_close(a->store);
    history_free(&a->history);
    free(a->hv);
    free(a->session);
    free(a->stats);
    library_destroy(a->own_lib);
    free(a);
    return status;
}
