/*
 * Demo figure: keyframes, forward kinematics and an anti-aliased rasteriser.
 *
 * Angles are degrees. A limb angle of 0 points down, +90 points forward (the
 * figure faces right), -90 backward, 180 up. The torso angle is its lean
 * forward from upright. The hip is the root; an anchor puts a chosen point
 * (a planted foot, a knee on the mat, the shoulders on the floor) where it
 * belongs, so the figure never floats or sinks.
 */
#include "media/pose.h"

#include <math.h>
#include <string.h>

#define DEG ((float)M_PI / 180.0f)

// Segment lengths, in metres-ish.
#define L_THIGH 0.45f
#define L_SHIN 0.44f
#define L_FOOT 0.20f
#define L_TORSO 0.55f
#define L_NECK 0.10f
#define R_HEAD 0.12f
#define L_UPPER 0.30f
#define L_FORE 0.28f

typedef enum Anchor {
    ANCHOR_NONE,  // hip at (hx, hy)
    ANCHOR_FOOT0, // leg 0's lowest foot point on the surface
    ANCHOR_FOOT1,
    ANCHOR_KNEE0,    // leg 0's knee at (ax, ay)
    ANCHOR_SHOULDER, // shoulders at (ax, ay)
} Anchor;

typedef struct Limb {
    float a, b, c; // thigh/shin/foot or upper arm/forearm/-
} Limb;

typedef struct Key {
    float t;
    float hx, hy;
    float lean;
    Limb leg[2];
    Limb arm[2];
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
    float ax, ay;  // anchor point, or the surface height for feet
    float surface; // surface height for ANCHOR_FOOT
    int props;
    float box_x0, box_x1, box_h;
    float wall_x;
    const Key *keys;
    int nkeys;
    const Key *keys_single; // the single-leg form, or NULL
    int nkeys_single;
} Anim;

// ---- The exercises, one rep each (first and last keys are equal). ----

static const Key step_ups[] = {
    {0.00f,
     -0.20f,
     0,
     12,
     {{62, -12, 90}, {-4, -4, 90}},
     {{-20, 20, 0}, {25, 40, 0}}},
    {0.42f,
     0.32f,
     0,
     4,
     {{0, 0, 90}, {35, -70, 40}},
     {{15, 40, 0}, {-15, 10, 0}}},
    {0.58f,
     0.32f,
     0,
     4,
     {{0, 0, 90}, {30, -75, 40}},
     {{10, 35, 0}, {-10, 10, 0}}},
    {1.00f,
     -0.20f,
     0,
     12,
     {{62, -12, 90}, {-4, -4, 90}},
     {{-20, 20, 0}, {25, 40, 0}}},
};

static const Key split_squats[] = {
    {0.00f, 0, 0, 4, {{24, 4, 90}, {-28, -28, 50}}, {{0, 10, 0}, {0, 10, 0}}},
    {0.50f, 0, 0, 6, {{78, -8, 90}, {-4, -80, 40}}, {{0, 10, 0}, {0, 10, 0}}},
    {1.00f, 0, 0, 4, {{24, 4, 90}, {-28, -28, 50}}, {{0, 10, 0}, {0, 10, 0}}},
};

static const Key nordic[] = {
    // The body tips forward as one line from the knees: the thighs lean
    // with the torso (hip ahead of the knee), the shins stay on the mat.
    {0.00f,
     0,
     0,
     0,
     {{0, -90, -90}, {0, -90, -90}},
     {{20, 120, 0}, {20, 120, 0}}},
    {0.55f,
     0,
     0,
     52,
     {{-52, -90, -90}, {-52, -90, -90}},
     {{60, 150, 0}, {60, 150, 0}}},
    {0.68f,
     0,
     0,
     68,
     {{-68, -90, -90}, {-68, -90, -90}},
     {{110, 100, 0}, {110, 100, 0}}},
    {0.80f,
     0,
     0,
     45,
     {{-45, -90, -90}, {-45, -90, -90}},
     {{90, 80, 0}, {90, 80, 0}}},
    {1.00f,
     0,
     0,
     0,
     {{0, -90, -90}, {0, -90, -90}},
     {{20, 120, 0}, {20, 120, 0}}},
};

