/*
 * The easy-day question: OK starts the routine anyway, Back keeps the easy
 * day; --auto says OK.
 */
#include "app/app_internal.h"

#define AUTO_CONFIRM_MS 2000

void screen_confirm_action(App *a, InputAction act)
{
    if (act == ACT_OK && a->pending)
        app_start_routine(a, a->pending, true);
    else if (act == ACT_BACK || act == ACT_QUIT)
        app_set_screen(a, SCREEN_HOME);
    a->pending = NULL;
}

void screen_confirm_auto(App *a, int64_t in_ms)
{
    if (in_ms >= AUTO_CONFIRM_MS)
        app_on_action(a, ACT_OK, 0, 0);
}
