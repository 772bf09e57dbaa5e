/*
 * Drawing for the screens: a text cache (SDL_ttf, rendered at real pixel
 * size, textures kept until unused for a while) and shape primitives. Sizes
 * are in screen units: 1 u = 1% of the output height (on a portrait screen
 * 3.5 u = 3% of the width), so layouts stay the same from 720p to 4K.
 */
#ifndef UL_UI_UI_H
#define UL_UI_UI_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

#define UI_TEXT_CACHE 256
// Text textures are let go once not drawn for UI_TEXT_KEEP_FRAMES drawn
// frames (3 s at 60 Hz: a timer's past seconds, the screen before), and the
// least recently drawn first while all of them hold more than
// UI_TEXT_BYTES_MAX (on the software renderer they are plain memory; on a
// Raspberry Pi the GPU's memory is the system's).
#define UI_TEXT_KEEP_FRAMES 180
#define UI_TEXT_BYTES_MAX (12u << 20)
#define UI_FONT_SIZES 24
#define UI_TEXT_MIN 3.5f // no text under 3.5% of the screen height
#define UI_LINES_MAX 8   // lines of a wrapped text
#define UI_LINE_MAX 256  // bytes of one line

typedef enum UiAlign { UI_LEFT, UI_CENTER, UI_RIGHT } UiAlign;

typedef struct UiTextEntry {
    SDL_Texture *tex; // the inked part only
    int w, h;         // the whole line's box
    SDL_Rect ink;     // where the texture lies in that box
    int px;
    SDL_Color color;
    uint32_t hash;
    char text[512];
    uint64_t used; // frame it was last drawn
} UiTextEntry;

// A text's measured width (ui_text_width), kept by its hash.
#define UI_WIDTHS 1024
typedef struct UiWidth {
    uint32_t hash;
    int px, w;
    bool bold;
    char text[120];
} UiWidth;
// One text as drawn, for the layout log (--layout-log): its box in pixels,
// its font size in pixels, and whether it was shortened with an ellipsis.
typedef struct UiTextRecord {
    char text[512]; // the whole text, even when it was cut
    float x, y, w, h;
    int px;
    bool cut;
} UiTextRecord;

#define UI_RECORDS_MAX 256

// One picture as drawn (a clip's stage, the body map), for the layout log.
typedef struct UiPictureRecord {
    char name[32];
    float x, y, w, h;
} UiPictureRecord;

#define UI_PICTURES_MAX 8

typedef struct UiFont {
    int px;
    bool bold;
    int face; // index in the fallback chain
    TTF_Font *font;
} UiFont;

#define UI_FACES_MAX 4 // DejaVu, then CJK, then Droid, then emoji

// A shape kept as a texture of its colour (ui_sprite.c), cut into cells
// around its centre: each empty, opaque (drawn as a plain fill) or partly
// covered (copied with blending).
typedef struct UiSprite {
    SDL_Texture *tex;
    int kind, a, b; // strip width and rows, or radius and thickness
    SDL_Color c;
    uint64_t used;
    short *edges; // cell boundaries, the same on both axes
    int nedges;
    unsigned char *cells; // (nedges - 1)^2 classes, row by row
} UiSprite;
#define UI_SPRITES 24

typedef struct Ui {
    SDL_Renderer *r;
    int w, h;
    float u; // the screen unit, in pixels
    char font_regular[256];
    char font_bold[256];
    // The fallback chain after the main face: fonts for what it cannot draw.
    char fallback_regular[UI_FACES_MAX - 1][256];
    char fallback_bold[UI_FACES_MAX - 1][256];
    int nfallbacks;
    UiFont fonts[UI_FONT_SIZES];
    UiTextEntry cache[UI_TEXT_CACHE];
    UiWidth widths[UI_WIDTHS];
    uint64_t frame;
    int renders;       // text textures made (for tests: no per-frame re-render)
    size_t text_bytes; // pixels held by the cached text textures
    bool software;     // the software renderer: shapes from sprites
    UiSprite sprites[UI_SPRITES];
    UiTextRecord *records; // texts drawn this frame; NULL: not recorded
    int nrecords;
    UiPictureRecord pictures[UI_PICTURES_MAX]; // recorded with the texts
    int npictures;
    // A screen's still part kept whole (ui_backdrop.c).
    bool dry;          // a dry pass: nothing drawn, what would be is hashed
    bool making;       // drawing into the backdrop: shapes made sprites at once
    uint64_t dry_hash; // the dry pass's sum
    SDL_Texture *backdrop;
    int backdrop_w, backdrop_h;
    uint64_t backdrop_hash;
    uint64_t backdrop_used; // the frame it was last drawn in
    int backdrop_draws;     // times drawn anew (what tests count)
} Ui;

