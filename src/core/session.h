/*
 * The workout state machine. Pure: it never reads a clock; every call takes
 * now_ms (any monotonic millisecond time base) and writes what happened into
 * a caller-owned event buffer, each event with the text the voice will speak
 * and the captions will show.
 *
 * Flow: intro -> countdown -> work (per set, per side) -> switch side ->
 * countdown -> work -> rest -> ... -> next exercise's intro -> ... -> done.
 * Paused time does not count. Events carry the exact time they happened, so a
 * late tick (a slow frame) still yields the right cue times.
 *
 * Pass buffers of at least SESSION_EVENTS_MIN; a tick that has more to say
 * than fits stops early and continues on the next call.
 */
#ifndef UL_CORE_SESSION_H
#define UL_CORE_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/routine.h"

#define SESSION_EVENTS_MIN 32
#define SESSION_TEXT_MAX 160
#define SESSION_RESULTS_MAX (RT_STEPS_MAX * RT_SETS_MAX * 2)

typedef enum SessionPhase {
    SESSION_IDLE,
    SESSION_INTRO,
    SESSION_COUNTDOWN,
    SESSION_WORK,
    SESSION_SWITCH,
    SESSION_REST,
    SESSION_DONE,
} SessionPhase;

typedef enum SessionSide { SIDE_NONE, SIDE_LEFT, SIDE_RIGHT } SessionSide;

typedef enum SessionEventKind {
    SESSION_EV_START,       // the routine begins: title and length
    SESSION_EV_PHASE,       // phase change (text: phase name)
    SESSION_EV_ANNOUNCE,    // an exercise's intro: name and dose
    SESSION_EV_COUNTDOWN,   // "3", "2", "1"
    SESSION_EV_GO,          // "Go" (work starts)
    SESSION_EV_REP,         // a rep counted: "7"
    SESSION_EV_TO_GO,       // "3 to go"
    SESSION_EV_HALFWAY,     // "Halfway"
    SESSION_EV_SWITCH_SIDE, // "Switch legs"
    SESSION_EV_SET_DONE,    // a set (or side) finished
    SESSION_EV_REST,        // "Rest 20 seconds"
    SESSION_EV_NEXT_UP,     // "Next up: Nordic hamstring curls"
    SESSION_EV_PAUSED,
    SESSION_EV_RESUMED,
    SESSION_EV_SKIPPED, // an exercise skipped (by the user, or optional)
    SESSION_EV_BACK,    // went back to an exercise
    SESSION_EV_TEMPO,   // tempo changed
    SESSION_EV_REPS_ADJUSTED,
    SESSION_EV_LOAD, // load changed on the intro card
    SESSION_EV_DONE, // the routine is over: the summary
    SESSION_EV_COUNT_
} SessionEventKind;

typedef struct SessionEvent {
    SessionEventKind kind;
    int64_t at_ms; // when it happened, on the caller's clock
    SessionPhase phase;
    int step, set; // 0-based
    SessionSide side;
    int value; // rep number, countdown number, tempo %, reps done ...
    char text[SESSION_TEXT_MAX];
} SessionEvent;

typedef enum SessionCommand {
    SESSION_CMD_OK,      // primary: start now / next rep (confirm mode)
    SESSION_CMD_PAUSE,   // toggle pause
    SESSION_CMD_NEXT,    // skip to the next exercise
    SESSION_CMD_PREV,    // restart this exercise, or go to the previous one
    SESSION_CMD_END_SET, // end the set (or side) now, with the reps done
    SESSION_CMD_REPS_UP, // adjust reps done
    SESSION_CMD_REPS_DOWN,
    SESSION_CMD_TEMPO_UP,
    SESSION_CMD_TEMPO_DOWN,
    SESSION_CMD_SKIP_OPTIONAL, // skip this exercise if it is optional
    SESSION_CMD_LOAD_UP,       // on the intro card: +2.5 kg
    SESSION_CMD_LOAD_DOWN,
} SessionCommand;

typedef struct SessionStep {
    char exercise_id[RT_ID_MAX];
    char title[RT_NAME_MAX * 2]; // name and variant
    char dose[RT_NAME_MAX];      // "30-50 reps each leg"
    char unit[16];
    char switch_cue[RT_NAME_MAX];
    int sets;
    int reps_min, reps_max, reps_target;
    bool per_side;
    StepBlock block;
    bool optional;
    int rest_s;
    int cadence_ms;
    double load_kg; // weight used, 0 for body weight
} SessionStep;

