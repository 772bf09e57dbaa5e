/*
 * Muscle map on the intro card (see muscle_map.h).
 */
#include "ui/muscle_map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media/pose.h"
#include "ui/theme.h"

void muscle_map_free(MuscleMap *m)
{
    if (m->tex)
        SDL_DestroyTexture(m->tex);
    memset(m, 0, sizeof(*m));
}

static bool make(MuscleMap *m, Ui *ui, const char *pose, int w, int h)
{
    uint32_t *px = malloc((size_t)w * h * 4);
    if (!px)
        return false;
    SDL_Color bg = COL_PANEL;
    uint32_t c =
        0xFF000000u | (uint32_t)bg.r << 16 | (uint32_t)bg.g << 8 | bg.b;
    for (long i = 0; i < (long)w * h; i++)
        px[i] = c;
    PoseFrame f = {px, w, h, w};
    pose_render_muscle_map(&f, pose);
    if (m->tex && (m->w != w || m->h != h)) {
        SDL_DestroyTexture(m->tex);
        m->tex = NULL;
    }
    if (!m->tex)
        m->tex = SDL_CreateTexture(ui->r, SDL_PIXELFORMAT_ARGB8888,
                                   SDL_TEXTUREACCESS_STATIC, w, h);
    bool ok = m->tex && SDL_UpdateTexture(m->tex, NULL, px, w * 4) == 0;
    free(px);
    if (ok) {
        snprintf(m->pose, sizeof(m->pose), "%s", pose);
        m->w = w;
        m->h = h;
    }
    return ok;
}

void muscle_map_draw(MuscleMap *m, Ui *ui, const char *pose, float x, float y,
                     float w, float h)
{
    unsigned mus = pose_muscles(pose);
    if (!mus || h < 8 || w < 8)
        return;
    float u = ui->u;
    float mh = h, mw = h * 1.1f;
    if (mw > w) {
        mw = w;
        mh = mw / 1.1f;
    }
    int pw = (int)mw, ph = (int)mh;
    if ((!m->tex || strcmp(m->pose, pose) != 0 || m->w != pw || m->h != ph) &&
        !make(m, ui, pose, pw, ph))
        return;
    ui_round_rect(ui, x, y, mw, mh, u * 0.8f, COL_PANEL);
    SDL_FRect dst = {x, y, (float)pw, (float)ph};
    if (!ui_dry(ui, 9, (float[]){x, y, (float)pw, (float)ph}, 4, COL_PANEL,
                pose))
        SDL_RenderCopyF(ui->r, m->tex, NULL, &dst);
    ui_record_picture(ui, "body map", x, y, mw, mh);
    // The names, one a line, beside the bodies (when there is room).
    float tx = x + mw + u * 2, ty = y + u * 0.5f, tw = w - mw - u * 2;
    if (tw < u * 12)
        return;
    ui_text(ui, tx, ty, UI_TEXT_MIN, true, COL_DIM, UI_LEFT, tw, "WORKS");
    ty += u * 4.5f;
    for (unsigned bit = 1; bit <= POSE_MUSCLE_QUADS; bit <<= 1) {
        if (!(mus & bit) || ty + u * 4 > y + h)
            continue;
        ui_disc(ui, tx + u * 0.8f, ty + u * 2.1f, u * 0.7f, COL_ACCENT2);
        ui_text(ui, tx + u * 2.5f, ty, 3.8f, false, COL_TEXT, UI_LEFT,
                tw - u * 2.5f, pose_muscle_name((PoseMuscle)bit));
        ty += u * 5;
    }
}
