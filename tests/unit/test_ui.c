/*
 * The text cache: drawing the same screen again renders no text again, and
 * a changed number renders only itself; a text too wide is drawn smaller,
 * never under UI_TEXT_MIN, and below that cut with an ellipsis; drawing
 * the stage opens no clip.
 */
#include "testutil.h"

#include <SDL.h>

#include "core/session.h"
#include "ui/screens.h"
#include "ui/stage.h"
#include "ui/ui.h"

static void test_text_cache(void **state)
{
    (void)state;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    SDL_Window *win = SDL_CreateWindow("t", 0, 0, 1280, 720, 0);
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    assert_non_null(r);
    Ui ui;
    char err[256];
    assert_true(ui_init(&ui, r, err, sizeof(err)));
    ui_resize(&ui, 1280, 720);
    Library *lib = tu_builtin_library();
    UiView v;
    memset(&v, 0, sizeof(v));
    v.lib = lib;
    v.screen = SCREEN_HOME;
    v.today_routine = -1;
    snprintf(v.date_label, sizeof(v.date_label), "Friday 27 November");
    for (int i = 0; i < lib->nroutines; i++)
        v.routines[v.nroutines++] = &lib->routines[i];
    ui_begin_frame(&ui);
    screens_draw(&ui, &v);
    int first = ui.renders;
    assert_true(first > 5);
    for (int f = 0; f < 30; f++) {
        v.now_ms += 16; // the flame flickers, the text does not change
        ui_begin_frame(&ui);
        screens_draw(&ui, &v);
    }
    assert_int_equal(ui.renders, first);

    // The work screen: a new rep renders the new number only.
    Session *s = tu_auto_session(lib, "ultra-legs");
    SessionEvent ev[64];
    session_start(s, 0, ev, 64);
    session_tick(s, 13000, ev, 64); // working, a couple of steps in
    v.screen = SCREEN_SESSION;
    v.session = s;
    ui_begin_frame(&ui);
    screens_draw(&ui, &v);
    ui_begin_frame(&ui);
    screens_draw(&ui, &v);
    int before = ui.renders;
    session_tick(s, 13000 + 1200, ev, 64); // one more step counted
    ui_begin_frame(&ui);
    screens_draw(&ui, &v);
    assert_true(ui.renders - before <=
                2); // the count (and its tempo label at most)
    ui_begin_frame(&ui);
    screens_draw(&ui, &v);
    int after = ui.renders;
    ui_begin_frame(&ui);
    screens_draw(&ui, &v);
    assert_int_equal(ui.renders, after);

    // Drawing opens nothing: a stage the logic step never followed stays
    // empty (no clip looked up or opened), and the demo figure shows.
    Paths paths;
    memset(&paths, 0, sizeof(paths));
    Stage stage;
    stage_init(&stage, &paths, lib, r);
    v.stage = &stage;
    ui_begin_frame(&ui);
    screens_draw(&ui, &v);
    assert_int_equal(stage.nfound, 0);
    for (int i = 0; i < STAGE_CLIPS; i++) {
        assert_null(stage.clips[i].clip);
        assert_string_equal(stage.clips[i].path, "");
    }
    assert_non_null(stage.figure);
    v.stage = NULL;
    stage_deinit(&stage);

    // Fitting never goes under the minimum size: it cuts instead.
    SDL_Color white = {255, 255, 255, 255};
    const char *long_name = "A very long exercise name that cannot fit";
    int min_px = (int)(UI_TEXT_MIN * ui.u + 0.5f);
    assert_true(ui_record_texts(&ui));
    ui_begin_frame(&ui);
    int w = ui_text(&ui, 0, 0, 4.0f, true, white, UI_LEFT, 60, long_name);
    assert_true(w <= 60);
    assert_int_equal(ui.nrecords, 1);
    const UiTextRecord *rec = &ui.records[0];
    assert_int_equal(rec->px, min_px); // shrunk to the minimum, not below
    assert_true(rec->cut);             // then cut with an ellipsis
    assert_string_equal(rec->text, long_name);
    assert_true(rec->w <= 60 && rec->w > 30); // as much of it as fits
    // A text that fits at a smaller size above the minimum is shrunk, not cut.
    int full = ui_text_width(&ui, 8.0f, true, long_name);
    ui_begin_frame(&ui);
    w = ui_text(&ui, 0, 0, 8.0f, true, white, UI_LEFT, full * 0.7f, long_name);
    assert_int_equal(ui.nrecords, 1);
    assert_false(ui.records[0].cut);
    assert_true(w <= full * 0.7f && w > full * 0.6f);
    assert_true(ui.records[0].px >= min_px &&
                ui.records[0].px < (int)(8.0f * ui.u + 0.5f));
    // A text asked for under the minimum is not made smaller still.
    ui_begin_frame(&ui);
    ui_text(&ui, 0, 0, 3.0f, false, white, UI_LEFT, 40, long_name);
    assert_true(ui.records[0].cut);
    assert_int_equal(ui.records[0].px, (int)(3.0f * ui.u + 0.5f));
    free(s);
    library_destroy(lib);
    ui_deinit(&ui);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_text_cache)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
