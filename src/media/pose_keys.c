/*
 * The demo coach's exercises: one rep each as key poses (the first and the
 * last key are the same, so a clip of one rep loops without a seam), the
 * props, what the rep trains and when it works.
 *
 * Angles are degrees. A limb angle of 0 points down, +90 forward (the
 * figure faces right), -90 backward, 180 up. The torso angle is its lean
 * forward from upright. Timing is the coach's tempo: the phases between
 * keys set how long each part of the rep takes.
 */
#include <stddef.h>

#include "media/pose_internal.h"

#define N(a) (int)(sizeof(a) / sizeof(a[0]))

// clang-format off
// The step foot stays on the box; the hips rise over it and the other
// knee drives up, a short hold at the top, then a controlled step down.
static const Key step_ups[] = {
    {0.00f, 0, 0, 12, {{62, -12, 90}, {-4, -4, 90}}, {{-20, 20, 0}, {25, 40, 0}}, EASE_INOUT},
    {0.40f, 0, 0, 4, {{0, 0, 90}, {35, -70, 40}}, {{15, 40, 0}, {-15, 10, 0}}, EASE_INOUT},
    {0.55f, 0, 0, 4, {{0, 0, 90}, {30, -75, 40}}, {{10, 35, 0}, {-10, 10, 0}}, EASE_INOUT},
    {1.00f, 0, 0, 12, {{62, -12, 90}, {-4, -4, 90}}, {{-20, 20, 0}, {25, 40, 0}}, EASE_INOUT},
};

// Straight down and up; the back foot stays on its toes where it is.
static const Key split_squats[] = {
    {0.00f, 0, 0, 4, {{30, 6, 90}, {-36, -36, 50}}, {{0, 10, 0}, {0, 10, 0}}, EASE_INOUT},
    {0.50f, 0, 0, 6, {{78, -8, 90}, {-4, -80, 40}}, {{0, 10, 0}, {0, 10, 0}}, EASE_INOUT},
    {1.00f, 0, 0, 4, {{30, 6, 90}, {-36, -36, 50}}, {{0, 10, 0}, {0, 10, 0}}, EASE_INOUT},
};

// The body tips forward as one line from the knees, slowly, for most of
// the rep; the hands catch the floor, push back, and the body returns.
static const Key nordic[] = {
    {0.00f, 0, 0, 0, {{0, -90, -90}, {0, -90, -90}}, {{20, 120, 0}, {20, 120, 0}}, EASE_INOUT},
    {0.60f, 0, 0, 56, {{-56, -90, -90}, {-56, -90, -90}}, {{55, 50, 0}, {55, 50, 0}}, EASE_IN},
    {0.70f, 0, 0, 68, {{-68, -90, -90}, {-68, -90, -90}}, {{28, 22, 0}, {28, 22, 0}}, EASE_OUT},
    {0.82f, 0, 0, 45, {{-45, -90, -90}, {-45, -90, -90}}, {{38, 30, 0}, {38, 30, 0}}, EASE_INOUT},
    {1.00f, 0, 0, 0, {{0, -90, -90}, {0, -90, -90}}, {{20, 120, 0}, {20, 120, 0}}, EASE_INOUT},
};

