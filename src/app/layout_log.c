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

static void add_box(cJSON *o, float x, float y, float w, float h)
{
    json_add_fixed(o, "x", x, 1);
    json_add_fixed(o, "y", y, 1);
    json_add_fixed(o, "w", w, 1);
    json_add_fixed(o, "h", h, 1);
}

void layout_log_write(FILE *f, double t_s, const char *screen, const Ui *ui)
{
    cJSON *root = cJSON_CreateObject();
    json_add_fixed(root, "t", t_s, 3);
    json_add_string(root, "screen", screen);
    json_add_int(root, "w", ui->w);
    json_add_int(root, "h", ui->h);
    cJSON *texts = cJSON_AddArrayToObject(root, "texts");
    for (int i = 0; i < ui->nrecords; i++) {
        const UiTextRecord *r = &ui->records[i];
        cJSON *o = json_push_object(texts);
        json_add_string(o, "text", r->text);
        add_box(o, r->x, r->y, r->w, r->h);
        json_add_int(o, "size", r->px);
        cJSON_AddBoolToObject(o, "cut", r->cut);
    }
    cJSON *pics = cJSON_AddArrayToObject(root, "pictures");
    for (int i = 0; i < ui->npictures; i++) {
        const UiPictureRecord *p = &ui->pictures[i];
        cJSON *o = json_push_object(pics);
        json_add_string(o, "name", p->name);
        add_box(o, p->x, p->y, p->w, p->h);
    }
    // One line, flushed: a kiosk that is stopped keeps every line so far.
    json_write(f, root, false);
    cJSON_Delete(root);
}
