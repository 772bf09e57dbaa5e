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
    SessionPlan plan;
    assert_true(session_plan_from_routine(&plan, lib, library_routine(lib, "ultra-legs")));
    SessionOptions o;
    session_options_default(&o);
    o.auto_advance = true;
    Session *s = malloc(sizeof(*s));
    session_init(s, &plan, &o);
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

static void test_sounds_are_distinct(void **state)
{
    (void)state;
    for (int a = 1; a < CUE_SOUND_COUNT_; a++)
        for (int b = a + 1; b < CUE_SOUND_COUNT_; b++)
            assert_string_not_equal(cue_sound_name((CueSound)a), cue_sound_name((CueSound)b));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trace_cues),
        cmocka_unit_test(test_sounds_are_distinct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
