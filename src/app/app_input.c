/*
 * Actions (key, pad button, remote key, touch) that mean the same on every
 * screen: waking, sound, controllers, resizing, touch zones; the rest go
 * to the screen shown (app/screen_NAME_input.c), as does --auto.
 */
#include "app/app_internal.h"

#include <string.h>

void app_on_action(App *a, InputAction act, int px, int py)
{
    UiView *v = &a->view;
    if (act != ACT_RESIZED && act != ACT_PAD_ADDED && act != ACT_PAD_REMOVED) {
        a->last_input = a->now;
        if (v->dimmed && act != ACT_QUIT) {
            v->dimmed = false; // the first press only wakes the screen
            return;
        }
    }
    if (act == ACT_TEST_PAD_PLUG) {
        if (!input_test_pad_plug())
            app_notice(a, 5000, "No virtual controller: %s", SDL_GetError());
        return;
    }
    if (act == ACT_TEST_PAD_UNPLUG) {
        input_test_pad_unplug();
        return;
    }
    if (act == ACT_TEST_RESIZE) {
        // Swap between two sizes, as a window manager would.
        int w = a->video.w == 1920 ? 1280 : 1920,
            h = a->video.w == 1920 ? 720 : 1080;
        SDL_SetWindowSize(a->video.window, w, h);
        return;
    }
    if (act == ACT_MUTE) {
        v->muted = !v->muted;
        audio_set_muted(a->audio, v->muted);
        app_notice(a, 2500, v->muted ? "Sound off" : "Sound on");
        return;
    }
    if (act == ACT_MUSIC_NEXT) {
        app_music_skip(a);
        return;
    }
    if (act == ACT_PAD_REMOVED) {
        app_notice(
            a, 5000,
            "Controller disconnected: the keyboard and remote still work");
        return;
    }
    if (act == ACT_PAD_ADDED)
        return;
    if (act == ACT_RESIZED) {
        if (video_update_size(&a->video))
            ui_resize(&a->ui, a->video.w, a->video.h);
        return;
    }
    if (act == ACT_POINTER) {
        // Touch: the lower third is "OK", the left and right edges prev/next.
        int w = a->video.w, h = a->video.h;
        if (px < w / 6)
            act = ACT_LEFT;
        else if (px > w * 5 / 6)
            act = ACT_RIGHT;
        else if (py > h * 2 / 3)
            act = ACT_OK;
        else
            act = a->in_session ? ACT_BACK : ACT_OK;
    }
    app_screen(v->screen)->on_action(a, act);
}

// --auto: the kiosk drives itself through one session and out.
void app_auto_step(App *a)
{
    app_screen(a->view.screen)->auto_step(a, a->now - a->screen_since);
}
