/*
 * Writes a coaching session to the store as it happens: the session when it
 * starts, each set when it ends, the end. A store that fails (disk full,
 * read-only) never stops the coaching: the recorder remembers why, and the
 * screen says the session could not be saved.
 */
#ifndef UL_APP_RECORDER_H
#define UL_APP_RECORDER_H

#include <stdbool.h>

#include "core/session.h"
#include "store/store.h"

typedef struct Recorder {
    Store *store; // not owned; NULL: nothing is saved
    int64_t session_id;
    bool started;
    bool finished;
    bool clock_suspect;
    int nsaved; // results written so far
    int failures;
    char error[256]; // why the last write failed, or ""
} Recorder;

// Start recording; st may be NULL (no history available).
void recorder_begin(Recorder *r, Store *st, const StoreStart *start);

// After every session call: write what the events finished.
void recorder_update(Recorder *r, const Session *s, const SessionEvent *ev,
                     int n);

// The session is over (done, or quit early): write the rest and the end.
void recorder_finish(Recorder *r, const Session *s);

#endif
