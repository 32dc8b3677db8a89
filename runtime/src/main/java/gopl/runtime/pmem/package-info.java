/**
 * The persistent heap: a memory-mapped file of durable Go objects with failure-atomic
 * transactions (DESIGN.md §4; the model is go-pmem, USENIX ATC 2020, and PMDK's libpmemobj).
 *
 * <h2>Overview</h2>
 *
 * <p>A heap is one file of equal arenas (64 MiB by default), each mapped separately with
 * {@code FileChannel.map(..., Arena)} so that growth never moves a mapping. Pointers stored in the
 * heap are offsets from the start of the file (0 is nil): the heap is position-independent and
 * opening it never swizzles. The on-media format is in {@link gopl.runtime.pmem.Layout}, one
 * constant per field with its offset, size and rule.
 *
 * <p>Data structures, one line each:
 * <ul>
 *   <li>{@code Superblock} (arena 0, page 0): magic, version, geometry and a CRC over them; then
 *       self-checking 8-byte words for the arena count, the root, type and lane tables, and the
 *       boot epoch.
 *   <li>{@code PageHeap} (Go's mheap): per arena a page table, one checked word per page, set at
 *       the first page of every span. The only allocator state that is persistent.
 *   <li>{@code Span}: pages cut into equal slots of one size class, or one large object; which
 *       slots are live is volatile and rebuilt by marking. Spans found at open are "old" and count
 *       as full until the recovery collection sweeps them.
 *   <li>{@code Allocator} (mcentral + mcache): partial spans per size class; per-thread caches of
 *       free slots, refilled in batches.
 *   <li>{@code TypeTable}, {@code RootTable}, {@code LanePool}: append-only persistent tables of
 *       type descriptors, named roots and log slots ({@code AppendTable}).
 *   <li>{@code Lane}: a growable chain of log chunks; entries tagged with the lane's generation.
 *   <li>{@code Txn}: undo, redo or null transactions ({@code WordMap}: a redo write set;
 *       {@code GroupCommit}: commits of several threads sharing fences); {@code Collector}:
 *       mark-sweep, online or after open in the background; {@code PendingFlushes}: new objects
 *       flushed by the next fence; {@code Handles}: handle epochs that make live JVM handles
 *       roots; {@code VolatileRefs}.
 * </ul>
 *
 * <h2>Allocation</h2>
 * <ol>
 *   <li>Round size + 8 (the header word: type id, element count) up to a size class; bigger than
 *       8 KiB is a large object.
 *   <li>Pop a free slot from the thread's cache ({@code Local}: one ThreadLocal lookup, no lock,
 *       no shared atomic). If empty, take up to 32 from the class's central list of partial spans.
 *   <li>If no span has room, PageHeap finds a run of free pages and writes the span's page-table
 *       entry, persisted by the next fence of any thread (PendingFlushes), which precedes any
 *       durable pointer into the span; if no run fits, it grows the heap by an arena.
 *   <li>Zero the slot and write the header. Nothing is logged: inside a transaction the object is
 *       flushed with the transaction's data before its commit (a transaction that only allocates
 *       leaves it to the next fence); outside, at once. An object a transaction allocated but
 *       never committed is unreachable and is collected.
 * </ol>
 *
 * <h2>Transactions and recovery</h2>
 * <p>See {@link gopl.runtime.pmem.Txn}. Each running transaction owns a lane. An undo commit
 * flushes its data with a commit record whose checksum covers that data (one fence), then stores
 * the lane's generation + 1, which invalidates its whole log and is persisted by the next fence of
 * any thread (a raw store fences it first). On open, after every structure has been checked
 * (nothing is written to a damaged heap), each lane is recovered: an undo log is rolled back
 * unless its commit record holds and the data matches it, a redo log with a valid commit record
 * is re-applied, one without is dropped; then the generation is bumped by two. Recovery is idempotent. Open does not
 * mark: the spans it found count as full, and the recovery collection (by default a background
 * thread with a snapshot-at-the-beginning write barrier, {@link gopl.runtime.pmem.HeapOptions.RecoveryGc})
 * marks from the roots and sweeps them later, so open time does not grow with the live objects.
 *
 * <h2>Persistence domains</h2>
 * <p>{@link gopl.runtime.pmem.PersistenceDomain}: {@code none}, {@code msync}, {@code pmem}
 * (libpmem through FFM, or a DAX mapping with READ_WRITE_SYNC), and the crash simulator in
 * {@code gopl.runtime.pmem.sim}.
 *
 * <h2>Lock ordering</h2>
 * <p>Gate (held by a transaction for its whole life) &rarr; Allocator.Central &rarr; PageHeap
 * &rarr; Heap growth lock. The collector closes the Gate and then takes everything else.
 */
package gopl.runtime.pmem;
