/*
 * The demo coach as a runner sees it: every exercise fills the picture
 * over its whole rep with a steady camera, no foot goes into the floor or
 * a prop, the worked muscles glow while the rep works them and not while
 * it rests, the coach's tempo (slow lowering, a pause at the top), and the
 * rep loops without a jump. Measured on rendered pixels where it can be.
 */
#include "testutil.h"

#include <math.h>

#include "media/pose.h"

static bool is_glow(uint32_t p)
{
    int r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
    int gr = (POSE_GLOW >> 16) & 255, gg = (POSE_GLOW >> 8) & 255,
        gb = POSE_GLOW & 255;
    return abs(r - gr) <= 12 && abs(g - gg) <= 14 && abs(b - gb) <= 30;
}

static long count_glow(const uint32_t *px, int w, int h)
{
    long n = 0;
    for (long k = 0; k < (long)w * h; k++)
        n += is_glow(px[k]);
    return n;
}

static void render_figure(uint32_t *px, int w, int h, const char *pose,
                          double phase, bool single)
{
    memset(px, 0, (size_t)w * h * 4);
    PoseFrame f = {px, w, h, w};
    pose_render_layers(&f, pose, phase, POSE_SIDE_WORKING, single,
                       POSE_LAYER_FIGURE);
}

// The figure's bounding box over a rep (pixels the figure layer touched),
// at several frame shapes; its long side fills at least 55% of the frame
// in that direction.
static void check_framing(const char *pose, bool single, int w, int h,
                          bool must)
{
    uint32_t *px = malloc((size_t)w * h * 4);
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int i = 0; i < 30; i++) {
        render_figure(px, w, h, pose, i / 30.0, single);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (px[y * w + x] >> 24) {
                    x0 = x < x0 ? x : x0;
                    x1 = x > x1 ? x : x1;
                    y0 = y < y0 ? y : y0;
                    y1 = y > y1 ? y : y1;
                }
    }
    free(px);
    assert_true(x1 >= x0 && y1 >= y0);
    float bw = (float)(x1 - x0 + 1), bh = (float)(y1 - y0 + 1);
    float fill = bw >= bh ? bw / w : bh / h;
    print_message("%-22s %s %4dx%-4d figure %4.0fx%-4.0f long side %3.0f%% of "
                  "the frame's %s\n",
                  pose, single ? "single" : "      ", w, h, bw, bh, fill * 100,
                  bw >= bh ? "width" : "height");
    // Nothing of the figure is cut off by the frame's edges.
    assert_true(x0 > 0 && y0 > 0 && x1 < w - 1 && y1 < h - 1);
    if (must && fill < 0.55f)
        fail_msg("%s fills only %.0f%% of a %dx%d frame", pose, fill * 100, w,
                 h);
}

static void test_framing_every_clip(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    for (int i = 0; i < lib->nexercises; i++) {
        const char *pose = lib->exercises[i].pose;
        check_framing(pose, false, 640, 360, true);
        check_framing(pose, false, 480, 360, true);
        check_framing(pose, false, 360, 480, false);
        if (strcmp(pose, "glute-bridges") == 0)
            check_framing(pose, true, 640, 360, true);
    }
    library_destroy(lib);
}

// The camera does not move within a rep: the set is the same picture at
// every phase.
static void test_camera_steady(void **state)
{
    (void)state;
    int w = 320, h = 180;
    uint32_t *a = malloc((size_t)w * h * 4), *b = malloc((size_t)w * h * 4);
    for (int i = 0; pose_ids[i]; i++) {
        PoseFrame fa = {a, w, h, w}, fb = {b, w, h, w};
        pose_render_layers(&fa, pose_ids[i], 0, POSE_SIDE_NONE, false,
                           POSE_LAYER_SET);
        for (int k = 1; k < 6; k++) {
            pose_render_layers(&fb, pose_ids[i], k / 6.0, POSE_SIDE_NONE, false,
                               POSE_LAYER_SET);
            if (memcmp(a, b, (size_t)w * h * 4) != 0)
                fail_msg("%s: the set moves at phase %d/6", pose_ids[i], k);
        }
    }
    free(a);
    free(b);
}

