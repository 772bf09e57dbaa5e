/*
 * The kiosk's side of the companion page (see app_web.h). Everything the
 * server sees is a copy made here, under the core's lock, once a frame;
 * everything a phone asks for is done here, on the frame loop's thread.
 */
#include "app/app_web.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_internal.h"
#include "app/history_report.h"
#include "app/json.h"
#include "core/calendar.h"
#include "data/library_load.h"
#include "data/settings_io.h"
#include "media/clip.h"
#include "web/web_core.h"
#include "web/web_server.h"

// The address a phone types: the bind address, or for 0.0.0.0 this
// machine's first address on a network (not the loopback).
static void reachable_ip(const char *bind, char *out, size_t size)
{
    snprintf(out, size, "%s", bind);
    if (strcmp(bind, "0.0.0.0") != 0)
        return;
    struct ifaddrs *list = NULL;
    if (getifaddrs(&list) != 0)
        return;
    for (struct ifaddrs *i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET)
            continue;
        const struct sockaddr_in *sa = (const void *)i->ifa_addr;
        char ip[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &sa->sin_addr, ip, sizeof(ip));
        if (strncmp(ip, "127.", 4) != 0) {
            snprintf(out, size, "%s", ip);
            break;
        }
    }
    freeifaddrs(list);
}

// The QR code of url into the view (none when it does not fit).
static void make_qr(UiView *v, const char *url)
{
    v->web_qr_size = 0;
    QRcode *q = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return;
    if (q->width <= VIEW_QR_MAX) {
        for (int i = 0; i < q->width * q->width; i++)
            v->web_qr[i] = q->data[i] & 1;
        v->web_qr_size = q->width;
    }
    QRcode_free(q);
}

// The kiosk's decoder on a clip for the page (a server thread): what it
// is, and whether it plays. The reason leaves out the file's path (an
// upload is probed under a temporary name).
static void probe_clip(const char *path, WebClipFacts *f)
{
    char err[400];
    Clip *c = NULL;
    if (clip_probe(path, -1, -1, err, sizeof(err)) &&
        (c = clip_open(path, -1, -1, err, sizeof(err)))) {
        const ClipInfo *i = clip_info(c);
        f->playable = true;
        f->duration_s = i->duration;
        f->width = i->w;
        f->height = i->h;
        snprintf(f->codec, sizeof(f->codec), "%s", i->codec);
        clip_close(c);
        return;
    }
    size_t n = strlen(path);
    const char *why = err;
    if (strncmp(err, path, n) == 0 && err[n] == ':')
        why = err + n + 1 + (err[n + 1] == ' ');
    f->playable = false;
    snprintf(f->problem, sizeof(f->problem), "%.399s", why);
}

void app_web_probe_clip(const char *path, WebClipFacts *f)
{
    probe_clip(path, f);
}

void app_web_open(App *a)
{
    const CliOptions *o = a->opt;
    UiView *v = &a->view;
    // Headless runs (tests, scripts) open no port unless asked to.
    bool from_settings = a->settings.web && !o->headless;
    int port = o->web_port == CLI_WEB_PORT_ANY ? 0
               : o->web_port >= 0              ? o->web_port
               : from_settings                 ? a->settings.web_port
                                               : -1;
    if (port < 0 || (port == 0 && o->web_port != CLI_WEB_PORT_ANY)) {
        snprintf(v->web_problem, sizeof(v->web_problem), "%s",
                 o->web_port == 0 ? "Off (--web-port 0)"
                                  : "Off (web = off in config.ini)");
        return;
    }
    const char *bind = o->web_bind ? o->web_bind : a->settings.web_bind;
    char assets[PATHS_MAX + 8], err[300];
    snprintf(assets, sizeof(assets), "%s/web", a->paths->assets_dir);
    a->web = calloc(1, sizeof(*a->web));
    if (!a->web)
        return;
    if (!web_core_init(a->web, a->paths->data_dir, assets, a->now, err,
                       sizeof(err))) {
        free(a->web);
        a->web = NULL;
        app_notice(a, 20000, "Companion page off: %s", err);
        snprintf(v->web_problem, sizeof(v->web_problem), "Off: %s", err);
        return;
    }
    snprintf(a->web->videos_dir, sizeof(a->web->videos_dir), "%s",
             a->paths->user_videos);
    a->web->upload_max = (uint64_t)a->settings.web_upload_max_mb << 20;
    a->web->probe = probe_clip;
    a->web->paths = *a->paths;
    a->web_srv = web_server_start(a->web, bind, port, 0, err, sizeof(err));
    if (!a->web_srv) {
        web_core_deinit(a->web);
        free(a->web);
        a->web = NULL;
        app_notice(a, 20000, "Companion page off: %s", err);
        snprintf(v->web_problem, sizeof(v->web_problem), "Off: %s", err);
        return;
    }
    char ip[64], host[64] = "";
    reachable_ip(bind, ip, sizeof(ip));
    gethostname(host, sizeof(host) - 1);
    snprintf(v->web_ip_url, sizeof(v->web_ip_url), "http://%s:%d/", ip,
             web_server_port(a->web_srv));
    snprintf(v->web_host_url, sizeof(v->web_host_url), "http://%s.local:%d/",
             host[0] ? host : "ultralegs", web_server_port(a->web_srv));
    v->web_on = true;
    make_qr(v, v->web_ip_url);
    app_web_publish_history(a);
}

