// Why: parsing a page with cmark allocates a node, and strings, for every block and inline, one by one,
// and frees them one by one when the tree goes. With glibc's malloc that traffic was half of cmark's
// parse time on a site of 10,000 articles (each page is parsed twice a build: once for its outline, once
// to render it). A tree lives inside one call on one thread (`MarkdownRenderer.render`, `Outline`), so
// its memory can come from a bump arena that is given back whole when the call ends.
//
// cmark lets a caller pass an allocator (`cmark_mem`) to its parser, but nodes made by hand use the
// default one and a tree frees all its nodes with its root's allocator, so trees mixing the two would
// free memory with the wrong one. Instead every cmark allocation goes through the functions below,
// installed as cmark's default allocator before `main` runs (cmark returns that allocator as a mutable
// `cmark_mem *`). Each block carries a header saying where it came from, so freeing is always right:
// a heap block goes back to malloc, an arena block waits for its arena's reset.

#include "cmark_memory.h"
#include <cmark.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Tags no byte pattern of ordinary data is likely to repeat.
static const size_t HEAP = 0x4865617042, ARENA = 0x4172656e61;

typedef struct {
    size_t size;  // bytes asked for
    size_t tag;   // HEAP or ARENA
} Header;         // 16 bytes: blocks stay 16-byte aligned

typedef struct Chunk {
    struct Chunk *next;
    size_t size;  // usable bytes after the chunk's own 32-byte head
    size_t used;
    size_t pad;
} Chunk;

enum { CHUNK_SIZE = 256 * 1024 };

static _Thread_local Chunk *chunks;     // the current chunk first
static _Thread_local int depth;          // open scopes on this thread
static _Thread_local char *lastBlock;    // the newest arena block, which can grow in place

// A thread that ends (the preview server's pool lets idle threads go) gives its chunks back.
static pthread_key_t chunksKey;
static pthread_once_t chunksKeyOnce = PTHREAD_ONCE_INIT;

static void releaseChunks(void *head) {
    for (Chunk *chunk = head; chunk;) {
        Chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
}

static void makeChunksKey(void) { pthread_key_create(&chunksKey, releaseChunks); }

static void rememberChunks(void) {
    pthread_once(&chunksKeyOnce, makeChunksKey);
    pthread_setspecific(chunksKey, chunks);
}

static void fail(const char *what) {
    fprintf(stderr, "ladder: internal error: %s\n", what);
    abort();
}

static Header *header(void *block) { return (Header *)((char *)block - sizeof(Header)); }

static size_t rounded(size_t size) { return (size + sizeof(Header) + 15) & ~(size_t)15; }

static void *heapBlock(size_t size, int zero) {
    Header *h = zero ? calloc(1, sizeof(Header) + size) : malloc(sizeof(Header) + size);
    if (!h) fail("out of memory");
    h->size = size;
    h->tag = HEAP;
    return h + 1;
}

static void *arenaBlock(size_t size, int zero) {
    size_t need = rounded(size);
    if (!chunks || chunks->size - chunks->used < need) {
        size_t capacity = need > CHUNK_SIZE ? need : CHUNK_SIZE;
        Chunk *chunk = malloc(sizeof(Chunk) + capacity);
        if (!chunk) fail("out of memory");
        chunk->size = capacity;
        chunk->used = 0;
        chunk->next = chunks;
        chunks = chunk;
        rememberChunks();
    }
    Header *h = (Header *)((char *)(chunks + 1) + chunks->used);
    chunks->used += need;
    h->size = size;
    h->tag = ARENA;
    if (zero) memset(h + 1, 0, size);
    lastBlock = (char *)(h + 1);
    return h + 1;
}

static void *block(size_t size, int zero) { return depth > 0 ? arenaBlock(size, zero) : heapBlock(size, zero); }

static void *memoryCalloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / 2 / size) fail("allocation too large");
    return block(count * size, 1);
}

static void *memoryRealloc(void *pointer, size_t size) {
    if (!pointer) return block(size, 0);
    Header *h = header(pointer);
    if (h->tag == HEAP) {
        Header *moved = realloc(h, sizeof(Header) + size);
        if (!moved) fail("out of memory");
        moved->size = size;
        return moved + 1;
    }
    if (h->tag != ARENA) fail("cmark freed memory it did not allocate");
    // The newest block of the current chunk grows where it is (cmark's buffers grow by doubling).
    if (depth > 0 && (char *)pointer == lastBlock) {
        size_t old = rounded(h->size), need = rounded(size);
        if (need <= old || chunks->size - chunks->used >= need - old) {
            if (need > old) chunks->used += need - old;
            h->size = size;
            return pointer;
        }
    }
    void *copy = block(size, 0);
    memcpy(copy, pointer, h->size < size ? h->size : size);
    return copy;
}

static void memoryFree(void *pointer) {
    if (!pointer) return;
    Header *h = header(pointer);
    if (h->tag == HEAP) { h->tag = 0; free(h); return; }
    if (h->tag != ARENA) fail("cmark freed memory it did not allocate");
}

__attribute__((constructor)) static void install(void) {
    cmark_mem *memory = cmark_get_default_mem_allocator();
    memory->calloc = memoryCalloc;
    memory->realloc = memoryRealloc;
    memory->free = memoryFree;
}

void ladder_cmark_arena_begin(void) { depth += 1; }

void ladder_cmark_arena_end(void) {
    if (depth <= 0) fail("cmark arena closed twice");
    depth -= 1;
    if (depth > 0) return;
    // Keep one ordinary chunk for the thread's next page; give the rest back.
    Chunk *keep = NULL;
    for (Chunk *chunk = chunks; chunk;) {
        Chunk *next = chunk->next;
        if (!keep && chunk->size == CHUNK_SIZE) { keep = chunk; keep->next = NULL; keep->used = 0; }
        else free(chunk);
        chunk = next;
    }
    chunks = keep;
    lastBlock = NULL;
    rememberChunks();
}

void ladder_cmark_free(void *pointer) { memoryFree(pointer); }
