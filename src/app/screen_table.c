/*
 * The app's table of screens: for each screen in SCREEN_LIST (ui/view.h)
 * its name and its controls (app/screen_NAME_input.c). Its draw function
 * (ui/screen_NAME.c) is dispatched by ui/screens.c from the same list.
 */
#include "app/app_internal.h"

#define SCREEN_DEF(id, name)                                                   \
    [id] = {#name, screen_##name##_action, screen_##name##_auto},
static const ScreenDef SCREENS[SCREEN_COUNT] = {SCREEN_LIST(SCREEN_DEF)};
#undef SCREEN_DEF

const ScreenDef *app_screen(AppScreen s)
{
    return &SCREENS[(unsigned)s < SCREEN_COUNT ? s : SCREEN_HOME];
}

void app_fill_menus(App *a)
{
    app_fill_pause_menu(a);
    if (a->view.settings)
        app_fill_settings_rows(a);
}
