/*
 * The --history report, as text or JSON.
 */
#include "app/history_report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/history_fix.h"
#include "app/json.h"
#include "app/profile_cli.h"
#include "core/calendar.h"
#include "data/settings_io.h"
#include "platform/clock.h"
#include "platform/fs_entry.h"
#include "platform/log.h"
#include "store/store.h"

static bool print_json(FILE *f, const HistoryView *v, const char *runner)
{
    cJSON *root = cJSON_CreateObject();
    if (runner && *runner)
        json_add_string(root, "profile", runner);
    json_add_int(root, "weekly_target", v->weekly_target);
    cJSON *week = cJSON_AddObjectToObject(root, "this_week");
    json_add_string(week, "iso_week", v->iso_week);
    json_add_int(week, "sessions", v->weekly.this_week_sessions);
    cJSON *streak = cJSON_AddObjectToObject(root, "weekly_streak");
    json_add_int(streak, "current", v->weekly.current);
    json_add_int(streak, "longest", v->weekly.longest);
    json_add_string(streak, "status", streak_status_name(v->weekly.status));
    char from[16], to[16];
    cal_format_date(v->weekly.current_from, from, sizeof(from));
    json_add_string_or_null(streak, "current_from",
                            v->weekly.current ? from : NULL);
    cal_format_date(v->weekly.longest_from, from, sizeof(from));
    cal_format_date(v->weekly.longest_to, to, sizeof(to));
    json_add_string_or_null(streak, "longest_from",
                            v->weekly.longest ? from : NULL);
    json_add_string_or_null(streak, "longest_to",
                            v->weekly.longest ? to : NULL);
    json_add_int(streak, "needed_this_week", v->weekly.needed);
    cal_format_date(v->weekly.deadline, to, sizeof(to));
    json_add_string(streak, "deadline", to);
    cJSON *band = cJSON_AddObjectToObject(root, "daily_band_streak");
    json_add_int(band, "current", v->band_current);
    json_add_int(band, "longest", v->band_longest);
    json_add_int(root, "total_sessions", v->total_sessions);
    json_add_int(root, "xp", v->xp);
    json_add_int(root, "level", v->level);
    json_add_int(root, "next_level_xp", v->next_level_xp);
    cJSON_AddBoolToObject(root, "easy_day_suggested", v->easy_day);
    cJSON *badges = cJSON_AddArrayToObject(root, "badges");
    for (int i = 0; i < v->nbadges; i++) {
        cJSON *o = json_push_object(badges);
        json_add_string(o, "id", v->badges[i].id);
        json_add_string(o, "title", v->badges[i].title);
    }
    cJSON *prog = cJSON_AddArrayToObject(root, "progression");
    for (int i = 0; i < v->nprog; i++) {
        const ViewProgression *p = &v->prog[i];
        const ProgressionItem *it = &p->item;
        cJSON *o = json_push_object(prog);
        json_add_string(o, "routine", p->routine);
        json_add_int(o, "step", p->step + 1);
        json_add_string(o, "exercise", it->exercise);
        json_add_string(o, "title", p->title);
        json_add_string_or_null(
            o, "block",
            it->block == STEP_BLOCK_NONE ? NULL : step_block_name(it->block));
        json_add_int(o, "reps_min", it->reps_min);
        json_add_int(o, "reps_max", it->reps_max);
        json_add_int(o, "target", it->target);
        json_add_int(o, "sessions", it->sessions);
        json_add_fixed(o, "last_load_kg", it->last_load_kg, 1);
        json_add_string(o, "suggestion", progression_key(it->suggestion));
        json_add_string(o, "advice", progression_text(it->suggestion));
        cJSON *reps = cJSON_AddArrayToObject(o, "recent_reps");
        for (int k = 0; k < it->nseries; k++)
            json_push(reps, json_int(it->series[k]));
    }
    bool ok = json_write(f, root, true);
    cJSON_Delete(root);
    return ok;
}

