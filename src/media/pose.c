/*
 * Demo figure: eased keyframes, forward kinematics with anchors, feet that
 * stay planted (two-bone inverse kinematics), a floor that no foot sinks
 * into, and one steady camera per exercise framed on the whole rep.
 *
 * The hip is the root. An anchor then moves the figure so a chosen point
 * (the standing foot's toes, a knee on the mat, the shoulders on the
 * floor) is where it belongs; a planted leg is re-solved so its foot stays
 * where it was at the start of the rep.
 */
#include <math.h>
#include <string.h>

#include "media/pose_internal.h"

#define DEG ((float)M_PI / 180.0f)

const Anim *pose_find(const char *id)
{
    for (int i = 0; i < pose_nanims; i++)
        if (strcmp(pose_anims[i].id, id) == 0)
            return &pose_anims[i];
    return NULL;
}

bool pose_known(const char *id)
{
    return pose_find(id) && strcmp(id, "standing") != 0;
}

const Key *pose_keys_for(const Anim *an, bool single, int *n)
{
    if (single && an->keys_single) {
        *n = an->nkeys_single;
        return an->keys_single;
    }
    *n = an->nkeys;
    return an->keys;
}

// ---- Kinematics ----

static V2 dir(float deg)
{
    return (V2){sinf(deg * DEG), -cosf(deg * DEG)};
}

static V2 add(V2 a, V2 b, float s)
{
    return (V2){a.x + b.x * s, a.y + b.y * s};
}

static float ease(Ease e, float t)
{
    switch (e) {
    case EASE_INOUT: return t * t * (3 - 2 * t);
    case EASE_OUT: return 1 - (1 - t) * (1 - t);
    case EASE_IN: return t * t;
    }
    return t;
}

static void interpolate(const Key *k, int n, float phase, Key *out)
{
    phase = phase - floorf(phase);
    int i = 0;
    while (i + 1 < n - 1 && phase >= k[i + 1].t)
        i++;
    const Key *a = &k[i], *b = &k[i + 1];
    float span = b->t - a->t;
    float t = span > 0 ? ease(a->ease, (phase - a->t) / span) : 0;
    if (t > 1)
        t = 1;
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
    out->ease = a->ease;
}

// The toe's centre from the ankle and the foot angle: the sole is flat on
// the ground at 90 degrees (heel and toe caps touch the same line).
static V2 toe_of(V2 ankle, float c, bool front)
{
    if (front)
        return add(ankle, dir(c), L_FOOT * 0.5f);
    return add(add(ankle, dir(c), L_FOOT), dir(c - 90), R_ANKLE - R_TOE);
}

static float foot_low(V2 ankle, V2 toe)
{
    return fminf(ankle.y - R_ANKLE, toe.y - R_TOE);
}

// Two-bone leg from hip to an ankle target; the knee bends on the side
// closest to the thigh angle the key asks for.
static void leg_ik(V2 hip, V2 target, float thigh_deg, V2 *knee, V2 *ankle)
{
    V2 d = {target.x - hip.x, target.y - hip.y};
    float dist = sqrtf(d.x * d.x + d.y * d.y);
    V2 u = dist > 1e-5f ? (V2){d.x / dist, d.y / dist} : (V2){0, -1};
    float lo = fabsf(L_THIGH - L_SHIN) + 1e-4f, hi = L_THIGH + L_SHIN - 1e-4f;
    dist = dist < lo ? lo : dist > hi ? hi : dist;
    float ca = (L_THIGH * L_THIGH + dist * dist - L_SHIN * L_SHIN) /
               (2 * L_THIGH * dist);
    float a = acosf(ca < -1 ? -1 : ca > 1 ? 1 : ca);
    V2 hint = dir(thigh_deg);
    V2 best = u;
    float best_dot = -2;
    for (int sgn = -1; sgn <= 1; sgn += 2) {
        float cs = cosf(a * sgn), sn = sinf(a * sgn);
        V2 c = {u.x * cs - u.y * sn, u.x * sn + u.y * cs};
        float dp = c.x * hint.x + c.y * hint.y;
        if (dp > best_dot) {
            best_dot = dp;
            best = c;
        }
    }
    *knee = add(hip, best, L_THIGH);
    *ankle = add(hip, u, dist);
}