// Find the fonts (DejaVu, or $ULTRALEGS_FONT) and start SDL_ttf. False with
// a reason naming the package to install.
bool ui_init(Ui *ui, SDL_Renderer *r, char *err, size_t errsize);
void ui_deinit(Ui *ui);
// The first character of text that no font of the chain can draw (0: all
// can be drawn). Works without a renderer after ui_fonts_open.
uint32_t ui_text_missing(Ui *ui, const char *text);
// Find the fonts and start SDL_ttf only (--check); false with err.
bool ui_fonts_open(Ui *ui, char *err, size_t errsize);
void ui_resize(Ui *ui, int w, int h);
void ui_begin_frame(Ui *ui);
// Keep a record of every text drawn in each frame (the layout log).
bool ui_record_texts(Ui *ui);
// Note a picture's box for the layout log (when texts are recorded).
void ui_record_picture(Ui *ui, const char *name, float x, float y, float w,
                       float h);
// An overlay (a menu over a shaded screen) is drawn from here on: the texts
// under it are no longer part of what is read.
void ui_cover(Ui *ui);

// Text of height `size` units. Returns the drawn width in pixels. `bold`
// picks the heavy face. Text wider than max_w (pixels, 0 = no limit) is
// scaled down to fit.
int ui_text(Ui *ui, float x, float y, float size, bool bold, SDL_Color c,
            UiAlign align, float max_w, const char *text);
int ui_textf(Ui *ui, float x, float y, float size, bool bold, SDL_Color c,
             UiAlign align, float max_w, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));
// Width in pixels the text would take.
int ui_text_width(Ui *ui, float size, bool bold, const char *text);
// Wrap text into lines of at most max_w pixels (at spaces, or between
// characters inside a word too long for a line); returns the height used.
float ui_text_wrapped(Ui *ui, float x, float y, float size, bool bold,
                      SDL_Color c, float max_w, int max_lines,
                      const char *text);

// Text in the largest size from `size` down to UI_TEXT_MIN that fits
// max_lines lines of max_w pixels within max_h pixels; cut only when even
// the smallest does not fit. x is the left edge, or the centre with
// UI_CENTER. Returns the height used; with draw false only measures.
float ui_text_block(Ui *ui, float x, float y, float size, bool bold,
                    SDL_Color c, UiAlign align, float max_w, float max_h,
                    int max_lines, const char *text, bool draw);

// Lines the text takes wrapped at max_w; -1 for more than UI_LINES_MAX.
int ui_text_lines(Ui *ui, float size, bool bold, float max_w, const char *text);

void ui_fill(Ui *ui, SDL_Color c);
void ui_rect(Ui *ui, float x, float y, float w, float h, SDL_Color c);
void ui_round_rect(Ui *ui, float x, float y, float w, float h, float radius,
                   SDL_Color c);
void ui_disc(Ui *ui, float cx, float cy, float radius, SDL_Color c);
// A ring arc from 0 (top) clockwise over `fraction` of the circle.
void ui_ring(Ui *ui, float cx, float cy, float radius, float thickness,
             float fraction, SDL_Color c);
void ui_vgradient(Ui *ui, float x, float y, float w, float h, SDL_Color top,
                  SDL_Color bottom);
void ui_triangle(Ui *ui, float x1, float y1, float x2, float y2, float x3,
                 float y3, SDL_Color c);

// A screen's still part (its background and texts, whatever does not move
// every frame) drawn by draw(ui, arg) into a texture of the screen's size
// and copied whole, without blending, while it stays the same: a dry pass
// of draw, in which the primitives only sum up what they would draw, tells
// whether it changed. The moving parts are drawn over it afterwards. The
// still part must cover the whole screen. Only on the software renderer
// (where every pixel drawn costs); elsewhere draw is simply called.
typedef void (*UiDrawFn)(Ui *ui, const void *arg);
void ui_backdrop(Ui *ui, UiDrawFn draw, const void *arg);
void ui_backdrop_forget(Ui *ui);
// In a dry pass: add a primitive's kind, numbers, colour and text (or NULL)
// to the pass's sum and return true (the caller draws nothing).
bool ui_dry(Ui *ui, int kind, const float *v, int n, SDL_Color c,
            const char *text);

#endif
