/*
 * A runner's name on the on-screen keys: the arrows move over the keys
 * (down from the last row of letters reaches Space, Delete and Done), OK
 * types the key; Done adds the runner or renames the current one; Back
 * goes back to the settings unchanged.
 */
#include "app/app_internal.h"

#include <string.h>

#include "core/strutil.h"

// Move over the grid: letters in rows of cols, then one row of three.
static int move(int k, InputAction act, int cols)
{
    int rows = (NAME_LETTERS + cols - 1) / cols;
    if (act == ACT_LEFT)
        return (k + NAME_KEYS_N - 1) % NAME_KEYS_N;
    if (act == ACT_RIGHT)
        return (k + 1) % NAME_KEYS_N;
    if (k >= NAME_LETTERS) {
        int col = (k - NAME_LETTERS) * cols / 3 + cols / 6;
        if (act == ACT_UP) {
            int to = (rows - 1) * cols + col;
            return to < NAME_LETTERS ? to : NAME_LETTERS - 1;
        }
        return col; // down: round to the top row
    }
    int row = k / cols, col = k % cols;
    if (act == ACT_UP)
        return row > 0 ? k - cols : NAME_LETTERS + col * 3 / cols;
    if (row == rows - 1 || k + cols >= NAME_LETTERS)
        return NAME_LETTERS + col * 3 / cols;
    return k + cols;
}

static void type(UiView *v, char c)
{
    size_t n = strlen(v->name_entry);
    if (n + 1 >= sizeof(v->name_entry))
        return;
    // Capitals start words; the rest as people write names.
    bool start =
        n == 0 || v->name_entry[n - 1] == ' ' || v->name_entry[n - 1] == '-';
    if (!start && c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
    if (c == ' ' && (n == 0 || v->name_entry[n - 1] == ' '))
        return;
    v->name_entry[n] = c;
    v->name_entry[n + 1] = '\0';
}

static void done(App *a)
{
    UiView *v = &a->view;
    char name[PROFILE_NAME_MAX];
    str_copy(name, sizeof(name), v->name_entry);
    size_t n = strlen(name);
    while (n && name[n - 1] == ' ')
        name[--n] = '\0';
    if (!a->store) {
        app_notice(a, 8000, "No history: runners cannot be kept");
        return;
    }
    char old[PROFILE_NAME_MAX];
    str_copy(old, sizeof(old), a->runner.name);
    bool adding = v->name_title && strncmp(v->name_title, "Name the", 8) == 0;
    int64_t id = a->runner.id;
    bool ok = adding ? store_profile_add(a->store, name, -1,
                                         wallclock_utc(&a->wall, a->now), &id)
                     : store_profile_rename(a->store, id, name);
    if (!ok) {
        // The name stays on the keys to be put right.
        app_notice(a, 8000, "%s", store_error(a->store));
        return;
    }
    if (a->cue_log) {
        if (adding)
            fprintf(a->cue_log, "%.3f\tsettings\tRunner added: %s\n",
                    a->now / 1000.0, name);
        else
            fprintf(a->cue_log, "%.3f\tsettings\tRunner renamed: %s to %s\n",
                    a->now / 1000.0, old, name);
    }
    app_profile_use(a, id);
    app_notice(a, 6000,
               adding ? "%s added: it is their kiosk now" : "Renamed to %s",
               name);
    app_set_screen(a, SCREEN_SETTINGS);
}

void screen_name_action(App *a, InputAction act)
{
    UiView *v = &a->view;
    int cols = name_key_cols(a->ui.w < a->ui.h);
    if (act == ACT_LEFT || act == ACT_RIGHT || act == ACT_UP ||
        act == ACT_DOWN) {
        v->key_sel = move(v->key_sel, act, cols);
    } else if (act == ACT_OK) {
        if (v->key_sel < NAME_LETTERS)
            type(v, NAME_KEYS[v->key_sel]);
        else if (v->key_sel == NAME_SPACE)
            type(v, ' ');
        else if (v->key_sel == NAME_DELETE && v->name_entry[0])
            v->name_entry[strlen(v->name_entry) - 1] = '\0';
        else if (v->key_sel == NAME_DONE)
            done(a);
    } else if (act == ACT_BACK) {
        app_set_screen(a, SCREEN_SETTINGS);
    } else if (act == ACT_QUIT) {
        a->quit = true;
    }
}

void screen_name_auto(App *a, int64_t in_ms)
{
    (void)a; // --auto never opens the settings
    (void)in_ms;
}
