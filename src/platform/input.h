/*
 * Input: keyboard, game controllers (hot-plug), mouse/touch and TV remotes
 * (HDMI-CEC keys arrive as ordinary key events) mapped to kiosk actions.
 */
#ifndef UL_PLATFORM_INPUT_H
#define UL_PLATFORM_INPUT_H

#include <stdbool.h>

typedef enum InputAction {
    ACT_NONE,
    ACT_OK,
    ACT_BACK,
    ACT_LEFT,
    ACT_RIGHT,
    ACT_UP,
    ACT_DOWN,
    ACT_PAUSE,
    ACT_MUTE,
    ACT_TEMPO_UP,
    ACT_TEMPO_DOWN,
    ACT_END_SET,
    ACT_HISTORY,
    ACT_SETTINGS,
    ACT_QUIT,
    ACT_POINTER, // a click or tap at (x, y)
    ACT_RESIZED, // the output size changed
    ACT_PAD_ADDED,
    ACT_PAD_REMOVED,
    // Test hooks for --script: a virtual game controller, a window resize.
    ACT_TEST_PAD_PLUG,
    ACT_TEST_PAD_UNPLUG,
    ACT_TEST_RESIZE,
    ACT_MUSIC_NEXT, // the next track of the runner's music
    ACT_COUNT_
} InputAction;

typedef struct InputEvent {
    InputAction action;
    int x, y; // for ACT_POINTER
} InputEvent;

void input_init(void);
void input_deinit(void);

// Drain pending events into out; returns how many.
int input_poll(InputEvent *out, int max);

// A virtual game controller, plugged and unplugged like a real one (for
// tests). False when SDL cannot make one.
bool input_test_pad_plug(void);
void input_test_pad_unplug(void);

// Script names ("ok", "back", "next", ...) <-> actions.
InputAction input_action_from_name(const char *name);
const char *input_action_name(InputAction a);

#endif
