/*
 * Texts: the fallback chain of faces, the texture cache, measuring, cutting
 * with an ellipsis, wrapping into lines and the layout log's records.
 */
#include "ui/ui.h"
#include "ui/ui_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"

static size_t entry_bytes(const UiTextEntry *e)
{
    return (size_t)e->ink.w * (size_t)e->ink.h * 4;
}

static void drop(Ui *ui, UiTextEntry *e)
{
    if (e->tex) {
        SDL_DestroyTexture(e->tex);
        ui->text_bytes -= entry_bytes(e);
    }
    memset(e, 0, sizeof(*e));
}

void ui_text_forget(Ui *ui)
{
    for (int i = 0; i < UI_TEXT_CACHE; i++)
        drop(ui, &ui->cache[i]);
    ui->text_bytes = 0;
    memset(ui->widths, 0, sizeof(ui->widths));
}

void ui_text_trim(Ui *ui)
{
    for (int i = 0; i < UI_TEXT_CACHE; i++)
        if (ui->cache[i].tex &&
            ui->frame - ui->cache[i].used > UI_TEXT_KEEP_FRAMES)
            drop(ui, &ui->cache[i]);
}

// Over the byte budget: the least recently drawn go first, never one drawn
// in this frame (its texture is still to be shown).
static void keep_budget(Ui *ui)
{
    while (ui->text_bytes > UI_TEXT_BYTES_MAX) {
        UiTextEntry *oldest = NULL;
        for (int i = 0; i < UI_TEXT_CACHE; i++) {
            UiTextEntry *e = &ui->cache[i];
            if (e->tex && e->used < ui->frame &&
                (!oldest || e->used < oldest->used))
                oldest = e;
        }
        if (!oldest)
            return;
        drop(ui, oldest);
    }
}

static void record(Ui *ui, const char *text, float x, float y, float w, float h,
                   int px, bool cut)
{
    if (!ui->records || ui->nrecords >= UI_RECORDS_MAX)
        return;
    UiTextRecord *r = &ui->records[ui->nrecords++];
    str_copy(r->text, sizeof(r->text), text); // a long text is logged cut short
    r->x = x;
    r->y = y;
    r->w = w;
    r->h = h;
    r->px = px;
    r->cut = cut;
}

static TTF_Font *face_at(Ui *ui, int px, bool bold, int face)
{
    int oldest = 0;
    for (int i = 0; i < UI_FONT_SIZES; i++) {
        if (ui->fonts[i].font && ui->fonts[i].px == px &&
            ui->fonts[i].bold == bold && ui->fonts[i].face == face)
            return ui->fonts[i].font;
        if (!ui->fonts[i].font) {
            oldest = i;
            break;
        }
        oldest = (i + (int)ui->frame) % UI_FONT_SIZES;
    }
    UiFont *f = &ui->fonts[oldest];
    if (f->font)
        TTF_CloseFont(f->font);
    const char *path = face == 0 ? (bold ? ui->font_bold : ui->font_regular)
                       : bold    ? ui->fallback_bold[face - 1]
                                 : ui->fallback_regular[face - 1];
    f->font = TTF_OpenFont(path, px);
    f->px = px;
    f->bold = bold;
    f->face = face;
    return f->font;
}

// One UTF-8 character at *s: its code point, and *s moves past it.
static uint32_t next_char(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t c = p[0];
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    if (n)
        c &= 0x3Fu >> n;
    int i = 1;
    for (; i <= n && (p[i] & 0xC0) == 0x80; i++)
        c = c << 6 | (p[i] & 0x3F);
    *s += i;
    return c;
}

// The first face of the chain that has this character; -1 for none.
static int face_for(Ui *ui, int px, bool bold, uint32_t c)
{
    if (c < 0x80 || c == 0x200D || c == 0xFE0F)
        return 0; // DejaVu has ASCII; joiners go with what surrounds them
    for (int f = 0; f <= ui->nfallbacks; f++) {
        TTF_Font *font = face_at(ui, px, bold, f);
        if (font && TTF_GlyphIsProvided32(font, c))
            return f;
    }
    return -1;
}

