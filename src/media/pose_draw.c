/*
 * Drawing the demo coach: the garage-gym set, the figure's soft shadow,
 * and the figure itself with volume (tapered, shaded limbs with a dark
 * outline, chest and hips, hands, shoes, a head with a face), the far-side
 * limbs darker, the worked muscles glowing, and the props it holds.
 *
 * Every part is drawn outline-first: a limb's outline is the same limb
 * drawn wider in a dark colour, and each group (a leg, an arm, the trunk)
 * draws all its outlines before its fills, so joints inside a group show
 * no seam while a near limb stays readable over a far one.
 */
#include <math.h>

#include "media/pose_internal.h"

#define C_WALL_TOP 0xFF0D1120u
#define C_WALL_LOW 0xFF1D2444u
#define C_FLOOR_NEAR 0xFF262D4Eu
#define C_FLOOR_FAR 0xFF12172Au
#define C_FLOOR_EDGE 0xFF4B5587u
#define C_DOOR 0xFF222A4Au
#define C_SLAT 0xFF0B0E1Au
#define C_RACK 0xFF2A3150u
#define C_PLATE 0xFF181D31u
#define C_PLATE_RIM 0xFF39426Au

#define C_LINE 0xFF0A0D18u
#define C_SKIN 0xFFE9ECF7u
#define C_SHIRT 0xFF6878E0u
#define C_SHORTS 0xFF3A4682u
#define C_HAIR 0xFF2B2436u
#define C_SHOE 0xFF9AA2C2u
#define C_EYE 0xFF1A1D2Bu
#define C_LEFT 0xFF52B0FFu
#define C_RIGHT 0xFFFF5C96u
#define C_WORKING 0xFFFF7A2Eu
#define C_BOX 0xFF8C6A4Au
#define C_BOX_TOP 0xFFB58E65u
#define C_BOX_SIDE 0xFF6E5239u
#define C_WALL 0xFF4A5274u
#define C_WALL_EDGE 0xFF6A7398u
#define C_BAND 0xFFFF4D4Du
#define C_BELL 0xFF5A6178u
#define C_MAT 0xFF2F8F77u
#define C_MAT_TOP 0xFF4DB897u
#define C_PAD 0xFF7C86B0u

#define FAR 0.66f   // far-side limbs: this much of the near side's light
#define SHADE 0.9f  // cylinder shading strength
#define LINE 0.016f // outline width, world units

typedef struct Pen {
    PoseFrame *f;
    const View *v;
    float line; // pixels
} Pen;