// Up, a pause at the top with the hips high, then down slowly.
static const Key bridges[] = {
    {0.00f, 0, 0, -87, {{128, -22, 90}, {130, -20, 90}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
    {0.30f, 0, 0, -113, {{100, -18, 90}, {102, -16, 90}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
    {0.60f, 0, 0, -113, {{100, -18, 90}, {102, -16, 90}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
    {1.00f, 0, 0, -87, {{128, -22, 90}, {130, -20, 90}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
};

static const Key bridges_single[] = {
    {0.00f, 0, 0, -87, {{128, -22, 90}, {140, 140, 140}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
    {0.30f, 0, 0, -113, {{100, -18, 90}, {113, 113, 113}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
    {0.60f, 0, 0, -113, {{100, -18, 90}, {113, 113, 113}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
    {1.00f, 0, 0, -87, {{128, -22, 90}, {140, 140, 140}}, {{76, 84, 0}, {76, 84, 0}}, EASE_INOUT},
};

// Lying on the side, feet together: the top knee opens and closes.
static const Key clams[] = {
    {0.00f, 0, 0.24f, -90, {{76, -79, -115}, {70, -82, -115}}, {{92, 92, 0}, {-90, -60, 0}}, EASE_INOUT},
    {0.40f, 0, 0.24f, -90, {{118, -50, -85}, {70, -82, -115}}, {{92, 92, 0}, {-90, -60, 0}}, EASE_OUT},
    {0.55f, 0, 0.24f, -90, {{118, -50, -85}, {70, -82, -115}}, {{92, 92, 0}, {-90, -60, 0}}, EASE_INOUT},
    {1.00f, 0, 0.24f, -90, {{76, -79, -115}, {70, -82, -115}}, {{92, 92, 0}, {-90, -60, 0}}, EASE_INOUT},
};

// A slow hinge down with the knee soft, a drive back up with the glutes,
// a moment standing tall.
static const Key sl_deadlift[] = {
    {0.00f, 0, 0, 0, {{0, -2, 90}, {-8, -25, 70}}, {{70, 80, 0}, {0, 0, 0}}, EASE_INOUT},
    {0.58f, 0, 0, 84, {{14, -10, 90}, {-86, -86, 0}}, {{95, 95, 0}, {80, 80, 0}}, EASE_INOUT},
    {0.88f, 0, 0, 0, {{0, -2, 90}, {-8, -25, 70}}, {{70, 80, 0}, {0, 0, 0}}, EASE_OUT},
    {1.00f, 0, 0, 0, {{0, -2, 90}, {-8, -25, 70}}, {{70, 80, 0}, {0, 0, 0}}, EASE_INOUT},
};

// Quick and springy: up onto the toes and straight back down.
static const Key calf_raises[] = {
    {0.00f, 0, 0, 2, {{0, 0, 90}, {5, -75, 30}}, {{60, 80, 0}, {0, 5, 0}}, EASE_OUT},
    {0.45f, 0, 0, 2, {{0, 0, 42}, {5, -75, 30}}, {{55, 75, 0}, {0, 5, 0}}, EASE_INOUT},
    {1.00f, 0, 0, 2, {{0, 0, 90}, {5, -75, 30}}, {{60, 80, 0}, {0, 10, 0}}, EASE_INOUT},
};

static const Key rear_lunges[] = {
    {0.00f, 0, 0, 2, {{0, 0, 90}, {-2, -2, 90}}, {{60, 80, 0}, {0, 10, 0}}, EASE_INOUT},
    {0.50f, 0, 0, 6, {{75, -6, 90}, {-22, -88, 40}}, {{75, 85, 0}, {10, 20, 0}}, EASE_INOUT},
    {1.00f, 0, 0, 2, {{0, 0, 90}, {-2, -2, 90}}, {{60, 80, 0}, {0, 10, 0}}, EASE_INOUT},
};

// Front view: angles are sideways (+ to the figure's left = image right).
static const Key band_side[] = {
    {0.00f, 0.00f, 0, 0, {{14, 4, 60}, {-14, -4, -60}}, {{28, 120, 0}, {-28, -120, 0}}, EASE_INOUT},
    {0.25f, 0.06f, 0, 0, {{30, 14, 60}, {-12, -4, -60}}, {{28, 120, 0}, {-28, -120, 0}}, EASE_INOUT},
    {0.50f, 0.16f, 0, 0, {{14, 4, 60}, {-14, -4, -60}}, {{28, 120, 0}, {-28, -120, 0}}, EASE_INOUT},
    {0.75f, 0.08f, 0, 0, {{12, 4, 60}, {-30, -14, -60}}, {{28, 120, 0}, {-28, -120, 0}}, EASE_INOUT},
    {1.00f, 0.00f, 0, 0, {{14, 4, 60}, {-14, -4, -60}}, {{28, 120, 0}, {-28, -120, 0}}, EASE_INOUT},
};

static const Key standing[] = {
    {0.00f, 0, 0, 0, {{0, 0, 90}, {-2, -2, 90}}, {{5, 10, 0}, {-5, 5, 0}}, EASE_INOUT},
    {1.00f, 0, 0, 0, {{0, 0, 90}, {-2, -2, 90}}, {{5, 10, 0}, {-5, 5, 0}}, EASE_INOUT},
};

// clang-format on

const Anim pose_anims[] = {
    {.id = "step-ups",
     .anchor = ANCHOR_FOOT0,
     .ax = 0.50f,
     .props = PROP_BOX,
     .box_x0 = 0.20f,
     .box_x1 = 0.68f,
     .box_h = 0.25f,
     .muscles = POSE_MUSCLE_QUADS | POSE_MUSCLE_GLUTES,
     .work0 = 0.0f,
     .work1 = 0.58f,
     .keys = step_ups,
     .nkeys = N(step_ups)},
    {.id = "split-squats",
     .anchor = ANCHOR_FOOT0,
     .ax = 0.47f,
     .props = PROP_BELL,
     .plant = 2,
     .muscles = POSE_MUSCLE_GLUTES | POSE_MUSCLE_QUADS,
     .work0 = 0.08f,
     .work1 = 0.92f,
     .keys = split_squats,
     .nkeys = N(split_squats)},
    {.id = "nordic-curls",
     .anchor = ANCHOR_KNEE0,
     .ax = 0.0f,
     .ay = R_KNEE + MAT_H,
     .props = PROP_MAT | PROP_ANCHOR,
     .muscles = POSE_MUSCLE_HAMSTRINGS,
     .both_legs = true,
     .work0 = 0.02f,
     .work1 = 0.72f,
     .keys = nordic,
     .nkeys = N(nordic)},
    {.id = "glute-bridges",
     .anchor = ANCHOR_SHOULDER,
     .ax = -0.55f,
     .ay = 0.115f + MAT_H,
     .props = PROP_MAT,
     .plant = 3,
     .muscles = POSE_MUSCLE_GLUTES | POSE_MUSCLE_HAMSTRINGS,
     .both_legs = true,
     .work0 = 0.0f,
     .work1 = 0.66f,
     .keys = bridges,
     .nkeys = N(bridges),
     .keys_single = bridges_single,
     .nkeys_single = N(bridges_single)},
    {.id = "clams",
     .anchor = ANCHOR_NONE,
     .face_camera = true,
     .props = PROP_MAT | PROP_BAND,
     .muscles = POSE_MUSCLE_ABDUCTORS | POSE_MUSCLE_GLUTES,
     .work0 = 0.0f,
     .work1 = 0.6f,
     .keys = clams,
     .nkeys = N(clams)},
    {.id = "single-leg-deadlifts",
     .anchor = ANCHOR_FOOT0,
     .ax = 0.185f,
     .props = PROP_WALL | PROP_BELL,
     .wall_x = 1.16f,
     .muscles = POSE_MUSCLE_HAMSTRINGS | POSE_MUSCLE_GLUTES,
     .work0 = 0.02f,
     .work1 = 0.88f,
     .keys = sl_deadlift,
     .nkeys = N(sl_deadlift)},
    {.id = "calf-raises",
     .anchor = ANCHOR_FOOT0,
     .ax = 0.20f,
     .props = PROP_WALL,
     .wall_x = 0.62f,
     .muscles = POSE_MUSCLE_CALVES,
     .work0 = 0.0f,
     .work1 = 0.8f,
     .keys = calf_raises,
     .nkeys = N(calf_raises)},
    {.id = "rear-lunges",
     .anchor = ANCHOR_FOOT0,
     .ax = 0.20f,
     .props = PROP_WALL,
     .wall_x = 0.62f,
     .muscles = POSE_MUSCLE_GLUTES | POSE_MUSCLE_QUADS,
     .work0 = 0.1f,
     .work1 = 0.92f,
     .keys = rear_lunges,
     .nkeys = N(rear_lunges)},
    {.id = "band-side-steps",
     .front = true,
     .anchor = ANCHOR_FOOT0,
     .props = PROP_BAND,
     .muscles = POSE_MUSCLE_ABDUCTORS | POSE_MUSCLE_GLUTES,
     .both_legs = true,
     .work0 = 0.0f,
     .work1 = 1.0f,
     .keys = band_side,
     .nkeys = N(band_side)},
    {.id = "standing",
     .anchor = ANCHOR_FOOT0,
     .ax = 0.2f,
     .keys = standing,
     .nkeys = N(standing)},
};
const int pose_nanims = N(pose_anims);

const char *const pose_ids[] = {"step-ups",        "split-squats",
                                "nordic-curls",    "glute-bridges",
                                "clams",           "single-leg-deadlifts",
                                "calf-raises",     "rear-lunges",
                                "band-side-steps", NULL};
