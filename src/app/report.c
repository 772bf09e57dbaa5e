/*
 * --check and --describe reports.
 */
#include "app/report.h"

#include <string.h>

#include "app/json.h"
#include "data/settings_io.h"
#include "core/session.h"
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

static void check_json(FILE *f, const Library *lib, const Paths *paths,
                       const DiagList *all)
{
    JsonWriter w;
    json_init(&w, f, 2);
    json_begin_object(&w);
    json_kv_bool(&w, "ok", all->errors == 0);
    json_kv_int(&w, "errors", all->errors);
    json_kv_int(&w, "warnings", all->warnings);
    json_key(&w, "exercises");
    json_begin_array(&w);
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        char path[PATHS_MAX + 64];
        bool found = paths_find_clip(paths, ex->clip, path, sizeof(path));
        json_begin_object(&w);
        json_kv_string(&w, "id", ex->id);
        json_kv_string(&w, "name", ex->name);
        json_kv_string(&w, "status",
                       status_of(problems_for(lib, ex->file, ex->id, DIAG_ERROR),
                                 problems_for(lib, ex->file, ex->id, DIAG_WARNING)));
        json_kv_bool(&w, "active", ex->active);
        json_kv_bool(&w, "user", ex->user);
        json_kv_string(&w, "clip", ex->clip);
        json_key(&w, "clip_path");
        if (found)
            json_string(&w, path);
        else
            json_null(&w);
        json_kv_string(&w, "file", ex->file);
        json_kv_int(&w, "line", ex->line);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_key(&w, "routines");
    json_begin_array(&w);
    for (int i = 0; i < lib->nroutines; i++) {
        const Routine *rt = &lib->routines[i];
        json_begin_object(&w);
        json_kv_string(&w, "id", rt->id);
        json_kv_string(&w, "title", rt->title);
        json_kv_string(&w, "status",
                       status_of(problems_for(lib, rt->file, rt->id, DIAG_ERROR),
                                 problems_for(lib, rt->file, rt->id, DIAG_WARNING)));
        json_kv_bool(&w, "active", rt->active);
        json_kv_bool(&w, "user", rt->user);
        json_kv_int(&w, "steps", rt->nsteps);
        json_kv_string(&w, "file", rt->file);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_key(&w, "problems");
    json_begin_array(&w);
    for (int i = 0; i < all->count; i++) {
        const Diag *d = &all->items[i];
        json_begin_object(&w);
        json_kv_string(&w, "level", diag_level_name(d->level));
        json_kv_string(&w, "file", d->file);
        json_kv_int(&w, "line", d->line);
        json_kv_string(&w, "subject", d->subject);
        json_kv_string(&w, "message", d->msg);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_end_object(&w);
}

int report_check(FILE *f, const Library *lib, const Paths *paths, bool json)
{
    DiagList all = {0};
    all_problems(lib, paths, &all);
    int status = all.errors ? 1 : 0;
    if (json) {
        check_json(f, lib, paths, &all);
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
        fprintf(f, "  %-22s %-26s %2d steps  %-8s%s%s\n", rt->id, rt->title,
                rt->nsteps, status_of(e, wn), rt->user ? " (yours)" : "",
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
    fprintf(f, "\n%d error%s, %d warning%s\n", all.errors, all.errors == 1 ? "" : "s",
            all.warnings, all.warnings == 1 ? "" : "s");
    diag_list_free(&all);
    return status;
}

int report_describe(FILE *f, const Library *lib, const Paths *paths,
                    const char *routine_id, bool json)
{
    const Routine *rt = library_routine(lib, routine_id);
    const Diag *why = rt ? NULL : library_routine_error(lib, routine_id);
    if (why) {
        char line[800];
        diag_format(why, line, sizeof(line));
        log_error("ultralegs", "routine '%s' cannot be coached: %s", routine_id, line);
        return 1;
    }
    if (!rt) {
        char known[600] = "";
        size_t n = 0;
        for (int i = 0; i < lib->nroutines && n < sizeof(known); i++)
            if (lib->routines[i].active)
                n += (size_t)snprintf(known + n, sizeof(known) - n, " %s", lib->routines[i].id);
        log_error("ultralegs", "no routine '%s' (known:%s)", routine_id, known);
        return 1;
    }
    SessionPlan plan;
    session_plan_from_routine(&plan, lib, rt);
    SessionOptions opt;
    session_options_default(&opt);
    opt.auto_advance = true;
    int minutes = (int)((session_plan_estimate_ms(&plan, &opt) + 30000) / 60000);

    if (!json) {
        fprintf(f, "%s (%s)%s%s\n", rt->title, rt->id, rt->coach[0] ? " by " : "",
                rt->coach);
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

    JsonWriter w;
    json_init(&w, f, 2);
    json_begin_object(&w);
    json_kv_string(&w, "id", rt->id);
    json_kv_string(&w, "title", rt->title);
    json_kv_string(&w, "blurb", rt->blurb);
    json_kv_string(&w, "coach", rt->coach);
    json_kv_string(&w, "frequency", rt->frequency);
    json_kv_string(&w, "after", rt->after);
    json_kv_bool(&w, "counts_for_streak", rt->counts_for_streak);
    json_kv_int(&w, "estimated_minutes", minutes);
    json_key(&w, "notes");
    json_begin_array(&w);
    for (int i = 0; i < rt->nnotes; i++)
        json_string(&w, rt->notes[i]);
    json_end_array(&w);
    json_key(&w, "steps");
    json_begin_array(&w);
    for (int i = 0; i < rt->nsteps; i++) {
        const RoutineStep *st = &rt->steps[i];
        const Exercise *ex = library_exercise(lib, st->exercise_id);
        json_begin_object(&w);
        json_kv_string(&w, "exercise_id", st->exercise_id);
        json_kv_string(&w, "name", ex ? ex->name : st->exercise_id);
        json_kv_string(&w, "title", plan.steps[i].title);
        json_kv_string(&w, "variant", st->variant);
        json_kv_int(&w, "sets", st->sets);
        json_kv_int(&w, "reps_min", st->reps_min);
        json_kv_int(&w, "reps_max", st->reps_max);
        json_kv_int(&w, "reps_target", plan.steps[i].reps_target);
        json_kv_string(&w, "unit", ex ? ex->unit : "reps");
        json_kv_bool(&w, "per_side", st->per_side > 0);
        json_key(&w, "block");
        if (st->block == STEP_BLOCK_NONE)
            json_null(&w);
        else
            json_string(&w, step_block_name(st->block));
        json_kv_bool(&w, "optional", st->optional);
        json_kv_int(&w, "rest_s", st->rest_s);
        json_key(&w, "cadence_s");
        json_double(&w, ex ? ex->cadence_ms / 1000.0 : 0, 2);
        json_kv_string(&w, "note", st->note);
        json_kv_string(&w, "equipment", ex ? ex->equipment : "");
        json_kv_string(&w, "load", ex ? ex->load : "");
        json_key(&w, "points");
        json_begin_array(&w);
        for (int k = 0; ex && k < ex->npoints; k++)
            json_string(&w, ex->points[k]);
        json_end_array(&w);
        json_kv_string(&w, "clip", ex ? ex->clip : "");
        char path[PATHS_MAX + 64];
        json_key(&w, "clip_path");
        if (ex && paths_find_clip(paths, ex->clip, path, sizeof(path)))
            json_string(&w, path);
        else
            json_null(&w);
        json_key(&w, "clip_start");
        if (ex && ex->clip_start >= 0)
            json_double(&w, ex->clip_start, 3);
        else
            json_null(&w);
        json_key(&w, "clip_end");
        if (ex && ex->clip_end >= 0)
            json_double(&w, ex->clip_end, 3);
        else
            json_null(&w);
        json_key(&w, "coach_video_s");
        if (ex && ex->coach_video_s >= 0)
            json_double(&w, ex->coach_video_s, 0);
        else
            json_null(&w);
        json_kv_bool(&w, "clip_from_coach_video", ex && ex->from_coach_video);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_end_object(&w);
    return 0;
}
