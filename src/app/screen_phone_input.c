/*
 * The companion page's screen (Settings > Phone): the address, its QR code
 * and the pairing code; the paired devices. Up and down choose a device
 * (the last row forgets them all), OK forgets the chosen one; Back returns
 * to the settings.
 */
#include "app/app_internal.h"
#include "app/app_web.h"

void screen_phone_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    int rows = v->web_ndevices > 0 ? v->web_ndevices + 1 : 0;
    if (act == ACT_UP && rows)
        v->phone_sel = (v->phone_sel + rows - 1) % rows;
    else if (act == ACT_DOWN && rows)
        v->phone_sel = (v->phone_sel + 1) % rows;
    else if (act == ACT_OK && rows) {
        bool all = v->phone_sel >= v->web_ndevices;
        app_web_forget(a, all ? -1 : v->phone_sel);
        app_notice(a, 5000,
                   all ? "Every phone forgotten: they must pair again"
                       : "Forgotten: that phone must pair again");
        v->phone_sel = 0;
    } else if (act == ACT_BACK || act == ACT_SETTINGS)
        app_set_screen(a, SCREEN_SETTINGS);
    else if (act == ACT_QUIT) {
        app_set_screen(a, SCREEN_SETTINGS);
        a->quit = true;
    }
}

void screen_phone_auto(App *a, int64_t in_ms)
{
    (void)a; // --auto never opens the settings
    (void)in_ms;
}
