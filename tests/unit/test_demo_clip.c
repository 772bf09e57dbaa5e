/*
 * The demo coach: every exercise has an animation, its key poses put the
 * figure where it should be, and the clips made from it decode with the
 * kiosk's own decoder at the right size, rate and length, looping without
 * a jump.
 */
#include "testutil.h"

#include <math.h>
#include <unistd.h>

#include "media/clip.h"
#include "media/demo_clip.h"
#include "media/pose.h"

static bool is_figure(uint32_t p)
{
    uint32_t r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
    return r > 140 && g > 100 && b > 100 && !(r < 60 && g < 60); // body, legs
}

static void test_every_exercise_animates(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    int w = 640, h = 360;
    uint32_t *a = malloc((size_t)w * h * 4), *b = malloc((size_t)w * h * 4);
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        if (!pose_known(ex->pose))
            fail_msg("exercise %s has no animation (pose %s)", ex->id,
                     ex->pose);
        PoseFrame fa = {a, w, h, w}, fb = {b, w, h, w};
        // The loop joins: phase 0 and phase 1 are the same picture.
        pose_render(&fa, ex->pose, 0.0, POSE_SIDE_NONE, false);
        pose_render(&fb, ex->pose, 1.0, POSE_SIDE_NONE, false);
        assert_memory_equal(a, b, (size_t)w * h * 4);
        // It moves: mid-rep differs from the start.
        pose_render(&fb, ex->pose, 0.5, POSE_SIDE_NONE, false);
        long diff = 0;
        for (long k = 0; k < (long)w * h; k++)
            diff += a[k] != b[k];
        assert_true(diff > w * h / 200);
        // The head is drawn where the skeleton says.
        float x, y;
        assert_true(pose_joint(ex->pose, 0.5, false, w, h, JOINT_HEAD, &x, &y));
        assert_true(x > 0 && x < w && y > 0 && y < h);
        assert_true(is_figure(b[(int)y * w + (int)x]));
    }
    free(a);
    free(b);
    library_destroy(lib);
}

// Key poses, checked by where the joints land.
static void test_key_poses(void **state)
{
    (void)state;
    float hx, hy, ax, ay, kx, ky, sx, sy;
    int w = 1280, h = 720;
    // Step-ups: at the top the working foot is on the box, the hips higher.
    pose_joint("step-ups", 0.0, false, w, h, JOINT_HIP, &hx, &hy);
    pose_joint("step-ups", 0.5, false, w, h, JOINT_HIP, &kx, &ky);
    assert_true(ky < hy - 40); // up (screen y grows down)
    pose_joint("step-ups", 0.5, false, w, h, JOINT_ANKLE0, &ax, &ay);
    pose_joint("step-ups", 0.0, false, w, h, JOINT_ANKLE1, &sx, &sy);
    assert_true(ay <
                sy - 20); // the working foot stands on the box, above the floor
    // Split squats: the hips drop at the bottom, the back knee nears the floor.
    pose_joint("split-squats", 0.0, false, w, h, JOINT_HIP, &hx, &hy);
    pose_joint("split-squats", 0.5, false, w, h, JOINT_HIP, &kx, &ky);
    assert_true(ky > hy + 80);
    pose_joint("split-squats", 0.5, false, w, h, JOINT_KNEE1, &kx, &ky);
    assert_true(ky > h * 0.8);
    // Glute bridges: the hips rise at the top.
    pose_joint("glute-bridges", 0.0, false, w, h, JOINT_HIP, &hx, &hy);
    pose_joint("glute-bridges", 0.5, false, w, h, JOINT_HIP, &kx, &ky);
    assert_true(ky < hy - 40);
    // Single-leg deadlifts: the torso hinges to near horizontal.
    pose_joint("single-leg-deadlifts", 0.5, false, w, h, JOINT_HIP, &hx, &hy);
    pose_joint("single-leg-deadlifts", 0.5, false, w, h, JOINT_SHOULDER, &sx,
               &sy);
    assert_true(fabsf(sy - hy) < fabsf(sx - hx) / 2);
    // Nordic curls: the knees stay put while the body tips forward.
    pose_joint("nordic-curls", 0.0, false, w, h, JOINT_KNEE0, &kx, &ky);
    pose_joint("nordic-curls", 0.55, false, w, h, JOINT_KNEE0, &ax, &ay);
    assert_true(fabsf(kx - ax) < 1 && fabsf(ky - ay) < 1);
    pose_joint("nordic-curls", 0.55, false, w, h, JOINT_HEAD, &hx, &hy);
    assert_true(hx > kx + 100);
    // Calf raises: the heel lifts, the body rises.
    pose_joint("calf-raises", 0.0, false, w, h, JOINT_HEAD, &hx, &hy);
    pose_joint("calf-raises", 0.5, false, w, h, JOINT_HEAD, &kx, &ky);
    assert_true(ky < hy - 10);
    // Band side steps: the feet spread and come back.
    pose_joint("band-side-steps", 0.0, false, w, h, JOINT_ANKLE0, &ax, &ay);
    pose_joint("band-side-steps", 0.0, false, w, h, JOINT_ANKLE1, &sx, &sy);
    float narrow = fabsf(ax - sx);
    pose_joint("band-side-steps", 0.25, false, w, h, JOINT_ANKLE0, &ax, &ay);
    pose_joint("band-side-steps", 0.25, false, w, h, JOINT_ANKLE1, &sx, &sy);
    assert_true(fabsf(ax - sx) > narrow * 1.3);
    // Clams: the top knee opens.
    pose_joint("clams", 0.0, false, w, h, JOINT_KNEE0, &kx, &ky);
    pose_joint("clams", 0.5, false, w, h, JOINT_KNEE0, &ax, &ay);
    assert_true(ay < ky - 40);
    assert_false(pose_known("pistol-squats"));
}

