/*
 * "Who's training?": the arrows move between the runners, OK makes the
 * chosen one's kiosk and goes home; --auto takes the one preselected (the
 * runner used last).
 */
#include "app/app_internal.h"

void screen_profiles_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    int n = v->nprofiles;
    if (n <= 0) {
        app_set_screen(a, SCREEN_HOME);
        return;
    }
    if (act == ACT_LEFT || act == ACT_UP)
        v->profile_sel = (v->profile_sel + n - 1) % n;
    else if (act == ACT_RIGHT || act == ACT_DOWN)
        v->profile_sel = (v->profile_sel + 1) % n;
    else if (act == ACT_OK) {
        app_profile_use(a, v->profiles[v->profile_sel].id);
        app_set_screen(a, SCREEN_HOME);
    } else if (act == ACT_QUIT)
        a->quit = true;
}

void screen_profiles_auto(App *a, int64_t in_ms)
{
    if (in_ms >= AUTO_HOME_MS)
        app_on_action(a, ACT_OK, 0, 0);
}