uint32_t ui_text_missing(Ui *ui, const char *text)
{
    const char *p = text;
    while (*p) {
        uint32_t c = next_char(&p);
        if (c >= 0x20 && face_for(ui, 20, false, c) < 0)
            return c;
    }
    return 0;
}

// The run of text at *p drawn by one face (the first of the chain that has
// its first character): copied to run, *face set and *p moved past it.
// False at the end of the text.
static bool next_run(Ui *ui, int px, bool bold, const char **p, char *run,
                     size_t size, int *face)
{
    if (!**p)
        return false;
    const char *start = *p, *end = *p;
    *face = face_for(ui, px, bold, next_char(&end));
    if (*face < 0)
        *face = 0;
    while (*end) {
        const char *q = end;
        int f = face_for(ui, px, bold, next_char(&q));
        if (f != *face && f >= 0)
            break;
        end = q;
    }
    *p = end;
    size_t len =
        (size_t)(end - start) < size - 1 ? (size_t)(end - start) : size - 1;
    memcpy(run, start, len);
    run[len] = '\0';
    return true;
}

// Render text in runs, each in the first face that has its characters,
// side by side on their common baseline, in its colour: a texture drawn
// with a colour or alpha modulation takes the software renderer's general
// blitter, some four times slower than a plain blend (a HUD's big digits
// cost a millisecond a frame that way).
static SDL_Surface *render_runs(Ui *ui, int px, bool bold, SDL_Color c,
                                const char *text)
{
    SDL_Surface *parts[32];
    int asc[32], n = 0, total_w = 0, max_asc = 0, max_desc = 0;
    const char *p = text;
    int face;
    char run[UI_LINE_MAX];
    while (n < 32 && next_run(ui, px, bold, &p, run, sizeof(run), &face)) {
        TTF_Font *font = face_at(ui, px, bold, face);
        SDL_Surface *s = font ? TTF_RenderUTF8_Blended(font, run, c) : NULL;
        if (!s)
            continue;
        if (s->h > px * 2) {
            // A bitmap font (colour emoji) of a fixed size: scale to the line.
            SDL_Surface *sc = SDL_CreateRGBSurfaceWithFormat(
                0, s->w * px * 6 / 5 / s->h, px * 6 / 5, 32,
                SDL_PIXELFORMAT_ARGB8888);
            if (sc) {
                SDL_BlitScaled(s, NULL, sc, NULL);
                SDL_FreeSurface(s);
                s = sc;
            }
        }
        asc[n] = s->h == px * 6 / 5 ? px : TTF_FontAscent(font);
        int desc = s->h - asc[n];
        max_asc = asc[n] > max_asc ? asc[n] : max_asc;
        max_desc = desc > max_desc ? desc : max_desc;
        total_w += s->w;
        parts[n++] = s;
    }
    if (n == 0)
        return NULL;
    if (n == 1)
        return parts[0];
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(
        0, total_w, max_asc + max_desc, 32, SDL_PIXELFORMAT_ARGB8888);
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (out) {
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
            SDL_Rect dst = {x, max_asc - asc[i], parts[i]->w, parts[i]->h};
            SDL_BlitSurface(parts[i], NULL, out, &dst);
        }
        x += parts[i]->w;
        SDL_FreeSurface(parts[i]);
    }
    return out;
}