void app_web_close(App *a)
{
    web_server_stop(a->web_srv);
    a->web_srv = NULL;
    if (a->web)
        web_core_deinit(a->web);
    free(a->web);
    a->web = NULL;
}

static const char *status_screen(const App *a)
{
    const UiView *v = &a->view;
    switch (v->screen) {
    case SCREEN_HOME:
    case SCREEN_PROFILES: return "home";
    case SCREEN_CONFIRM: return "routines";
    case SCREEN_SUMMARY: return "summary";
    case SCREEN_HISTORY: return "history";
    case SCREEN_SETTINGS:
    case SCREEN_SUSPECTS:
    case SCREEN_PHONE:
    case SCREEN_NAME: return "settings";
    case SCREEN_SESSION: break;
    }
    const Session *s = a->session;
    if (v->pause_menu || s->paused)
        return "paused";
    switch (s->phase) {
    case SESSION_INTRO: return "intro";
    case SESSION_COUNTDOWN: return "countdown";
    case SESSION_WORK: return "work";
    case SESSION_SWITCH: return "switch";
    case SESSION_REST: return "rest";
    case SESSION_IDLE:
    case SESSION_DONE: break;
    }
    return "summary";
}

char *app_web_status_json(App *a)
{
    cJSON *o = cJSON_CreateObject();
    json_add_string(o, "screen", status_screen(a));
    const Session *s = a->session;
    bool on = a->in_session && a->view.screen == SCREEN_SESSION &&
              s->step >= 0 && s->step < s->plan.nsteps;
    const SessionStep *st = on ? &s->plan.steps[s->step] : NULL;
    if (on) {
        json_add_string(o, "routine", s->plan.title);
        json_add_string(o, "routine_id", s->plan.routine_id);
        json_add_string(o, "exercise", st->title);
        json_add_int(o, "set", s->set + 1);
        json_add_int(o, "sets", st->sets);
        json_add_string_or_null(o, "side",
                                s->side == SIDE_LEFT    ? "left"
                                : s->side == SIDE_RIGHT ? "right"
                                                        : NULL);
        json_add_int(o, "reps_done", s->reps);
        json_add_int(o, "reps_target", st->reps_target);
        int64_t left = session_phase_remaining_ms(s);
        int64_t next = session_ms_to_next_rep(s);
        if (left <= 0 && next >= 0 && st->reps_target > s->reps)
            left = next + (int64_t)(st->reps_target - s->reps - 1) *
                              session_cadence_ms(s, s->step);
        if (left > 0)
            json_add_int(o, "seconds_left", (left + 999) / 1000);
        else
            cJSON_AddNullToObject(o, "seconds_left");
    } else {
        const char *nulls[] = {"routine",     "exercise",    "set",
                               "sets",        "side",        "reps_done",
                               "reps_target", "seconds_left"};
        for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++)
            cJSON_AddNullToObject(o, nulls[i]);
    }
    cJSON_AddBoolToObject(o, "muted", a->view.muted);
    // Whose kiosk it is, and who else could take it (the page's switcher).
    json_add_string_or_null(o, "profile",
                            a->runner.name[0] ? a->runner.name : NULL);
    cJSON *runners = cJSON_AddArrayToObject(o, "profiles");
    for (int i = 0; i < a->view.nprofiles; i++) {
        cJSON *r = json_push_object(runners);
        char rgb[8];
        snprintf(rgb, sizeof(rgb), "#%06x",
                 (unsigned)profile_rgb(a->view.profiles[i].colour));
        json_add_string(r, "name", a->view.profiles[i].name);
        json_add_string(r, "colour", rgb);
    }
    // The kiosk's training day, for the page's calendar (the phone's own
    // date may differ from the kiosk's).
    int y, m, d;
    cal_civil_from_days(app_today(a), &y, &m, &d);
    char day[16];
    snprintf(day, sizeof(day), "%04d-%02d-%02d", y, m, d);
    json_add_string(o, "today", day);
    char *t = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return t;
}

void app_web_publish_history(App *a)
{
    if (!a->web)
        return;
    if (!a->view.hv) {
        web_core_publish_history(a->web, "{}");
        return;
    }
    // The very text --history --json prints.
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return;
    bool ok = history_report_print(
        f, a->view.hv, a->runner.name[0] ? a->runner.name : NULL, true);
    fclose(f);
    if (ok && text)
        web_core_publish_history(a->web, text);
    free(text);
}

