/*
 * The runner's settings, kept in config.ini ([settings] section) in the
 * config folder. Parsing reports file:line problems and keeps the defaults
 * for anything it cannot read.
 */
#ifndef UL_CORE_SETTINGS_H
#define UL_CORE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

typedef enum Units { UNITS_KG, UNITS_LB } Units;

typedef struct Settings {
    int volume;        // 0..100
    bool voice;        // spoken cues (sounds stay)
    int tempo_pct;     // 50..200
    int weekly_target; // 1..7; 0 = as the plan says
    Units units;
    bool include_optional; // coach optional exercises (calf raises)
    char speech_voice[32]; // espeak-ng voice: en, en-us, en-gb-scotland ...
    int speech_rate;       // words a minute, 80..450
    bool video_cover; // clips fill the screen (cropped) instead of fitting it
    int clip_height;  // demo clips made at set-up: 720, 1080; 0 = auto
    char coach_video[256]; // the coach's long video (a file name), "" for none
    // The runner's music under the cues.
    bool music;            // play it (when the folder has tracks)
    char music_dir[256];   // "" = $XDG_DATA_HOME/ultralegs/music
    int music_volume;      // 0..100
    int music_duck_db;     // 0..40: how far it drops under speech
    bool web;              // the companion page is served
    int web_port;          // 1..65535
    char web_bind[16];     // an IPv4 address: 0.0.0.0 = every network
    int web_upload_max_mb; // the largest clip the page takes, 1..1048576
} Settings;

// True when s is a dotted IPv4 address ("192.168.1.20").
bool settings_ipv4_valid(const char *s);

// The size clipgen makes the demo clips at. Auto is 720p on ARM (a
// Raspberry Pi, where 1080p software decoding drops frames) and 1080p
// elsewhere.
void settings_clip_size(const Settings *s, bool arm, int *w, int *h);
// True when this build runs on ARM.
bool settings_host_is_arm(void);

// Every config.ini key and what it takes, in config.ini's own words.
typedef struct SettingsKey {
    const char *key, *allowed;
} SettingsKey;
extern const SettingsKey settings_keys[];
extern const int settings_nkeys;

void settings_default(Settings *s);

// Parse config.ini text over the current values.
bool settings_parse(Settings *s, const char *text, size_t len, const char *file,
                    DiagList *diags);

// The file's text; returns the length written (snprintf-style).
int settings_format(const Settings *s, char *buf, size_t size);

// Display a load in the chosen units: "10 kg", "22 lb".
void settings_load_text(const Settings *s, double kg, char *buf, size_t size);

#endif
