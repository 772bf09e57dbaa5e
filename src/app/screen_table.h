/*
 * The app's table of screens, made from SCREEN_LIST (ui/view.h): each
 * screen's name and controls, in app/screen_NAME_input.c.
 */
#ifndef UL_APP_SCREEN_TABLE_H
#define UL_APP_SCREEN_TABLE_H

#include <stdint.h>

#include "platform/input.h"
#include "ui/view.h"

typedef struct App App;

// Each screen's controls, in app/screen_NAME_input.c: what an action does
// on it, and what --auto does there after in_ms on it. The table of them
// (screen_table.c) is made from SCREEN_LIST in ui/view.h, as is ui's table
// of draw functions (ui/screens.c: ui cannot see the App, and draws
// without it in its tests).
typedef struct ScreenDef {
    const char *name;
    void (*on_action)(App *a, InputAction act);
    void (*auto_step)(App *a, int64_t in_ms);
} ScreenDef;
#define SCREEN_INPUT_DECL(id, name)                                            \
    void screen_##name##_action(App *a, InputAction act);                      \
    void screen_##name##_auto(App *a, int64_t in_ms);
SCREEN_LIST(SCREEN_INPUT_DECL)
#undef SCREEN_INPUT_DECL
const ScreenDef *app_screen(AppScreen s);

// Before a frame is drawn: the view's menus (labels and values) from the
// app's tables.
void app_fill_menus(App *a);

#endif
