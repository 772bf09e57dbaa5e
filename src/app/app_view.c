/*
 * What the screens are shown besides the session: notices (timed, or until
 * a key), today's date and plan, the history view, the current screen.
 */
#include "app/app_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_web.h"
#include "core/calendar.h"

int64_t app_today(App *a)
{
    int64_t utc = wallclock_utc(&a->wall, a->now);
    return cal_training_day(utc, wallclock_offset_min(&a->wall, utc),
                            CAL_CUTOFF_DEFAULT_MIN);
}

void app_notice(App *a, int64_t for_ms, const char *fmt, ...)
{
    UiView *v = &a->view;
    int i =
        v->nnotices < VIEW_NOTICES_MAX ? v->nnotices++ : VIEW_NOTICES_MAX - 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->notices[i], sizeof(v->notices[i]), fmt, ap);
    va_end(ap);
    a->notice_until[i] = for_ms > 0 ? a->now + for_ms : INT64_MAX;
    a->notice_from[i] = a->now;
    a->notice_until_input[i] = for_ms == APP_UNTIL_INPUT;
    // The log keeps what the screen said (the service journal, headless runs).
    log_info("ultralegs", "%s", v->notices[i]);
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tnotice\t%s\n", a->now / 1000.0,
                v->notices[i]);
}

void app_expire_notices(App *a)
{
    UiView *v = &a->view;
    for (int i = 0; i < v->nnotices; i++)
        if (a->notice_until_input[i] && a->last_input > a->notice_from[i]) {
            a->notice_until_input[i] = false;
            a->notice_until[i] = a->last_input + 10000;
        }
    for (int i = 0; i < v->nnotices;) {
        if (a->now >= a->notice_until[i]) {
            for (int k = i; k + 1 < v->nnotices; k++) {
                memcpy(v->notices[k], v->notices[k + 1], sizeof(v->notices[k]));
                a->notice_until[k] = a->notice_until[k + 1];
                a->notice_from[k] = a->notice_from[k + 1];
                a->notice_until_input[k] = a->notice_until_input[k + 1];
            }
            v->nnotices--;
        } else {
            i++;
        }
    }
}

void app_refresh_history(App *a)
{
    history_free(&a->history);
    if (a->store) {
        // What could be read is still shown; the store has logged why the
        // rest could not, the screen says so.
        if (!store_load(a->store, &a->history))
            app_notice(a, 20000,
                       "History could not be read (%s): what is shown may be "
                       "incomplete",
                       store_error(a->store));
        history_view_build(a->hv, &a->history, a->lib, app_today(a),
                           a->settings.weekly_target);
        a->view.hv = a->hv;
    } else {
        a->view.hv = NULL;
    }
    app_profile_fill(a); // the runners' session counts too
    StoreSuspect *l = NULL;
    int n = 0;
    if (a->store && store_suspects(a->store, &l, &n))
        a->view.suspects_total = n;
    free(l);
    int64_t week = cal_week_index(app_today(a));
    a->view.week_paused = false;
    for (int i = 0; i < a->history.npaused; i++)
        if (a->history.paused_weeks[i] == week)
            a->view.week_paused = true;
    app_web_publish_history(a);
}

void app_fill_today(App *a)
{
    int64_t day = app_today(a);
    UiView *v = &a->view;
    v->weekday = cal_weekday(day);
    int y, m, d;
    cal_civil_from_days(day, &y, &m, &d);
    static const char *const wd[7] = {"Monday",   "Tuesday", "Wednesday",
                                      "Thursday", "Friday",  "Saturday",
                                      "Sunday"};
    static const char *const mn[12] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    snprintf(v->date_label, sizeof(v->date_label), "%s %d %s", wd[v->weekday],
             d, mn[m - 1]);
    v->today_routine = -1;
    const char *plan = a->lib->plan.days[v->weekday].routine;
    for (int i = 0; i < v->nroutines; i++)
        if (plan[0] && strcmp(v->routines[i]->id, plan) == 0)
            v->today_routine = i;
}

void app_set_screen(App *a, AppScreen s)
{
    a->view.screen = s;
    a->screen_since = a->now;
    video_allow_blanking(&a->video, s != SCREEN_SESSION);
}