// The page changed the kiosk's files: read the settings and the library
// again, and say so on the TV (and in the cue log).
static void reload(App *a)
{
    Library *lib = library_load(a->paths);
    if (!lib)
        return; // out of memory: try again next frame
    DiagList sd = {0};
    settings_load_file(&a->settings, a->paths, &sd);
    diag_list_free(&sd);
    app_profile_apply_household(a);
    audio_set_volume(a->audio, a->settings.volume);
    audio_set_voice(a->audio, a->settings.voice);
    // The stage looks clips up once per exercise: start it afresh.
    void (*before_close)(void *, Clip *) = a->stage.before_close;
    stage_deinit(&a->stage);
    stage_init(&a->stage, a->paths, lib, a->video.renderer);
    a->stage.wait_frames = a->opt->virtual_clock;
    a->stage.cover = a->settings.video_cover;
    a->stage.before_close = before_close;
    a->stage.close_ctx = a;
    Library *old = a->own_lib;
    a->lib = a->own_lib = lib;
    a->pending = NULL;
    app_list_routines(a);
    app_refresh_history(a);
    app_fill_today(a);
    library_destroy(old);
    a->reload_pending = false;
    app_notice(a, 10000, "%s", a->reload_what);
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tsettings\t%s\n", a->now / 1000.0,
                a->reload_what);
    log_info("web", "%s", a->reload_what);
    if (lib->diags.errors)
        app_notice(a, 20000, "Some data files have errors: run --check");
    a->reload_what[0] = '\0';
}

#define ASKING "A phone asks to pair: code "

// While a phone that is not paired has the page open, the TV says the code
// (as a notice, where notices go on every screen); it goes when the phone
// pairs, the code changes or the runner is on the Phone screen, which
// shows it anyway.
static void asking_banner(App *a, bool asking)
{
    UiView *v = &a->view;
    char text[64];
    snprintf(text, sizeof(text), ASKING "%.3s %.3s", v->web_code,
             v->web_code + 3);
    bool shown = false;
    for (int i = 0; i < v->nnotices; i++) {
        if (strncmp(v->notices[i], ASKING, strlen(ASKING)) != 0)
            continue;
        if (asking && strcmp(v->notices[i], text) == 0)
            shown = true;
        else
            a->notice_until[i] = a->now; // expires this frame
    }
    if (asking && !shown)
        app_notice(a, WEB_ASKING_MS, "%s", text);
}

// The page chose a runner: theirs from now on, between workouts.
static void web_use_profile(App *a, const char *name)
{
    Profile p;
    if (!a->store || a->in_session || !store_profile_find(a->store, name, &p)) {
        app_notice(a, 8000, "The phone asked for %s: %s", name,
                   a->in_session ? "not during a workout"
                                 : "no runner of that name");
        return;
    }
    app_profile_use(a, p.id);
    if (a->view.screen == SCREEN_PROFILES)
        app_set_screen(a, SCREEN_HOME);
}

void app_web_frame(App *a)
{
    if (!a->web)
        return;
    web_core_publish_time(a->web, a->now);
    WebCmd cmd;
    while (web_core_take(a->web, &cmd)) {
        if (cmd.kind == WEB_CMD_ACTION) {
            app_on_action(a, (InputAction)cmd.action, 0, 0);
        } else if (cmd.kind == WEB_CMD_RELOAD) {
            size_t n = strlen(a->reload_what);
            if (!strstr(a->reload_what, cmd.what))
                snprintf(a->reload_what + n, sizeof(a->reload_what) - n, "%s%s",
                         n ? "; " : "", cmd.what);
            a->reload_pending = true;
        } else if (cmd.kind == WEB_CMD_PROFILE) {
            web_use_profile(a, cmd.what);
        } else if (cmd.kind == WEB_CMD_EXPORT_CSV) {
            char path[WEB_PATH_MAX + 32];
            web_core_csv_path(a->web, path, sizeof(path));
            web_core_csv_made(a->web,
                              a->store && store_export_csv(a->store, path));
        }
    }
    // Between workouts only, and not under the runner's hands on the
    // settings screen (which writes config.ini as it is left).
    if (a->reload_pending && !a->in_session && a->view.screen == SCREEN_HOME)
        reload(a);
    char *status = app_web_status_json(a);
    if (status)
        web_core_publish_status(a->web, status);
    cJSON_free(status);
    WebPairView pv;
    web_pair_view(a->web, &pv);
    UiView *v = &a->view;
    memcpy(v->web_code, pv.code, sizeof(v->web_code));
    v->web_asking = pv.asking;
    v->web_locked = pv.locked;
    v->web_ndevices = pv.ndevices;
    for (int i = 0; i < pv.ndevices && i < VIEW_WEB_DEVICES_MAX; i++)
        snprintf(v->web_devices[i], sizeof(v->web_devices[i]), "%s",
                 pv.devices[i].name);
    if (pv.code_fresh && a->opt->headless)
        log_info("web", "%s pairing code %s", v->web_ip_url, pv.code);
    asking_banner(a, pv.asking && v->screen != SCREEN_PHONE);
}

void app_web_forget(App *a, int i)
{
    if (!a->web)
        return;
    web_pair_forget(a->web, i);
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tsettings\t%s\n", a->now / 1000.0,
                i < 0 ? "Forgot every paired device" : "Forgot a device");
}