static const Key bridges[] = {
    {0.00f,
     0,
     0,
     -87,
     {{128, -22, 90}, {130, -20, 90}},
     {{90, 90, 0}, {90, 90, 0}}},
    {0.45f,
     0,
     0,
     -113,
     {{100, -18, 90}, {102, -16, 90}},
     {{90, 90, 0}, {90, 90, 0}}},
    {0.60f,
     0,
     0,
     -113,
     {{100, -18, 90}, {102, -16, 90}},
     {{90, 90, 0}, {90, 90, 0}}},
    {1.00f,
     0,
     0,
     -87,
     {{128, -22, 90}, {130, -20, 90}},
     {{90, 90, 0}, {90, 90, 0}}},
};

static const Key bridges_single[] = {
    {0.00f,
     0,
     0,
     -87,
     {{128, -22, 90}, {140, 140, 140}},
     {{90, 90, 0}, {90, 90, 0}}},
    {0.45f,
     0,
     0,
     -113,
     {{100, -18, 90}, {113, 113, 113}},
     {{90, 90, 0}, {90, 90, 0}}},
    {0.60f,
     0,
     0,
     -113,
     {{100, -18, 90}, {113, 113, 113}},
     {{90, 90, 0}, {90, 90, 0}}},
    {1.00f,
     0,
     0,
     -87,
     {{128, -22, 90}, {140, 140, 140}},
     {{90, 90, 0}, {90, 90, 0}}},
};

static const Key clams[] = {
    {0.00f,
     0,
     0.25f,
     -90,
     {{76, -79, 178}, {70, -82, 178}},
     {{92, 92, 0}, {-90, -60, 0}}},
    {0.45f,
     0,
     0.25f,
     -90,
     {{118, -50, 178}, {70, -82, 178}},
     {{92, 92, 0}, {-90, -60, 0}}},
    {0.55f,
     0,
     0.25f,
     -90,
     {{118, -50, 178}, {70, -82, 178}},
     {{92, 92, 0}, {-90, -60, 0}}},
    {1.00f,
     0,
     0.25f,
     -90,
     {{76, -79, 178}, {70, -82, 178}},
     {{92, 92, 0}, {-90, -60, 0}}},
};

static const Key sl_deadlift[] = {
    {0.00f, 0, 0, 0, {{0, -2, 90}, {-8, -25, 70}}, {{70, 80, 0}, {0, 0, 0}}},
    {0.50f,
     0,
     0,
     80,
     {{10, -14, 90}, {-82, -82, 0}},
     {{95, 95, 0}, {80, 80, 0}}},
    {1.00f, 0, 0, 0, {{0, -2, 90}, {-8, -25, 70}}, {{70, 80, 0}, {0, 0, 0}}},
};

static const Key calf_raises[] = {
    {0.00f, 0, 0, 2, {{0, 0, 90}, {5, -75, 30}}, {{60, 80, 0}, {0, 5, 0}}},
    {0.50f, 0, 0, 2, {{0, 0, 42}, {5, -75, 30}}, {{55, 75, 0}, {0, 5, 0}}},
    {1.00f, 0, 0, 2, {{0, 0, 90}, {5, -75, 30}}, {{60, 80, 0}, {0, 5, 0}}},
};

static const Key rear_lunges[] = {
    {0.00f, 0, 0, 2, {{0, 0, 90}, {-2, -2, 90}}, {{60, 80, 0}, {0, 10, 0}}},
    {0.50f,
     0,
     0,
     6,
     {{75, -6, 90}, {-22, -88, 40}},
     {{75, 85, 0}, {10, 20, 0}}},
    {1.00f, 0, 0, 2, {{0, 0, 90}, {-2, -2, 90}}, {{60, 80, 0}, {0, 10, 0}}},
};

