/*
 * The layout log (--layout-log): for every saved screenshot one JSON line
 * naming the screen and every text drawn in that frame with its box, so
 * tests can check a layout as geometry.
 */
#ifndef UL_APP_LAYOUT_LOG_H
#define UL_APP_LAYOUT_LOG_H

#include <stdio.h>

#include "ui/ui.h"
#include "ui/view.h"

// The name of what the view shows: home, confirm, intro, countdown, work,
// switch, rest, pause, summary, history, settings, suspects.
const char *layout_screen_name(const UiView *v);

// One line: {"t", "screen", "w", "h", "texts": [{"text", "x", "y", "w", "h",
// "size", "cut"}]}; size is the font's pixel size. A line that cannot be
// written is said in the log.
void layout_log_write(FILE *f, double t_s, const char *screen, const Ui *ui);

#endif