static uint32_t hash_text(const char *s, int px, bool bold, SDL_Color c)
{
    uint32_t h = 2166136261u ^ (uint32_t)px ^ (bold ? 0x9e3779b9u : 0);
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    h ^= (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
    return h * 16777619u;
}

// The part of a rendered text (32-bit with alpha) with any ink: at least
// one pixel, so a text of spaces still has a texture and its width.
static SDL_Rect ink_box(const SDL_Surface *s)
{
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row =
            (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch);
        for (int x = 0; x < s->w; x++)
            if (row[x] >> 24) {
                x0 = x < x0 ? x : x0;
                x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0;
                y1 = y;
            }
    }
    if (x1 < 0)
        return (SDL_Rect){0, 0, 1, 1};
    return (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

// The cached texture for this text, rendering it when new.
static UiTextEntry *text_entry(Ui *ui, int px, bool bold, SDL_Color c,
                               const char *text)
{
    if (!text[0] || px < 4)
        return NULL;
    uint32_t h = hash_text(text, px, bold, c);
    int victim = 0;
    uint64_t oldest = UINT64_MAX;
    for (int i = 0; i < UI_TEXT_CACHE; i++) {
        UiTextEntry *e = &ui->cache[i];
        if (e->tex && e->hash == h && e->px == px &&
            strncmp(e->text, text, sizeof(e->text) - 1) == 0) {
            e->used = ui->frame;
            return e;
        }
        if (!e->tex) {
            if (oldest != 0) {
                victim = i;
                oldest = 0;
            }
        } else if (e->used < oldest) {
            victim = i;
            oldest = e->used;
        }
    }
    SDL_Surface *s = render_runs(ui, px, bold, c, text);
    if (s && s->format->format != SDL_PIXELFORMAT_ARGB8888) {
        SDL_Surface *conv =
            SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_FreeSurface(s);
        s = conv;
    }
    if (!s)
        return NULL;
    UiTextEntry *e = &ui->cache[victim];
    drop(ui, e);
    e->w = s->w;
    e->h = s->h;
    e->ink = ink_box(s);
    // Only the inked part becomes a texture: a line's box is a third empty
    // (above the capitals, below the baseline, the side bearings), and the
    // software renderer pays for every pixel copied, empty or not.
    SDL_Surface *inked = SDL_CreateRGBSurfaceWithFormatFrom(
        (Uint8 *)s->pixels + (size_t)e->ink.y * s->pitch + e->ink.x * 4,
        e->ink.w, e->ink.h, 32, s->pitch, SDL_PIXELFORMAT_ARGB8888);
    e->tex = inked ? SDL_CreateTextureFromSurface(ui->r, inked) : NULL;
    SDL_FreeSurface(inked);
    SDL_FreeSurface(s);
    if (!e->tex) {
        memset(e, 0, sizeof(*e));
        return NULL;
    }
    ui->text_bytes += entry_bytes(e);
    e->px = px;
    e->color = c;
    e->hash = h;
    snprintf(e->text, sizeof(e->text), "%s", text);
    e->used = ui->frame;
    ui->renders++;
    keep_budget(ui);
    return e;
}

static int measure(Ui *ui, int px, bool bold, const char *text);

// Measured widths are kept: laying out a screen measures the same words
// every frame (wrapping tries each word, a block each size), and shaping a
// text costs more than drawing it.
int ui_text_width(Ui *ui, float size, bool bold, const char *text)
{
    int px = (int)(size * ui->u + 0.5f);
    size_t len = strlen(text);
    if (len >= sizeof(ui->widths[0].text))
        return measure(ui, px, bold, text);
    uint32_t h = hash_text(text, px, bold, (SDL_Color){0, 0, 0, 0});
    UiWidth *slot = &ui->widths[h % UI_WIDTHS];
    if (slot->px == px && slot->bold == bold && slot->hash == h &&
        strcmp(slot->text, text) == 0)
        return slot->w;
    int w = measure(ui, px, bold, text);
    if (w == 0 && len > 0)
        return 0; // no face could measure it (yet): asked again next time
    slot->hash = h;
    slot->px = px;
    slot->bold = bold;
    memcpy(slot->text, text, len + 1);
    slot->w = w;
    return w;
}

static int measure(Ui *ui, int px, bool bold, const char *text)
{
    int total = 0;
    const char *p = text;
    int face;
    char run[UI_LINE_MAX];
    while (next_run(ui, px, bold, &p, run, sizeof(run), &face)) {
        TTF_Font *f = face_at(ui, px, bold, face);
        int w = 0, h = 0;
        if (f && TTF_SizeUTF8(f, run, &w, &h) == 0) {
            if (h > px * 2 &&
                h > 0) // a fixed-size bitmap font, scaled to the line
                w = w * px * 6 / 5 / h;
            total += w;
        }
    }
    return total;
}

// Draw a text already sized; `whole` is what the layout log names.
static int draw_text(Ui *ui, float x, float y, int px, bool bold, SDL_Color c,
                     UiAlign align, const char *shown, const char *whole,
                     bool cut)
{
    UiTextEntry *e = text_entry(ui, px, bold, c, shown);
    if (!e)
        return 0;
    float w = (float)e->w, h = (float)e->h;
    if (align == UI_CENTER)
        x -= w / 2;
    else if (align == UI_RIGHT)
        x -= w;
    SDL_FRect dst = {x + e->ink.x, y + e->ink.y, (float)e->ink.w,
                     (float)e->ink.h};
    if (!ui_dry(ui, 8, (float[]){x, y, (float)px, (float)bold}, 4, c, shown))
        SDL_RenderCopyF(ui->r, e->tex, NULL, &dst);
    record(ui, whole, x, y, w, h, px, cut);
    return (int)w;
}

int ui_text(Ui *ui, float x, float y, float size, bool bold, SDL_Color c,
            UiAlign align, float max_w, const char *text)
{
    int px = (int)(size * ui->u + 0.5f);
    UiTextEntry *e = text_entry(ui, px, bold, c, text);
    if (!e)
        return 0;
    float w = (float)e->w;
    if (max_w > 0 && w > max_w) {
        // Too wide: a smaller size (rendered crisp, not scaled), but never
        // under UI_TEXT_MIN; below that, cut the end with an ellipsis.
        float fit = size * max_w / w;
        if (fit >= UI_TEXT_MIN) {
            int fpx = (int)(fit * ui->u);
            while (fpx > 4 &&
                   ui_text_width(ui, fpx / ui->u, bold, text) > max_w)
                fpx--;
            return draw_text(ui, x, y + (px - fpx) * 0.5f, fpx, bold, c, align,
                             text, text, false);
        }
        float sz = size < UI_TEXT_MIN ? size : UI_TEXT_MIN;
        int spx = (int)(sz * ui->u + 0.5f);
        char cut[512];
        snprintf(cut, sizeof(cut), "%s", text);
        size_t n = strlen(cut);
        while (n > 1) {
            n--;
            while (n > 1 && (cut[n] & 0xC0) == 0x80)
                n--; // whole UTF-8 characters
            snprintf(cut + n, sizeof(cut) - n, "\xe2\x80\xa6");
            if (ui_text_width(ui, sz, bold, cut) <= max_w)
                break;
        }
        return draw_text(ui, x, y + (px - spx) * 0.5f, spx, bold, c, align, cut,
                         text, true);
    }
    return draw_text(ui, x, y, px, bold, c, align, text, text, false);
}

int ui_textf(Ui *ui, float x, float y, float size, bool bold, SDL_Color c,
             UiAlign align, float max_w, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    return ui_text(ui, x, y, size, bold, c, align, max_w, buf);
}

// Break text into lines of at most max_w pixels: at spaces, and inside a
// word too long for a line (Chinese has no spaces) between characters.
// Returns the number of lines, or -1 when more than max_lines are needed.
static int break_lines(Ui *ui, float size, bool bold, float max_w,
                       const char *text, char lines[][UI_LINE_MAX],
                       int max_lines)
{
    int n = 0;
    const char *p = text;
    while (*p == ' ')
        p++;
    while (*p) {
        if (n == max_lines)
            return -1;
        char *line = lines[n];
        size_t len = 0, good = 0;
        const char *good_end = p;
        line[0] = '\0';
        const char *q = p;
        while (*q) {
            // Next character (whole UTF-8 sequence).
            size_t cl = 1;
            while ((q[cl] & 0xC0) == 0x80)
                cl++;
            if (len + cl >= UI_LINE_MAX)
                break;
            memcpy(line + len, q, cl);
            line[len + cl] = '\0';
            if (ui_text_width(ui, size, bold, line) > max_w) {
                line[len] = '\0';
                break;
            }
            len += cl;
            q += cl;
            if (*q == ' ' || !*q) {
                good = len;
                good_end = q;
            }
        }
        if (*q && good > 0) {
            len = good; // break at the last space
            q = good_end;
        } else if (len == 0) {
            return -1; // not even one character fits
        }
        line[len] = '\0';
        while (len > 0 && line[len - 1] == ' ')
            line[--len] = '\0';
        n++;
        p = q;
        while (*p == ' ')
            p++;
    }
    return n;
}

float ui_text_wrapped(Ui *ui, float x, float y, float size, bool bold,
                      SDL_Color c, float max_w, int max_lines, const char *text)
{
    char lines[UI_LINES_MAX][UI_LINE_MAX];
    if (max_lines > UI_LINES_MAX)
        max_lines = UI_LINES_MAX;
    float line_h = size * ui->u * 1.25f;
    int n = break_lines(ui, size, bold, max_w, text, lines, max_lines);
    if (n < 0) {
        // More than fits: the last line takes the rest, and is shortened.
        n = break_lines(ui, size, bold, max_w, text, lines, UI_LINES_MAX);
        if (n < 0)
            n = UI_LINES_MAX;
        for (int i = 0; i < max_lines - 1; i++)
            ui_text(ui, x, y + i * line_h, size, bold, c, UI_LEFT, max_w,
                    lines[i]);
        char rest[UI_LINE_MAX * 2] = "";
        for (int i = max_lines - 1; i < n; i++) {
            strncat(rest, lines[i], sizeof(rest) - strlen(rest) - 2);
            strcat(rest, " ");
        }
        ui_text(ui, x, y + (max_lines - 1) * line_h, size, bold, c, UI_LEFT,
                max_w, rest);
        return max_lines * line_h;
    }
    for (int i = 0; i < n; i++)
        ui_text(ui, x, y + i * line_h, size, bold, c, UI_LEFT, 0, lines[i]);
    return n * line_h;
}

int ui_text_lines(Ui *ui, float size, bool bold, float max_w, const char *text)
{
    char lines[UI_LINES_MAX][UI_LINE_MAX];
    return break_lines(ui, size, bold, max_w, text, lines, UI_LINES_MAX);
}

float ui_text_block(Ui *ui, float x, float y, float size, bool bold,
                    SDL_Color c, UiAlign align, float max_w, float max_h,
                    int max_lines, const char *text, bool draw)
{
    char lines[UI_LINES_MAX][UI_LINE_MAX];
    if (max_lines > UI_LINES_MAX)
        max_lines = UI_LINES_MAX;
    for (float sz = size;; sz -= 0.25f) {
        if (sz < UI_TEXT_MIN)
            sz = UI_TEXT_MIN;
        float line_h = sz * ui->u * 1.2f;
        int n = break_lines(ui, sz, bold, max_w, text, lines, max_lines);
        // Fallback faces (CJK) stand taller than DejaVu: lines never overlap.
        for (int i = 0; i < n; i++) {
            UiTextEntry *e =
                text_entry(ui, (int)(sz * ui->u + 0.5f), bold, c, lines[i]);
            if (e && e->h > line_h)
                line_h = (float)e->h;
        }
        bool fits = n >= 0 && n * line_h <= max_h;
        if (fits || sz <= UI_TEXT_MIN) {
            if (n < 0) {
                // Nothing smaller is readable: the last resort is a cut.
                if (draw)
                    ui_text_wrapped(ui, align == UI_CENTER ? x - max_w / 2 : x,
                                    y, sz, bold, c, max_w, max_lines, text);
                return max_lines * line_h;
            }
            for (int i = 0; draw && i < n; i++)
                ui_text(ui, x, y + i * line_h, sz, bold, c, align, 0, lines[i]);
            return n * line_h;
        }
    }
}
