/*
 * The summary after a session: OK or Back goes home, History shows the
 * history; --auto goes to the history.
 */
#include "app/app_internal.h"

void screen_summary_action(App *a, InputAction act)
{
    if (act == ACT_OK || act == ACT_BACK)
        app_set_screen(a, SCREEN_HOME);
    else if (act == ACT_HISTORY)
        app_set_screen(a, SCREEN_HISTORY);
    else if (act == ACT_QUIT)
        a->quit = true;
}

void screen_summary_auto(App *a, int64_t in_ms)
{
    if (in_ms >= AUTO_SUMMARY_MS)
        app_on_action(a, ACT_HISTORY, 0, 0);
}
