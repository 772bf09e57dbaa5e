/*
 * The doubtful-date screen (settings): sessions whose clock was wrong,
 * moved a day at a time to their right date and saved, or deleted after a
 * confirmation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_internal.h"
#include "core/calendar.h"
#include "core/strutil.h"

static void format_when(int64_t utc, int offset_min, char *buf, size_t size)
{
    static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
                                      "Fri", "Sat", "Sun"};
    static const char *const mn[12] = {"Jan", "Feb", "Mar", "Apr",
                                       "May", "Jun", "Jul", "Aug",
                                       "Sep", "Oct", "Nov", "Dec"};
    int64_t local = utc + (int64_t)offset_min * 60;
    int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    int64_t sec = local - day * 86400;
    int y, m, d;
    cal_civil_from_days(day, &y, &m, &d);
    snprintf(buf, size, "%s %d %s %d %02d:%02d", wd[cal_weekday(day)], d,
             mn[m - 1], y, (int)(sec / 3600), (int)(sec / 60 % 60));
}

// Where the selected row starts: a session in the future is most likely
// from about now, so it starts on the latest day not after now; the others
// at their own date.
static void select_row(App *a)
{
    UiView *v = &a->view;
    a->suspect_shift_days = 0;
    if (v->nsuspects == 0)
        return;
    if (a->suspects[v->suspect_sel].ahead)
        a->suspect_shift_days =
            (int)cal_days_until(a->suspects[v->suspect_sel].started_utc,
                                wallclock_utc(&a->wall, a->now));
}

// A day later or earlier, never past the bound the store keeps (a day
// after now): a date the screen offers can be saved.
static void shift_row(App *a, int by)
{
    const UiView *v = &a->view;
    int64_t most = cal_days_until(a->suspects[v->suspect_sel].started_utc,
                                  wallclock_utc(&a->wall, a->now) + 86400);
    int64_t want = (int64_t)a->suspect_shift_days + by;
    a->suspect_shift_days = (int)(want > most ? most : want);
}

static void show_new_date(App *a)
{
    UiView *v = &a->view;
    if (v->nsuspects == 0)
        return;
    format_when(a->suspects[v->suspect_sel].started_utc +
                    a->suspect_shift_days * 86400LL,
                a->suspects[v->suspect_sel].offset_min, v->suspect_new_when,
                sizeof(v->suspect_new_when));
}

void app_refresh_suspects(App *a)
{
    UiView *v = &a->view;
    StoreSuspect *l = NULL;
    int n = 0;
    v->nsuspects = v->suspects_total = 0;
    if (a->store && !store_suspects(a->store, &l, &n))
        n = 0;
    v->suspects_total = n;
    for (int i = 0; i < n && i < VIEW_SUSPECTS_MAX; i++) {
        a->suspects[i].id = l[i].id;
        a->suspects[i].started_utc = l[i].started_utc;
        a->suspects[i].offset_min = l[i].offset_min;
        a->suspects[i].ahead = strcmp(l[i].why, "in the future") == 0;
        format_when(l[i].started_utc, l[i].offset_min, v->suspects[i].when,
                    sizeof(v->suspects[i].when));
        const Routine *rt = library_routine(a->lib, l[i].routine);
        str_copy(v->suspects[i].title, sizeof(v->suspects[i].title),
                 rt ? rt->title : l[i].routine);
        str_copy(v->suspects[i].why, sizeof(v->suspects[i].why), l[i].why);
        v->nsuspects++;
    }
    free(l);
    if (v->suspect_sel >= v->nsuspects)
        v->suspect_sel = v->nsuspects ? v->nsuspects - 1 : 0;
    v->suspect_confirm = false;
    select_row(a);
    show_new_date(a);
}

static void logged(App *a, const char *what)
{
    if (a->cue_log)
        fprintf(a->cue_log, "%.3f\tsettings\t%s\n", a->now / 1000.0, what);
}

static void save_date(App *a)
{
    UiView *v = &a->view;
    int i = v->suspect_sel;
    char line[96];
    if (!store_session_redate(a->store, a->suspects[i].id,
                              a->suspects[i].started_utc +
                                  a->suspect_shift_days * 86400LL,
                              a->suspects[i].offset_min, CAL_CUTOFF_DEFAULT_MIN,
                              wallclock_utc(&a->wall, a->now))) {
        app_notice(a, 8000, "Date not changed: %s", store_error(a->store));
        return;
    }
    snprintf(line, sizeof(line), "Session moved to %s", v->suspect_new_when);
    logged(a, line);
    app_refresh_history(a);
    app_refresh_suspects(a);
}

static void delete_row(App *a)
{
    UiView *v = &a->view;
    if (!store_session_delete(a->store, a->suspects[v->suspect_sel].id)) {
        app_notice(a, 8000, "Not deleted: %s", store_error(a->store));
        return;
    }
    logged(a, "Session deleted");
    app_refresh_history(a);
    app_refresh_suspects(a);
}

void screen_suspects_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    if (v->suspect_confirm) {
        v->suspect_confirm = false;
        if (act == ACT_OK)
            delete_row(a);
        else if (act == ACT_QUIT)
            a->quit = true;
        return;
    }
    int n = v->nsuspects;
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        if (n) {
            v->suspect_sel = (v->suspect_sel + (act == ACT_UP ? n - 1 : 1)) % n;
            select_row(a);
            show_new_date(a);
        }
        break;
    case ACT_LEFT:
    case ACT_RIGHT:
        if (n) {
            shift_row(a, act == ACT_LEFT ? -1 : 1);
            show_new_date(a);
        }
        break;
    case ACT_OK:
        if (n)
            save_date(a);
        break;
    case ACT_PAUSE: v->suspect_confirm = n > 0; break;
    case ACT_BACK:
    case ACT_SETTINGS: app_set_screen(a, SCREEN_SETTINGS); break;
    case ACT_QUIT: a->quit = true; break;
    default: break;
    }
}

void screen_suspects_auto(App *a, int64_t in_ms)
{
    (void)a; // --auto never opens the doubtful dates
    (void)in_ms;
}
