/*
 * Event -> cue choice.
 */
#include "core/cues.h"

#include <stdio.h>
#include <string.h>

static const char *const sound_names[CUE_SOUND_COUNT_] = {
    "none", "beep", "go", "tick", "set-done", "switch", "rest-over", "fanfare",
    "badge"};

const char *cue_sound_name(CueSound s)
{
    return (unsigned)s < CUE_SOUND_COUNT_ ? sound_names[s] : "?";
}

static void speak(Cue *c, const char *text, CuePriority p, int stale_ms)
{
    snprintf(c->speech, sizeof(c->speech), "%s", text);
    c->priority = p;
    c->stale_ms = stale_ms;
}

bool cue_for_event(const SessionEvent *e, SessionPhase prev_phase, Cue *out)
{
    memset(out, 0, sizeof(*out));
    switch (e->kind) {
    case SESSION_EV_PHASE:
        if (prev_phase == SESSION_REST && e->phase != SESSION_REST)
            out->sound = CUE_SOUND_REST_OVER;
        break;
    case SESSION_EV_COUNTDOWN: out->sound = CUE_SOUND_BEEP; break;
    case SESSION_EV_GO:
        out->sound = CUE_SOUND_GO;
        speak(out, e->text, CUE_PRIO_KEY, 1000);
        break;
    case SESSION_EV_REP:
        out->sound = CUE_SOUND_TICK;
        // A count said late is worse than none.
        speak(out, e->text, CUE_PRIO_COUNT, 500);
        break;
    case SESSION_EV_TO_GO:
    case SESSION_EV_HALFWAY:
        speak(out, e->text, CUE_PRIO_KEY, 800);
        break;
    case SESSION_EV_SWITCH_SIDE:
        out->sound = CUE_SOUND_SWITCH;
        speak(out, e->text, CUE_PRIO_KEY, 1500);
        break;
    case SESSION_EV_SET_DONE: out->sound = CUE_SOUND_SET_DONE; break;
    case SESSION_EV_REST: speak(out, e->text, CUE_PRIO_KEY, 2000); break;
    case SESSION_EV_START:
    case SESSION_EV_ANNOUNCE:
    case SESSION_EV_NEXT_UP:
    case SESSION_EV_SKIPPED:
    case SESSION_EV_BACK:
        speak(out, e->text, CUE_PRIO_INFO, 4000);
        break;
    case SESSION_EV_PAUSED:
    case SESSION_EV_RESUMED:
    case SESSION_EV_TEMPO:
    case SESSION_EV_LOAD:
    case SESSION_EV_REPS_ADJUSTED:
        speak(out, e->text, CUE_PRIO_KEY, 1500);
        break;
    case SESSION_EV_DONE:
        out->sound = CUE_SOUND_FANFARE;
        speak(out, e->text, CUE_PRIO_INFO, 5000);
        break;
    case SESSION_EV_COUNT_: break;
    }
    return out->sound != CUE_SOUND_NONE || out->speech[0];
}
