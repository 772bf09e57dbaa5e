/*
 * What the parts of the workout state machine share (session.c: the tick and
 * its transitions; session_plan.c: plans and cadence; session_command.c: the
 * runner's commands; session_text.c: what is said; session_summary.c: the
 * result). Nothing outside src/core/session*.c includes this.
 */
#ifndef UL_CORE_SESSION_INTERNAL_H
#define UL_CORE_SESSION_INTERNAL_H

#include "core/session.h"

// Room a single happening may need in the event buffer.
#define HAPPENING_ROOM 12

// The tempo the runner can choose, in percent of each exercise's cadence.
#define SESSION_TEMPO_MIN 50
#define SESSION_TEMPO_MAX 200
#define SESSION_TEMPO_STEP 10
#define SESSION_CADENCE_MIN_MS 100 // no faster than this, whatever the tempo
#define SESSION_LOAD_STEP_KG 2.5
#define SESSION_LOAD_MAX_KG 200.0

// The caller's event buffer, filled from the front.
typedef struct Out {
    SessionEvent *ev;
    int n, cap;
} Out;

// Append an event stamped with the session's time, phase and position;
// silently dropped when the buffer is full (callers keep HAPPENING_ROOM).
void session_emit(Session *s, Out *o, SessionEventKind kind, int value,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

int session_cadence_of(const SessionStep *st, int tempo_pct);
bool session_step_included(const Session *s, int i);
int session_next_included(const Session *s, int from);

// Results of sets, in the order they ended.
void session_record(Session *s, int step, int set, SessionSide side, int target,
                    int done, bool skipped);
bool session_recorded(const Session *s, int step, int set, SessionSide side);

// Transitions (session.c). Each enters a phase and says so.
void session_advance(Session *s, Out *o, int64_t now);
void session_enter_intro(Session *s, Out *o, int step);
void session_start_set(Session *s, Out *o, int set);
void session_finish_side(Session *s, Out *o);
void session_add_rep(Session *s, Out *o);
// The current phase is over (its time ran out, or the runner pressed OK).
void session_phase_end(Session *s, Out *o);

// What is said (session_text.c), into buf.
void session_text_start(const Session *s, int64_t estimate_ms, char *buf,
                        size_t size);
void session_text_announce(const Session *s, int step, char *buf, size_t size);
void session_text_done(const Session *s, const SessionSummary *sum, char *buf,
                       size_t size);
// "1 rep", "2 reps", "1 step".
const char *session_text_unit(const char *unit, int n, char *buf, size_t size);

#endif
