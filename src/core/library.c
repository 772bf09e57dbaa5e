/*
 * The Library itself: making and freeing one, and finding an exercise or a
 * routine in it by id (only the active definition of each id counts), a
 * block's name. The parsers fill it (routine_parse.c), the check resolves it
 * (routine_check.c); reading it from disk is data/library_load.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/routine.h"

Library *library_create(void)
{
    Library *lib = calloc(1, sizeof(*lib));
    if (lib)
        lib->plan.weekly_target = RT_WEEKLY_TARGET_DEFAULT;
    return lib;
}

void library_destroy(Library *lib)
{
    if (!lib)
        return;
    diag_list_free(&lib->diags);
    free(lib);
}

const char *step_block_name(StepBlock b)
{
    switch (b) {
    case STEP_BLOCK_NONE: return "";
    case STEP_BLOCK_BOTH: return "both";
    case STEP_BLOCK_SINGLE: return "single-leg";
    }
    return "";
}

const Exercise *library_exercise(const Library *lib, const char *id)
{
    for (int i = 0; i < lib->nexercises; i++)
        if (lib->exercises[i].active && strcmp(lib->exercises[i].id, id) == 0)
            return &lib->exercises[i];
    return NULL;
}

const Diag *library_routine_error(const Library *lib, const char *id)
{
    if (!id || !*id)
        return NULL;
    for (int i = 0; i < lib->diags.count; i++) {
        const Diag *d = &lib->diags.items[i];
        if (d->level == DIAG_ERROR && strcasecmp(d->subject, id) == 0)
            return d;
    }
    return NULL;
}

// Ids are lower case (a file Hill.INI is the routine 'hill'), so a runner
// who types the file's own name, --routine Hill, finds it too.
const Routine *library_routine(const Library *lib, const char *id)
{
    for (int i = 0; i < lib->nroutines; i++)
        if (lib->routines[i].active && strcasecmp(lib->routines[i].id, id) == 0)
            return &lib->routines[i];
    return NULL;
}
