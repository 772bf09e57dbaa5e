/*
 * --check and --describe reports.
 */
#include "app/report.h"

#include <string.h>

#include "app/json.h"
#include "core/session.h"
#include "data/settings_io.h"
#include "platform/log.h"

// Every problem --check reports: the library's and config.ini's.
static void all_problems(const Library *lib, const Paths *paths, DiagList *all)
{
    for (int i = 0; i < lib->diags.count; i++) {
        const Diag *d = &lib->diags.items[i];
        diag_add(all, d->level, d->file, d->line, d->subject, "%s", d->msg);
    }
    Settings s;
    settings_load_file(&s, paths, all);
}

static int problems_for(const Library *lib, const char *file, const char *id,
                        DiagLevel level)
{
    int n = 0;
    for (int i = 0; i < lib->diags.count; i++) {
        const Diag *d = &lib->diags.items[i];
        if (d->level == level && strcmp(d->file, file) == 0 &&
            strcmp(d->subject, id) == 0)
            n++;
    }
    return n;
}

static const char *status_of(int errors, int warnings)
{
    return errors ? "error" : warnings ? "warning" : "ok";
}

// One exercise or routine of --check --json: what both lists say of it.
static cJSON *push_entry(cJSON *list, const Library *lib, const char *file,
                         const char *id, const char *name_key, const char *name,
                         bool active, bool user)
{
    cJSON *o = json_push_object(list);
    json_add_string(o, "id", id);
    json_add_string(o, name_key, name);
    json_add_string(o, "status",
                    status_of(problems_for(lib, file, id, DIAG_ERROR),
                              problems_for(lib, file, id, DIAG_WARNING)));
    cJSON_AddBoolToObject(o, "active", active);
    cJSON_AddBoolToObject(o, "user", user);
    return o;
}

static bool check_json(FILE *f, const Library *lib, const Paths *paths,
                       const DiagList *all)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddBoolToObject(root, "ok", all->errors == 0);
    json_add_int(root, "errors", all->errors);
    json_add_int(root, "warnings", all->warnings);
    cJSON *exercises = cJSON_AddArrayToObject(root, "exercises");
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        char path[PATHS_MAX + 64];
        bool found = paths_find_clip(paths, ex->clip, path, sizeof(path));
        cJSON *o = push_entry(exercises, lib, ex->file, ex->id, "name",
                              ex->name, ex->active, ex->user);
        json_add_string(o, "clip", ex->clip);
        json_add_string_or_null(o, "clip_path", found ? path : NULL);
        json_add_string(o, "file", ex->file);
        json_add_int(o, "line", ex->line);
    }
    cJSON *routines = cJSON_AddArrayToObject(root, "routines");
    for (int i = 0; i < lib->nroutines; i++) {
        const Routine *rt = &lib->routines[i];
        cJSON *o = push_entry(routines, lib, rt->file, rt->id, "title",
                              rt->title, rt->active, rt->user);
        json_add_int(o, "steps", rt->nsteps);
        json_add_string(o, "file", rt->file);
    }
    cJSON *problems = cJSON_AddArrayToObject(root, "problems");
    for (int i = 0; i < all->count; i++) {
        const Diag *d = &all->items[i];
        cJSON *o = json_push_object(problems);
        json_add_string(o, "level", diag_level_name(d->level));
        json_add_string(o, "file", d->file);
        json_add_int(o, "line", d->line);
        json_add_string(o, "subject", d->subject);
        json_add_string(o, "message", d->msg);
    }
    bool ok = json_write(f, root, true);
    cJSON_Delete(root);
    return ok;
}

int report_check(FILE *f, const Library *lib, const Paths *paths, bool json)
{
    DiagList all = {0};
    all_problems(lib, paths, &all);
    int status = all.errors ? 1 : 0;
    if (json) {
        if (!check_json(f, lib, paths, &all))
            status = 1;
        diag_list_free(&all);
        return status;
    }
    fprintf(f, "Exercises (%d)\n", lib->nexercises);
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        int e = problems_for(lib, ex->file, ex->id, DIAG_ERROR);
        int wn = problems_for(lib, ex->file, ex->id, DIAG_WARNING);
        fprintf(f, "  %-22s %-26s %-8s%s%s\n", ex->id, ex->name,
                status_of(e, wn), ex->user ? " (yours)" : "",
                ex->active ? "" : " (not used)");
    }
    fprintf(f, "\nRoutines (%d)\n", lib->nroutines);
    for (int i = 0; i < lib->nroutines; i++) {
        const Routine *rt = &lib->routines[i];
        int e = problems_for(lib, rt->file, rt->id, DIAG_ERROR);
        int wn = problems_for(lib, rt->file, rt->id, DIAG_WARNING);
        fprintf(f, "  %-22s %-26s %2d %-5s  %-8s%s%s\n", rt->id, rt->title,
                rt->nsteps, rt->nsteps == 1 ? "step" : "steps",
                status_of(e, wn), rt->user ? " (yours)" : "",
                rt->active ? "" : " (not used)");
    }
    fprintf(f, "\nPlan: %s\n", lib->plan.loaded ? lib->plan.file : "(none)");
    if (all.count) {
        fprintf(f, "\nProblems\n");
        for (int i = 0; i < all.count; i++) {
            char line[800];
            diag_format(&all.items[i], line, sizeof(line));
            fprintf(f, "  %s\n", line);
        }
    }
    fprintf(f, "\n%d error%s, %d warning%s\n", all.errors,
            all.errors == 1 ? "" : "s", all.warnings,
            all.warnings == 1 ? "" : "s");
    diag_list_free(&all);
    return status;
}