// Front view: angles are sideways (+ to the figure's left = image right).
static const Key band_side[] = {
    {0.00f,
     0.00f,
     0,
     0,
     {{14, 4, 60}, {-14, -4, -60}},
     {{28, 120, 0}, {-28, -120, 0}}},
    {0.25f,
     0.06f,
     0,
     0,
     {{30, 14, 60}, {-12, -4, -60}},
     {{28, 120, 0}, {-28, -120, 0}}},
    {0.50f,
     0.16f,
     0,
     0,
     {{14, 4, 60}, {-14, -4, -60}},
     {{28, 120, 0}, {-28, -120, 0}}},
    {0.75f,
     0.08f,
     0,
     0,
     {{12, 4, 60}, {-30, -14, -60}},
     {{28, 120, 0}, {-28, -120, 0}}},
    {1.00f,
     0.00f,
     0,
     0,
     {{14, 4, 60}, {-14, -4, -60}},
     {{28, 120, 0}, {-28, -120, 0}}},
};

static const Key standing[] = {
    {0.00f, 0, 0, 0, {{0, 0, 90}, {-2, -2, 90}}, {{5, 10, 0}, {-5, 5, 0}}},
    {1.00f, 0, 0, 0, {{0, 0, 90}, {-2, -2, 90}}, {{5, 10, 0}, {-5, 5, 0}}},
};

#define N(a) (int)(sizeof(a) / sizeof(a[0]))

static const Anim anims[] = {
    {"step-ups", false, ANCHOR_FOOT1, 0, 0, 0, PROP_BOX, 0.05f, 0.62f, 0.32f, 0,
     step_ups, N(step_ups), NULL, 0},
    {"split-squats", false, ANCHOR_FOOT0, 0, 0, 0, PROP_BELL, 0, 0, 0, 0,
     split_squats, N(split_squats), NULL, 0},
    {"nordic-curls", false, ANCHOR_KNEE0, 0.0f, 0.08f, 0,
     PROP_MAT | PROP_ANCHOR, 0, 0, 0, 0, nordic, N(nordic), NULL, 0},
    {"glute-bridges", false, ANCHOR_SHOULDER, -0.55f, 0.10f, 0, PROP_MAT, 0, 0,
     0, 0, bridges, N(bridges), bridges_single, N(bridges_single)},
    {"clams", false, ANCHOR_NONE, 0, 0, 0, PROP_MAT | PROP_BAND, 0, 0, 0, 0,
     clams, N(clams), NULL, 0},
    {"single-leg-deadlifts", false, ANCHOR_FOOT0, 0, 0, 0,
     PROP_WALL | PROP_BELL, 0, 0, 0, 0.78f, sl_deadlift, N(sl_deadlift), NULL,
     0},
    {"calf-raises", false, ANCHOR_FOOT0, 0, 0, 0, PROP_WALL, 0, 0, 0, 0.62f,
     calf_raises, N(calf_raises), NULL, 0},
    {"rear-lunges", false, ANCHOR_FOOT0, 0, 0, 0, PROP_WALL, 0, 0, 0, 0.62f,
     rear_lunges, N(rear_lunges), NULL, 0},
    {"band-side-steps", true, ANCHOR_FOOT0, 0, 0, 0, PROP_BAND, 0, 0, 0, 0,
     band_side, N(band_side), NULL, 0},
    {"standing", false, ANCHOR_FOOT0, 0, 0, 0, 0, 0, 0, 0, 0, standing,
     N(standing), NULL, 0},
};

const char *const pose_ids[] = {"step-ups",        "split-squats",
                                "nordic-curls",    "glute-bridges",
                                "clams",           "single-leg-deadlifts",
                                "calf-raises",     "rear-lunges",
                                "band-side-steps", NULL};

static const Anim *find_anim(const char *id)
{
    for (int i = 0; i < N(anims); i++)
        if (strcmp(anims[i].id, id) == 0)
            return &anims[i];
    return NULL;
}

bool pose_known(const char *id)
{
    return find_anim(id) && strcmp(id, "standing") != 0;
}

// ---- Kinematics ----

typedef struct V2 {
    float x, y;
} V2;

typedef struct Body {
    V2 j[JOINT_COUNT_];
    V2 elbow[2];
    V2 neck;
    V2 shoulder_l, shoulder_r, hip_l, hip_r; // front view
} Body;

static V2 dir(float deg)
{
    return (V2){sinf(deg * DEG), -cosf(deg * DEG)};
}

static V2 add(V2 a, V2 b, float s)
{
    return (V2){a.x + b.x * s, a.y + b.y * s};
}

static float ease(float t)
{
    return t * t * (3 - 2 * t);
}

