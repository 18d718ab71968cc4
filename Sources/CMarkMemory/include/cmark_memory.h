#ifndef LADDER_CMARK_MEMORY_H
#define LADDER_CMARK_MEMORY_H

/// cmark's memory, served from a per-thread arena while a scope is open (see cmark_memory.c).

/// Opens a scope on this thread: until the matching end, cmark's allocations on this thread come from
/// the thread's arena and freeing them costs nothing. Scopes nest.
void ladder_cmark_arena_begin(void);

/// Closes the scope; the outermost one gives the arena's memory back at once. No cmark node, string or
/// parser allocated inside may be used after it.
void ladder_cmark_arena_end(void);

/// Frees what cmark returned to the caller (a rendered HTML string), whichever way it was allocated.
void ladder_cmark_free(void *pointer);

#endif
