/*
 * The demo coach: a jointed figure (head, torso, upper and lower arms and
 * legs, feet) with keyframed poses over exactly one rep of each exercise,
 * eased between keyframes, and the props the exercise needs (step box,
 * wall, loop band, kettlebell, ankle anchor, mat). Phase 0 and phase 1 are
 * the same pose, so a clip of one rep loops without a seam.
 *
 * The rasteriser draws anti-aliased capsules and discs into a 32-bit
 * 0xAARRGGBB frame buffer. Pure: no SDL, no FFmpeg; the kiosk and
 * tools/clipgen share it.
 */
#ifndef UL_MEDIA_POSE_H
#define UL_MEDIA_POSE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct PoseFrame {
    uint32_t *pixels; // 0xAARRGGBB
    int w, h;
    int stride; // in pixels
} PoseFrame;

typedef enum PoseSide {
    POSE_SIDE_NONE,
    POSE_SIDE_LEFT,    // the left leg works (highlighted blue)
    POSE_SIDE_RIGHT,   // the right leg works (highlighted pink)
    POSE_SIDE_WORKING, // a per-side exercise in a clip for both sides (orange)
} PoseSide;

// Draw the figure of pose `id` at `phase` (0..1, one rep). single_leg picks
// the single-leg form where the exercise has one (glute bridges). Returns
// false for an unknown id (a neutral standing figure is drawn).
bool pose_render(PoseFrame *f, const char *id, double phase, PoseSide side,
                 bool single_leg);

bool pose_known(const char *id);

// The ids with an animation, NULL-terminated.
extern const char *const pose_ids[];

// Where a named joint lands in the frame at that phase (for tests).
typedef enum PoseJoint {
    JOINT_HEAD,
    JOINT_SHOULDER,
    JOINT_HIP,
    JOINT_KNEE0,
    JOINT_ANKLE0,
    JOINT_TOE0,
    JOINT_KNEE1,
    JOINT_ANKLE1,
    JOINT_TOE1,
    JOINT_WRIST0,
    JOINT_WRIST1,
    JOINT_COUNT_
} PoseJoint;
bool pose_joint(const char *id, double phase, bool single_leg, int w, int h,
                PoseJoint j, float *x, float *y);

#endif