static void interpolate(const Key *k, int n, float phase, Key *out)
{
    phase = phase - floorf(phase);
    int i = 0;
    while (i + 1 < n - 1 && phase >= k[i + 1].t)
        i++;
    const Key *a = &k[i], *b = &k[i + 1];
    float span = b->t - a->t;
    float t = span > 0 ? ease((phase - a->t) / span) : 0;
#define LERP(field) out->field = a->field + (b->field - a->field) * t
    LERP(hx);
    LERP(hy);
    LERP(lean);
    for (int s = 0; s < 2; s++) {
        LERP(leg[s].a);
        LERP(leg[s].b);
        LERP(leg[s].c);
        LERP(arm[s].a);
        LERP(arm[s].b);
        LERP(arm[s].c);
    }
#undef LERP
    out->t = phase;
}

static void solve(const Anim *an, const Key *k, Body *b)
{
    V2 hip = {k->hx, k->hy};
    float hw = an->front ? 0.11f : 0;
    // Legs from the hip(s).
    V2 knee[2], ankle[2], toe[2];
    for (int s = 0; s < 2; s++) {
        V2 h = {hip.x + (s == 0 ? hw : -hw), hip.y};
        knee[s] = add(h, dir(k->leg[s].a), L_THIGH);
        ankle[s] = add(knee[s], dir(k->leg[s].b), L_SHIN);
        toe[s] =
            add(ankle[s], dir(k->leg[s].c), an->front ? L_FOOT * 0.5f : L_FOOT);
    }
    // Anchor: shift everything so the chosen point is where it belongs.
    V2 shift = {0, 0};
    V2 lean = {sinf(k->lean * DEG), cosf(k->lean * DEG)};
    switch (an->anchor) {
    case ANCHOR_NONE: break;
    case ANCHOR_FOOT0:
    case ANCHOR_FOOT1: {
        int s = an->anchor == ANCHOR_FOOT0 ? 0 : 1;
        float low = fminf(ankle[s].y - 0.06f, toe[s].y);
        float surface = an->surface;
        // Step-ups: the foot on the box stands on the box.
        if ((an->props & PROP_BOX) && k->hx > 0.1f) {
            s = 0;
            low = fminf(ankle[0].y - 0.06f, toe[0].y);
            surface = an->box_h;
        }
        shift.y = surface - low;
        break;
    }
    case ANCHOR_KNEE0:
        shift.x = an->ax - knee[0].x;
        shift.y = an->ay - knee[0].y;
        break;
    case ANCHOR_SHOULDER: {
        V2 sh = add(hip, lean, L_TORSO);
        shift.x = an->ax - sh.x;
        shift.y = an->ay - sh.y;
        break;
    }
    }
    hip = add(hip, shift, 1);
    for (int s = 0; s < 2; s++) {
        knee[s] = add(knee[s], shift, 1);
        ankle[s] = add(ankle[s], shift, 1);
        toe[s] = add(toe[s], shift, 1);
    }
    V2 shoulder = add(hip, lean, L_TORSO);
    V2 neck = add(shoulder, lean, L_NECK);
    V2 head = add(neck, lean, R_HEAD * 0.9f);
    b->j[JOINT_HIP] = hip;
    b->j[JOINT_SHOULDER] = shoulder;
    b->j[JOINT_HEAD] = head;
    b->neck = neck;
    b->j[JOINT_KNEE0] = knee[0];
    b->j[JOINT_ANKLE0] = ankle[0];
    b->j[JOINT_TOE0] = toe[0];
    b->j[JOINT_KNEE1] = knee[1];
    b->j[JOINT_ANKLE1] = ankle[1];
    b->j[JOINT_TOE1] = toe[1];
    float sw = an->front ? 0.19f : 0;
    b->shoulder_r = (V2){shoulder.x + sw, shoulder.y};
    b->shoulder_l = (V2){shoulder.x - sw, shoulder.y};
    b->hip_r = (V2){hip.x + hw, hip.y};
    b->hip_l = (V2){hip.x - hw, hip.y};
    for (int s = 0; s < 2; s++) {
        V2 sh = s == 0 ? b->shoulder_r : b->shoulder_l;
        b->elbow[s] = add(sh, dir(k->arm[s].a), L_UPPER);
        b->j[s == 0 ? JOINT_WRIST0 : JOINT_WRIST1] =
            add(b->elbow[s], dir(k->arm[s].b), L_FORE);
    }
}