// One exercise in one form, with the mat's span worked out once.
typedef struct Ctx {
    const Anim *an;
    const Key *keys;
    int n;
    float mat0, mat1;
} Ctx;

// The height of what is under a foot spanning x0..x1.
static float surface_under(const Ctx *cx, float x0, float x1)
{
    const Anim *an = cx->an;
    float s = 0;
    if ((an->props & PROP_BOX) && x1 > an->box_x0 && x0 < an->box_x1)
        s = an->box_h;
    if ((an->props & PROP_MAT) && x1 > cx->mat0 && x0 < cx->mat1)
        s = fmaxf(s, MAT_H);
    return s;
}

static void foot_span(V2 ankle, V2 toe, float *x0, float *x1)
{
    *x0 = fminf(ankle.x - R_ANKLE, toe.x - R_TOE);
    *x1 = fmaxf(ankle.x + R_ANKLE, toe.x + R_TOE);
}

typedef enum Pass { PASS_RAW, PASS_NO_PLANT, PASS_FULL } Pass;

static void solve_pass(const Ctx *cx, float phase, Body *b, Pass pass)
{
    const Anim *an = cx->an;
    Key k;
    interpolate(cx->keys, cx->n, phase, &k);
    V2 hip = {k.hx, k.hy};
    float hw = an->front ? 0.11f : 0;
    V2 knee[2], ankle[2], toe[2];
    for (int s = 0; s < 2; s++) {
        V2 h = {hip.x + (s == 0 ? hw : -hw), hip.y};
        knee[s] = add(h, dir(k.leg[s].a), L_THIGH);
        ankle[s] = add(knee[s], dir(k.leg[s].b), L_SHIN);
        toe[s] = toe_of(ankle[s], k.leg[s].c, an->front);
    }
    V2 up = {sinf(k.lean * DEG), cosf(k.lean * DEG)};
    V2 shift = {0, 0};
    switch (an->anchor) {
    case ANCHOR_NONE: break;
    case ANCHOR_FOOT0: {
        float surface = (an->props & PROP_BOX) ? an->box_h : 0;
        shift.y = surface - foot_low(ankle[0], toe[0]);
        // The standing foot's toes stay put; the front view steps sideways.
        if (!an->front)
            shift.x = an->ax - toe[0].x;
        break;
    }
    case ANCHOR_KNEE0:
        shift = (V2){an->ax - knee[0].x, an->ay - knee[0].y};
        break;
    case ANCHOR_SHOULDER: {
        V2 sh = add(hip, up, L_TORSO);
        shift = (V2){an->ax - sh.x, an->ay - sh.y};
        break;
    }
    }
    hip = add(hip, shift, 1);
    for (int s = 0; s < 2; s++) {
        knee[s] = add(knee[s], shift, 1);
        ankle[s] = add(ankle[s], shift, 1);
        toe[s] = add(toe[s], shift, 1);
    }
    if (pass != PASS_RAW) {
        // Planted feet: the toes stay where they were at the start of the
        // rep, on what is under them.
        Body start;
        if (pass == PASS_FULL && an->plant)
            solve_pass(cx, 0, &start, PASS_NO_PLANT);
        for (int s = 0; s < 2; s++) {
            V2 hs = {hip.x + (s == 0 ? hw : -hw), hip.y};
            if (pass == PASS_FULL && (an->plant & (1 << s))) {
                float x0, x1;
                foot_span(start.ankle[s], start.toe[s], &x0, &x1);
                float lift = surface_under(cx, x0, x1) -
                             foot_low(start.ankle[s], start.toe[s]);
                V2 t = {start.toe[s].x, start.toe[s].y + lift};
                V2 a = add(
                    t, (V2){toe[s].x - ankle[s].x, toe[s].y - ankle[s].y}, -1);
                leg_ik(hs, a, k.leg[s].a, &knee[s], &ankle[s]);
                toe[s] = toe_of(ankle[s], k.leg[s].c, an->front);
                continue;
            }
            if (an->anchor == ANCHOR_FOOT0 && s == 0)
                continue;
            // A free foot never goes into the floor or a prop, and one
            // that nearly touches down does touch down.
            float x0, x1;
            foot_span(ankle[s], toe[s], &x0, &x1);
            float gap = foot_low(ankle[s], toe[s]) - surface_under(cx, x0, x1);
            float snap = gap < 0        ? -gap
                         : gap < 0.025f ? -gap
                         : gap < 0.05f  ? -gap * (0.05f - gap) / 0.025f
                                        : 0;
            if (snap != 0) {
                V2 a = {ankle[s].x, ankle[s].y + snap};
                leg_ik(hs, a, k.leg[s].a, &knee[s], &ankle[s]);
                toe[s] = toe_of(ankle[s], k.leg[s].c, an->front);
            }
        }
    }
    b->hip = hip;
    b->up = up;
    b->fwd = (V2){up.y, -up.x};
    b->shoulder = add(hip, up, L_TORSO);
    b->neck = add(b->shoulder, up, L_NECK);
    b->head = add(b->neck, up, R_HEAD * 0.9f);
    b->hup = up;
    b->hfwd = b->fwd;
    // Lying down, the head rests on the floor (or the mat) instead of
    // going through it: the neck bends.
    float ground = (an->props & PROP_MAT) ? MAT_H : 0;
    if (b->head.y - R_HEAD < ground) {
        b->head.y = ground + R_HEAD;
        V2 d = {b->head.x - b->shoulder.x, b->head.y - b->shoulder.y};
        float l = sqrtf(d.x * d.x + d.y * d.y);
        if (l > 1e-5f) {
            b->hup = (V2){d.x / l, d.y / l};
            b->hfwd = (V2){b->hup.y, -b->hup.x};
        }
        b->neck = add(b->shoulder, b->hup, L_NECK);
    }
    for (int s = 0; s < 2; s++) {
        b->knee[s] = knee[s];
        b->ankle[s] = ankle[s];
        b->toe[s] = toe[s];
    }
    float sw = an->front ? 0.19f : 0;
    b->hip_side[0] = (V2){hip.x + hw, hip.y};
    b->hip_side[1] = (V2){hip.x - hw, hip.y};
    b->shoulder_side[0] = (V2){b->shoulder.x + sw, b->shoulder.y};
    b->shoulder_side[1] = (V2){b->shoulder.x - sw, b->shoulder.y};
    for (int s = 0; s < 2; s++) {
        b->elbow[s] = add(b->shoulder_side[s], dir(k.arm[s].a), L_UPPER);
        b->wrist[s] = add(b->elbow[s], dir(k.arm[s].b), L_FORE);
        // Hands rest on the floor rather than in it.
        float low = MAT_H + 0.045f;
        if (b->wrist[s].y < low)
            b->wrist[s].y = low;
    }
}

