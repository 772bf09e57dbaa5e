/*
 * Folder listing and the kind of a path (POSIX lstat/stat/readlink).
 */
#include "platform/fs_entry.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/strutil.h"

FsKind fs_kind(const char *path, char *target, size_t tsize, int *err)
{
    struct stat ls, st;
    if (target && tsize)
        target[0] = '\0';
    if (lstat(path, &ls) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return FS_MISSING;
        if (err)
            *err = errno;
        return FS_ERROR;
    }
    if (stat(path, &st) != 0) {
        int e = errno;
        if (S_ISLNK(ls.st_mode) && e == ELOOP)
            return FS_LINK_LOOP;
        if (S_ISLNK(ls.st_mode) && (e == ENOENT || e == ENOTDIR)) {
            if (target && tsize) {
                ssize_t n = readlink(path, target, tsize - 1);
                target[n > 0 ? n : 0] = '\0';
            }
            return FS_LINK_DANGLING;
        }
        if (err)
            *err = e;
        return FS_ERROR;
    }
    if (S_ISREG(st.st_mode))
        return FS_FILE;
    if (S_ISDIR(st.st_mode))
        return FS_DIR;
    return FS_OTHER;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int fs_list_dir(const char *dir, char (**names)[FS_NAME_MAX])
{
    *names = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char(*list)[FS_NAME_MAX] = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            int ncap = cap ? cap * 2 : 32;
            char(*m)[FS_NAME_MAX] = realloc(list, (size_t)ncap * FS_NAME_MAX);
            if (!m) {
                free(list);
                closedir(d);
                errno = ENOMEM;
                return -1;
            }
            list = m;
            cap = ncap;
        }
        str_copy(list[n++], FS_NAME_MAX, e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(list, (size_t)n, FS_NAME_MAX, cmp_names);
    *names = list;
    return n;
}