static const Key *keys_for(const Anim *an, bool single, int *n)
{
    if (single && an->keys_single) {
        *n = an->nkeys_single;
        return an->keys_single;
    }
    *n = an->nkeys;
    return an->keys;
}

// World -> pixels: the floor sits at 82% of the height, the scene is about
// 2.4 units tall.
typedef struct View {
    float scale, ox, oy;
} View;

static View view_for(const PoseFrame *f, const Anim *an)
{
    View v;
    v.scale = f->h / 2.6f;
    if (f->w < f->h * 1.2f)
        v.scale = fminf(v.scale, f->w / 2.0f);
    v.ox = f->w * 0.5f;
    v.oy = f->h * 0.87f;
    if (!an->front && (an->props & PROP_BOX))
        v.ox -= v.scale * 0.2f;
    if (an->anchor == ANCHOR_SHOULDER || strcmp(an->id, "clams") == 0)
        v.ox += v.scale * 0.12f;
    return v;
}

static V2 px(const View *v, V2 p)
{
    return (V2){v->ox + p.x * v->scale, v->oy - p.y * v->scale};
}

bool pose_joint(const char *id, double phase, bool single_leg, int w, int h,
                PoseJoint j, float *x, float *y)
{
    const Anim *an = find_anim(id);
    if (!an || (unsigned)j >= JOINT_COUNT_)
        return false;
    int n;
    const Key *keys = keys_for(an, single_leg, &n);
    Key k;
    interpolate(keys, n, (float)phase, &k);
    Body b;
    solve(an, &k, &b);
    PoseFrame f = {NULL, w, h, w};
    View v = view_for(&f, an);
    V2 p = px(&v, b.j[j]);
    *x = p.x;
    *y = p.y;
    return true;
}

// ---- Rasteriser ----

static inline void blend(uint32_t *d, uint32_t c, float a)
{
    if (a <= 0)
        return;
    if (a > 1)
        a = 1;
    a *= (float)(c >> 24) / 255.0f;
    uint32_t s = *d;
    float ia = 1 - a;
    uint32_t r = (uint32_t)(((c >> 16) & 255) * a + ((s >> 16) & 255) * ia);
    uint32_t g = (uint32_t)(((c >> 8) & 255) * a + ((s >> 8) & 255) * ia);
    uint32_t bl = (uint32_t)((c & 255) * a + (s & 255) * ia);
    *d = 0xFF000000u | r << 16 | g << 8 | bl;
}

// A capsule from a to b of radius r (pixels), anti-aliased.
static void capsule(PoseFrame *f, V2 a, V2 b, float r, uint32_t c)
{
    int x0 = (int)floorf(fminf(a.x, b.x) - r - 1),
        x1 = (int)ceilf(fmaxf(a.x, b.x) + r + 1);
    int y0 = (int)floorf(fminf(a.y, b.y) - r - 1),
        y1 = (int)ceilf(fmaxf(a.y, b.y) + r + 1);
    if (x0 < 0)
        x0 = 0;
    if (y0 < 0)
        y0 = 0;
    if (x1 > f->w - 1)
        x1 = f->w - 1;
    if (y1 > f->h - 1)
        y1 = f->h - 1;
    float dx = b.x - a.x, dy = b.y - a.y;
    float len2 = dx * dx + dy * dy;
    for (int y = y0; y <= y1; y++) {
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        for (int x = x0; x <= x1; x++) {
            float pxx = x + 0.5f - a.x, pyy = y + 0.5f - a.y;
            float t = len2 > 0 ? (pxx * dx + pyy * dy) / len2 : 0;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            float ex = pxx - t * dx, ey = pyy - t * dy;
            float d = sqrtf(ex * ex + ey * ey) - r;
            if (d < 0.5f)
                blend(&row[x], c, 0.5f - d);
        }
    }
}

static void disc(PoseFrame *f, V2 c, float r, uint32_t col)
{
    capsule(f, c, c, r, col);
}