static Ctx ctx_for(const Anim *an, bool single);

void pose_solve(const Anim *an, bool single, float phase, Body *b)
{
    Ctx cx = ctx_for(an, single);
    solve_pass(&cx, phase, b, PASS_FULL);
}

void pose_foot_extent(const Anim *an, const Body *b, int s, float *low,
                      float *x0, float *x1)
{
    (void)an;
    *low = foot_low(b->ankle[s], b->toe[s]);
    foot_span(b->ankle[s], b->toe[s], x0, x1);
}

// ---- Camera ----

typedef struct Box {
    float x0, y0, x1, y1;
} Box;

static void grow(Box *bx, V2 p, float r)
{
    bx->x0 = fminf(bx->x0, p.x - r);
    bx->x1 = fmaxf(bx->x1, p.x + r);
    bx->y0 = fminf(bx->y0, p.y - r);
    bx->y1 = fmaxf(bx->y1, p.y + r);
}

#define CAMERA_SAMPLES 40

// The figure's extent over the whole rep (skeleton plus flesh), without
// the props fixed in the set.
static Box figure_box(const Ctx *cx, Pass pass)
{
    const Anim *an = cx->an;
    Box bx = {1e9f, 1e9f, -1e9f, -1e9f};
    for (int i = 0; i < CAMERA_SAMPLES; i++) {
        Body b;
        solve_pass(cx, (float)i / CAMERA_SAMPLES, &b, pass);
        float side = an->front ? 0.16f : 0;
        // Flesh and outline round each joint, a little to spare.
        grow(&bx, b.hip, 0.14f + side);
        grow(&bx, add(b.hip, b.up, L_TORSO * 0.62f), 0.13f + side);
        grow(&bx, b.head, R_HEAD + 0.03f);
        for (int s = 0; s < 2; s++) {
            grow(&bx, b.knee[s], R_KNEE + 0.02f);
            grow(&bx, b.ankle[s], R_ANKLE + 0.02f);
            grow(&bx, b.toe[s], R_TOE + 0.02f);
            grow(&bx, b.elbow[s], 0.06f);
            grow(&bx, b.wrist[s], 0.07f);
            if (an->props & PROP_BELL)
                grow(&bx, add(b.wrist[s], (V2){0, -1}, 0.12f), 0.12f);
        }
    }
    return bx;
}

