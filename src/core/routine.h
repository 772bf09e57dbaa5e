/*
 * The exercise library, the routines and the weekly plan: the data the kiosk
 * coaches, as read from assets/exercises.ini, assets/routines/<id>.ini and
 * assets/plan.ini (and the user's overrides of them).
 *
 * A Library owns everything it holds. Parsing (routine_parse.c) fills it from
 * text already in memory; checking (routine_check.c) resolves the steps against
 * the exercises, picks which definition of each id is active (a valid user
 * file wins over the built-in one, an invalid one never hides it) and reports
 * every problem into lib->diags with its file:line.
 */
#ifndef UL_CORE_ROUTINE_H
#define UL_CORE_ROUTINE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

#define RT_ID_MAX 48
#define RT_NAME_CHARS 63                    // characters, in any script
#define RT_NAME_MAX (RT_NAME_CHARS * 4 + 4) // bytes: room for them in UTF-8
#define RT_TEXT_MAX 192
#define RT_PATH_MAX 256
#define RT_POINTS_MAX 6
#define RT_NOTES_MAX 8
#define RT_STEPS_MAX 40
#define RT_SETS_MAX 10
#define RT_REPS_MAX 500
#define RT_REST_MAX 900
#define RT_STREAK_ROUTINES_MAX 4 // plan.ini streak_routines
#define RT_CADENCE_MIN_S 0.3     // seconds per rep an exercise may give
#define RT_CADENCE_MAX_S 30.0
#define RT_CADENCE_DEFAULT_MS 2000 // an exercise that gives no cadence
#define RT_REST_DEFAULT_S 20       // a routine that gives no rest
#define RT_WEEKLY_TARGET_DEFAULT 2 // a plan that gives no weekly_target
#define RT_EXERCISES_MAX 128
#define RT_ROUTINES_MAX 64

typedef enum StepBlock {
    STEP_BLOCK_NONE, // a plain step
    STEP_BLOCK_BOTH, // the both-legs part of a "both legs then single leg" pair
    STEP_BLOCK_SINGLE, // the single-leg part: always per side
} StepBlock;

// The keys of an exercise section, as bits of Exercise.keys (the order of
// the switch in routine_parse.c's exercise_key).
typedef enum ExerciseKey {
    EX_KEY_NAME,
    EX_KEY_EQUIPMENT,
    EX_KEY_LOAD,
    EX_KEY_UNIT,
    EX_KEY_SWITCH,
    EX_KEY_PER_SIDE,
    EX_KEY_CADENCE,
    EX_KEY_CLIP,
    EX_KEY_CLIP_START,
    EX_KEY_CLIP_END,
    EX_KEY_COACH_VIDEO,
    EX_KEY_POSE,
    EX_KEY_DAILY,
    EX_KEY_CLIP_AUDIO,
    EX_KEY_POINT,
    EX_KEY_COUNT
} ExerciseKey;

const char *exercise_key_name(ExerciseKey k); // "clip_start"

typedef struct Exercise {
    char id[RT_ID_MAX];
    char name[RT_NAME_MAX];
    char points[RT_POINTS_MAX][RT_TEXT_MAX]; // coaching points, in order
    int npoints;
    char equipment[RT_TEXT_MAX];
    char load[RT_NAME_MAX];       // "band", "optional weight", "none", ...
    char unit[16];                // what one rep is called: "reps" or "steps"
    char switch_cue[RT_NAME_MAX]; // spoken at the side switch
    bool per_side;
    int cadence_ms;         // one rep, at tempo 100%
    char clip[RT_PATH_MAX]; // file name, looked up in the videos dirs
    double clip_start;      // segment start in seconds, or -1
    double clip_end;        // segment end in seconds, or -1 (to the end)
    double coach_video_s;   // where the coach's video shows it, or -1
    char pose[RT_ID_MAX];   // demo animation to generate
    bool daily;             // fine to do every day
    bool clip_audio;        // play the clip's own sound (off by default)
    bool from_coach_video;  // its clip is its part of config.ini's coach_video
    unsigned keys;          // 1 << ExerciseKey for each key its section set
    // Where it came from.
    char file[RT_PATH_MAX];
    int line;
    bool user;   // from the user's config dir
    bool valid;  // no errors
    bool active; // the definition in use for this id
} Exercise;

