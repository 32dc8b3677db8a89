/*
 * pmdk_bench: the PMDK (libpmemobj) side of bench/pmem/pmem-vs-pmdk.sh. Each case does the same
 * work as the GoPL case of the same name in gopl.runtime.pmem.PmemBench and prints
 * "name ns_per_op". Usage: pmdk_bench FILE OPS
 */
#include <libpmemobj.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>

/* Defined only by pmdk_count.c when it is preloaded (pmem-vs-pmdk.sh with PMDK_COUNT=1): prints
 * how many flush and drain calls PMDK made per operation of the case that just ended. */
void bench_counts(const char *name, long ops) __attribute__((weak));

static void report(const char *name, double ns, long ops)
{
	printf("%s %.1f\n", name, ns);
	fflush(stdout);
	if (bench_counts)
		bench_counts(name, ops);
}

struct root {
	uint64_t field;
	uint64_t pad[7];
	PMEMoid objs[8];
	char range[1024];
};

/* BENCH_CLOCK=cpu: this thread's CPU time (immune to other processes on a shared machine) */
static double now_ns(void)
{
	static int cpu = -1;
	struct timespec t;
	if (cpu < 0) {
		const char *c = getenv("BENCH_CLOCK");
		cpu = c != NULL && strcmp(c, "cpu") == 0;
	}
	clock_gettime(cpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

/* transactional zeroed allocation (Go's pnew zeroes) of n objects, freed untimed in batches */
static double bench_alloc(PMEMobjpool *pop, size_t size, long n)
{
	long batch = n < 1000 ? n : 1000;
	PMEMoid *oids = calloc(batch, sizeof(PMEMoid));
	double total = 0;
	n = n / batch * batch;
	for (long done = 0; done < n; done += batch) {
		double t0 = now_ns();
		for (int i = 0; i < batch; i++) {
			TX_BEGIN(pop) {
				oids[i] = pmemobj_tx_zalloc(size, 1); /* pnew zeroes, as Go does */
			} TX_END
		}
		total += now_ns() - t0;
		for (int i = 0; i < batch; i++)
			pmemobj_free(&oids[i]);
	}
	free(oids);
	return total / n;
}

struct alloc_arg {
	PMEMobjpool *pop;
	size_t size;
	long n;
	double ns;
};

static void *alloc_thread(void *p)
{
	struct alloc_arg *a = p;
	a->ns = bench_alloc(a->pop, a->size, a->n) * (double)a->n;
	return NULL;
}

/* the same from 2 threads at once: total thread CPU (or wall) time per allocation */
static double bench_alloc2(PMEMobjpool *pop, size_t size, long n)
{
	pthread_t t[2];
	struct alloc_arg a[2];
	for (int i = 0; i < 2; i++) {
		a[i] = (struct alloc_arg){pop, size, n / 2, 0};
		pthread_create(&t[i], NULL, alloc_thread, &a[i]);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return (a[0].ns + a[1].ns) / (double)(a[0].n + a[1].n);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: pmdk_bench FILE OPS\n");
		return 2;
	}
	long ops = atol(argv[2]);
	unlink(argv[1]);
	PMEMobjpool *pop = pmemobj_create(argv[1], "bench", 512 << 20, 0600);
	if (pop == NULL) {
		fprintf(stderr, "pmemobj_create: %s\n", pmemobj_errormsg());
		return 1;
	}
	PMEMoid root = pmemobj_root(pop, sizeof(struct root));
	struct root *r = pmemobj_direct(root);
	TX_BEGIN(pop) {
		pmemobj_tx_add_range(root, 0, sizeof(struct root));
		for (int i = 0; i < 8; i++)
			r->objs[i] = pmemobj_tx_zalloc(64, 2);
	} TX_END

	if (bench_counts)
		bench_counts("setup", 1);
	report("alloc_64", bench_alloc(pop, 64, ops), ops);
	report("alloc_1k", bench_alloc(pop, 1024, ops), ops);
	report("alloc_16k", bench_alloc(pop, 16384, ops / 10), ops / 10);
	report("alloc_64_2t", bench_alloc2(pop, 64, ops), (ops) / 2 * 2);
	report("alloc_1k_2t", bench_alloc2(pop, 1024, ops), (ops) / 2 * 2);
	report("alloc_16k_2t", bench_alloc2(pop, 16384, ops / 10), (ops / 10) / 2 * 2);

	double t0 = now_ns();
	for (long i = 0; i < ops; i++) {
		TX_BEGIN(pop) {
			pmemobj_tx_add_range(root, offsetof(struct root, field), 8);
			r->field = i;
		} TX_END
	}
	report("undo_1_field", (now_ns() - t0) / ops, ops);

	t0 = now_ns();
	for (long i = 0; i < ops; i++) {
		TX_BEGIN(pop) {
			for (int k = 0; k < 8; k++) {
				pmemobj_tx_add_range(r->objs[k], 0, 8);
				*(uint64_t *)pmemobj_direct(r->objs[k]) = i;
			}
		} TX_END
	}
	report("undo_8_objects", (now_ns() - t0) / ops, ops);

	t0 = now_ns();
	for (long i = 0; i < ops; i++) {
		TX_BEGIN(pop) {
			pmemobj_tx_add_range(root, offsetof(struct root, range), 1024);
			memset(r->range, (int)i, 1024);
		} TX_END
	}
	report("undo_1k_range", (now_ns() - t0) / ops, ops);

	pmemobj_close(pop);
	unlink(argv[1]);
	return 0;
}