static Ctx ctx_for(const Anim *an, bool single)
{
    Ctx cx = {an, NULL, 0, 0, 0};
    cx.keys = pose_keys_for(an, single, &cx.n);
    if (an->props & PROP_MAT) {
        // The mat lies under the whole body, wherever the rep takes it.
        Box bx = figure_box(&cx, PASS_RAW);
        cx.mat0 = bx.x0 - 0.08f;
        cx.mat1 = bx.x1 + 0.08f;
    }
    return cx;
}

void pose_mat_span(const Anim *an, bool single, float *x0, float *x1)
{
    Ctx cx = ctx_for(an, single);
    *x0 = cx.mat0;
    *x1 = cx.mat1;
}

View pose_view(const Anim *an, bool single, int w, int h)
{
    Ctx cx = ctx_for(an, single);
    Box bx = figure_box(&cx, PASS_FULL);
    if (an->props & PROP_BOX) {
        grow(&bx, (V2){an->box_x0, an->box_h}, 0.02f);
        grow(&bx, (V2){an->box_x1, 0}, 0.02f);
    }
    if (an->props & PROP_WALL)
        bx.x1 = fmaxf(bx.x1, an->wall_x + 0.14f);
    bx.y0 = fminf(bx.y0, 0);
    float bw = bx.x1 - bx.x0, bh = bx.y1 - bx.y0;
    View v;
    // The long side fills most of its direction; the floor stays in view
    // below, with room for the shadow.
    v.scale = fminf(0.86f * w / bw, 0.85f * h / bh);
    v.ox = w * 0.5f - (bx.x0 + bx.x1) * 0.5f * v.scale;
    v.oy = h * 0.92f + bx.y0 * v.scale;
    return v;
}

float pose_work_at(const Anim *an, float phase)
{
    phase -= floorf(phase);
    if (an->work0 <= 0 && an->work1 >= 1)
        return 1;
    float in = 0.07f, out = 0.09f;
    float t;
    if (phase < an->work0 || phase > an->work1)
        return 0;
    t = fminf((phase - an->work0) / in, (an->work1 - phase) / out);
    if (t >= 1)
        return 1;
    return t * t * (3 - 2 * t);
}

// ---- The public face ----

