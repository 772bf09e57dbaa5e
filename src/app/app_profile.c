/*
 * The kiosk's runners: whose kiosk it is (--profile, the picker, or the one
 * used last), their settings (config.ini's with their own overrides), and
 * what the settings screen saves for them.
 */
#include "app/app_internal.h"

#include <string.h>

#include "app/profile_cli.h"
#include "core/strutil.h"

// The view's list of runners and whose kiosk it is now.
void app_profile_fill(App *a)
{
    UiView *v = &a->view;
    v->nprofiles = 0;
    v->runner[0] = '\0';
    if (!a->store)
        return;
    store_profiles(a->store, v->profiles, PROFILES_MAX, &v->nprofiles);
    for (int i = 0; i < v->nprofiles; i++)
        if (v->profiles[i].id == a->runner.id) {
            a->runner = v->profiles[i];
            if (v->nprofiles > 1)
                str_copy(v->runner, sizeof(v->runner), a->runner.name);
            v->runner_colour = a->runner.colour;
        }
}

// config.ini's settings with the runner's overrides over them.
static void apply(App *a)
{
    a->settings = a->household;
    profile_apply(&a->runner, &a->settings);
    audio_set_voice(a->audio, a->settings.voice);
}

// This runner from now on, without reading the history again.
static bool choose(App *a, int64_t id)
{
    if (!a->store || !store_profile_select(a->store, id))
        return false;
    store_profile_get(a->store, id, &a->runner);
    // Read-only: the choice holds for this run only (said already).
    if (!store_read_only(a->store))
        store_profile_mark_used(a->store, wallclock_utc(&a->wall, a->now));
    apply(a);
    app_profile_fill(a);
    if (a->cue_log && a->view.nprofiles > 1)
        fprintf(a->cue_log, "%.3f\trunner\t%s\n", a->now / 1000.0,
                a->runner.name);
    return true;
}

void app_profile_use(App *a, int64_t id)
{
    if (!choose(a, id))
        return;
    app_refresh_history(a);
    app_fill_today(a);
}

bool app_profile_open(App *a)
{
    a->household = a->settings;
    profile_init(&a->runner);
    if (!a->store)
        return false;
    char err[800];
    int64_t now = wallclock_utc(&a->wall, 0);
    bool named = a->opt->profile != NULL;
    if (named && !profile_cli_choose(a->store, a->opt->profile,
                                     !store_read_only(a->store), now, err,
                                     sizeof(err))) {
        // The kiosk still coaches: as the runner used last.
        app_notice(a, 20000, "%s", err);
        named = false;
    }
    // The history is read once home opens.
    choose(a, store_profile_current(a->store));
    for (int i = 0; i < a->view.nprofiles; i++)
        if (a->view.profiles[i].id == a->runner.id)
            a->view.profile_sel = i;
    // Two or more runners and none named: ask who is training.
    return !named && a->view.nprofiles > 1;
}

void app_profile_apply_household(App *a)
{
    a->household = a->settings;
    apply(a);
}

void app_profile_settings_to_save(App *a, Settings *file)
{
    *file = a->settings;
    const Profile *r = &a->runner;
    bool own = r->tempo_pct >= 0 || r->voice >= 0 || r->units >= 0 ||
               r->weekly_target >= 0;
    if (!a->store || (a->view.nprofiles < 2 && !own)) {
        // One runner: config.ini holds everything, as before profiles.
        a->household = *file;
        return;
    }
    // The runner's own tempo, voice, units and target; config.ini keeps
    // the household's.
    Profile p = a->runner;
    const Settings *h = &a->household, *s = &a->settings;
    p.tempo_pct = s->tempo_pct != h->tempo_pct ? s->tempo_pct : -1;
    p.voice = s->voice != h->voice ? s->voice : -1;
    p.units = s->units != h->units ? (int)s->units : -1;
    p.weekly_target =
        s->weekly_target != h->weekly_target ? s->weekly_target : -1;
    file->tempo_pct = h->tempo_pct;
    file->voice = h->voice;
    file->units = h->units;
    file->weekly_target = h->weekly_target;
    if (store_profile_save(a->store, &p))
        a->runner = p;
    else
        app_notice(a, 8000, "%s's settings not saved: %s", p.name,
                   store_error(a->store));
    // What else changed is the household's.
    a->household = *file;
}