static void check_feet(const char *pose, bool single, int frames)
{
    int w = 1280, h = 720;
    for (int i = 0; i < frames; i++) {
        PoseProbe p;
        assert_true(pose_probe(pose, (double)i / frames, single, w, h, &p));
        for (int s = 0; s < 2; s++) {
            if (p.foot_low[s] > p.floor_y + 0.5f)
                fail_msg("%s frame %d: foot %d is %.1f px below the floor",
                         pose, i, s, p.foot_low[s] - p.floor_y);
            for (int k = 0; k < p.nsolids; k++) {
                bool over = p.foot_x1[s] > p.solids[k].x0 + 0.5f &&
                            p.foot_x0[s] < p.solids[k].x1 - 0.5f;
                if (over && p.foot_low[s] > p.solids[k].top + 0.5f)
                    fail_msg("%s frame %d: foot %d is %.1f px inside the %s",
                             pose, i, s, p.foot_low[s] - p.solids[k].top,
                             p.solids[k].name);
            }
        }
    }
}

static void test_feet_stay_out_of_floor_and_props(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        int frames = ex->cadence_ms * 30 / 1000;
        check_feet(ex->pose, false, frames);
        if (strcmp(ex->pose, "glute-bridges") == 0)
            check_feet(ex->pose, true, frames);
    }
    library_destroy(lib);
    // The box stays under the stepping foot for the whole rep, and that
    // foot stands on it.
    for (int i = 0; i < 60; i++) {
        PoseProbe p;
        pose_probe("step-ups", i / 60.0, false, 1280, 720, &p);
        assert_int_equal(p.nsolids, 1);
        assert_true(p.foot_x0[0] >= p.solids[0].x0 &&
                    p.foot_x1[0] <= p.solids[0].x1);
        assert_true(fabsf(p.foot_low[0] - p.solids[0].top) < 1.0f);
    }
}

// What each rep works and when: a phase inside the working part and one
// outside it (-1: the exercise works throughout).
static const struct {
    const char *pose;
    double work, rest;
    unsigned muscles;
} when[] = {
    {"band-side-steps", 0.25, -1, POSE_MUSCLE_ABDUCTORS | POSE_MUSCLE_GLUTES},
    {"step-ups", 0.3, 0.85, POSE_MUSCLE_QUADS | POSE_MUSCLE_GLUTES},
    {"split-squats", 0.5, 0.0, POSE_MUSCLE_GLUTES | POSE_MUSCLE_QUADS},
    {"nordic-curls", 0.4, 0.9, POSE_MUSCLE_HAMSTRINGS},
    {"glute-bridges", 0.45, 0.9, POSE_MUSCLE_GLUTES | POSE_MUSCLE_HAMSTRINGS},
    {"clams", 0.45, 0.9, POSE_MUSCLE_ABDUCTORS | POSE_MUSCLE_GLUTES},
    {"single-leg-deadlifts", 0.5, 0.95,
     POSE_MUSCLE_HAMSTRINGS | POSE_MUSCLE_GLUTES},
    {"calf-raises", 0.45, 0.9, POSE_MUSCLE_CALVES},
    {"rear-lunges", 0.5, 0.0, POSE_MUSCLE_GLUTES | POSE_MUSCLE_QUADS},
};

