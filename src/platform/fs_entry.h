/*
 * What a name in a folder is, for the data-file loaders: a file that can be
 * read, a folder, a broken or looping symbolic link, something else, and the
 * sorted list of every name in a folder. Nothing here opens a file for
 * reading, so a named pipe never blocks the start-up.
 */
#ifndef UL_PLATFORM_FS_ENTRY_H
#define UL_PLATFORM_FS_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#define FS_NAME_MAX 256

typedef enum FsKind {
    FS_MISSING,       // nothing by that name
    FS_FILE,          // a regular file, or a link to one
    FS_DIR,           // a folder, or a link to one
    FS_LINK_LOOP,     // a symbolic link that leads back to itself
    FS_LINK_DANGLING, // a symbolic link to nothing
    FS_OTHER,         // a pipe, socket or device
    FS_ERROR,         // cannot be looked at (errno kept in *err)
} FsKind;

// What path is. For a dangling link the link's target goes in target (may
// be NULL); for FS_ERROR the errno goes in *err (may be NULL).
FsKind fs_kind(const char *path, char *target, size_t tsize, int *err);

// Every name in dir except "." and "..", sorted byte by byte (so the order
// never depends on the filesystem). *names is allocated (caller frees; NULL
// when there are none). Returns the count, or -1 (errno set) when the folder
// cannot be read.
int fs_list_dir(const char *dir, char (**names)[FS_NAME_MAX]);

#endif
