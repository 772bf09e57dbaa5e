/*
 * "Who's training?": one big disc per runner in their colour with their
 * initials, the name under it; the chosen one ringed. A row (or two) on a
 * wide screen, two columns on a tall one.
 */
#include "ui/screens.h"
#include "ui/theme.h"

#include <math.h>

#define PROFILES_HINT                                                          \
    "\xe2\x97\x80 \xe2\x96\xb6: choose    OK: start as this runner"

static SDL_Color colour_of(int colour)
{
    uint32_t rgb = profile_rgb(colour);
    return (SDL_Color){(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255};
}

void screen_profiles_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    bool portrait = W < H;
    ui_text(ui, W / 2, u * 5, 8.0f, true, COL_ACCENT, UI_CENTER, 0,
            "Who's training?");
    int n = v->nprofiles;
    if (n <= 0) {
        widget_hint(ui, PROFILES_HINT);
        return;
    }
    int cols = portrait ? (n <= 3 ? 1 : 2) : (n < 4 ? n : (n + 1) / 2);
    if (cols > 4)
        cols = 4;
    int rows = (n + cols - 1) / cols;
    float top = u * 18;
    float bottom =
        fminf(widget_hint_top(ui, PROFILES_HINT), widget_notices_top(ui, v)) -
        u * 2;
    float cell_w = (W - u * 8) / (float)cols, cell_h = (bottom - top) / rows;
    float name_h = u * 10; // two lines of names at the smallest size
    float r = fminf(cell_w * 0.34f, (cell_h - name_h - u * 4) / 2);
    if (r < u * 4)
        r = u * 4;
    // The grid as tall as it needs, in the middle of the room it has.
    float used_h = 2 * r + name_h + u * 5;
    if (used_h < cell_h) {
        top += (cell_h - used_h) * rows / 2;
        cell_h = used_h;
    }
    for (int i = 0; i < n; i++) {
        const Profile *p = &v->profiles[i];
        int row = i / cols, col = i % cols;
        // A last row that is not full is centred.
        int in_row = row == rows - 1 ? n - row * cols : cols;
        float x0 = (W - in_row * cell_w) / 2;
        float cx = x0 + (col + 0.5f) * cell_w;
        float cy = top + row * cell_h + u * 1.5f + r;
        bool sel = i == v->profile_sel;
        if (sel)
            ui_ring(ui, cx, cy, r + u * 1.6f, u * 0.9f, 1.0f, COL_TEXT);
        SDL_Color c = colour_of(p->colour);
        if (!sel)
            c.a = 170;
        ui_disc(ui, cx, cy, r, c);
        char initials[16];
        profile_initials(p->name, initials, sizeof(initials));
        // Initials as large as the disc takes them (in units of u).
        float size = fmaxf(r * 0.8f / u, UI_TEXT_MIN);
        ui_text(ui, cx, cy - r * 0.5f, size, true, COL_BG, UI_CENTER, r * 1.6f,
                initials);
        ui_text_block(ui, cx, cy + r + u * 2.2f, 4.5f, sel,
                      sel ? COL_TEXT : COL_DIM, UI_CENTER, cell_w - u * 2,
                      name_h, 2, p->name, true);
    }
    widget_hint(ui, PROFILES_HINT);
    widget_notices(ui, v);
}
