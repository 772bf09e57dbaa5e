/*
 * A runner of the household: a name, a colour and their own values of a
 * few settings (tempo, voice, units, weekly target) over config.ini's. Pure:
 * the store keeps profiles; this says what a valid name is, what a profile
 * shows (its initials, its colour) and how its overrides apply.
 */
#ifndef UL_CORE_PROFILE_H
#define UL_CORE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/settings.h"

#define PROFILE_NAME_MAX 33 // 32 bytes of UTF-8 and the terminator
#define PROFILE_COLOURS 8
#define PROFILES_MAX 8
#define PROFILE_DEFAULT_NAME "Runner"

typedef struct Profile {
    int64_t id;
    char name[PROFILE_NAME_MAX];
    int colour; // 0 .. PROFILE_COLOURS-1, an index into profile_rgb
    // Overrides of config.ini; -1: not overridden (the household's value).
    int tempo_pct;     // 50..200
    int voice;         // 0 off, 1 on
    int units;         // UNITS_KG, UNITS_LB
    int weekly_target; // 0 (as planned) .. 7
    int64_t created_utc, last_used_utc;
    int sessions; // how many sessions are stored (filled by the store's list)
} Profile;

// A profile with no overrides.
void profile_init(Profile *p);

// Why name cannot be a profile's name (empty, too long, control
// characters, surrounding spaces), or NULL when it can.
const char *profile_name_problem(const char *name);

// Up to two initials ("Ana Lima" -> "AL", "sam" -> "S"), UTF-8 aware.
void profile_initials(const char *name, char *out, size_t size);

// The colour's red, green and blue (0xRRGGBB).
uint32_t profile_rgb(int colour);
// Its name, for people ("orange").
const char *profile_colour_name(int colour);

// s with the profile's overrides applied (NULL p: s unchanged).
void profile_apply(const Profile *p, Settings *s);

// Set an override from "tempo=90", "voice=off", "units=lb", "target=3",
// or clear it with "tempo=" (the household's value). False with why.
bool profile_set_override(Profile *p, const char *assignment, char *why,
                          size_t size);
// The overrides as "tempo 90%, voice off" ("" when there are none).
void profile_overrides_text(const Profile *p, char *out, size_t size);

#endif