static void rect(PoseFrame *f, float x0, float y0, float x1, float y1,
                 uint32_t c)
{
    int ix0 = (int)fmaxf(0, x0), ix1 = (int)fminf((float)f->w, x1);
    int iy0 = (int)fmaxf(0, y0), iy1 = (int)fminf((float)f->h, y1);
    for (int y = iy0; y < iy1; y++)
        for (int x = ix0; x < ix1; x++)
            blend(&f->pixels[(size_t)y * f->stride + x], c, 1);
}

// Soft ellipse shadow.
static void shadow(PoseFrame *f, float cx, float cy, float rx, float ry)
{
    int x0 = (int)fmaxf(0, cx - rx), x1 = (int)fminf((float)f->w - 1, cx + rx);
    int y0 = (int)fmaxf(0, cy - ry), y1 = (int)fminf((float)f->h - 1, cy + ry);
    for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++) {
            float u = (x - cx) / rx, v = (y - cy) / ry;
            float d = u * u + v * v;
            if (d < 1)
                blend(&f->pixels[(size_t)y * f->stride + x], 0x60000000u,
                      1 - d);
        }
}

static void background(PoseFrame *f, float floor_y)
{
    for (int y = 0; y < f->h; y++) {
        float t = (float)y / f->h;
        uint32_t r = (uint32_t)(18 + 20 * t), g = (uint32_t)(24 + 26 * t),
                 b = (uint32_t)(44 + 40 * t);
        if (y >= (int)floor_y) {
            r = 40;
            g = 46;
            b = 70;
        }
        uint32_t c = 0xFF000000u | r << 16 | g << 8 | b;
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        for (int x = 0; x < f->w; x++)
            row[x] = c;
    }
    rect(f, 0, floor_y - 1, (float)f->w, floor_y + 2, 0xFF6A7398u);
}

#define C_BODY 0xFFE9ECF7u
#define C_FAR 0xFF9AA2C0u
#define C_LEFT 0xFF52B0FFu
#define C_RIGHT 0xFFFF5C96u
#define C_WORKING 0xFFFF7A2Eu
#define C_BOX 0xFF8C6A4Au
#define C_BOX_TOP 0xFFB08A62u
#define C_WALL 0xFF59607Eu
#define C_BAND 0xFFFF4D4Du
#define C_BELL 0xFF30343Fu
#define C_MAT 0xFF2F8F77u
#define C_STRAP 0xFFFFC43Du

