/*
 * The demo coach: a figure with volume (tapered limbs, chest and hips,
 * hands, shoes, a head that shows which way it faces) animated over
 * exactly one rep of each exercise at the coach's tempo, with the props
 * the exercise needs (step box, wall, loop band, kettlebell, ankle anchor,
 * mat) in a small garage-gym set. The muscles the exercise trains glow
 * during the working part of the rep. Each exercise has its own steady
 * camera that fills the frame with the figure and its props over the
 * whole rep. Phase 0 and phase 1 are the same picture, so a clip of one
 * rep loops without a seam.
 *
 * Drawn by the project's own anti-aliased rasteriser (media/raster.h)
 * into a 32-bit 0xAARRGGBB frame. Pure: no SDL, no FFmpeg; the kiosk's
 * live fallback and tools/clipgen share it, so both look the same.
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
    POSE_SIDE_LEFT,    // the left leg works (marked blue)
    POSE_SIDE_RIGHT,   // the right leg works (marked pink)
    POSE_SIDE_WORKING, // a per-side exercise in a clip for both sides (orange)
} PoseSide;

typedef enum PoseMuscle {
    POSE_MUSCLE_GLUTES = 1,
    POSE_MUSCLE_HAMSTRINGS = 2,
    POSE_MUSCLE_ABDUCTORS = 4, // hip abductors and rotators
    POSE_MUSCLE_CALVES = 8,
    POSE_MUSCLE_QUADS = 16,
} PoseMuscle;

// The glow of a working muscle (and nothing else in a picture is this).
#define POSE_GLOW 0xFFFFE15Au

// What a render draws: the set (walls, floor, fixed props), the figure's
// soft shadow, and the figure (with what it holds or wears).
enum {
    POSE_LAYER_SET = 1,
    POSE_LAYER_SHADOW = 2,
    POSE_LAYER_FIGURE = 4,
    POSE_LAYER_ALL = 7
};

// Draw pose `id` at `phase` (0..1, one rep). single_leg picks the
// single-leg form where the exercise has one (glute bridges). Returns
// false for an unknown id (a neutral standing figure is drawn).
bool pose_render(PoseFrame *f, const char *id, double phase, PoseSide side,
                 bool single_leg);
bool pose_render_layers(PoseFrame *f, const char *id, double phase,
                        PoseSide side, bool single_leg, unsigned layers);

bool pose_known(const char *id);

// The ids with an animation, NULL-terminated.
extern const char *const pose_ids[];

// The muscles pose `id` trains (PoseMuscle bits; 0 when unknown), and a
// muscle's name for people ("Glutes").
unsigned pose_muscles(const char *id);
const char *pose_muscle_name(PoseMuscle m);

// How strongly the worked muscles glow at that phase: 0 outside the
// working part of the rep, up to 1 inside it.
float pose_work(const char *id, double phase);

// A small front-and-back body map with the muscles `id` trains lit, for
// the intro card. Draws over what is in f (a transparent frame stays
// transparent around the bodies).
void pose_render_muscle_map(PoseFrame *f, const char *id);

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

// The ground truth of one moment, in pixels of a w x h frame (for tests):
// the floor line, each shoe's lowest point and x-range, and the solid
// props a foot must stay out of (box, mat: top y and x-range).
typedef struct PoseProbe {
    float floor_y;
    float foot_low[2], foot_x0[2], foot_x1[2];
    int nsolids;
    struct {
        float x0, x1, top;
        const char *name;
    } solids[2];
} PoseProbe;
bool pose_probe(const char *id, double phase, bool single_leg, int w, int h,
                PoseProbe *p);

#endif
