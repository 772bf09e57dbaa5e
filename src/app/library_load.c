/*
 * Reads every data file through the core parsers and checks the result.
 */
#include "app/library_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/settings_io.h"
#include "core/strutil.h"

#define DATA_FILE_MAX (1024 * 1024)

typedef enum { LOAD_EXERCISES, LOAD_ROUTINE, LOAD_PLAN } LoadKind;

static void load_file(Library *lib, const char *path, LoadKind kind, bool user,
                      bool required)
{
    if (!file_exists(path)) {
        if (dir_exists(path))
            diag_add(&lib->diags, DIAG_ERROR, path, 0, "",
                     "is a folder, not a file: skipped");
        else if (required)
            diag_add(&lib->diags, DIAG_ERROR, path, 0, "",
                     "missing built-in file");
        return;
    }
    char err[160];
    size_t len = 0;
    char *text = file_read_all(path, DATA_FILE_MAX, &len, err, sizeof(err));
    if (!text) {
        diag_add(&lib->diags, DIAG_ERROR, path, 0, "", "%s", err);
        return;
    }
    if (kind == LOAD_EXERCISES) {
        routine_parse_exercises(lib, text, len, path, user);
    } else if (kind == LOAD_PLAN) {
        routine_parse_plan(lib, text, len, path, user);
    } else {
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        char id[RT_ID_MAX];
        str_copy(id, sizeof(id), base);
        char *dot = strrchr(id, '.');
        if (dot)
            *dot = '\0';
        routine_parse_routine(lib, text, len, path, id, user);
    }
    free(text);
}

static void load_routines(Library *lib, const char *dir, bool user)
{
    char names[RT_ROUTINES_MAX][128];
    int n = dir_list_ini(dir, names, RT_ROUTINES_MAX);
    for (int i = 0; i < n; i++) {
        char path[PATHS_MAX + 160];
        if (snprintf(path, sizeof(path), "%.*s/%s", PATHS_MAX, dir, names[i]) >=
            (int)sizeof(path))
            continue;
        load_file(lib, path, LOAD_ROUTINE, user, false);
    }
}

// config.ini's coach_video: the coach's one long video cut into the
// exercises (settings problems are the settings' to report).
static void use_coach_video(Library *lib, const Paths *p)
{
    Settings s;
    DiagList ignored = {0};
    settings_load_file(&s, p, &ignored);
    diag_list_free(&ignored);
    library_use_coach_video(lib, s.coach_video);
}

Library *library_load(const Paths *p)
{
    Library *lib = library_create();
    if (!lib)
        return NULL;
    char path[PATHS_MAX + 64];
    snprintf(path, sizeof(path), "%s/exercises.ini", p->assets_dir);
    load_file(lib, path, LOAD_EXERCISES, false, true);
    snprintf(path, sizeof(path), "%s/exercises.ini", p->config_dir);
    load_file(lib, path, LOAD_EXERCISES, true, false);

    snprintf(path, sizeof(path), "%s/routines", p->assets_dir);
    load_routines(lib, path, false);
    snprintf(path, sizeof(path), "%s/routines", p->config_dir);
    load_routines(lib, path, true);

    snprintf(path, sizeof(path), "%s/plan.ini", p->assets_dir);
    load_file(lib, path, LOAD_PLAN, false, true);
    snprintf(path, sizeof(path), "%s/plan.ini", p->config_dir);
    load_file(lib, path, LOAD_PLAN, true, false);

    library_check(lib);
    use_coach_video(lib, p);

    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        char found[PATHS_MAX + 64];
        if (ex->active && !paths_find_clip(p, ex->clip, found, sizeof(found)))
            diag_add(&lib->diags, DIAG_WARNING, ex->file, ex->line, ex->id,
                     "clip '%s' not found in the videos folders (the "
                     "exercise can still be coached)", ex->clip);
    }
    return lib;
}