typedef struct SessionPlan {
    char routine_id[RT_ID_MAX];
    char title[RT_NAME_MAX];
    char after[RT_NAME_MAX];  // "an easy day", or ""
    char finish[RT_TEXT_MAX]; // said at the end, or ""
    SessionStep steps[RT_STEPS_MAX];
    int nsteps;
} SessionPlan;

typedef struct SessionOptions {
    bool auto_advance;     // intros end by themselves (else they wait for OK)
    bool paced;            // reps are counted at the cadence (else: OK per rep)
    bool include_optional; // coach optional exercises (else skip them)
    int tempo_pct;         // 100 = each exercise's own cadence; 50..200
    int intro_ms;          // how long an intro shows in auto mode
    int countdown_s;       // 3-2-1
    int switch_ms;         // pause between sides, before the countdown
} SessionOptions;

typedef struct SessionSetResult {
    int step, set;
    SessionSide side;
    int target, done;
    double load_kg;
    bool skipped;
} SessionSetResult;

typedef struct SessionSummary {
    int reps_total;
    int sets_done;
    int sets_skipped;
    int steps_skipped; // required steps skipped
    int optional_skipped;
    int64_t active_ms; // time coached, pauses excluded
    bool completed;    // reached the end with nothing required skipped
} SessionSummary;

typedef struct Session {
    SessionPlan plan;
    SessionOptions opt;
    SessionPhase phase;
    int step, set;
    SessionSide side;
    int reps; // reps done in the current set/side
    bool paused;
    bool started;
    int64_t now;        // caller's time of the last call
    int64_t phase_t;    // active ms spent in this phase
    int64_t phase_len;  // length of a timed phase, 0 when it waits
    int64_t next_rep_t; // phase time of the next paced rep
    int countdown_next; // next number to say in the countdown
    int64_t active_ms;
    bool step_skipped[RT_STEPS_MAX];
    SessionSetResult results[SESSION_RESULTS_MAX];
    int nresults;
} Session;

// Build a plan from a checked routine: targets at the bottom of each range
// (the caller may then set steps[i].reps_target within [reps_min, reps_max]).
// False when a step names an exercise the library does not have.
bool session_plan_from_routine(SessionPlan *plan, const Library *lib,
                               const Routine *rt);

void session_options_default(SessionOptions *opt);

void session_init(Session *s, const SessionPlan *plan,
                  const SessionOptions *opt);

// Start the routine at now. Returns the number of events written.
int session_start(Session *s, int64_t now, SessionEvent *out, int cap);

// Advance time to now.
int session_tick(Session *s, int64_t now, SessionEvent *out, int cap);

// Advance time to now, then apply a command.
int session_command(Session *s, SessionCommand cmd, int64_t now,
                    SessionEvent *out, int cap);

// End the session early (the runner quits): the set in progress is recorded
// with the reps done so far.
void session_abort(Session *s);

void session_summary(const Session *s, SessionSummary *sum);

// Milliseconds the whole plan takes when coached in auto mode.
int64_t session_plan_estimate_ms(const SessionPlan *plan,
                                 const SessionOptions *opt);

// Current cadence (ms per rep) for step i at the session's tempo.
int session_cadence_ms(const Session *s, int step);

// How many exercises a plan has (a block of one exercise counts once).
int session_plan_exercises(const SessionPlan *plan);

// The exercise number (from 1) that step belongs to, as the runner counts
// them; *part (from 1) and *parts say where the step stands in its block.
int session_plan_exercise_at(const SessionPlan *plan, int step, int *part,
                             int *parts);

// What the screens show, by the session's own rules.
// The step shown as "next up" (this step during a rest between its sets;
// -1 after the last step).
int session_next_step(const Session *s);
// The next included step after the current one (-1: none).
int session_following_step(const Session *s);
// How far the current timed phase is (0..1; 0 when the phase waits).
float session_phase_progress(const Session *s);
int64_t session_phase_remaining_ms(const Session *s);
int64_t session_phase_elapsed_ms(const Session *s);
// Time until the next paced rep (-1 outside paced work).
int64_t session_ms_to_next_rep(const Session *s);
// The number the countdown shows now (3, 2, 1; 0 outside the countdown).
int session_countdown_number(const Session *s);

const char *session_event_kind_name(SessionEventKind k);
const char *session_phase_name(SessionPhase p);

#endif
