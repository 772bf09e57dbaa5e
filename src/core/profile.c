/*
 * Profiles: names, initials, colours and overrides (see profile.h).
 */
#include "core/profile.h"

#include <stdio.h>
#include <string.h>

#include "core/strutil.h"

void profile_init(Profile *p)
{
    memset(p, 0, sizeof(*p));
    p->tempo_pct = p->voice = p->units = p->weekly_target = -1;
}

const char *profile_name_problem(const char *name)
{
    size_t n = strlen(name);
    if (n == 0)
        return "a profile needs a name";
    if (n >= PROFILE_NAME_MAX)
        return "a profile's name is at most 32 bytes";
    if (name[0] == ' ' || name[n - 1] == ' ')
        return "a profile's name does not start or end with a space";
    for (const unsigned char *c = (const unsigned char *)name; *c; c++)
        if (*c < 0x20 || *c == 0x7f)
            return "a profile's name has no control characters";
    if (name[0] == '-')
        return "a profile's name does not start with '-'";
    return NULL;
}

// The bytes of the UTF-8 character at s.
static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    for (size_t i = 1; i < n; i++)
        if (!s[i])
            return i;
    return n;
}

void profile_initials(const char *name, char *out, size_t size)
{
    size_t o = 0;
    int count = 0;
    bool at_start = true;
    for (const char *s = name; *s && count < 2;) {
        size_t n = char_len(s);
        if (*s == ' ' || *s == '-') {
            at_start = true;
        } else if (at_start) {
            if (o + n + 1 > size)
                break;
            memcpy(out + o, s, n);
            // ASCII initials in capitals; other scripts as written.
            if (n == 1 && out[o] >= 'a' && out[o] <= 'z')
                out[o] = (char)(out[o] - 'a' + 'A');
            o += n;
            count++;
            at_start = false;
        }
        s += n;
    }
    if (size)
        out[o < size ? o : size - 1] = '\0';
}

// Strong colours that stay apart from each other and from the dark
// background, and read as different to most colour-blind eyes too.
static const struct {
    uint32_t rgb;
    const char *name;
} colours[PROFILE_COLOURS] = {
    {0xff7a2e, "orange"}, {0x52b0ff, "blue"},  {0x48dc8c, "green"},
    {0xff5c96, "pink"},   {0xffc43d, "gold"},  {0xa78bfa, "violet"},
    {0x2dd4bf, "teal"},   {0xf8fafc, "white"},
};

uint32_t profile_rgb(int colour)
{
    return colours[(unsigned)colour % PROFILE_COLOURS].rgb;
}

const char *profile_colour_name(int colour)
{
    return colours[(unsigned)colour % PROFILE_COLOURS].name;
}

void profile_apply(const Profile *p, Settings *s)
{
    if (!p)
        return;
    if (p->tempo_pct >= 50 && p->tempo_pct <= 200)
        s->tempo_pct = p->tempo_pct;
    if (p->voice == 0 || p->voice == 1)
        s->voice = p->voice;
    if (p->units == UNITS_KG || p->units == UNITS_LB)
        s->units = (Units)p->units;
    if (p->weekly_target >= 0 && p->weekly_target <= 7)
        s->weekly_target = p->weekly_target;
}

bool profile_set_override(Profile *p, const char *assignment, char *why,
                          size_t size)
{
    const char *eq = strchr(assignment, '=');
    char key[16];
    if (!eq || (size_t)(eq - assignment) >= sizeof(key)) {
        snprintf(why, size, "expected KEY=VALUE (tempo, voice, units, target)");
        return false;
    }
    memcpy(key, assignment, (size_t)(eq - assignment));
    key[eq - assignment] = '\0';
    const char *v = eq + 1;
    long n;
    if (strcmp(key, "tempo") == 0) {
        if (!*v)
            p->tempo_pct = -1;
        else if (str_parse_int(v, 50, 200, &n))
            p->tempo_pct = (int)n;
        else
            goto bad;
    } else if (strcmp(key, "voice") == 0) {
        if (!*v)
            p->voice = -1;
        else if (strcmp(v, "on") == 0 || strcmp(v, "off") == 0)
            p->voice = strcmp(v, "on") == 0;
        else
            goto bad;
    } else if (strcmp(key, "units") == 0) {
        if (!*v)
            p->units = -1;
        else if (strcmp(v, "kg") == 0 || strcmp(v, "lb") == 0)
            p->units = strcmp(v, "lb") == 0 ? UNITS_LB : UNITS_KG;
        else
            goto bad;
    } else if (strcmp(key, "target") == 0) {
        if (!*v)
            p->weekly_target = -1;
        else if (str_parse_int(v, 0, 7, &n))
            p->weekly_target = (int)n;
        else
            goto bad;
    } else {
        snprintf(why, size,
                 "unknown setting '%s' (a profile has tempo, voice, units, "
                 "target)",
                 key);
        return false;
    }
    return true;
bad:
    snprintf(why, size,
             "%s: bad value '%s' (tempo 50-200, voice on/off, units kg/lb, "
             "target 0-7; empty: the household's)",
             key, v);
    return false;
}

void profile_overrides_text(const Profile *p, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
#define ADD(...)                                                               \
    do {                                                                       \
        if (o < size)                                                          \
            o += (size_t)snprintf(out + o, size - o, "%s", o ? ", " : "");     \
        if (o < size)                                                          \
            o += (size_t)snprintf(out + o, size - o, __VA_ARGS__);             \
    } while (0)
    if (p->tempo_pct >= 0)
        ADD("tempo %d%%", p->tempo_pct);
    if (p->voice >= 0)
        ADD("voice %s", p->voice ? "on" : "off");
    if (p->units >= 0)
        ADD("units %s", p->units == UNITS_LB ? "lb" : "kg");
    if (p->weekly_target >= 0)
        ADD("target %d a week", p->weekly_target);
#undef ADD
}
