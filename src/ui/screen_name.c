/*
 * A runner's name, typed with the remote: the name so far, then a grid of
 * letters and three wide keys (Space, Delete, Done); the chosen key lit.
 */
#include "ui/screens.h"
#include "ui/theme.h"

#include <math.h>

#define NAME_HINT "Arrows: choose a key    OK: type it    Back: cancel"

static const char *const wide[3] = {"Space", "Delete", "Done"};

void screen_name_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    bool portrait = W < H;
    ui_text_block(ui, u * 4, u * 3.5f, 6.0f, true, COL_ACCENT, UI_LEFT,
                  W - u * 8, u * 14, 2, v->name_title ? v->name_title : "Name",
                  true);
    // The name so far in a field, with a cursor.
    float fy = portrait ? u * 22 : u * 16;
    ui_round_rect(ui, u * 4, fy, W - u * 8, u * 10, u * 2, COL_PANEL);
    char shown[PROFILE_NAME_MAX + 8];
    snprintf(shown, sizeof(shown), "%s_", v->name_entry);
    ui_text(ui, u * 7, fy + u * 2, 5.5f, true, COL_TEXT, UI_LEFT, W - u * 14,
            shown);

    int cols = name_key_cols(portrait);
    int rows = (NAME_LETTERS + cols - 1) / cols;
    float top = fy + u * 14;
    float bottom = widget_hint_top(ui, NAME_HINT) - u * 2;
    float kw = (W - u * 8) / cols;
    float kh = fminf((bottom - top) / (rows + 1), kw);
    float left = (W - kw * cols) / 2;
    for (int i = 0; i < NAME_KEYS_N; i++) {
        float x, y, w;
        char label[8];
        if (i < NAME_LETTERS) {
            x = left + (i % cols) * kw;
            y = top + (i / cols) * kh;
            w = kw;
            snprintf(label, sizeof(label), "%c", NAME_KEYS[i]);
        } else {
            w = kw * cols / 3;
            x = left + (i - NAME_LETTERS) * w;
            y = top + rows * kh;
            snprintf(label, sizeof(label), "%s", wide[i - NAME_LETTERS]);
        }
        bool sel = i == v->key_sel;
        ui_round_rect(ui, x + u * 0.4f, y + u * 0.4f, w - u * 0.8f,
                      kh - u * 0.8f, u * 1.2f, sel ? COL_ACCENT : COL_PANEL);
        float size = fminf(5.0f, fmaxf(UI_TEXT_MIN, kh * 0.45f / u));
        ui_text(ui, x + w / 2, y + (kh - size * u * 1.15f) / 2, size, true,
                sel ? COL_BG : COL_TEXT, UI_CENTER, w - u, label);
    }
    widget_hint(ui, NAME_HINT);
    widget_notices(ui, v);
}
