/*
 * Cue choice on the engine's own event traces: what sounds, what is said,
 * and how much it matters.
 */
#include "testutil.h"

#include "core/cues.h"
#include "core/session.h"

static void test_trace_cues(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    Session *s = tu_auto_session(lib, "ultra-legs");
    SessionEvent ev[64];
    int counts[CUE_SOUND_COUNT_] = {0};
    int spoken_counts = 0, key = 0, info = 0;
    SessionPhase prev = SESSION_IDLE;
    int n = session_start(s, 0, ev, 64);
    for (int64_t t = 0;; t += 100) {
        for (int i = 0; i < n; i++) {
            Cue c;
            bool any = cue_for_event(&ev[i], prev, &c);
            if (ev[i].kind == SESSION_EV_PHASE)
                prev = ev[i].phase;
            if (!any)
                continue;
            counts[c.sound]++;
            switch (ev[i].kind) {
            case SESSION_EV_REP:
                assert_int_equal(c.sound, CUE_SOUND_TICK);
                assert_string_equal(c.speech, ev[i].text);
                assert_int_equal(c.priority, CUE_PRIO_COUNT);
                assert_true(c.stale_ms <= 500); // a late count is dropped
                spoken_counts++;
                break;
            case SESSION_EV_TO_GO:
            case SESSION_EV_HALFWAY:
            case SESSION_EV_SWITCH_SIDE:
                assert_int_equal(c.priority, CUE_PRIO_KEY);
                assert_true(c.priority > CUE_PRIO_COUNT); // wins over the count
                key++;
                break;
            case SESSION_EV_NEXT_UP:
            case SESSION_EV_ANNOUNCE:
                assert_int_equal(c.priority, CUE_PRIO_INFO);
                assert_true(c.priority < CUE_PRIO_COUNT); // counts cut it off
                info++;
                break;
            case SESSION_EV_SET_DONE:
                assert_int_equal(c.sound, CUE_SOUND_SET_DONE);
                assert_string_equal(c.speech, "");
                break;
            default: break;
            }
        }
        if (s->phase == SESSION_DONE)
            break;
        n = session_tick(s, t, ev, 64);
    }
    // 10 steps x 3-2-1, one GO per side; 260 ticks; 6 switches; one
    // rest-over per rest; one fanfare.
    assert_int_equal(spoken_counts, 260);
    assert_int_equal(counts[CUE_SOUND_TICK], 260);
    assert_int_equal(counts[CUE_SOUND_SWITCH], 6);
    assert_int_equal(counts[CUE_SOUND_BEEP], 3 * 16);
    assert_int_equal(counts[CUE_SOUND_GO], 16);
    assert_int_equal(counts[CUE_SOUND_FANFARE], 1);
    assert_int_equal(counts[CUE_SOUND_REST_OVER], 7); // the rests with rest > 0
    assert_int_equal(counts[CUE_SOUND_SET_DONE], 16);
    assert_true(key > 6);
    assert_true(info >= 10);
    free(s);
    library_destroy(lib);
}