static void test_clip_decodes(void **state)
{
    (void)state;
    char dir[] = "/tmp/ul-demo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[300], err[400], codec[32];
    snprintf(path, sizeof(path), "%s/step-ups.mp4", dir);
    DemoClipSpec spec = {"step-ups", 2.0, true, 1280, 720, 30};
    int frames;
    assert_true(demo_clip_write(path, &spec, &frames, codec, sizeof(codec), err,
                                sizeof(err)));
    assert_int_equal(frames, 60);
    Clip *c = clip_open(path, -1, -1, err, sizeof(err));
    assert_non_null(c);
    const ClipInfo *in = clip_info(c);
    assert_int_equal(in->w, 1280);
    assert_int_equal(in->h, 720);
    assert_true(fabs(in->fps - 30) < 0.01);
    assert_true(fabs(in->duration - 2.0) < 0.05);
    // One loop has exactly 60 frames, and the loop point is no bigger a jump
    // than any step inside the rep.
    ClipPicture p;
    bool changed;
    int count = 0;
    long max_step = 0, seam = 0;
    uint8_t *prev = malloc(1280 * 720), *first = malloc(1280 * 720);
    for (int i = 0; i <= 60; i++) {
        assert_true(clip_picture(c, i / 30.0, true, &p, &changed));
        assert_true(changed);
        if (p.loop == 0)
            count++;
        long d = 0;
        for (int y = 0; y < 720; y += 2)
            for (int x = 0; x < 1280; x += 2) {
                uint8_t v = p.plane[0][y * p.pitch[0] + x];
                if (i > 0)
                    d += abs(v - prev[y * 1280 + x]);
                prev[y * 1280 + x] = v;
                if (i == 0)
                    first[y * 1280 + x] = v;
            }
        if (i == 60)
            seam = d;
        else if (d > max_step)
            max_step = d;
    }
    assert_int_equal(count, 60);
    print_message(
        "step-ups clip (%s): loop seam change %ld, largest change inside %ld\n",
        codec, seam, max_step);
    assert_true(seam <= max_step * 1.2 + 1000);
    free(prev);
    free(first);
    clip_close(c);
    // Deterministic: made again, byte for byte the same.
    char again[300], cmd[700];
    snprintf(again, sizeof(again), "%s/again.mp4", dir);
    assert_true(demo_clip_write(again, &spec, &frames, codec, sizeof(codec),
                                err, sizeof(err)));
    snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", path, again);
    assert_int_equal(system(cmd), 0);
    // Faststart: the index comes before the pictures.
    FILE *f = fopen(path, "rb");
    char head[64];
    assert_int_equal(fread(head, 1, sizeof(head), f), sizeof(head));
    fclose(f);
    bool moov = false;
    for (size_t k = 0; k + 4 <= sizeof(head); k++)
        moov = moov || memcmp(head + k, "moov", 4) == 0;
    assert_true(moov);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_exercise_animates),
        cmocka_unit_test(test_key_poses),
        cmocka_unit_test(test_clip_decodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
