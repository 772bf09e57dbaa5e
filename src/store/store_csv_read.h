/*
 * Reading CSV as people and spreadsheets write it: splitting a line with
 * either separator and quotes, times with or without an offset, the sets
 * column. Used by the import in store_csv.c.
 */
#ifndef UL_STORE_CSV_READ_H
#define UL_STORE_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/history.h"

typedef struct CsvFields {
    char **v;
    int n, cap;
} CsvFields;

// Split line in place on sep (double quotes allowed); false on a stray quote
// or no memory. Fields are trimmed of surrounding blanks.
bool csv_split(char *line, char sep, CsvFields *f);
void csv_fields_free(CsvFields *f);

// The separator a header line uses: ';' if it has more of them than ','.
char csv_detect_sep(const char *header);

// started_at: "2026-11-25T18:02:00-07:00", or a local time without an
// offset ("2026-11-25 18:02[:SS]", "2026-11-25T18:02", "25/11/2026 18:02")
// read with the offset of that date. On failure why says what to write.
bool csv_parse_start(const char *s, int64_t *utc, int *offset_min, char *why,
                     size_t size);

// "YYYY-MM-DD" -> day number.
bool csv_parse_day(const char *s, int64_t *day);

// The sets column: items separated by ';' of
// exercise/block/step/set/side/target/done/load_kg/skipped. *sets grows.
bool csv_parse_sets(char *text, HistorySet **sets, int *cap, int *n, char *why,
                    size_t size);

#endif
