/*
 * Fuzz target: the routine, exercise and plan parsers, the check, and a
 * coached run of whatever routine survives. The first input byte picks what
 * the rest is parsed as.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/routine.h"
#include "core/session.h"

static const char base_exercises[] =
    "[squat]\nname = Squats\ncadence = 0.5\n"
    "[lunge]\nname = Lunges\nper_side = yes\ncadence = 0.4\n";
static const char base_routine[] =
    "[routine]\ntitle = R\n[step]\nexercise = squat\nreps = 3\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int kind = data[0] % 3;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    Library *lib = library_create();
    if (!lib)
        return 0;
    if (kind == 0) {
        routine_parse_exercises(lib, text, len, "fuzz.ini", false);
        routine_parse_routine(lib, base_routine, sizeof(base_routine) - 1,
                              "r.ini", "r", false);
    } else {
        routine_parse_exercises(lib, base_exercises, sizeof(base_exercises) - 1,
                                "ex.ini", false);
        if (kind == 1)
            routine_parse_routine(lib, text, len, "fuzz.ini", "fuzz", true);
        else
            routine_parse_plan(lib, text, len, "fuzz.ini", true);
    }
    library_check(lib);
    for (int i = 0; i < lib->diags.count; i++) {
        char line[800];
        diag_format(&lib->diags.items[i], line, sizeof(line));
    }
    // Coach every valid routine to the end with coarse ticks.
    for (int i = 0; i < lib->nroutines; i++) {
        const Routine *rt = &lib->routines[i];
        if (!rt->active)
            continue;
        SessionPlan *plan = malloc(sizeof(*plan));
        Session *s = malloc(sizeof(*s));
        if (plan && s && session_plan_from_routine(plan, lib, rt)) {
            SessionOptions opt;
            session_options_default(&opt);
            opt.auto_advance = true;
            opt.intro_ms = 100;
            session_init(s, plan, &opt);
            SessionEvent ev[SESSION_EVENTS_MIN];
            session_start(s, 0, ev, SESSION_EVENTS_MIN);
            int64_t t = 0;
            for (int k = 0; k < 200000 && s->phase != SESSION_DONE; k++) {
                t += 997;
                session_tick(s, t, ev, SESSION_EVENTS_MIN);
            }
            if (s->phase != SESSION_DONE)
                abort(); // a routine that never ends is a bug
        }
        free(plan);
        free(s);
    }
    library_destroy(lib);
    return 0;
}