// One step of --describe --json, into o.
static void describe_step(cJSON *o, const Library *lib, const Paths *paths,
                          const RoutineStep *st, const SessionStep *ps)
{
    const Exercise *ex = library_exercise(lib, st->exercise_id);
    json_add_string(o, "exercise_id", st->exercise_id);
    json_add_string(o, "name", ex ? ex->name : st->exercise_id);
    json_add_string(o, "title", ps->title);
    json_add_string(o, "variant", st->variant);
    json_add_int(o, "sets", st->sets);
    json_add_int(o, "reps_min", st->reps_min);
    json_add_int(o, "reps_max", st->reps_max);
    json_add_int(o, "reps_target", ps->reps_target);
    json_add_string(o, "unit", ex ? ex->unit : "reps");
    cJSON_AddBoolToObject(o, "per_side", st->per_side > 0);
    json_add_string_or_null(
        o, "block",
        st->block == STEP_BLOCK_NONE ? NULL : step_block_name(st->block));
    cJSON_AddBoolToObject(o, "optional", st->optional);
    json_add_int(o, "rest_s", st->rest_s);
    json_add_fixed(o, "cadence_s", ex ? ex->cadence_ms / 1000.0 : 0, 2);
    json_add_string(o, "note", st->note);
    json_add_string(o, "equipment", ex ? ex->equipment : "");
    json_add_string(o, "load", ex ? ex->load : "");
    cJSON *points = cJSON_AddArrayToObject(o, "points");
    for (int k = 0; ex && k < ex->npoints; k++)
        json_push(points, json_string(ex->points[k]));
    json_add_string(o, "clip", ex ? ex->clip : "");
    char path[PATHS_MAX + 64];
    bool found = ex && paths_find_clip(paths, ex->clip, path, sizeof(path));
    json_add_string_or_null(o, "clip_path", found ? path : NULL);
    // A part of a clip not set is null, as is the offset in no coach's video.
    json_add(o, "clip_start",
             ex && ex->clip_start >= 0 ? json_fixed(ex->clip_start, 3)
                                       : cJSON_CreateNull());
    json_add(o, "clip_end",
             ex && ex->clip_end >= 0 ? json_fixed(ex->clip_end, 3)
                                     : cJSON_CreateNull());
    json_add(o, "coach_video_s",
             ex && ex->coach_video_s >= 0 ? json_fixed(ex->coach_video_s, 0)
                                          : cJSON_CreateNull());
    cJSON_AddBoolToObject(o, "clip_from_coach_video",
                          ex && ex->from_coach_video);
}

int report_describe(FILE *f, const Library *lib, const Paths *paths,
                    const char *routine_id, bool json)
{
    const Routine *rt = library_routine(lib, routine_id);
    const Diag *why = rt ? NULL : library_routine_error(lib, routine_id);
    if (why) {
        char line[800];
        diag_format(why, line, sizeof(line));
        log_error("ultralegs", "routine '%s' cannot be coached: %s", routine_id,
                  line);
        return 1;
    }
    if (!rt) {
        char known[600] = "";
        size_t n = 0;
        for (int i = 0; i < lib->nroutines && n < sizeof(known); i++)
            if (lib->routines[i].active)
                n += (size_t)snprintf(known + n, sizeof(known) - n, " %s",
                                      lib->routines[i].id);
        log_error("ultralegs", "no routine '%s' (known:%s)", routine_id, known);
        return 1;
    }
    SessionPlan plan;
    session_plan_from_routine(&plan, lib, rt);
    SessionOptions opt;
    session_options_default(&opt);
    opt.auto_advance = true;
    int minutes =
        (int)((session_plan_estimate_ms(&plan, &opt) + 30000) / 60000);

    if (!json) {
        fprintf(f, "%s (%s)%s%s\n", rt->title, rt->id,
                rt->coach[0] ? " by " : "", rt->coach);
        if (rt->blurb[0])
            fprintf(f, "%s\n", rt->blurb);
        fprintf(f, "%s; about %d minute%s\n\n", rt->frequency, minutes,
                minutes == 1 ? "" : "s");
        for (int i = 0; i < rt->nsteps; i++) {
            const RoutineStep *st = &rt->steps[i];
            const Exercise *ex = library_exercise(lib, st->exercise_id);
            char title[160], dose[64];
            routine_step_title(st, ex, title, sizeof(title));
            routine_dose_text(st, ex, dose, sizeof(dose));
            fprintf(f, "%2d. %-40s %-24s rest %3ds%s\n", i + 1, title, dose,
                    st->rest_s, st->optional ? "  (optional)" : "");
        }
        for (int i = 0; i < rt->nnotes; i++)
            fprintf(f, "%s %s\n", i ? " " : "\n*", rt->notes[i]);
        return 0;
    }

    cJSON *root = cJSON_CreateObject();
    json_add_string(root, "id", rt->id);
    json_add_string(root, "title", rt->title);
    json_add_string(root, "blurb", rt->blurb);
    json_add_string(root, "coach", rt->coach);
    json_add_string(root, "frequency", rt->frequency);
    json_add_string(root, "after", rt->after);
    cJSON_AddBoolToObject(root, "counts_for_streak", rt->counts_for_streak);
    json_add_int(root, "estimated_minutes", minutes);
    cJSON *notes = cJSON_AddArrayToObject(root, "notes");
    for (int i = 0; i < rt->nnotes; i++)
        json_push(notes, json_string(rt->notes[i]));
    cJSON *steps = cJSON_AddArrayToObject(root, "steps");
    for (int i = 0; i < rt->nsteps; i++)
        describe_step(json_push_object(steps), lib, paths, &rt->steps[i],
                      &plan.steps[i]);
    bool ok = json_write(f, root, true);
    cJSON_Delete(root);
    return ok ? 0 : 1;
}
