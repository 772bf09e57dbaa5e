/*
 * Inside the demo coach: the keyframe model, the solved skeleton of one
 * moment and the camera, shared by the animation (pose.c, pose_keys.c) and
 * the drawing (pose_draw.c). World units are metres-ish, y up, the floor
 * at y = 0; the figure faces +x in side views.
 */
#ifndef UL_MEDIA_POSE_INTERNAL_H
#define UL_MEDIA_POSE_INTERNAL_H

#include "media/pose.h"
#include "media/raster.h"

// Segment lengths and half-widths.
#define L_THIGH 0.45f
#define L_SHIN 0.44f
#define L_FOOT 0.20f
#define L_TORSO 0.55f
#define L_NECK 0.10f
#define R_HEAD 0.12f
#define L_UPPER 0.30f
#define L_FORE 0.28f
#define R_HIP 0.090f
#define R_KNEE 0.060f
#define R_ANKLE 0.050f // the shoe round the ankle: the heel's bottom
#define R_TOE 0.032f
#define MAT_H 0.025f

typedef enum Anchor {
    ANCHOR_NONE,     // hip at (hx, hy)
    ANCHOR_FOOT0,    // leg 0's foot stands on the surface where it started
    ANCHOR_KNEE0,    // leg 0's knee at (ax, ay)
    ANCHOR_SHOULDER, // shoulders at (ax, ay)
} Anchor;

typedef enum Ease {
    EASE_INOUT, // slow start and stop (the default)
    EASE_OUT,   // quick start, soft stop
    EASE_IN,    // soft start, quick stop
} Ease;

typedef struct Limb {
    float a, b, c; // thigh/shin/foot or upper arm/forearm/- (degrees)
} Limb;

// A key pose at phase t; the move towards the next key uses `ease`.
typedef struct Key {
    float t;
    float hx, hy;
    float lean;
    Limb leg[2];
    Limb arm[2];
    Ease ease;
} Key;

typedef enum Prop {
    PROP_BOX = 1,
    PROP_WALL = 2,
    PROP_BAND = 4,
    PROP_BELL = 8,
    PROP_ANCHOR = 16,
    PROP_MAT = 32,
} Prop;

typedef struct Anim {
    const char *id;
    bool front; // front view (both legs side by side)
    Anchor anchor;
    float ax, ay; // anchor point (knee, shoulders)
    int props;
    float box_x0, box_x1, box_h;
    float wall_x;
    int plant;          // legs (bit 0, bit 1) whose feet stay where they start
    unsigned muscles;   // PoseMuscle bits the exercise trains
    bool both_legs;     // both legs work (else leg 0, the near one)
    bool face_camera;   // lying on the side, facing the viewer
    float work0, work1; // the working part of the rep (phases)
    const Key *keys;
    int nkeys;
    const Key *keys_single; // the single-leg form, or NULL
    int nkeys_single;
} Anim;

typedef struct V2 {
    float x, y;
} V2;

// The skeleton at one moment, in world units.
typedef struct Body {
    V2 hip, shoulder, neck, head;
    V2 up, fwd;   // along the torso; the way the chest faces
    V2 hup, hfwd; // the same for the head (it rests on the floor)
    V2 knee[2], ankle[2], toe[2];
    V2 elbow[2], wrist[2];
    V2 hip_side[2], shoulder_side[2]; // front view: right (0) and left (1)
} Body;

// World -> pixels, fixed for a whole clip.
typedef struct View {
    float scale, ox, oy;
} View;

extern const Anim pose_anims[];
extern const int pose_nanims;

const Anim *pose_find(const char *id);
const Key *pose_keys_for(const Anim *an, bool single, int *n);
void pose_solve(const Anim *an, bool single, float phase, Body *b);
View pose_view(const Anim *an, bool single, int w, int h);
float pose_work_at(const Anim *an, float phase);
// Lowest point and x-range of leg s's shoe.
void pose_foot_extent(const Anim *an, const Body *b, int s, float *low,
                      float *x0, float *x1);
// The world x-range the mat spans for this exercise.
void pose_mat_span(const Anim *an, bool single, float *x0, float *x1);

static inline RasterPt pose_px(const View *v, V2 p)
{
    return (RasterPt){v->ox + p.x * v->scale, v->oy - p.y * v->scale};
}

void pose_draw_set(PoseFrame *f, const Anim *an, bool single, const View *v);
void pose_draw_shadow(PoseFrame *f, const View *v, const Body *b);
void pose_draw_figure(PoseFrame *f, const Anim *an, bool single, const View *v,
                      const Body *b, float phase, PoseSide side);

#endif
