/*
 * Changing a few keys of one section in INI text a person wrote, keeping
 * everything else as it was: comments, blank lines, other sections, other
 * keys, the order, the line endings. Used for the runner's exercises.ini
 * when the companion page sets an exercise's clip.
 */
#ifndef UL_CORE_INI_SET_H
#define UL_CORE_INI_SET_H

#include <stddef.h>

typedef struct IniSet {
    const char *key;
    const char *value; // NULL: the key is removed from the section
} IniSet;

// A new text (caller frees; NULL when out of memory) where section [name]
// has each key = value: the first line of that key in the section is
// replaced, later ones of the same key removed, a missing key is added after
// the section's last key line; a missing section is added at the end.
char *ini_set_keys(const char *text, size_t len, const char *section,
                   const IniSet *sets, int nsets);

// The line (from 1) of key in [section] in text, or 0.
int ini_key_line(const char *text, const char *section, const char *key);

#endif
