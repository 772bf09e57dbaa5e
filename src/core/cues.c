/*
 * Event -> cue choice.
 */
#include "core/cues.h"

#include <stdio.h>
#include <string.h>

static const char *const sound_names[CUE_SOUND_COUNT_] = {
    "none",   "beep",      "go",      "tick", "set-done",
    "switch", "rest-over", "fanfare", "badge"};

const char *cue_sound_name(CueSound s)
{
    return (unsigned)s < CUE_SOUND_COUNT_ ? sound_names[s] : "?";
}

// How long a spoken cue may wait behind others before it is dropped: a
// count is only worth saying while it is that rep; an instruction a little
// longer; news of the session (next up, done) the longest.
enum {
    STALE_COUNT_MS = 500,    // "7": a count said late is worse than none
    STALE_TO_GO_MS = 800,    // "3 to go", "halfway"
    STALE_GO_MS = 1000,      // "Go"
    STALE_COMMAND_MS = 1500, // switch legs; what a button just did
    STALE_REST_MS = 2000,    // "Rest 30 seconds"
    STALE_NEWS_MS = 4000,    // start, next up, skipped, back
    STALE_DONE_MS = 5000,    // the end of the workout
};

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
        speak(out, e->text, CUE_PRIO_KEY, STALE_GO_MS);
        break;
    case SESSION_EV_REP:
        out->sound = CUE_SOUND_TICK;
        // A count said late is worse than none.
        speak(out, e->text, CUE_PRIO_COUNT, STALE_COUNT_MS);
        break;
    case SESSION_EV_TO_GO:
    case SESSION_EV_HALFWAY:
        speak(out, e->text, CUE_PRIO_KEY, STALE_TO_GO_MS);
        break;
    case SESSION_EV_SWITCH_SIDE:
        out->sound = CUE_SOUND_SWITCH;
        speak(out, e->text, CUE_PRIO_KEY, STALE_COMMAND_MS);
        break;
    case SESSION_EV_SET_DONE: out->sound = CUE_SOUND_SET_DONE; break;
    case SESSION_EV_REST:
        speak(out, e->text, CUE_PRIO_KEY, STALE_REST_MS);
        break;
    case SESSION_EV_START:
    case SESSION_EV_ANNOUNCE:
    case SESSION_EV_NEXT_UP:
    case SESSION_EV_SKIPPED:
    case SESSION_EV_BACK:
        speak(out, e->text, CUE_PRIO_INFO, STALE_NEWS_MS);
        break;
    case SESSION_EV_PAUSED:
    case SESSION_EV_RESUMED:
    case SESSION_EV_TEMPO:
    case SESSION_EV_LOAD:
    case SESSION_EV_REPS_ADJUSTED:
        speak(out, e->text, CUE_PRIO_KEY, STALE_COMMAND_MS);
        break;
    case SESSION_EV_DONE:
        out->sound = CUE_SOUND_FANFARE;
        speak(out, e->text, CUE_PRIO_INFO, STALE_DONE_MS);
        break;
    case SESSION_EV_COUNT_: break;
    }
    return out->sound != CUE_SOUND_NONE || out->speech[0];
}
