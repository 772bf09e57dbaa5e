/*
 * Choosing the runner for a command, and --profiles / --profile-set.
 */
#include "app/profile_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/history_fix.h"
#include "app/json.h"
#include "core/calendar.h"
#include "core/history_view.h"
#include "data/settings_io.h"
#include "platform/clock.h"
#include "platform/log.h"

void profile_cli_names(Store *st, char *out, size_t size)
{
    Profile list[PROFILES_MAX];
    int n = 0;
    size_t o = 0;
    out[0] = '\0';
    store_profiles(st, list, PROFILES_MAX, &n);
    for (int i = 0; i < n && o < size; i++)
        o += (size_t)snprintf(out + o, size - o, "%s%s",
                              i == 0       ? ""
                              : i == n - 1 ? " and "
                                           : ", ",
                              list[i].name);
}

bool profile_cli_choose(Store *st, const char *name, bool create,
                        int64_t now_utc, char *err, size_t errsize)
{
    if (!name)
        return true;
    Profile p;
    if (store_profile_find(st, name, &p))
        return store_profile_select(st, p.id);
    if (store_error(st)[0]) {
        snprintf(err, errsize, "profiles: %s", store_error(st));
        return false;
    }
    if (!create) {
        char names[PROFILES_MAX * (PROFILE_NAME_MAX + 8)];
        profile_cli_names(st, names, sizeof(names));
        snprintf(err, errsize, "no profile called '%s' (the profiles: %s)",
                 name, names);
        return false;
    }
    const char *why = profile_name_problem(name);
    if (why) {
        snprintf(err, errsize, "--profile '%s': %s", name, why);
        return false;
    }
    // A new file starts with "Runner": the first name given replaces it
    // while it holds no session, rather than leaving an empty runner behind.
    Profile list[PROFILES_MAX];
    int n = 0;
    if (store_profiles(st, list, PROFILES_MAX, &n) && n == 1 &&
        list[0].sessions == 0 &&
        strcmp(list[0].name, PROFILE_DEFAULT_NAME) == 0) {
        if (!store_profile_rename(st, list[0].id, name)) {
            snprintf(err, errsize, "profile '%s': %s", name, store_error(st));
            return false;
        }
        return store_profile_select(st, list[0].id);
    }
    int64_t id;
    if (!store_profile_add(st, name, -1, now_utc, &id)) {
        snprintf(err, errsize, "cannot add the profile '%s': %s", name,
                 store_error(st));
        return false;
    }
    log_info("ultralegs", "new profile: %s", name);
    return store_profile_select(st, id);
}

// A runner's current weekly streak, with their own weekly target.
static int streak_of(Store *st, const Profile *p, const Library *lib,
                     const Settings *household, int64_t today)
{
    History h = {0};
    int current = 0;
    if (store_profile_select(st, p->id) && store_load(st, &h)) {
        Settings s = *household;
        profile_apply(p, &s);
        StreakRules r;
        history_view_rules(lib, s.weekly_target, &r);
        WeeklyStreak ws;
        history_weekly_streak(&h, &r, today, &ws);
        current = ws.current;
    }
    history_free(&h);
    return current;
}

static int list_profiles(const CliOptions *opt, Store *st, const Library *lib,
                         const Settings *household, int64_t today)
{
    Profile list[PROFILES_MAX];
    int n;
    if (!store_profiles(st, list, PROFILES_MAX, &n)) {
        history_store_failed(st, "profiles");
        return 1;
    }
    int64_t last = store_profile_current(st);
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < n; i++) {
        int streak = streak_of(st, &list[i], lib, household, today);
        if (opt->json) {
            cJSON *o = json_push_object(arr);
            json_add_string(o, "name", list[i].name);
            json_add_int(o, "sessions", list[i].sessions);
            json_add_int(o, "weekly_streak", streak);
            continue;
        }
        char over[160];
        profile_overrides_text(&list[i], over, sizeof(over));
        printf("%-20s %4d session%s  streak %d week%s  %s%s%s%s\n",
               list[i].name, list[i].sessions,
               list[i].sessions == 1 ? " " : "s", streak,
               streak == 1 ? "" : "s", profile_colour_name(list[i].colour),
               list[i].id == last ? "  (used last)" : "", over[0] ? "  " : "",
               over);
    }
    bool ok = !opt->json || json_write(stdout, arr, true);
    cJSON_Delete(arr);
    return ok ? 0 : 1;
}

static int set_override(const CliOptions *opt, Store *st)
{
    Profile p;
    char why[300];
    if (!store_profile_get(st, store_profile_current(st), &p)) {
        history_store_failed(st, "profiles");
        return 1;
    }
    if (!profile_set_override(&p, opt->profile_set, why, sizeof(why))) {
        log_error("ultralegs", "--profile-set %s: %s", opt->profile_set, why);
        return 1;
    }
    if (!store_profile_save(st, &p)) {
        history_store_failed(st, "profiles");
        return 1;
    }
    char over[160];
    profile_overrides_text(&p, over, sizeof(over));
    printf("%s: %s\n", p.name, over[0] ? over : "the household's settings");
    return 0;
}

int profile_command(const CliOptions *opt, const Paths *paths,
                    const Library *lib)
{
    char err[800];
    WallClock wc;
    wallclock_init(&wc, cli_now(opt));
    Store *st = store_open(paths->data_dir, err, sizeof(err));
    if (!st) {
        log_error("ultralegs", "history: %s", err);
        return 1;
    }
    int status = 1;
    int64_t now = wallclock_utc(&wc, 0);
    if (!profile_cli_choose(st, opt->profile, false, now, err, sizeof(err))) {
        log_error("ultralegs", "%s", err);
    } else if (opt->mode == CLI_PROFILE_SET) {
        status = set_override(opt, st);
    } else {
        Settings household;
        DiagList sd = {0};
        settings_load_file(&household, paths, &sd);
        diag_list_free(&sd);
        int64_t today = cal_training_day(now, wallclock_offset_min(&wc, now),
                                         CAL_CUTOFF_DEFAULT_MIN);
        status = list_profiles(opt, st, lib, &household, today);
    }
    store_close(st);
    return status;
}