static V2 at(V2 a, V2 b, float t)
{
    return (V2){a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

static V2 off(V2 p, V2 d, float s)
{
    return (V2){p.x + d.x * s, p.y + d.y * s};
}

static V2 unit(V2 a, V2 b)
{
    float dx = b.x - a.x, dy = b.y - a.y, l = sqrtf(dx * dx + dy * dy);
    return l > 1e-6f ? (V2){dx / l, dy / l} : (V2){0, -1};
}

// The side of a limb running along d that faces forward for a leg.
static V2 front_of(V2 d)
{
    return (V2){-d.y, d.x};
}

static RasterLimb limb(const Pen *p, V2 a, V2 b, float ra, float rb)
{
    float s = p->v->scale;
    return (RasterLimb){pose_px(p->v, a), pose_px(p->v, b), ra * s, rb * s};
}

static void outline(const Pen *p, V2 a, V2 b, float ra, float rb, uint32_t c)
{
    raster_outline(p->f, limb(p, a, b, ra, rb), p->line, c);
}

static void fill_shaded(const Pen *p, V2 a, V2 b, float ra, float rb,
                        uint32_t c, float shade)
{
    raster_limb(p->f, limb(p, a, b, ra, rb), c, shade);
}

static void fill(const Pen *p, V2 a, V2 b, float ra, float rb, uint32_t c)
{
    fill_shaded(p, a, b, ra, rb, c, SHADE);
}

static void glow(const Pen *p, V2 a, V2 b, float ra, float rb, float alpha)
{
    raster_glow(p->f, limb(p, a, b, ra, rb), 0.05f * p->v->scale, POSE_GLOW,
                alpha);
}

// ---- The set ----

void pose_draw_set(PoseFrame *f, const Anim *an, bool single, const View *v)
{
    int floor_y = (int)lroundf(v->oy);
    float W = (float)f->w, H = (float)f->h, s = v->scale;
    raster_gradient(f, 0, floor_y, C_WALL_TOP, C_WALL_LOW);
    raster_gradient(f, floor_y, f->h, C_FLOOR_NEAR, C_FLOOR_FAR);
    // A hint of a garage: a roller door behind on the left, a plate rack
    // on the right, both dim so the coach stands out.
    float d0 = W * 0.05f, d1 = W * 0.50f, dt = H * 0.10f;
    raster_rect(f, d0, dt, d1, v->oy, C_DOOR, 0.55f);
    for (float y = dt + H * 0.06f; y < v->oy - 2; y += H * 0.06f) {
        raster_rect(f, d0, y, d1, y + fmaxf(1, H * 0.004f), C_SLAT, 0.55f);
        raster_rect(f, d0, y + H * 0.004f, d1, y + H * 0.007f, C_DOOR, 0.5f);
    }
    float rx = W * 0.80f, rw = W * 0.012f;
    raster_rect(f, rx, H * 0.30f, rx + rw, v->oy, C_RACK, 0.8f);
    raster_rect(f, W * 0.93f, H * 0.30f, W * 0.93f + rw, v->oy, C_RACK, 0.8f);
    for (int i = 0; i < 3; i++) {
        float r = H * (0.085f - 0.015f * i), cx = W * (0.835f + 0.035f * i);
        RasterPt c = {cx, v->oy - r - 1};
        raster_limb(f, (RasterLimb){c, c, r, r}, C_PLATE_RIM, 0);
        raster_limb(f, (RasterLimb){c, c, r * 0.82f, r * 0.82f}, C_PLATE, 0);
        raster_limb(f, (RasterLimb){c, c, r * 0.18f, r * 0.18f}, C_PLATE_RIM,
                    0);
    }
    raster_rect(f, 0, v->oy - 1, W, v->oy + fmaxf(1.5f, H * 0.003f),
                C_FLOOR_EDGE, 1);

    if (an->props & PROP_WALL) {
        float wx = v->ox + an->wall_x * s;
        raster_rect(f, wx, 0, wx + s * 0.12f, v->oy, C_WALL, 1);
        raster_rect(f, wx, 0, wx + s * 0.015f, v->oy, C_WALL_EDGE, 1);
    }
    if (an->props & PROP_MAT) {
        float x0, x1;
        pose_mat_span(an, single, &x0, &x1);
        float l = v->ox + x0 * s, r = v->ox + x1 * s, top = v->oy - MAT_H * s;
        raster_rect(f, l, top, r, v->oy, C_MAT, 1);
        raster_rect(f, l, top, r, top + s * 0.008f, C_MAT_TOP, 1);
    }
    if (an->props & PROP_BOX) {
        float x0 = v->ox + an->box_x0 * s, x1 = v->ox + an->box_x1 * s;
        float top = v->oy - an->box_h * s, ln = fmaxf(1, s * LINE);
        raster_rect(f, x0 - ln, top - ln, x1 + ln, v->oy, C_LINE, 1);
        raster_rect(f, x0, top, x1, v->oy, C_BOX, 1);
        raster_rect(f, x1 - s * 0.05f, top, x1, v->oy, C_BOX_SIDE, 1);
        raster_rect(f, x0, top, x1, top + s * 0.03f, C_BOX_TOP, 1);
        // A hand hole, as plyo boxes have.
        float hy = top + (v->oy - top) * 0.35f, hx = (x0 + x1) * 0.5f;
        raster_limb(f,
                    (RasterLimb){{hx - s * 0.07f, hy},
                                 {hx + s * 0.07f, hy},
                                 s * 0.025f,
                                 s * 0.025f},
                    C_BOX_SIDE, 0);
    }
}

void pose_draw_shadow(PoseFrame *f, const View *v, const Body *b)
{
    float x0 = b->hip.x, x1 = b->hip.x;
    V2 pts[] = {b->head,     b->shoulder, b->knee[0], b->knee[1],
                b->ankle[0], b->ankle[1], b->toe[0],  b->toe[1]};
    for (unsigned i = 0; i < sizeof(pts) / sizeof(pts[0]); i++) {
        x0 = fminf(x0, pts[i].x);
        x1 = fmaxf(x1, pts[i].x);
    }
    float s = v->scale;
    raster_soft_ellipse(f, v->ox + (x0 + x1) * 0.5f * s, v->oy + s * 0.01f,
                        ((x1 - x0) * 0.5f + 0.22f) * s, 0.06f * s, 0xFF000000u,
                        0.55f);
}

// ---- The figure ----

typedef struct Look {
    uint32_t skin, shirt, shorts, shoe, line;
    float work;  // glow strength on this limb, 0: none
    float shade; // of the skin
} Look;

static Look look(float light, uint32_t line, uint32_t shoe, float work)
{
    Look l = {raster_tint(C_SKIN, light),
              raster_tint(C_SHIRT, light),
              raster_tint(C_SHORTS, light),
              raster_tint(shoe, light),
              line,
              work,
              SHADE};
    return l;
}

// A side-view leg: thigh (shorts over its top), shin with its calf, shoe.
static void draw_leg(const Pen *p, const Body *b, int s, const Look *lk,
                     unsigned muscles)
{
    V2 h = b->hip, k = b->knee[s], a = b->ankle[s], t = b->toe[s];
    V2 sd = unit(k, a), calf_back = front_of(sd);
    calf_back = (V2){-calf_back.x, -calf_back.y};
    V2 c0 = off(at(k, a, 0.18f), calf_back, 0.018f),
       c1 = off(at(k, a, 0.55f), calf_back, 0.006f);
    outline(p, h, k, R_HIP, R_KNEE, lk->line);
    outline(p, k, a, R_KNEE, 0.040f, lk->line);
    outline(p, c0, c1, 0.058f, 0.042f, lk->line);
    outline(p, a, t, R_ANKLE, R_TOE, lk->line);
    fill_shaded(p, h, k, R_HIP, R_KNEE, lk->skin, lk->shade);
    fill_shaded(p, k, a, R_KNEE, 0.040f, lk->skin, lk->shade);
    fill_shaded(p, c0, c1, 0.058f, 0.042f, lk->skin, lk->shade);
    fill(p, h, at(h, k, 0.42f), R_HIP + 0.006f, 0.082f, lk->shorts);
    fill(p, a, t, R_ANKLE, R_TOE, lk->shoe);
    if (lk->work <= 0)
        return;
    V2 td = unit(h, k), fr = front_of(td), bk = {-fr.x, -fr.y};
    if (muscles & POSE_MUSCLE_QUADS)
        glow(p, off(at(h, k, 0.25f), fr, 0.042f),
             off(at(h, k, 0.84f), fr, 0.026f), 0.046f, 0.030f, lk->work);
    if (muscles & POSE_MUSCLE_HAMSTRINGS)
        glow(p, off(at(h, k, 0.22f), bk, 0.042f),
             off(at(h, k, 0.86f), bk, 0.026f), 0.046f, 0.028f, lk->work);
    if (muscles & POSE_MUSCLE_CALVES)
        glow(p, off(at(k, a, 0.16f), calf_back, 0.028f),
             off(at(k, a, 0.55f), calf_back, 0.012f), 0.042f, 0.026f, lk->work);
}

static void draw_arm(const Pen *p, const Body *b, int s, V2 sh, const Look *lk)
{
    V2 e = b->elbow[s], w = b->wrist[s];
    V2 hand = off(w, unit(e, w), 0.035f);
    outline(p, sh, e, 0.052f, 0.042f, lk->line);
    outline(p, e, w, 0.040f, 0.032f, lk->line);
    outline(p, hand, hand, 0.042f, 0.042f, lk->line);
    fill(p, sh, e, 0.052f, 0.042f, lk->skin);
    fill(p, e, w, 0.040f, 0.032f, lk->skin);
    fill(p, hand, hand, 0.042f, 0.042f, lk->skin);
    fill(p, sh, at(sh, e, 0.4f), 0.062f, 0.052f, lk->shirt);
}

// Trunk and head, side view: hips, a chest that shows the front, a face
// with an eye and a nose, hair at the back, a headband.
// A face turned to the viewer: hair on top, two eyes.
static void draw_face_front(const Pen *p, V2 hd, V2 up, const Look *lk)
{
    V2 face = off(hd, up, -0.02f), side = {up.y, -up.x};
    fill(p, face, face, R_HEAD * 0.9f, R_HEAD * 0.88f, lk->skin);
    for (int s = -1; s <= 1; s += 2) {
        V2 e = off(off(hd, side, s * 0.042f), up, -0.005f);
        fill(p, e, e, 0.014f, 0.014f, C_EYE);
    }
}

// The hip's muscles, drawn over the near thigh's root: the glute behind,
// the abductors on the side (on top when lying on the side).
static void draw_hip_glow(const Pen *p, const Body *b, unsigned muscles,
                          float work, bool side_lying)
{
    V2 u = b->up, fw = b->fwd, h = b->hip;
    if (work <= 0)
        return;
    if (muscles & POSE_MUSCLE_GLUTES)
        glow(p, off(off(h, fw, -0.065f), u, 0.03f),
             off(off(h, fw, -0.06f), u, -0.05f), 0.07f, 0.066f, work);
    if (muscles & POSE_MUSCLE_ABDUCTORS) {
        V2 c = side_lying ? off(off(h, fw, 0.05f), u, 0.04f) : off(h, u, 0.06f);
        glow(p, off(c, u, 0.03f), off(c, u, -0.03f), 0.05f, 0.045f, work);
    }
}

static void draw_trunk(const Pen *p, const Body *b, const Look *lk,
                       bool face_camera)
{
    V2 u = b->up, fw = b->fwd, h = b->hip, hu = b->hup, hf = b->hfwd;
    V2 pel0 = off(h, u, -0.02f), pel1 = off(h, u, 0.12f);
    V2 t0 = off(h, u, 0.08f), t1 = off(b->shoulder, u, -0.03f);
    V2 ch0 = off(off(h, u, 0.30f), fw, 0.03f),
       ch1 = off(off(h, u, 0.47f), fw, 0.025f);
    V2 hd = b->head;
    outline(p, pel0, pel1, 0.118f, 0.11f, lk->line);
    outline(p, t0, t1, 0.105f, 0.11f, lk->line);
    outline(p, ch0, ch1, 0.112f, 0.10f, lk->line);
    outline(p, b->shoulder, b->neck, 0.048f, 0.045f, lk->line);
    outline(p, hd, hd, R_HEAD, R_HEAD, lk->line);
    fill(p, t0, t1, 0.105f, 0.11f, lk->shirt);
    fill(p, ch0, ch1, 0.112f, 0.10f, lk->shirt);
    fill(p, pel0, pel1, 0.118f, 0.11f, lk->shorts);
    fill(p, b->shoulder, b->neck, 0.048f, 0.045f, lk->skin);
    fill(p, hd, hd, R_HEAD, R_HEAD, C_HAIR);
    if (face_camera) {
        draw_face_front(p, hd, hu, lk);
        return;
    }
    V2 face = off(off(hd, hf, 0.022f), hu, -0.012f);
    fill(p, face, face, R_HEAD * 0.9f, R_HEAD * 0.9f, lk->skin);
    V2 nose0 = off(hd, hf, 0.09f), nose1 = off(off(hd, hf, 0.128f), hu, -0.02f);
    fill(p, nose0, nose1, 0.022f, 0.016f, lk->skin);
    V2 eye = off(off(hd, hf, 0.07f), hu, 0.018f);
    fill(p, eye, eye, 0.014f, 0.014f, C_EYE);
}

// Front view (band walks): both legs near, the face towards the camera.
static void draw_front(const Pen *p, const Body *b, const Look *lk,
                       unsigned muscles)
{
    for (int s = 0; s < 2; s++) {
        V2 h = b->hip_side[s], k = b->knee[s], a = b->ankle[s], t = b->toe[s];
        outline(p, h, k, R_HIP, R_KNEE, lk->line);
        outline(p, k, a, R_KNEE, 0.042f, lk->line);
        outline(p, a, t, R_ANKLE, R_TOE + 0.01f, lk->line);
        fill(p, h, k, R_HIP, R_KNEE, lk->skin);
        fill(p, k, a, R_KNEE, 0.042f, lk->skin);
        fill(p, h, at(h, k, 0.4f), R_HIP + 0.006f, 0.084f, lk->shorts);
        fill(p, a, t, R_ANKLE, R_TOE + 0.01f, lk->shoe);
    }
    V2 u = b->up, h = b->hip;
    V2 t0 = off(h, u, 0.1f), t1 = off(b->shoulder, u, -0.05f);
    outline(p, b->hip_side[1], b->hip_side[0], 0.12f, 0.12f, lk->line);
    outline(p, t0, t1, 0.14f, 0.16f, lk->line);
    outline(p, b->shoulder_side[1], b->shoulder_side[0], 0.07f, 0.07f,
            lk->line);
    for (int s = 0; s < 2; s++) {
        outline(p, b->shoulder_side[s], b->elbow[s], 0.052f, 0.042f, lk->line);
        outline(p, b->elbow[s], b->wrist[s], 0.040f, 0.032f, lk->line);
        outline(p, b->wrist[s], b->wrist[s], 0.042f, 0.042f, lk->line);
        fill(p, b->shoulder_side[s], b->elbow[s], 0.052f, 0.042f, lk->skin);
        fill(p, b->elbow[s], b->wrist[s], 0.040f, 0.032f, lk->skin);
        fill(p, b->wrist[s], b->wrist[s], 0.042f, 0.042f, lk->skin);
    }
    fill(p, t0, t1, 0.14f, 0.16f, lk->shirt);
    fill(p, b->shoulder_side[1], b->shoulder_side[0], 0.07f, 0.07f, lk->shirt);
    fill(p, b->hip_side[1], b->hip_side[0], 0.12f, 0.12f, lk->shorts);
    if (lk->work > 0 &&
        (muscles & (POSE_MUSCLE_ABDUCTORS | POSE_MUSCLE_GLUTES)))
        for (int s = 0; s < 2; s++) {
            float sg = s == 0 ? 1.0f : -1.0f;
            V2 o = {b->hip_side[s].x + sg * 0.07f, b->hip_side[s].y + 0.05f};
            glow(p, o, (V2){o.x - sg * 0.01f, o.y - 0.07f}, 0.05f, 0.045f,
                 lk->work);
        }
    V2 hd = b->head;
    outline(p, b->shoulder, b->neck, 0.05f, 0.048f, lk->line);
    outline(p, hd, hd, R_HEAD, R_HEAD, lk->line);
    fill(p, b->shoulder, b->neck, 0.05f, 0.048f, lk->skin);
    fill(p, hd, hd, R_HEAD, R_HEAD, C_HAIR);
    draw_face_front(p, hd, u, lk);
}

static void draw_band(const Pen *p, const Anim *an, bool single, const Body *b)
{
    V2 a, c, a0, c0;
    Body start;
    pose_solve(an, single, 0, &start);
    if (an->front) {
        a = at(b->knee[0], b->ankle[0], 0.35f);
        c = at(b->knee[1], b->ankle[1], 0.35f);
        a0 = at(start.knee[0], start.ankle[0], 0.35f);
        c0 = at(start.knee[1], start.ankle[1], 0.35f);
    } else {
        a = b->knee[0];
        c = b->knee[1];
        a0 = start.knee[0];
        c0 = start.knee[1];
    }
    // The band stretches: thinner and paler the further it is pulled.
    float len = hypotf(a.x - c.x, a.y - c.y),
          rest = hypotf(a0.x - c0.x, a0.y - c0.y);
    float k = len > 1e-4f ? rest / len : 1;
    k = k < 0.45f ? 0.45f : k > 1 ? 1 : k;
    float r = 0.024f * sqrtf(k);
    uint32_t col = raster_tint(C_BAND, 1 + 0.45f * (1 - k));
    outline(p, a, c, r, r, C_LINE);
    fill(p, a, c, r, r, col);
    fill(p, a, a, 0.045f, 0.045f, col);
    fill(p, c, c, 0.045f, 0.045f, col);
}

void pose_draw_figure(PoseFrame *f, const Anim *an, bool single, const View *v,
                      const Body *b, float phase, PoseSide side)
{
    Pen p = {f, v, fmaxf(1.0f, LINE * v->scale)};
    float work = pose_work_at(an, phase);
    uint32_t mark = side == POSE_SIDE_RIGHT     ? C_RIGHT
                    : side == POSE_SIDE_LEFT    ? C_LEFT
                    : side == POSE_SIDE_WORKING ? C_WORKING
                                                : 0;
    unsigned m = an->muscles;
    if (an->front) {
        Look lk = look(1, C_LINE, mark ? mark : C_SHOE, work);
        draw_front(&p, b, &lk, m);
        if (an->props & PROP_BAND)
            draw_band(&p, an, single, b);
        return;
    }
    // The working leg (leg 0, the near one) wears the side's colour, so it
    // is told from across the room; both legs glow when both work.
    Look near_leg = look(1, C_LINE, mark ? mark : C_SHOE, work);
    if (mark) {
        near_leg.skin = mark;
        near_leg.line = C_LINE;
        near_leg.shade = 0.3f; // flat enough to stay the side's colour
    }
    Look far_leg = look(FAR, C_LINE, C_SHOE, an->both_legs ? work * 0.8f : 0);
    Look near = look(1, C_LINE, C_SHOE, 0), far = look(FAR, C_LINE, C_SHOE, 0);
    draw_arm(&p, b, 1, b->shoulder, &far);
    draw_leg(&p, b, 1, &far_leg, m);
    draw_trunk(&p, b, &near, an->face_camera);
    draw_leg(&p, b, 0, &near_leg, m);
    draw_hip_glow(&p, b, m, work, an->face_camera);
    if (an->props & PROP_ANCHOR) {
        // The ankle anchor: a padded bar over both heels, posted to the mat.
        V2 a = b->ankle[0], top = {a.x, a.y + R_ANKLE + 0.03f};
        outline(&p, top, (V2){a.x, MAT_H}, 0.022f, 0.022f, C_LINE);
        fill(&p, top, (V2){a.x, MAT_H}, 0.022f, 0.022f, C_PAD);
        outline(&p, (V2){top.x - 0.05f, top.y}, (V2){top.x + 0.05f, top.y},
                0.035f, 0.035f, C_LINE);
        fill(&p, (V2){top.x - 0.05f, top.y}, (V2){top.x + 0.05f, top.y}, 0.035f,
             0.035f, C_PAD);
    }
    if (an->props & PROP_BAND)
        draw_band(&p, an, single, b);
    if (an->props & PROP_BELL) {
        // Held in the hand on the side away from the working leg, as the
        // coach has it for split squats and single-leg deadlifts.
        int hand = 1;
        V2 w = b->wrist[hand], bell = {w.x, w.y - 0.13f};
        outline(&p, (V2){w.x - 0.045f, w.y - 0.02f},
                (V2){w.x + 0.045f, w.y - 0.02f}, 0.018f, 0.018f, C_LINE);
        fill(&p, (V2){w.x - 0.045f, w.y - 0.02f},
             (V2){w.x + 0.045f, w.y - 0.02f}, 0.018f, 0.018f, C_BELL);
        outline(&p, bell, bell, 0.095f, 0.095f, C_LINE);
        fill(&p, bell, bell, 0.095f, 0.095f, C_BELL);
    }
    draw_arm(&p, b, 0, b->shoulder, &near);
}