bool pose_render(PoseFrame *f, const char *id, double phase, PoseSide side,
                 bool single_leg)
{
    const Anim *an = find_anim(id);
    bool known = an != NULL;
    if (!an)
        an = find_anim("standing");
    int n;
    const Key *keys = keys_for(an, single_leg, &n);
    Key k;
    interpolate(keys, n, (float)phase, &k);
    Body b;
    solve(an, &k, &b);
    View v = view_for(f, an);
    float s = v.scale;
    background(f, v.oy);

    if (an->props & PROP_MAT)
        rect(f, v.ox - s * 1.0f, v.oy - s * 0.03f, v.ox + s * 1.0f, v.oy + 1,
             C_MAT);
    if (an->props & PROP_WALL) {
        float wx = v.ox + an->wall_x * s;
        rect(f, wx, 0, wx + s * 0.12f, v.oy, C_WALL);
    }
    if (an->props & PROP_BOX) {
        float x0 = v.ox + an->box_x0 * s, x1 = v.ox + an->box_x1 * s;
        float top = v.oy - an->box_h * s;
        rect(f, x0, top, x1, v.oy, C_BOX);
        rect(f, x0, top, x1, top + s * 0.03f, C_BOX_TOP);
    }
    V2 hp = px(&v, b.j[JOINT_HIP]);
    shadow(f, hp.x, v.oy + s * 0.015f, s * 0.55f, s * 0.05f);

    float limb = s * 0.055f, thin = s * 0.045f;
    uint32_t work = side == POSE_SIDE_RIGHT     ? C_RIGHT
                    : side == POSE_SIDE_LEFT    ? C_LEFT
                    : side == POSE_SIDE_WORKING ? C_WORKING
                                                : C_BODY;
    uint32_t near_leg = an->front ? C_BODY : work;
    uint32_t far_leg = an->front ? C_BODY : C_FAR;

    // Far side first.
    V2 hip1 = px(&v, an->front ? b.hip_l : b.j[JOINT_HIP]);
    V2 sh1 = px(&v, an->front ? b.shoulder_l : b.j[JOINT_SHOULDER]);
    capsule(f, sh1, px(&v, b.elbow[1]), thin, an->front ? C_BODY : C_FAR);
    capsule(f, px(&v, b.elbow[1]), px(&v, b.j[JOINT_WRIST1]), thin * 0.9f,
            an->front ? C_BODY : C_FAR);
    capsule(f, hip1, px(&v, b.j[JOINT_KNEE1]), limb, far_leg);
    capsule(f, px(&v, b.j[JOINT_KNEE1]), px(&v, b.j[JOINT_ANKLE1]), limb * 0.9f,
            far_leg);
    capsule(f, px(&v, b.j[JOINT_ANKLE1]), px(&v, b.j[JOINT_TOE1]), limb * 0.7f,
            far_leg);

    // Torso and head.
    V2 hip = px(&v, b.j[JOINT_HIP]), sh = px(&v, b.j[JOINT_SHOULDER]);
    if (an->front) {
        capsule(f, px(&v, b.hip_l), px(&v, b.hip_r), s * 0.07f, C_BODY);
        capsule(f, px(&v, b.shoulder_l), px(&v, b.shoulder_r), s * 0.07f,
                C_BODY);
        capsule(f, hip, sh, s * 0.1f, C_BODY);
    } else {
        capsule(f, hip, sh, s * 0.085f, C_BODY);
    }
    capsule(f, sh, px(&v, b.neck), s * 0.035f, C_BODY);
    disc(f, px(&v, b.j[JOINT_HEAD]), R_HEAD * s, C_BODY);

    // Near side.
    V2 hip0 = px(&v, an->front ? b.hip_r : b.j[JOINT_HIP]);
    capsule(f, hip0, px(&v, b.j[JOINT_KNEE0]), limb, near_leg);
    capsule(f, px(&v, b.j[JOINT_KNEE0]), px(&v, b.j[JOINT_ANKLE0]), limb * 0.9f,
            near_leg);
    capsule(f, px(&v, b.j[JOINT_ANKLE0]), px(&v, b.j[JOINT_TOE0]), limb * 0.7f,
            near_leg);
    V2 sh0 = px(&v, an->front ? b.shoulder_r : b.j[JOINT_SHOULDER]);
    capsule(f, sh0, px(&v, b.elbow[0]), thin, C_BODY);
    capsule(f, px(&v, b.elbow[0]), px(&v, b.j[JOINT_WRIST0]), thin * 0.9f,
            C_BODY);

    // Props held or worn.
    if (an->props & PROP_BAND) {
        V2 a = px(&v, b.j[JOINT_KNEE0]), c = px(&v, b.j[JOINT_KNEE1]);
        if (an->front) {
            a = px(&v,
                   add(b.j[JOINT_KNEE0],
                       add(b.j[JOINT_ANKLE0], b.j[JOINT_KNEE0], -1), 0.35f));
            c = px(&v,
                   add(b.j[JOINT_KNEE1],
                       add(b.j[JOINT_ANKLE1], b.j[JOINT_KNEE1], -1), 0.35f));
        }
        capsule(f, a, c, s * 0.022f, C_BAND);
        disc(f, a, s * 0.04f, C_BAND);
        disc(f, c, s * 0.04f, C_BAND);
    }
    if (an->props & PROP_BELL) {
        int hand = strcmp(an->id, "single-leg-deadlifts") == 0 ? 1 : 0;
        V2 w = px(&v, b.j[hand ? JOINT_WRIST1 : JOINT_WRIST0]);
        disc(f, (V2){w.x, w.y + s * 0.11f}, s * 0.095f, C_BELL);
        capsule(f, (V2){w.x - s * 0.05f, w.y}, (V2){w.x + s * 0.05f, w.y},
                s * 0.015f, C_BELL);
    }
    if (an->props & PROP_ANCHOR) {
        V2 a0 = px(&v, b.j[JOINT_ANKLE0]);
        rect(f, a0.x - s * 0.06f, a0.y - s * 0.06f, a0.x + s * 0.06f, v.oy,
             C_STRAP);
    }
    return known;
}
