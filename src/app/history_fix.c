/*
 * Listing, re-dating and deleting sessions whose clock is suspect, from the
 * command line.
 */
#include "app/history_fix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/json.h"
#include "core/calendar.h"
#include "platform/log.h"

void history_store_failed(const Store *st, const char *what)
{
    if (store_error_logged(st))
        log_error("ultralegs", "%s: not done", what); // the reason is above
    else
        log_error("ultralegs", "%s: %s", what, store_error(st));
}

static int list(const CliOptions *opt, Store *st)
{
    StoreSuspect *l;
    int n;
    if (!store_suspects(st, &l, &n)) {
        history_store_failed(st, "--suspect-sessions");
        return 1;
    }
    int status = 0;
    if (opt->json) {
        cJSON *root = cJSON_CreateObject();
        cJSON *arr = cJSON_AddArrayToObject(root, "suspect_sessions");
        for (int i = 0; i < n; i++) {
            char iso[40];
            cal_format_iso(l[i].started_utc, l[i].offset_min, iso, sizeof(iso));
            cJSON *o = json_push_object(arr);
            json_add_int(o, "id", l[i].id);
            json_add_string(o, "started_at", iso);
            json_add_string(o, "routine", l[i].routine);
            json_add_string(o, "why", l[i].why);
        }
        if (!json_write(stdout, root, true))
            status = 1;
        cJSON_Delete(root);
    } else if (n == 0) {
        printf("No session has a suspect date.\n");
    } else {
        printf("%5s  %-25s  %s  %s\n", "id", "started", "routine", "why");
        for (int i = 0; i < n; i++) {
            char iso[40];
            cal_format_iso(l[i].started_utc, l[i].offset_min, iso, sizeof(iso));
            printf("%5lld  %-25s  %s  %s\n", (long long)l[i].id, iso,
                   l[i].routine, l[i].why);
        }
        printf("\nThese are kept out of the streak. Give one its date with\n"
               "  ultralegs --fix-session-date ID YYYY-MM-DDTHH:MM\n"
               "or delete it with\n  ultralegs --delete-session ID\n");
    }
    free(l);
    return status;
}

// The date as given: with its offset, or local time on that date's offset.
static bool date_utc(const char *s, int64_t *utc, int *offset_min)
{
    CliTime t;
    if (!cli_parse_time(s, &t))
        return false;
    if (t.has_offset) {
        *offset_min = t.offset_min;
        *utc = cal_days_from_civil(t.year, t.month, t.day) * 86400 +
               t.hour * 3600 + t.minute * 60 + t.second -
               (int64_t)t.offset_min * 60;
        return true;
    }
    struct tm tm = {.tm_year = t.year - 1900,
                    .tm_mon = t.month - 1,
                    .tm_mday = t.day,
                    .tm_hour = t.hour,
                    .tm_min = t.minute,
                    .tm_sec = t.second,
                    .tm_isdst = -1};
    time_t v = mktime(&tm);
    struct tm lt;
    localtime_r(&v, &lt);
    *utc = (int64_t)v;
    *offset_min = (int)(lt.tm_gmtoff / 60);
    return true;
}

// The question names the session by its start and routine, so the runner
// knows which one goes.
static bool confirm(const CliOptions *opt, Store *st)
{
    if (opt->yes)
        return true;
    if (!isatty(STDIN_FILENO)) {
        log_error("ultralegs", "add --yes to delete it");
        return false;
    }
    char what[160] = "";
    History h = {0};
    if (store_load(st, &h))
        for (int i = 0; i < h.nsessions; i++)
            if (h.sessions[i].id == opt->session_id) {
                char iso[40];
                cal_format_iso(h.sessions[i].started_utc,
                               h.sessions[i].offset_min, iso, sizeof(iso));
                snprintf(what, sizeof(what), " (%s, %s)", iso,
                         h.sessions[i].routine);
            }
    history_free(&h);
    printf("Delete session %ld%s and its sets? [y/N] ", opt->session_id, what);
    fflush(stdout);
    char line[16];
    return fgets(line, sizeof(line), stdin) &&
           (line[0] == 'y' || line[0] == 'Y');
}

int history_fix_command(const CliOptions *opt, Store *st, int64_t now_utc)
{
    if (!store_read_only(st))
        store_flag_future(st, now_utc);
    if (opt->mode == CLI_SUSPECTS)
        return list(opt, st);
    if (opt->mode == CLI_FIX_DATE) {
        int64_t utc;
        int off;
        char iso[40];
        if (!date_utc(opt->session_date, &utc, &off) ||
            !store_session_redate(st, opt->session_id, utc, off,
                                  CAL_CUTOFF_DEFAULT_MIN, now_utc)) {
            history_store_failed(st, "--fix-session-date");
            return 1;
        }
        cal_format_iso(utc, off, iso, sizeof(iso));
        printf("session %ld now starts %s\n", opt->session_id, iso);
        return 0;
    }
    printf("session %ld\n", opt->session_id);
    if (!confirm(opt, st))
        return 1;
    if (!store_session_delete(st, opt->session_id)) {
        history_store_failed(st, "--delete-session");
        return 1;
    }
    printf("deleted session %ld\n", opt->session_id);
    return 0;
}

void history_fix_print_count(FILE *f, Store *st)
{
    StoreSuspect *l;
    int n;
    if (!store_suspects(st, &l, &n))
        return;
    free(l);
    if (n > 0)
        fprintf(f, "\n%d session%s a suspect date: see --suspect-sessions\n", n,
                n == 1 ? " has" : "s have");
}
