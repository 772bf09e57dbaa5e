/*
 * SDL events -> kiosk actions. The mapping is DESIGN.md's: OK/Enter/Space/A
 * primary; Back/Esc/B back or pause menu; Left/Right previous/next;
 * Up/Down adjust; Play/Pause/P pause; M mute.
 */
#include "platform/input.h"

#include <SDL.h>
#include <string.h>

#define PADS_MAX 8
static SDL_GameController *pads[PADS_MAX];

static void open_pad(int index)
{
    if (!SDL_IsGameController(index))
        return;
    for (int i = 0; i < PADS_MAX; i++) {
        if (!pads[i]) {
            pads[i] = SDL_GameControllerOpen(index);
            return;
        }
    }
}

void input_init(void)
{
    for (int i = 0; i < SDL_NumJoysticks(); i++)
        open_pad(i);
}

void input_deinit(void)
{
    for (int i = 0; i < PADS_MAX; i++) {
        if (pads[i])
            SDL_GameControllerClose(pads[i]);
        pads[i] = NULL;
    }
}

static InputAction from_key(SDL_Keycode k)
{
    switch (k) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
    case SDLK_SELECT: return ACT_OK;
    case SDLK_ESCAPE:
    case SDLK_BACKSPACE:
    case SDLK_AC_BACK: return ACT_BACK;
    case SDLK_LEFT: return ACT_LEFT;
    case SDLK_RIGHT: return ACT_RIGHT;
    case SDLK_UP: return ACT_UP;
    case SDLK_DOWN: return ACT_DOWN;
    case SDLK_p:
    case SDLK_AUDIOPLAY:
    case SDLK_AUDIOSTOP:
    case SDLK_PAUSE: return ACT_PAUSE;
    case SDLK_m:
    case SDLK_AUDIOMUTE:
    case SDLK_MUTE: return ACT_MUTE;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: return ACT_TEMPO_UP;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: return ACT_TEMPO_DOWN;
    case SDLK_e: return ACT_END_SET;
    case SDLK_h: return ACT_HISTORY;
    case SDLK_s: return ACT_SETTINGS;
    case SDLK_q: return ACT_QUIT;
    // A remote's next-track key (HDMI-CEC sends it as one) or N.
    case SDLK_AUDIONEXT:
    case SDLK_n: return ACT_MUSIC_NEXT;
    default: return ACT_NONE;
    }
}

static InputAction from_button(Uint8 b)
{
    switch (b) {
    case SDL_CONTROLLER_BUTTON_A: return ACT_OK;
    case SDL_CONTROLLER_BUTTON_B: return ACT_BACK;
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return ACT_LEFT;
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return ACT_RIGHT;
    case SDL_CONTROLLER_BUTTON_DPAD_UP: return ACT_UP;
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return ACT_DOWN;
    case SDL_CONTROLLER_BUTTON_START: return ACT_PAUSE;
    case SDL_CONTROLLER_BUTTON_X: return ACT_END_SET;
    case SDL_CONTROLLER_BUTTON_Y: return ACT_HISTORY;
    case SDL_CONTROLLER_BUTTON_LEFTSHOULDER: return ACT_TEMPO_DOWN;
    case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER: return ACT_TEMPO_UP;
    case SDL_CONTROLLER_BUTTON_BACK: return ACT_SETTINGS;
    default: return ACT_NONE;
    }
}

int input_poll(InputEvent *out, int max)
{
    int n = 0;
    SDL_Event e;
    while (n < max && SDL_PollEvent(&e)) {
        InputEvent ie = {ACT_NONE, 0, 0};
        switch (e.type) {
        case SDL_QUIT: ie.action = ACT_QUIT; break;
        case SDL_KEYDOWN:
            if (!e.key.repeat || e.key.keysym.sym == SDLK_UP ||
                e.key.keysym.sym == SDLK_DOWN)
                ie.action = from_key(e.key.keysym.sym);
            break;
        case SDL_CONTROLLERBUTTONDOWN:
            ie.action = from_button(e.cbutton.button);
            break;
        case SDL_CONTROLLERDEVICEADDED:
            open_pad(e.cdevice.which);
            ie.action = ACT_PAD_ADDED;
            break;
        case SDL_CONTROLLERDEVICEREMOVED:
            for (int i = 0; i < PADS_MAX; i++) {
                if (pads[i] && SDL_JoystickInstanceID(
                                   SDL_GameControllerGetJoystick(pads[i])) ==
                                   e.cdevice.which) {
                    SDL_GameControllerClose(pads[i]);
                    pads[i] = NULL;
                }
            }
            ie.action = ACT_PAD_REMOVED;
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which != SDL_TOUCH_MOUSEID) {
                ie.action = ACT_POINTER;
                ie.x = e.button.x;
                ie.y = e.button.y;
            }
            break;
        case SDL_FINGERDOWN: {
            ie.action = ACT_POINTER;
            SDL_Window *w = SDL_GetMouseFocus();
            int ww = 1280, wh = 720;
            if (w)
                SDL_GetWindowSize(w, &ww, &wh);
            ie.x = (int)(e.tfinger.x * ww);
            ie.y = (int)(e.tfinger.y * wh);
            break;
        }
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                ie.action = ACT_RESIZED;
            break;
        default: break;
        }
        if (ie.action != ACT_NONE)
            out[n++] = ie;
    }
    return n;
}

static const char *const names[ACT_COUNT_] = {
    "none",       "ok",      "back",      "prev",        "next",
    "up",         "down",    "pause",     "mute",        "tempo-up",
    "tempo-down", "end-set", "history",   "settings",    "quit",
    "pointer",    "resized", "pad-added", "pad-removed", "pad-plug",
    "pad-unplug", "resize",  "track"};

static int virtual_pad = -1;

bool input_test_pad_plug(void)
{
    if (virtual_pad >= 0)
        return true;
    virtual_pad = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER,
                                            SDL_CONTROLLER_AXIS_MAX,
                                            SDL_CONTROLLER_BUTTON_MAX, 0);
    return virtual_pad >= 0;
}

void input_test_pad_unplug(void)
{
    if (virtual_pad >= 0)
        SDL_JoystickDetachVirtual(virtual_pad);
    virtual_pad = -1;
}

InputAction input_action_from_name(const char *name)
{
    if (strcmp(name, "start") == 0 || strcmp(name, "enter") == 0)
        return ACT_OK;
    if (strcmp(name, "left") == 0)
        return ACT_LEFT;
    if (strcmp(name, "right") == 0 || strcmp(name, "skip") == 0)
        return ACT_RIGHT;
    for (int i = 1; i < ACT_COUNT_; i++)
        if (strcmp(name, names[i]) == 0)
            return (InputAction)i;
    return ACT_NONE;
}

const char *input_action_name(InputAction a)
{
    return (unsigned)a < ACT_COUNT_ ? names[a] : "?";
}
