/*
 * The history: Left pages 16 weeks back, Right 16 weeks forward; any of
 * OK, Back or History goes home. --auto quits there, or with --loop goes
 * home with the next routine in turn chosen.
 */
#include "app/app_internal.h"

#include "platform/log.h"
#include "ui/history_calendar.h"

void screen_history_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    int pages = v->hv ? history_calendar_pages(v->hv) : 1;
    if (act == ACT_LEFT && v->history_page + 1 < pages)
        v->history_page++;
    else if (act == ACT_RIGHT && v->history_page > 0)
        v->history_page--;
    else if (act == ACT_OK || act == ACT_BACK || act == ACT_HISTORY) {
        v->history_page = 0; // the next visit starts at this week
        app_set_screen(a, SCREEN_HOME);
    } else if (act == ACT_QUIT)
        a->quit = true;
}
void screen_history_auto(App *a, int64_t in_ms)
{
    if (in_ms < AUTO_HISTORY_MS)
        return;
    if (!a->opt->loop) {
        a->quit = true;
        return;
    }
    // The next routine in turn, picked on the home screen.
    a->loops++;
    log_info("ultralegs", "loop %ld done at %.0f virtual s", a->loops,
             a->now / 1000.0);
    app_set_screen(a, SCREEN_HOME);
    UiView *v = &a->view;
    for (int i = 0; i < v->nroutines; i++)
        if (v->routines[i] == a->last_routine) {
            v->selected = (i + 1) % v->nroutines;
            if (v->selected == 0 && a->loops >= v->nroutines)
                a->cycles++;
        }
}
