/*
 * What the kiosk plays for each coaching event: a synthesised sound, words
 * to speak, how much they matter and how long they stay worth saying. Pure:
 * the audio module plays what this decides, and the tests check it on the
 * engine's event traces.
 */
#ifndef UL_CORE_CUES_H
#define UL_CORE_CUES_H

#include "core/session.h"

typedef enum CueSound {
    CUE_SOUND_NONE,
    CUE_SOUND_BEEP,      // countdown 3, 2, 1
    CUE_SOUND_GO,        // the last countdown beep: longer and higher
    CUE_SOUND_TICK,      // a rep
    CUE_SOUND_SET_DONE,  // two-note chime
    CUE_SOUND_SWITCH,    // rising sweep
    CUE_SOUND_REST_OVER, // double beep
    CUE_SOUND_FANFARE,   // routine done
    CUE_SOUND_BADGE,     // sparkle
    CUE_SOUND_COUNT_
} CueSound;

typedef enum CuePriority {
    CUE_PRIO_NONE,
    CUE_PRIO_LOW,   // greetings
    CUE_PRIO_INFO,  // announcements, next up, the summary
    CUE_PRIO_COUNT, // rep numbers
    CUE_PRIO_KEY,   // "3 to go", "halfway", "switch legs", "go", "rest"
} CuePriority;

typedef struct Cue {
    CueSound sound;
    char speech[SESSION_TEXT_MAX]; // "" for none
    CuePriority priority;
    int stale_ms; // drop the speech if it cannot start within this
} Cue;

// The cue for one engine event. prev_phase is the phase before it (for the
// rest-over sound). Returns false when the event is silent.
bool cue_for_event(const SessionEvent *e, SessionPhase prev_phase, Cue *out);

const char *cue_sound_name(CueSound s);

#endif