typedef struct RoutineStep {
    char exercise_id[RT_ID_MAX];
    char variant[RT_NAME_MAX]; // "side to side", shown after the name
    int sets;
    int reps_min;
    int reps_max; // == reps_min for a fixed dose
    int per_side; // -1: as the exercise says; resolved to 0/1 by the check
    StepBlock block;
    bool optional;
    int rest_s; // after each set of this step; -1 = the routine's default
    char note[RT_TEXT_MAX];
    int line;          // the [step] header
    int exercise_line; // the exercise = line
    int reps_line;     // the reps = line, 0 when not given
} RoutineStep;

typedef struct Routine {
    char id[RT_ID_MAX];
    char title[RT_NAME_MAX];
    char blurb[RT_TEXT_MAX];
    char coach[RT_NAME_MAX];
    char frequency[RT_NAME_MAX]; // "2-3 times a week"
    char after[RT_NAME_MAX];     // what should follow: "an easy day"
    char finish[RT_TEXT_MAX]; // said at the end: "protein, then foam rolling"
    char notes[RT_NOTES_MAX][RT_TEXT_MAX];
    int nnotes;
    bool counts_for_streak;
    int default_rest_s; // for steps that give no rest
    RoutineStep steps[RT_STEPS_MAX];
    int nsteps;
    char file[RT_PATH_MAX];
    // Where the parser saw what the check looks for, so the check does not
    // echo an error the parser already gave (0: not in the file).
    int header_line;  // [routine]
    int title_line;   // title = (or a misspelling of it)
    int dropped_line; // the first section header the parser rejected
    int unread_line;  // the first line that could not be read (not UTF-8 ...)
    bool user;
    bool valid;
    bool active;
} Routine;

typedef struct PlanDay {
    char run[RT_TEXT_MAX];   // the day's running, "" for none
    char routine[RT_ID_MAX]; // the strength routine, "" for none
    int line;                // where routine= was given
} PlanDay;

typedef struct Plan {
    PlanDay days[7]; // Monday first, as ISO weeks count
    int weekly_target;
    char streak_routines[RT_STREAK_ROUTINES_MAX]
                        [RT_ID_MAX]; // the routines that count for the streak
    int nstreak;
    char daily[RT_ID_MAX]; // a routine fit for any day
    char file[RT_PATH_MAX];
    bool loaded;
} Plan;

typedef struct Library {
    Exercise exercises[RT_EXERCISES_MAX];
    int nexercises;
    Routine routines[RT_ROUTINES_MAX];
    int nroutines;
    Plan plan;
    DiagList diags;
    int routines_skipped; // routine files not read or not used (each in diags)
} Library;

Library *library_create(void);
void library_destroy(Library *lib); // accepts NULL

// Parse one file's text (not necessarily NUL-terminated). `file` names it in
// diagnostics; `user` marks the user's own files. Problems go to lib->diags.
// Return false when the text had errors (what was good is still kept).
bool routine_parse_exercises(Library *lib, const char *text, size_t len,
                             const char *file, bool user);
// default_id is the file's base name, used when [routine] has no id.
bool routine_parse_routine(Library *lib, const char *text, size_t len,
                           const char *file, const char *default_id, bool user);
bool routine_parse_plan(Library *lib, const char *text, size_t len,
                        const char *file, bool user);

// Validate and resolve everything parsed so far (run once, after parsing).
// Returns the number of errors found.
int library_check(Library *lib);

// Cut the coach's one long video `file` (config.ini's coach_video, a file
// name in a videos folder) into every active exercise with a coach_video
// offset whose clip the runner did not set: from its offset to the next
// offset in the video, the last one to the end. Run after library_check.
// Returns how many exercises play from it.
int library_use_coach_video(Library *lib, const char *file);

// The first error reported about routine id (in its file, or about a file
// that would have been it), or NULL: why `--routine id` cannot start.
const Diag *library_routine_error(const Library *lib, const char *id);

// Lookups among the active definitions; NULL when there is none.
const Exercise *library_exercise(const Library *lib, const char *id);
const Routine *library_routine(const Library *lib, const char *id);

// "30-50 reps each leg", "10 reps", "20 steps", "2 x 10 reps each leg".
void routine_dose_text(const RoutineStep *st, const Exercise *ex, char *buf,
                       size_t size);
// Exercise name with the step's variant: "Glute bridges, single leg".
void routine_step_title(const RoutineStep *st, const Exercise *ex, char *buf,
                        size_t size);

const char *step_block_name(StepBlock b); // "", "both", "single-leg"

#endif