bool pose_joint(const char *id, double phase, bool single_leg, int w, int h,
                PoseJoint j, float *x, float *y)
{
    const Anim *an = pose_find(id);
    if (!an || (unsigned)j >= JOINT_COUNT_)
        return false;
    Body b;
    pose_solve(an, single_leg, (float)phase, &b);
    View v = pose_view(an, single_leg, w, h);
    V2 p = b.hip;
    switch (j) {
    case JOINT_HEAD: p = b.head; break;
    case JOINT_SHOULDER: p = b.shoulder; break;
    case JOINT_HIP: p = b.hip; break;
    case JOINT_KNEE0: p = b.knee[0]; break;
    case JOINT_ANKLE0: p = b.ankle[0]; break;
    case JOINT_TOE0: p = b.toe[0]; break;
    case JOINT_KNEE1: p = b.knee[1]; break;
    case JOINT_ANKLE1: p = b.ankle[1]; break;
    case JOINT_TOE1: p = b.toe[1]; break;
    case JOINT_WRIST0: p = b.wrist[0]; break;
    case JOINT_WRIST1: p = b.wrist[1]; break;
    case JOINT_COUNT_: break;
    }
    RasterPt q = pose_px(&v, p);
    *x = q.x;
    *y = q.y;
    return true;
}

bool pose_probe(const char *id, double phase, bool single_leg, int w, int h,
                PoseProbe *p)
{
    const Anim *an = pose_find(id);
    if (!an)
        return false;
    Body b;
    pose_solve(an, single_leg, (float)phase, &b);
    View v = pose_view(an, single_leg, w, h);
    memset(p, 0, sizeof(*p));
    p->floor_y = v.oy;
    for (int s = 0; s < 2; s++) {
        float low, x0, x1;
        pose_foot_extent(an, &b, s, &low, &x0, &x1);
        p->foot_low[s] = v.oy - low * v.scale;
        p->foot_x0[s] = v.ox + x0 * v.scale;
        p->foot_x1[s] = v.ox + x1 * v.scale;
    }
    if (an->props & PROP_BOX) {
        p->solids[p->nsolids].x0 = v.ox + an->box_x0 * v.scale;
        p->solids[p->nsolids].x1 = v.ox + an->box_x1 * v.scale;
        p->solids[p->nsolids].top = v.oy - an->box_h * v.scale;
        p->solids[p->nsolids++].name = "box";
    }
    if (an->props & PROP_MAT) {
        float x0, x1;
        pose_mat_span(an, single_leg, &x0, &x1);
        p->solids[p->nsolids].x0 = v.ox + x0 * v.scale;
        p->solids[p->nsolids].x1 = v.ox + x1 * v.scale;
        p->solids[p->nsolids].top = v.oy - MAT_H * v.scale;
        p->solids[p->nsolids++].name = "mat";
    }
    return true;
}

unsigned pose_muscles(const char *id)
{
    const Anim *an = pose_find(id);
    return an ? an->muscles : 0;
}

const char *pose_muscle_name(PoseMuscle m)
{
    switch (m) {
    case POSE_MUSCLE_GLUTES: return "Glutes";
    case POSE_MUSCLE_HAMSTRINGS: return "Hamstrings";
    case POSE_MUSCLE_ABDUCTORS: return "Hip abductors";
    case POSE_MUSCLE_CALVES: return "Calves";
    case POSE_MUSCLE_QUADS: return "Quads";
    }
    return "";
}

float pose_work(const char *id, double phase)
{
    const Anim *an = pose_find(id);
    return an ? pose_work_at(an, (float)phase) : 0;
}

bool pose_render_layers(PoseFrame *f, const char *id, double phase,
                        PoseSide side, bool single_leg, unsigned layers)
{
    const Anim *an = pose_find(id);
    bool known = an != NULL;
    if (!an)
        an = pose_find("standing");
    Body b;
    pose_solve(an, single_leg, (float)phase, &b);
    View v = pose_view(an, single_leg, f->w, f->h);
    if (layers & POSE_LAYER_SET)
        pose_draw_set(f, an, single_leg, &v);
    if (layers & POSE_LAYER_SHADOW)
        pose_draw_shadow(f, &v, &b);
    if (layers & POSE_LAYER_FIGURE)
        pose_draw_figure(f, an, single_leg, &v, &b, (float)phase, side);
    return known;
}

bool pose_render(PoseFrame *f, const char *id, double phase, PoseSide side,
                 bool single_leg)
{
    return pose_render_layers(f, id, phase, side, single_leg, POSE_LAYER_ALL);
}
