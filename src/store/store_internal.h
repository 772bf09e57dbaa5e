/*
 * Store internals shared by store.c, store_log.c and store_csv.c.
 */
#ifndef UL_STORE_INTERNAL_H
#define UL_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

struct Store {
    sqlite3 *db;
    char dir[512];
    char path[600];
    char error[512];
    char notice[512];
    bool read_only;
};

void store_fail(Store *st, const char *what);
bool store_exec(Store *st, const char *sql, const char *what);

// Insert a whole session with its sets in one transaction; *dup is set when
// a session with the same start and routine exists (nothing is written).
bool store_insert_full(Store *st, const HistorySession *s,
                       const HistorySet *sets, int nsets, bool *dup);

#endif
