/*
 * Home: the arrows move through the routines, OK starts the chosen one;
 * --auto starts it after a while.
 */
#include "app/app_internal.h"

void screen_home_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    if ((act == ACT_LEFT || act == ACT_UP || act == ACT_RIGHT ||
         act == ACT_DOWN) &&
        v->nroutines > 0) {
        int dir = act == ACT_LEFT || act == ACT_UP ? -1 : 1;
        v->selected = (v->selected + v->nroutines + dir) % v->nroutines;
        v->scroll_dir = dir;
        v->selected_ms = a->now;
    } else if (act == ACT_OK && v->nroutines > 0)
        app_start_routine(a, v->routines[v->selected], false);
    else if (act == ACT_HISTORY)
        app_set_screen(a, SCREEN_HISTORY);
    else if (act == ACT_SETTINGS)
        app_set_screen(a, SCREEN_SETTINGS);
    else if (act == ACT_BACK && v->nprofiles > 1)
        app_set_screen(a, SCREEN_PROFILES); // another runner's turn
    else if (act == ACT_QUIT)
        a->quit = true;
}

void screen_home_auto(App *a, int64_t in_ms)
{
    if (in_ms >= AUTO_HOME_MS)
        app_on_action(a, ACT_OK, 0, 0);
}
