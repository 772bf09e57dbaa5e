/*
 * The history screen's calendar: 16 weeks as columns (Monday at the top),
 * month labels over them, under each week whether it met the target, was
 * missed or paused, this week outlined, sessions with a doubtful clock
 * marked; and its legend. Pages go back 16 weeks at a time.
 */
#ifndef UL_UI_HISTORY_CALENDAR_H
#define UL_UI_HISTORY_CALENDAR_H

#include "core/history_view.h"
#include "ui/ui.h"

// Pages of 16 weeks in the view (at least 1); page 0 ends with this week.
int history_calendar_pages(const HistoryView *hv);

// Draws page `page` (clamped) at x, y within w x h pixels (the cells shrink
// to fit), with its legend under it or not; returns the height used.
float history_calendar_draw(Ui *ui, const HistoryView *hv, int page, float x,
                            float y, float w, float h, bool with_legend);

#endif
