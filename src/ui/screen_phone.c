/*
 * The companion page (Settings > Phone): what to type or scan on a phone
 * (the address by name and by IP, and a QR code of it), the pairing code
 * in large digits, and the paired devices, which can be forgotten.
 */
#include <stdio.h>

#include "ui/screens.h"
#include "ui/theme.h"

// The QR code, black on a white square with its quiet zone, side s pixels.
static void draw_qr(Ui *ui, const UiView *v, float x, float y, float s)
{
    int n = v->web_qr_size;
    ui_rect(ui, x, y, s, s, (SDL_Color){255, 255, 255, 255});
    float m = s / (float)(n + 8); // four modules of quiet zone each side
    for (int r = 0; r < n; r++)
        for (int c = 0; c < n; c++)
            if (v->web_qr[r * n + c])
                ui_rect(ui, x + (float)(c + 4) * m, y + (float)(r + 4) * m,
                        m + 0.5f, m + 0.5f, (SDL_Color){0, 0, 0, 255});
}

void screen_phone_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    ui_text(ui, u * 4, u * 3.5f, 6.5f, true, COL_ACCENT, UI_LEFT, 0,
            "PHONE COMPANION");
    if (!v->web_on) {
        ui_text_block(ui, W / 2, H * 0.4f, 5.0f, true, COL_DIM, UI_CENTER,
                      W - u * 8, u * 20, 3,
                      v->web_problem[0] ? v->web_problem : "Off", true);
        widget_hint(ui, "Back: settings");
        widget_notices(ui, v);
        return;
    }
    bool portrait = H > W;
    float qr = portrait ? W * 0.5f : u * 44;
    float qx = u * 4, qy = u * 13;
    if (v->web_qr_size)
        draw_qr(ui, v, qx, qy, qr);
    float tx = portrait ? u * 4 : qx + qr + u * 5;
    float ty = portrait ? qy + qr + u * 3 : qy;
    float tw = W - tx - u * 4;
    ui_text(ui, tx, ty, 3.6f, false, COL_DIM, UI_LEFT, tw,
            "On a phone on this network, scan the code or open:");
    ui_text(ui, tx, ty + u * 5.5f, 4.4f, true, COL_TEXT, UI_LEFT, tw,
            v->web_host_url);
    ui_text(ui, tx, ty + u * 11, 4.4f, true, COL_TEXT, UI_LEFT, tw,
            v->web_ip_url);
    ui_text(ui, tx, ty + u * 18, 3.6f, false, COL_DIM, UI_LEFT, tw,
            v->web_locked ? "Too many wrong codes: pairing waits a minute"
                          : "Pairing code");
    char code[16];
    snprintf(code, sizeof(code), "%.3s %.3s", v->web_code, v->web_code + 3);
    ui_text(ui, tx, ty + u * 22.5f, 11.0f, true, COL_ACCENT2, UI_LEFT, tw,
            code);
    // The paired devices, under the code (landscape) or the QR code.
    float ly = portrait ? ty + u * 37 : qy + qr + u * 3;
    float rowh = u * 6.2f;
    int fit = (int)((widget_hint_top(ui, "x") - ly - u * 6) / rowh);
    ui_textf(ui, u * 4, ly, 4.0f, true, COL_TEXT, UI_LEFT, W - u * 8,
             v->web_ndevices ? "Paired: %d" : "No phone paired yet",
             v->web_ndevices);
    ly += u * 6;
    int rows = v->web_ndevices ? v->web_ndevices + 1 : 0;
    int first = v->phone_sel >= fit ? v->phone_sel - fit + 1 : 0;
    for (int i = first; i < rows && i - first < fit; i++) {
        bool sel = i == v->phone_sel;
        if (sel)
            ui_round_rect(ui, u * 3, ly - u * 0.6f, W - u * 6, rowh - u * 0.4f,
                          u * 1.5f, COL_PANEL_HI);
        if (i < v->web_ndevices)
            ui_textf(ui, u * 6, ly + u * 0.4f, 3.8f, sel, COL_TEXT, UI_LEFT,
                     W - u * 12, "%d. %s", i + 1, v->web_devices[i]);
        else
            ui_text(ui, u * 6, ly + u * 0.4f, 3.8f, sel, COL_WARN, UI_LEFT,
                    W - u * 12, "Forget every phone");
        ly += rowh;
    }
    widget_hint(ui, rows ? "\xe2\x96\xb2\xe2\x96\xbc: choose    OK: forget    "
                           "Back: settings"
                         : "Back: settings");
    widget_notices(ui, v);
}
