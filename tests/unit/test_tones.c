/*
 * The synthesised sounds: lengths, pitch (by zero crossings), no clicks at
 * the start or end, and each sound distinct from the others.
 */
#include "testutil.h"

#include <math.h>

#include "audio/tones.h"

static double pitch(const int16_t *pcm, int from, int to, int rate)
{
    int crossings = 0;
    for (int i = from + 1; i < to; i++)
        if ((pcm[2 * (i - 1)] < 0) != (pcm[2 * i] < 0))
            crossings++;
    return crossings / 2.0 * rate / (to - from);
}

static void test_tones(void **state)
{
    (void)state;
    int rate = 48000, n;
    int16_t *beep = tone_render(CUE_SOUND_BEEP, rate, &n);
    assert_non_null(beep);
    assert_true(n > rate * 0.14 && n < rate * 0.17);
    double f = pitch(beep, n / 10, n / 2, rate);
    assert_true(f > 840 && f < 920);
    int16_t *go = tone_render(CUE_SOUND_GO, rate, &n);
    int go_n = n;
    assert_true(go_n > rate * 0.4); // the last beep is longer...
    f = pitch(go, go_n / 10, go_n / 2, rate);
    assert_true(f > 1260 && f < 1380); // ... and higher
    // Soft edges: no click.
    assert_true(abs(go[0]) < 2000);
    assert_true(abs(go[2 * (go_n - 1)]) < 2000);
    int lengths[CUE_SOUND_COUNT_];
    for (int s = 1; s < CUE_SOUND_COUNT_; s++) {
        int16_t *p = tone_render((CueSound)s, rate, &lengths[s]);
        assert_non_null(p);
        long peak = 0;
        for (int i = 0; i < lengths[s]; i++)
            if (labs(p[2 * i]) > peak)
                peak = labs(p[2 * i]);
        assert_true(peak > 8000); // audible
        free(p);
    }
    // Distinct by length and shape: no two sounds last the same.
    for (int a = 1; a < CUE_SOUND_COUNT_; a++)
        for (int b = a + 1; b < CUE_SOUND_COUNT_; b++)
            assert_int_not_equal(lengths[a], lengths[b]);
    free(beep);
    free(go);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_tones)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
