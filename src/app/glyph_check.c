/*
 * Glyph check: every shown text of the active exercises and routines,
 * character by character, against the kiosk's font chain (ui.c).
 */
#include "app/glyph_check.h"

#include <stdlib.h>

#include "ui/ui.h"

static void check_text(Ui *ui, Library *lib, const char *file, int line,
                       const char *subject, const char *what, const char *text)
{
    uint32_t c = ui_text_missing(ui, text);
    if (c)
        diag_add(
            &lib->diags, DIAG_WARNING, file, line, subject,
            "%s has a character no installed font can draw (U+%04X): it shows "
            "as a box (install fonts-noto-cjk or another font that has it)",
            what, (unsigned)c);
}

void glyph_check_library(Library *lib)
{
    Ui *ui = calloc(1, sizeof(*ui));
    char err[300];
    if (!ui)
        return;
    if (!ui_fonts_open(ui, err, sizeof(err))) {
        diag_add(&lib->diags, DIAG_WARNING, "", 0, "", "%s", err);
        free(ui);
        return;
    }
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        if (!ex->active)
            continue;
        check_text(ui, lib, ex->file, ex->line, ex->id, "the name", ex->name);
        for (int k = 0; k < ex->npoints; k++)
            check_text(ui, lib, ex->file, ex->line, ex->id, "a coaching point",
                       ex->points[k]);
        check_text(ui, lib, ex->file, ex->line, ex->id, "the equipment",
                   ex->equipment);
    }
    for (int i = 0; i < lib->nroutines; i++) {
        const Routine *rt = &lib->routines[i];
        if (!rt->active)
            continue;
        check_text(ui, lib, rt->file, 0, rt->id, "the title", rt->title);
        check_text(ui, lib, rt->file, 0, rt->id, "the blurb", rt->blurb);
        check_text(ui, lib, rt->file, 0, rt->id, "the frequency",
                   rt->frequency);
        check_text(ui, lib, rt->file, 0, rt->id, "the finish", rt->finish);
        for (int k = 0; k < rt->nsteps; k++) {
            check_text(ui, lib, rt->file, rt->steps[k].line, rt->id,
                       "a step's variant", rt->steps[k].variant);
            check_text(ui, lib, rt->file, rt->steps[k].line, rt->id,
                       "a step's note", rt->steps[k].note);
        }
    }
    ui_deinit(ui);
    free(ui);
}
