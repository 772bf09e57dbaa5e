/*
 * What the coach says at the start, at each exercise's intro and at the end.
 * The short cues of the tick ("Go!", "3 to go") stay beside the transitions
 * that say them (session.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/session_internal.h"

// "under a minute", "about 1 minute", "about 12 minutes" (prefix "about ").
static void minutes_text(int64_t ms, const char *prefix, char *buf, size_t size)
{
    int minutes = (int)((ms + 30000) / 60000);
    if (minutes < 1)
        snprintf(buf, size, "under a minute");
    else
        snprintf(buf, size, "%s%d minute%s", prefix, minutes,
                 minutes == 1 ? "" : "s");
}

void session_text_start(const Session *s, int64_t estimate_ms, char *buf,
                        size_t size)
{
    int exercises = session_plan_exercises(&s->plan);
    char length[32];
    minutes_text(estimate_ms, "about ", length, sizeof(length));
    snprintf(buf, size, "%s: %d exercise%s, %s", s->plan.title, exercises,
             exercises == 1 ? "" : "s", length);
}

void session_text_announce(const Session *s, int step, char *buf, size_t size)
{
    const SessionStep *st = &s->plan.steps[step];
    char dose[64];
    if (st->sets > 1)
        snprintf(dose, sizeof(dose), "%d sets of %d %s", st->sets,
                 st->reps_target, st->unit);
    else
        snprintf(dose, sizeof(dose), "%d %s", st->reps_target, st->unit);
    snprintf(buf, size, "%s%s. %s%s.%s",
             step == session_next_included(s, 0) ? "First up: " : "", st->title,
             dose, st->per_side ? " each leg" : "",
             st->optional ? " Optional." : "");
}

void session_text_done(const Session *s, const SessionSummary *sum, char *buf,
                       size_t size)
{
    char took[32];
    minutes_text(sum->active_ms, "", took, sizeof(took));
    char extra[RT_TEXT_MAX + RT_NAME_MAX + 32] = "";
    if (s->plan.finish[0] && s->plan.after[0])
        snprintf(extra, sizeof(extra), " %s. Tomorrow: %s.", s->plan.finish,
                 s->plan.after);
    else if (s->plan.finish[0])
        snprintf(extra, sizeof(extra), " %s.", s->plan.finish);
    else if (s->plan.after[0])
        snprintf(extra, sizeof(extra), " Tomorrow: %s.", s->plan.after);
    snprintf(buf, size, "%s done: %d reps in %s.%s", s->plan.title,
             sum->reps_total, took, extra);
}

const char *session_text_unit(const char *unit, int n, char *buf, size_t size)
{
    size_t len = strlen(unit);
    if (n == 1 && len > 1 && unit[len - 1] == 's') {
        snprintf(buf, size, "%.*s", (int)(len - 1), unit);
        return buf;
    }
    return unit;
}
