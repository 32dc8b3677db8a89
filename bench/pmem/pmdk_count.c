/*
 * pmdk_count: an LD_PRELOAD shim for pmdk_bench (pmem-vs-pmdk.sh with PMDK_COUNT=1). It counts the
 * libpmem calls libpmemobj makes (through its PLT: pmem_flush, pmem_drain, pmem_persist and the
 * flushing pmem_memcpy/memmove/memset) and defines bench_counts, which pmdk_bench calls after each
 * case. A "fence" is a pmem_drain, a pmem_persist, or a pmem_mem* call without
 * PMEM_F_MEM_NODRAIN/NOFLUSH: each ends in an sfence. Allocation cases include the untimed
 * pmemobj_free of every object (PMDK persists a free too).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>

#define F_NODRAIN (1u << 0)
#define F_NOFLUSH (1u << 5)

static long drains, flushes, persists, mems, memDrains;

typedef void (*drain_fn)(void);
typedef void (*flush_fn)(const void *, size_t);
typedef void *(*copy_fn)(void *, const void *, size_t, unsigned);
typedef void *(*set_fn)(void *, int, size_t, unsigned);

/* the real function, looked up once */
#define NEXT(name, type) static type next; if (next == NULL) next = (type)dlsym(RTLD_NEXT, name)

void pmem_drain(void) { NEXT("pmem_drain", drain_fn); drains++; next(); }
void pmem_flush(const void *a, size_t n) { NEXT("pmem_flush", flush_fn); flushes++; next(a, n); }
void pmem_persist(const void *a, size_t n) { NEXT("pmem_persist", flush_fn); persists++; next(a, n); }

static void mem(unsigned flags)
{
	mems++;
	if ((flags & (F_NODRAIN | F_NOFLUSH)) == 0)
		memDrains++;
}

void *pmem_memcpy(void *d, const void *s, size_t n, unsigned f)
{
	NEXT("pmem_memcpy", copy_fn);
	mem(f);
	return next(d, s, n, f);
}

void *pmem_memmove(void *d, const void *s, size_t n, unsigned f)
{
	NEXT("pmem_memmove", copy_fn);
	mem(f);
	return next(d, s, n, f);
}

void *pmem_memset(void *d, int c, size_t n, unsigned f)
{
	NEXT("pmem_memset", set_fn);
	mem(f);
	return next(d, c, n, f);
}

void bench_counts(const char *name, long ops)
{
	static long last[5];
	long now[5] = {drains, flushes, persists, mems, memDrains};
	double d[5];
	for (int i = 0; i < 5; i++) {
		d[i] = (now[i] - last[i]) / (double)ops;
		last[i] = now[i];
	}
	fprintf(stderr, "%s pmdk per op: fences %.2f (drain %.2f, persist %.2f, mem* draining %.2f), flush %.2f, mem* %.2f\n",
		name, d[0] + d[2] + d[4], d[0], d[2], d[4], d[1], d[3]);
}