// Every event kind, the cue it gives: the sound, whether and how urgently
// it is said, and how long the words stay worth saying.
static void test_cue_table(void **state)
{
    (void)state;
    static const struct {
        SessionEventKind kind;
        SessionPhase phase, prev;
        CueSound sound;
        CuePriority prio; // CUE_PRIO_NONE: nothing said
        int stale_ms;
    } want[] = {
        {SESSION_EV_START, SESSION_IDLE, SESSION_IDLE, CUE_SOUND_NONE,
         CUE_PRIO_INFO, 4000},
        {SESSION_EV_PHASE, SESSION_INTRO, SESSION_IDLE, CUE_SOUND_NONE,
         CUE_PRIO_NONE, 0},
        {SESSION_EV_PHASE, SESSION_INTRO, SESSION_REST, CUE_SOUND_REST_OVER,
         CUE_PRIO_NONE, 0},
        {SESSION_EV_PHASE, SESSION_COUNTDOWN, SESSION_REST, CUE_SOUND_REST_OVER,
         CUE_PRIO_NONE, 0},
        {SESSION_EV_PHASE, SESSION_REST, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_NONE, 0},
        {SESSION_EV_ANNOUNCE, SESSION_INTRO, SESSION_INTRO, CUE_SOUND_NONE,
         CUE_PRIO_INFO, 4000},
        {SESSION_EV_COUNTDOWN, SESSION_COUNTDOWN, SESSION_COUNTDOWN,
         CUE_SOUND_BEEP, CUE_PRIO_NONE, 0},
        {SESSION_EV_GO, SESSION_WORK, SESSION_COUNTDOWN, CUE_SOUND_GO,
         CUE_PRIO_KEY, 1000},
        {SESSION_EV_REP, SESSION_WORK, SESSION_WORK, CUE_SOUND_TICK,
         CUE_PRIO_COUNT, 500},
        {SESSION_EV_TO_GO, SESSION_WORK, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 800},
        {SESSION_EV_HALFWAY, SESSION_WORK, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 800},
        {SESSION_EV_SWITCH_SIDE, SESSION_SWITCH, SESSION_WORK, CUE_SOUND_SWITCH,
         CUE_PRIO_KEY, 1500},
        {SESSION_EV_SET_DONE, SESSION_WORK, SESSION_WORK, CUE_SOUND_SET_DONE,
         CUE_PRIO_NONE, 0},
        {SESSION_EV_REST, SESSION_REST, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 2000},
        {SESSION_EV_NEXT_UP, SESSION_REST, SESSION_REST, CUE_SOUND_NONE,
         CUE_PRIO_INFO, 4000},
        {SESSION_EV_PAUSED, SESSION_WORK, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 1500},
        {SESSION_EV_RESUMED, SESSION_WORK, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 1500},
        {SESSION_EV_SKIPPED, SESSION_INTRO, SESSION_INTRO, CUE_SOUND_NONE,
         CUE_PRIO_INFO, 4000},
        {SESSION_EV_BACK, SESSION_INTRO, SESSION_INTRO, CUE_SOUND_NONE,
         CUE_PRIO_INFO, 4000},
        {SESSION_EV_TEMPO, SESSION_WORK, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 1500},
        {SESSION_EV_REPS_ADJUSTED, SESSION_WORK, SESSION_WORK, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 1500},
        {SESSION_EV_LOAD, SESSION_INTRO, SESSION_INTRO, CUE_SOUND_NONE,
         CUE_PRIO_KEY, 1500},
        {SESSION_EV_DONE, SESSION_DONE, SESSION_DONE, CUE_SOUND_FANFARE,
         CUE_PRIO_INFO, 5000},
    };
    bool seen[SESSION_EV_COUNT_] = {false};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        SessionEvent e = {0};
        e.kind = want[i].kind;
        e.phase = want[i].phase;
        snprintf(e.text, sizeof(e.text), "text of %s",
                 session_event_kind_name(e.kind));
        Cue c;
        bool any = cue_for_event(&e, want[i].prev, &c);
        seen[e.kind] = true;
        if (c.sound != want[i].sound || c.priority != want[i].prio ||
            c.stale_ms != want[i].stale_ms)
            fail_msg("%s after %s: sound %s prio %d stale %d, want %s %d %d",
                     session_event_kind_name(e.kind),
                     session_phase_name(want[i].prev), cue_sound_name(c.sound),
                     c.priority, c.stale_ms, cue_sound_name(want[i].sound),
                     want[i].prio, want[i].stale_ms);
        // What is said is the event's own text, word for word.
        assert_string_equal(c.speech, want[i].prio ? e.text : "");
        assert_int_equal(any, want[i].sound != CUE_SOUND_NONE ||
                                  want[i].prio != CUE_PRIO_NONE);
    }
    for (int k = 0; k < SESSION_EV_COUNT_; k++)
        if (!seen[k])
            fail_msg("no expectation for event '%s'",
                     session_event_kind_name(k));
    // The names the cue log and the sound files use.
    static const char *const names[CUE_SOUND_COUNT_] = {
        "none",   "beep",      "go",      "tick", "set-done",
        "switch", "rest-over", "fanfare", "badge"};
    for (int k = 0; k < CUE_SOUND_COUNT_; k++)
        assert_string_equal(cue_sound_name((CueSound)k), names[k]);
    assert_string_equal(cue_sound_name(CUE_SOUND_COUNT_), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trace_cues),
        cmocka_unit_test(test_cue_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