bool history_report_print(FILE *f, const HistoryView *v, const char *runner,
                          bool json)
{
    if (json)
        return print_json(f, v, runner);
    if (runner && *runner)
        fprintf(f, "%s's history\n", runner);
    fprintf(f, "This week (%s): %d of %d sessions, %s\n", v->iso_week,
            v->weekly.this_week_sessions, v->weekly_target,
            streak_status_name(v->weekly.status));
    char need[RT_NAME_MAX + 96], when[48], range[64];
    history_view_week_need(v, need, sizeof(need));
    cal_format_day(v->weekly.deadline, true, when, sizeof(when));
    if (v->weekly.status == STREAK_OPEN)
        fprintf(f, "Still needed this week: %d by Sunday %s (%s)\n",
                v->weekly.needed, when, need);
    else
        fprintf(f, "Still needed this week: none (%s)\n", need);
    fprintf(f, "Weekly streak: %d (longest %d)", v->weekly.current,
            v->weekly.longest);
    if (v->weekly.current) {
        cal_format_day(v->weekly.current_from, true, when, sizeof(when));
        fprintf(f, ": %d week%s since %s", v->weekly.current,
                v->weekly.current == 1 ? "" : "s", when);
    }
    if (v->weekly.longest) {
        cal_format_range(v->weekly.longest_from, v->weekly.longest_to, range,
                         sizeof(range));
        fprintf(f, "%s best %d week%s: %s", v->weekly.current ? ";" : ":",
                v->weekly.longest, v->weekly.longest == 1 ? "" : "s", range);
    }
    fputc('\n', f);
    fprintf(f, "Band-work days in a row: %d (longest %d)\n", v->band_current,
            v->band_longest);
    fprintf(f, "Sessions completed: %d   XP: %lld   Level: %d\n",
            v->total_sessions, (long long)v->xp, v->level);
    if (v->easy_day)
        fprintf(f, "Yesterday was a strength day: make today an easy day.\n");
    if (v->nbadges) {
        fprintf(f, "Badges:");
        for (int i = 0; i < v->nbadges; i++)
            fprintf(f, "%s %s", i ? "," : "", v->badges[i].title);
        fputc('\n', f);
    }
    if (v->no_detail_sessions)
        fprintf(f, "%s\n", HISTORY_NO_DETAIL_TEXT);
    const char *last = "";
    for (int i = 0; i < v->nprog; i++) {
        const ViewProgression *p = &v->prog[i];
        if (p->item.sessions == 0)
            continue;
        if (strcmp(last, p->routine) != 0)
            fprintf(f, "\n%s\n", p->routine);
        last = p->routine;
        fprintf(f, "  %-34s next %3d  %s\n", p->title, p->item.target,
                progression_text(p->item.suggestion));
    }
    return true;
}

// The file given to --import-history / --export-history, looked at before
// the history is opened: a folder or a broken link is named as such, not
// reported as a CSV without a header line.
static bool history_file_usable(const CliOptions *opt)
{
    bool import = opt->mode == CLI_IMPORT;
    const char *what = import ? "--import-history" : "--export-history";
    const char *f = opt->history_file;
    char target[FS_NAME_MAX];
    int err = 0;
    switch (fs_kind(f, target, sizeof(target), &err)) {
    case FS_FILE: return true;
    case FS_MISSING:
        if (!import)
            return true;
        log_error("ultralegs", "%s %s: no such file", what, f);
        return false;
    case FS_DIR:
        log_error("ultralegs", "%s %s: is a folder, not a CSV file%s", what, f,
                  import ? "" : " (give a file name, e.g. history.csv)");
        return false;
    case FS_LINK_LOOP:
        log_error("ultralegs",
                  "%s %s: is a symbolic link that loops back to itself", what,
                  f);
        return false;
    case FS_LINK_DANGLING:
        if (!import)
            return true; // writing creates what the link points to
        log_error("ultralegs", "%s %s: is a link to '%s', which does not exist",
                  what, f, target);
        return false;
    case FS_OTHER:
        if (!import)
            return true; // a device or a pipe (/dev/stdout) is written directly
        log_error("ultralegs", "%s %s: is not a regular file", what, f);
        return false;
    case FS_ERROR:
        log_error("ultralegs", "%s %s: %s", what, f, strerror(err));
        return false;
    }
    return false;
}