static void test_worked_muscles_glow_while_working(void **state)
{
    (void)state;
    int w = 640, h = 360;
    uint32_t *px = malloc((size_t)w * h * 4);
    int n = (int)(sizeof(when) / sizeof(when[0]));
    for (int i = 0; i < n; i++) {
        assert_int_equal(pose_muscles(when[i].pose), when[i].muscles);
        render_figure(px, w, h, when[i].pose, when[i].work, false);
        long lit = count_glow(px, w, h);
        print_message("%-22s glowing pixels at work %ld\n", when[i].pose, lit);
        if (lit < 150)
            fail_msg("%s: only %ld glowing pixels at phase %.2f", when[i].pose,
                     lit, when[i].work);
        if (when[i].rest >= 0) {
            render_figure(px, w, h, when[i].pose, when[i].rest, false);
            long rest = count_glow(px, w, h);
            if (rest != 0)
                fail_msg("%s: %ld glowing pixels at rest (phase %.2f)",
                         when[i].pose, rest, when[i].rest);
        }
    }
    // The single-leg bridge works too, and the whole set never glows.
    render_figure(px, w, h, "glute-bridges", 0.45, true);
    assert_true(count_glow(px, w, h) > 150);
    PoseFrame f = {px, w, h, w};
    for (int i = 0; pose_ids[i]; i++) {
        pose_render_layers(&f, pose_ids[i], 0.5, POSE_SIDE_NONE, false,
                           POSE_LAYER_SET | POSE_LAYER_SHADOW);
        assert_int_equal(count_glow(px, w, h), 0);
    }
    free(px);
}

static void test_muscle_map(void **state)
{
    (void)state;
    int w = 160, h = 120;
    uint32_t *a = calloc((size_t)w * h, 4), *b = calloc((size_t)w * h, 4);
    PoseFrame fa = {a, w, h, w}, fb = {b, w, h, w};
    pose_render_muscle_map(&fa, "nordic-curls");
    pose_render_muscle_map(&fb, "calf-raises");
    long la = count_glow(a, w, h), lb = count_glow(b, w, h);
    print_message("muscle map: hamstrings %ld lit pixels, calves %ld\n", la,
                  lb);
    assert_true(la > 40 && lb > 20);
    assert_true(memcmp(a, b, (size_t)w * h * 4) != 0);
    memset(a, 0, (size_t)w * h * 4);
    pose_render_muscle_map(&fa, "pistol-squats"); // unknown: nothing lit
    assert_int_equal(count_glow(a, w, h), 0);
    free(a);
    free(b);
}

static float joint_y(const char *pose, double phase, PoseJoint j)
{
    float x, y;
    assert_true(pose_joint(pose, phase, false, 1280, 720, j, &x, &y));
    return y;
}

// The phase at which a joint has covered 90% of its way from where the rep
// starts to its furthest point (screen y, down).
static double phase_to_90(const char *pose, PoseJoint j, double *far)
{
    float y0 = joint_y(pose, 0, j), best = y0;
    for (int i = 0; i <= 100; i++)
        best = fmaxf(best, joint_y(pose, i / 100.0, j));
    *far = best - y0;
    for (int i = 0; i <= 100; i++)
        if (joint_y(pose, i / 100.0, j) - y0 >= 0.9f * (best - y0))
            return i / 100.0;
    return 1;
}

