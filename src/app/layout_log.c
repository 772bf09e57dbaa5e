/*
 * The layout log: one JSON line per screenshot, from the texts the frame
 * recorded (ui_record_texts).
 */
#include "app/layout_log.h"

#include "app/json.h"
#include "app/screen_table.h"

const char *layout_screen_name(const UiView *v)
{
    if (v->screen != SCREEN_SESSION)
        return app_screen(v->screen)->name;
    if (v->pause_menu)
        return "pause";
    if (!v->session)
        return "session";
    switch (v->session->phase) {
    case SESSION_INTRO: return "intro";
    case SESSION_COUNTDOWN: return "countdown";
    case SESSION_WORK: return "work";
    case SESSION_SWITCH: return "switch";
    case SESSION_REST: return "rest";
    case SESSION_DONE:
    case SESSION_IDLE: break;
    }
    return "session";
}

void layout_log_write(FILE *f, double t_s, const char *screen, const Ui *ui)
{
    JsonWriter w;
    json_init(&w, f, 0);
    json_begin_object(&w);
    json_key(&w, "t");
    json_double(&w, t_s, 3);
    json_kv_string(&w, "screen", screen);
    json_kv_int(&w, "w", ui->w);
    json_kv_int(&w, "h", ui->h);
    json_key(&w, "texts");
    json_begin_array(&w);
    for (int i = 0; i < ui->nrecords; i++) {
        const UiTextRecord *r = &ui->records[i];
        json_begin_object(&w);
        json_kv_string(&w, "text", r->text);
        json_key(&w, "x");
        json_double(&w, r->x, 1);
        json_key(&w, "y");
        json_double(&w, r->y, 1);
        json_key(&w, "w");
        json_double(&w, r->w, 1);
        json_key(&w, "h");
        json_double(&w, r->h, 1);
        json_kv_int(&w, "size", r->px);
        json_kv_bool(&w, "cut", r->cut);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_end_object(&w); // ends the line
    fflush(f);
}