// "importing: 45000 rows (45%)": on a terminal in place, otherwise a line
// every ten batches and at the end.
static void import_progress(void *ctx, long rows, long done, long total)
{
    long *calls = ctx; // [0] batches seen, [1] rows last shown
    bool tty = isatty(STDERR_FILENO);
    bool last = done >= total;
    if ((!tty && !last && ++calls[0] % 10 != 0) || rows == calls[1])
        return;
    calls[1] = rows;
    long pct = total > 0 ? done * 100 / total : 100;
    const char *s = rows == 1 ? "" : "s";
    if (tty)
        log_progress("ultralegs", last, "importing: %ld row%s (%ld%%)", rows, s,
                     pct);
    else
        log_info("ultralegs", "importing: %ld row%s (%ld%%)", rows, s, pct);
}

int history_command(const CliOptions *opt, const Paths *paths,
                    const Library *lib)
{
    char err[600];
    if ((opt->mode == CLI_IMPORT || opt->mode == CLI_EXPORT) &&
        !history_file_usable(opt))
        return 1;
    WallClock wc;
    wallclock_init(&wc, cli_now(opt));
    Store *st = store_open(paths->data_dir, err, sizeof(err));
    if (!st) {
        log_error("ultralegs", "history: %s", err);
        return 1;
    }
    // A notice (read-only, restored from a backup) is in the log already:
    // the store logged it with its detail when it opened.
    int status = 0;
    int64_t now = wallclock_utc(&wc, 0);
    // An import brings a new runner's history in; the others read one.
    if (!profile_cli_choose(st, opt->profile, opt->mode == CLI_IMPORT, now, err,
                            sizeof(err))) {
        log_error("ultralegs", "%s", err);
        store_close(st);
        return 1;
    }
    Profile runner;
    profile_init(&runner);
    store_profile_get(st, store_profile_current(st), &runner);
    if (opt->mode == CLI_SUSPECTS || opt->mode == CLI_FIX_DATE ||
        opt->mode == CLI_DELETE_SESSION) {
        status = history_fix_command(opt, st, now);
    } else if (opt->mode == CLI_EXPORT) {
        if (store_export_csv(st, opt->history_file)) {
            printf("exported the history to %s\n", opt->history_file);
        } else {
            history_store_failed(st, "export");
            status = 1;
        }
    } else if (opt->mode == CLI_IMPORT) {
        DiagList problems = {0};
        int imported = 0, dups = 0;
        long calls[2] = {0, -1};
        store_set_progress(st, import_progress, calls);
        bool ok = store_import_csv(st, opt->history_file, &imported, &dups,
                                   &problems);
        for (int i = 0; i < problems.count; i++) {
            char line[800];
            diag_format(&problems.items[i], line, sizeof(line));
            log_error("import", "%s", line);
        }
        printf("imported %d session%s, %d already stored, %d bad row%s\n",
               imported, imported == 1 ? "" : "s", dups, problems.errors,
               problems.errors == 1 ? "" : "s");
        status = ok && problems.errors == 0 ? 0 : 1;
        diag_list_free(&problems);
    } else {
        History h = {0};
        if (!store_read_only(st))
            store_flag_future(st, now);
        if (!store_load(st, &h)) {
            status = 1; // the store has logged why
        } else {
            int64_t today = cal_training_day(
                now, wallclock_offset_min(&wc, now), CAL_CUTOFF_DEFAULT_MIN);
            HistoryView *v = malloc(sizeof(*v));
            if (v) {
                Settings set;
                DiagList sd = {0};
                settings_load_file(&set, paths, &sd);
                diag_list_free(&sd);
                profile_apply(&runner, &set);
                history_view_build(v, &h, lib, today, set.weekly_target);
                // The text names the runner when there are several.
                Profile all[2];
                int n = 0;
                store_profiles(st, all, 2, &n);
                const char *who = opt->json || n > 1 ? runner.name : NULL;
                if (!history_report_print(stdout, v, who, opt->json))
                    status = 1;
                if (!opt->json)
                    history_fix_print_count(stdout, st);
                free(v);
            }
        }
        history_free(&h);
    }
    store_close(st);
    return status;
}
