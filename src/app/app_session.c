/*
 * A coached session in the kiosk: starting it (with the easy-day guard),
 * the engine's events turned into cues, sounds and the log, and its end
 * with the summary, new badges and the save.
 */
#include "app/app_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/cues.h"
#include "core/progression.h"
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

// Why this session is not saved, said once: a read-only or full disk fails
// at the start, at every set and at the end with the same reason, and one
// notice says it all. With no history at all, the start-up notice (shown
// for good) has said it already.
static void tell_unsaved(App *a, const char *verb, const char *why)
{
    if (!a->store || a->save_told_session || strcmp(a->save_told, why) == 0)
        return;
    a->save_told_session = true;
    snprintf(a->save_told, sizeof(a->save_told), "%s", why);
    app_notice(a, 15000, "This session %s be saved: %s", verb, why);
}

static void begin_session(App *a, const Routine *rt)
{
    a->last_routine = rt;
    if (!session_plan_from_routine(&a->plan, a->lib, rt)) {
        app_notice(a, 8000, "Cannot coach '%s': it names a missing exercise",
                   rt->id);
        return;
    }
    int64_t today = app_today(a);
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
    StoreStart start = {rt->id,
                        utc,
                        wallclock_offset_min(&a->wall, utc),
                        CAL_CUTOFF_DEFAULT_MIN,
                        a->boot_id,
                        clock_boot_ms()};
    recorder_begin(&a->rec, a->store, &start);
    a->save_told_session = false;
    if (!a->rec.started)
        tell_unsaved(a, "will not", a->rec.error);
    else if (a->rec.clock_suspect)
        app_notice(a, 10000,
                   "The clock looks wrong: this session is saved but kept "
                   "out of the streak until the time is set");
    a->in_session = true;
    a->view.session = a->session;
    a->view.pause_menu = false;
    a->view.caption[0] = '\0';
    app_set_screen(a, SCREEN_SESSION);
    if (!audio_is_null(a->audio))
        prepare_phrases(a);
    app_music_begin(a);
    SessionEvent ev[EVENTS_CAP];
    int n = session_start(a->session, a->now, ev, EVENTS_CAP);
    stage_prepare(&a->stage, &a->plan, 0);
    app_handle_events(a, ev, n);
}

void app_start_routine(App *a, const Routine *rt, bool confirmed)
{
    const HistoryView *hv = a->view.hv;
    bool counting = false;
    for (int i = 0; i < a->lib->plan.nstreak; i++)
        if (strcmp(a->lib->plan.streak_routines[i], rt->id) == 0)
            counting = true;
    if (!confirmed && counting && hv && (hv->easy_day || hv->done_today)) {
        a->pending = rt;
        a->view.confirm_text =
            hv->done_today ? "You already did Ultra Legs today. The coach "
                             "pairs it with an "
                             "easy day after: start another session anyway?"
                           : "You did Ultra Legs yesterday. Two days in a row "
                             "leaves no easy "
                             "day between: start anyway?";
        app_set_screen(a, SCREEN_CONFIRM);
        return;
    }
    begin_session(a, rt);
}

static void app_end_session(App *a)
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
    snprintf(a->view.save_error, sizeof(a->view.save_error), "%s",
             a->rec.error);
    if (!a->view.saved)
        tell_unsaved(a, "could not",
                     a->rec.error[0] ? a->rec.error : "unknown error");
    app_refresh_history(a);
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
                fprintf(a->cue_log, "%.3f\tbadge\tNew badge: %s\n",
                        a->now / 1000.0, hv->badges[i].title);
            Cue c = {CUE_SOUND_BADGE, "", CUE_PRIO_INFO, 6000};
            snprintf(c.speech, sizeof(c.speech), "New badge: %s",
                     hv->badges[i].title);
            audio_cue(a->audio, &c, a->now);
        }
    }
    a->in_session = false;
    app_set_screen(a, SCREEN_SUMMARY);
}

void app_handle_events(App *a, const SessionEvent *ev, int n)
{
    for (int i = 0; i < n; i++) {
        const SessionEvent *e = &ev[i];
        Cue cue;
        SessionPhase prev = a->cue_phase;
        if (e->kind == SESSION_EV_PHASE)
            a->cue_phase = e->phase;
        if (cue_for_event(e, prev, &cue))
            audio_cue(a->audio, &cue, e->at_ms);
        if (e->kind == SESSION_EV_PHASE) {
            a->view.phase_started_ms = e->at_ms;
            if (e->phase == SESSION_INTRO || e->phase == SESSION_REST)
                stage_prepare(&a->stage, &a->plan,
                              e->phase == SESSION_REST &&
                                      a->session->step + 1 < a->plan.nsteps
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
        tell_unsaved(a, "cannot", a->rec.error);
        a->rec.failures++; // say it once
    }
    if (a->session->phase == SESSION_DONE && a->in_session)
        app_end_session(a);
}

void app_session_cmd(App *a, SessionCommand c)
{
    SessionEvent ev[EVENTS_CAP];
    int n = session_command(a->session, c, a->now, ev, EVENTS_CAP);
    app_handle_events(a, ev, n);
}

void app_quit_session(App *a)
{
    session_abort(a->session);
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tended\tWorkout ended early\n",
                a->now / 1000.0);
    app_end_session(a);
}

void app_tell_stage_problem(App *a)
{
    const char *problem = stage_problem(&a->stage);
    if (problem[0] && strcmp(problem, a->last_problem) != 0) {
        snprintf(a->last_problem, sizeof(a->last_problem), "%s", problem);
        app_notice(a, 8000, "%s", problem);
    }
}