static void test_coach_tempo(void **state)
{
    (void)state;
    double drop;
    // Nordic curls: a slow lowering, more than half the rep.
    double t = phase_to_90("nordic-curls", JOINT_HEAD, &drop);
    print_message("nordic curls: head 90%% down at phase %.2f (%.0f px)\n", t,
                  drop);
    assert_true(drop > 150 && t >= 0.5);
    for (int i = 1; i <= 55; i++) // steadily down, no stop on the way
        assert_true(joint_y("nordic-curls", i / 100.0, JOINT_HEAD) >
                    joint_y("nordic-curls", (i - 1) / 100.0, JOINT_HEAD));
    // Single-leg deadlifts: a slow hinge down, a quicker drive up.
    t = phase_to_90("single-leg-deadlifts", JOINT_HEAD, &drop);
    print_message("single-leg deadlifts: head 90%% down at %.2f (%.0f px)\n", t,
                  drop);
    assert_true(drop > 150 && t >= 0.45);
    double back = 1;
    float y0 = joint_y("single-leg-deadlifts", 0, JOINT_HEAD);
    for (int i = 60; i <= 100; i++)
        if (fabsf(joint_y("single-leg-deadlifts", i / 100.0, JOINT_HEAD) - y0) <
            0.1f * drop) {
            back = i / 100.0;
            break;
        }
    assert_true(back - 0.58 < t); // up faster than down
    // Glute bridges: the hips pause at the top.
    float top = joint_y("glute-bridges", 0.32, JOINT_HIP);
    assert_true(top < joint_y("glute-bridges", 0, JOINT_HIP) - 60);
    for (int i = 32; i <= 58; i += 2)
        assert_true(
            fabsf(joint_y("glute-bridges", i / 100.0, JOINT_HIP) - top) < 1.0f);
    // Eased: the rep starts gently, not at full speed.
    float first = fabsf(joint_y("glute-bridges", 0.01, JOINT_HIP) -
                        joint_y("glute-bridges", 0, JOINT_HIP));
    float mid = fabsf(joint_y("glute-bridges", 0.16, JOINT_HIP) -
                      joint_y("glute-bridges", 0.15, JOINT_HIP));
    assert_true(first * 4 < mid);
}

// The last frame of a rep leads into the first no more abruptly than any
// frame leads into the next, at the clip's own frame count.
static void test_loop_seam(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    int w = 320, h = 180;
    uint32_t *prev = malloc((size_t)w * h * 4),
             *cur = malloc((size_t)w * h * 4),
             *first = malloc((size_t)w * h * 4);
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        int n = ex->cadence_ms * 30 / 1000;
        long max_step = 0, seam = 0;
        for (int k = 0; k <= n; k++) {
            PoseFrame f = {cur, w, h, w};
            pose_render(&f, ex->pose, (double)k / n, POSE_SIDE_WORKING, false);
            if (k == 0)
                memcpy(first, cur, (size_t)w * h * 4);
            if (k > 0) {
                long d = 0;
                for (long p = 0; p < (long)w * h; p++)
                    d += abs((int)(cur[p] & 255) - (int)(prev[p] & 255)) +
                         abs((int)((cur[p] >> 8) & 255) -
                             (int)((prev[p] >> 8) & 255));
                if (k == n)
                    seam = d;
                else if (d > max_step)
                    max_step = d;
            }
            memcpy(prev, cur, (size_t)w * h * 4);
        }
        assert_memory_equal(first, cur, (size_t)w * h * 4); // phase 1 == 0
        // (k == n is phase 1, the same picture as phase 0: the seam is the
        // step from the last frame into it.)
        print_message("%-22s seam %ld, largest step inside %ld\n", ex->id, seam,
                      max_step);
        assert_true(seam <= max_step * 1.2 + 100);
    }
    free(prev);
    free(cur);
    free(first);
    library_destroy(lib);
}

static void test_deterministic(void **state)
{
    (void)state;
    int w = 320, h = 180;
    uint32_t *a = malloc((size_t)w * h * 4), *b = malloc((size_t)w * h * 4);
    for (int i = 0; pose_ids[i]; i++) {
        PoseFrame fa = {a, w, h, w}, fb = {b, w, h, w};
        memset(b, 0x5a, (size_t)w * h * 4);
        pose_render(&fa, pose_ids[i], 0.37, POSE_SIDE_LEFT, false);
        pose_render(&fb, pose_ids[i], 0.37, POSE_SIDE_LEFT, false);
        assert_memory_equal(a, b, (size_t)w * h * 4);
    }
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_framing_every_clip),
        cmocka_unit_test(test_camera_steady),
        cmocka_unit_test(test_feet_stay_out_of_floor_and_props),
        cmocka_unit_test(test_worked_muscles_glow_while_working),
        cmocka_unit_test(test_muscle_map),
        cmocka_unit_test(test_coach_tempo),
        cmocka_unit_test(test_loop_seam),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
