/*
 * Reads every data file through the core parsers and checks the result.
 *
 * The routines folders are listed in full and in name order, so the same
 * files always win when there are too many, and every name that is not read
 * is reported with the reason: a folder, a looping or dangling link, a pipe,
 * a file that cannot be opened, a name that is not "<id>.ini" (with the
 * likely rename when an editor added ".txt"). Hidden names (".x") are left
 * alone: editors and file managers keep their own files there.
 */
#include "data/library_load.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/strutil.h"
#include "data/settings_io.h"
#include "platform/fs_entry.h"

#define DATA_FILE_MAX (1024 * 1024)

typedef enum { LOAD_EXERCISES, LOAD_ROUTINE, LOAD_PLAN } LoadKind;

static void skip(Library *lib, DiagLevel level, const char *path,
                 const char *id, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

// One file not read: named, with why, and counted for the start-up notice
// when it sits in a routines folder.
static void skip(Library *lib, DiagLevel level, const char *path,
                 const char *id, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_add(&lib->diags, level, path, 0, id ? id : "", "%s: skipped", msg);
    if (id)
        lib->routines_skipped++;
}

// The routine id a file name stands for: the name before ".ini", in lower
// case ("Hill.INI" is the routine "hill").
// A name too long for an id gives "", which the parser reports.
static void id_of(const char *name, size_t len, char *id, size_t size)
{
    if (len >= size)
        len = 0;
    for (size_t i = 0; i < len; i++)
        id[i] = (char)tolower((unsigned char)name[i]);
    id[len] = '\0';
}

static int builtin_routines(const Library *lib)
{
    int n = 0;
    for (int i = 0; i < lib->nroutines; i++)
        n += !lib->routines[i].user;
    return n;
}

// id: NULL for exercises.ini and plan.ini, the routine's id otherwise.
static void load_file(Library *lib, const char *path, LoadKind kind, bool user,
                      bool required, const char *id)
{
    char target[FS_NAME_MAX];
    int err = 0;
    switch (fs_kind(path, target, sizeof(target), &err)) {
    case FS_MISSING:
        if (required)
            diag_add(&lib->diags, DIAG_ERROR, path, 0, "",
                     "missing built-in file");
        return;
    case FS_DIR:
        diag_add(&lib->diags, DIAG_ERROR, path, 0, id ? id : "",
                 "is a folder, not a file: skipped");
        lib->routines_skipped += id != NULL;
        return;
    case FS_LINK_LOOP:
        skip(lib, DIAG_ERROR, path, id,
             "is a symbolic link that loops back to itself");
        return;
    case FS_LINK_DANGLING:
        skip(lib, DIAG_ERROR, path, id,
             "is a link to '%s', which does not exist", target);
        return;
    case FS_OTHER:
        skip(lib, DIAG_ERROR, path, id, "is not a regular file");
        return;
    case FS_ERROR:
        skip(lib, DIAG_ERROR, path, id, "cannot be looked at (%s)",
             strerror(err));
        return;
    case FS_FILE: break;
    }
    if (kind == LOAD_ROUTINE && lib->nroutines == RT_ROUTINES_MAX) {
        int builtin = builtin_routines(lib);
        skip(lib, DIAG_ERROR, path, id,
             "too many routines (the kiosk holds %d, %d of them built in)",
             RT_ROUTINES_MAX, builtin);
        return;
    }
    char why[160];
    size_t len = 0;
    char *text = file_read_all(path, DATA_FILE_MAX, &len, why, sizeof(why));
    if (!text) {
        skip(lib, DIAG_ERROR, path, id, "%s", why);
        return;
    }
    if (kind == LOAD_EXERCISES)
        routine_parse_exercises(lib, text, len, path, user);
    else if (kind == LOAD_PLAN)
        routine_parse_plan(lib, text, len, path, user);
    else
        routine_parse_routine(lib, text, len, path, id, user);
    free(text);
}

// Position of ".ini" (any case) at the end of name, or of ".ini." inside
// it; -1 when there is none.
static long ini_at(const char *name, bool *at_end)
{
    size_t l = strlen(name);
    for (size_t i = 1; i + 4 <= l; i++)
        if (name[i] == '.' && strncasecmp(name + i + 1, "ini", 3) == 0 &&
            (i + 4 == l || name[i + 4] == '.')) {
            *at_end = i + 4 == l;
            return (long)i;
        }
    return -1;
}

static void load_routines(Library *lib, const char *dir, bool user,
                          LibraryOverlay *ov)
{
    char(*names)[FS_NAME_MAX] = NULL;
    int n = fs_list_dir(dir, &names);
    if (n < 0 && ov)
        n = 0; // no folder yet: the overlay is its first file
    if (n < 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            diag_add(&lib->diags, DIAG_ERROR, dir, 0, "",
                     "cannot read the folder (%s): its routines are skipped",
                     strerror(errno));
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *name = names[i];
        if (name[0] == '.')
            continue;
        char path[PATHS_MAX + FS_NAME_MAX + 2];
        if (snprintf(path, sizeof(path), "%s/%s", dir, name) >=
            (int)sizeof(path)) {
            skip(lib, DIAG_ERROR, name, "", "path too long");
            continue;
        }
        bool at_end = false;
        long at = ini_at(name, &at_end);
        char id[RT_ID_MAX];
        id_of(name, at > 0 ? (size_t)at : 0, id, sizeof(id));
        if (at > 0 && at_end && ov && !ov->used && strcmp(id, ov->id) == 0 &&
            lib->nroutines < RT_ROUTINES_MAX) {
            routine_parse_routine(lib, ov->text, ov->len, path, id, user);
            ov->used = true;
            continue;
        }
        if (at > 0 && at_end) {
            load_file(lib, path, LOAD_ROUTINE, user, false, id);
            continue;
        }
        size_t l = strlen(name);
        if (at > 0 && l >= 4 && str_ieq(name + l - 4, ".txt")) {
            skip(lib, DIAG_ERROR, path, id,
                 "named %s, not .ini (rename it "
                 "to %.*s.ini)",
                 name + at, (int)at, name);
        } else if (fs_kind(path, NULL, 0, NULL) == FS_DIR) {
            skip(lib, DIAG_WARNING, path, "",
                 "is a folder (routines in "
                 "sub-folders are not read)");
        } else {
            skip(lib, DIAG_WARNING, path, "",
                 "is not a routine file (their "
                 "names end in .ini)");
        }
    }
    free(names);
    if (ov && !ov->used && lib->nroutines < RT_ROUTINES_MAX) {
        char path[PATHS_MAX + RT_ID_MAX + 8];
        snprintf(path, sizeof(path), "%s/%s.ini", dir, ov->id);
        routine_parse_routine(lib, ov->text, ov->len, path, ov->id, user);
        ov->used = true;
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
    return library_load_with(p, NULL);
}

Library *library_load_with(const Paths *p, LibraryOverlay *ov)
{
    Library *lib = library_create();
    if (!lib)
        return NULL;
    char path[PATHS_MAX + 64];
    snprintf(path, sizeof(path), "%s/exercises.ini", p->assets_dir);
    load_file(lib, path, LOAD_EXERCISES, false, true, NULL);
    snprintf(path, sizeof(path), "%s/exercises.ini", p->config_dir);
    if (ov && ov->exercises)
        routine_parse_exercises(lib, ov->exercises, ov->exercises_len, path,
                                true);
    else
        load_file(lib, path, LOAD_EXERCISES, true, false, NULL);

    snprintf(path, sizeof(path), "%s/routines", p->assets_dir);
    load_routines(lib, path, false, NULL);
    snprintf(path, sizeof(path), "%s/routines", p->config_dir);
    load_routines(lib, path, true, ov && ov->id ? ov : NULL);

    snprintf(path, sizeof(path), "%s/plan.ini", p->assets_dir);
    load_file(lib, path, LOAD_PLAN, false, true, NULL);
    snprintf(path, sizeof(path), "%s/plan.ini", p->config_dir);
    load_file(lib, path, LOAD_PLAN, true, false, NULL);

    library_check(lib);
    use_coach_video(lib, p);

    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        char found[PATHS_MAX + 64];
        if (ex->active && !paths_find_clip(p, ex->clip, found, sizeof(found)))
            diag_add(&lib->diags, DIAG_WARNING, ex->file, ex->line, ex->id,
                     "clip '%s' not found in the videos folders (the "
                     "exercise can still be coached)",
                     ex->clip);
    }
    return lib;
}
