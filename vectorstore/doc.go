// Package vectorstore is the embedded vector store of a GaiaNet node: the
// default knowledge-base storage, in-process, with no server to start. Its
// concepts follow Qdrant's so that an HTTP layer (package qdrantapi) can
// serve a subset of Qdrant's REST API on top of it.
//
// A Store holds named collections, which aliases (alias.go) may also name.
// A collection has an unnamed vector of a fixed dimension and a Distance
// (Cosine, Dot, Euclid or Manhattan, with Qdrant's score semantics: cosine
// similarity and dot product are higher-is-better, Euclid the L2 and
// Manhattan the L1 distance, lower-is-better), or none (Dim 0), and any
// number of named dense vectors (each with its own size, distance and
// HNSW index) and named sparse vectors (named.go, sparse.go); the name of
// the embedding model that made its vectors; and points: an id (a u64 or a
// UUID, like Qdrant's PointId), any subset of the unnamed and named
// vectors (named dense ones may be multi-vectors) and a JSON payload.
// Operations are Upsert, Delete (by ids or by Filter), UpdatePayload,
// UpdateVectors, DeleteVectors, Get, Scroll (id order, paged), Count, Search
// (limit, offset, score threshold, filter, on any dense vector) and Query
// (query.go: Qdrant's universal query with nested prefetches, RRF and DBSF
// fusion, nearest by vector or point id, recommend, order_by). Filters are
// Qdrant-shaped (must/should/must_not/min_should with match value/any/
// except/text/text_any/phrase/prefix, numeric and datetime range,
// values_count, geo box/radius/polygon, has_id, has_vector, slice, is_empty,
// is_null, nested conditions) and decode from Qdrant's JSON. Payload
// indexes (payloadindex.go: keyword, integer, float, bool, datetime, uuid,
// text with word/whitespace/prefix tokenizers) make text matches token
// based, as in Qdrant, and serve selective filters: the planner
// (filter_ext.go) takes the candidates of the most selective indexed must
// condition when they are under a quarter of the points and checks each
// against the whole filter.
//
// # Search
//
// Each collection keeps an HNSW graph (hnsw.go) over vectors stored back to
// back in one []float32; Cosine vectors are normalised on insert so search
// uses a dot product, computed by AVX2/FMA kernels where available
// (kernels_amd64.s, with pure-Go twins). Collections of 64 or more
// dimensions also keep int8 (SQ8) codes once they hold 1024 vectors: the
// graph walk reads those (a quarter of the memory traffic, with software
// prefetch of the next neighbour) and the best candidates are re-ranked
// with exact float32 distances. Searches take their scratch space
// (visited set, heaps) from a pool and do not allocate in steady state
// beyond the returned results. Small collections (HNSWConfig.FullScanThreshold
// points, default 2000), filters estimated to match few points, and requests
// with Params.Exact use an exact scan instead, which also serves recall
// checks. Deleted and replaced points are tombstones: still walked through,
// never returned; once they are a quarter of the graph the collection is
// rebuilt without them while readers go on using the old graph. Large
// batches are inserted into the graph by GOMAXPROCS goroutines with
// per-node locks.
//
// # Concurrency
//
// A Store is safe for concurrent use: any number of readers, one writer at a
// time. Store.writeMu serialises writers and guards the WAL; Store.mu guards
// the collection map; each collection's mu guards its points and graph
// (readers hold it shared for a whole request, the writer exclusively while
// it applies at most 256 points, so a reader may see part of a large batch).
//
// # Durability
//
// A store directory holds wal.log, checkpoint.vsc, segment files
// (seg-*.vss) and LOCK. Every write is appended to the write-ahead log as a
// length-prefixed, CRC-32C-checked record and fsynced before it is applied
// and acknowledged (wal.go). When the log passes Options.CheckpointBytes, or
// the work of replaying it passes Options.CheckpointReplayCost (points to
// insert into the graph, weighted by dimension: small records are cheap to
// write but not to replay), the writer checkpoints and starts an empty log.
// A checkpoint (checkpoint.go) writes the points added since the last one
// as a new immutable segment file (ids, raw vectors, SQ8 codes, payload
// JSON, exactly as the collection keeps them in memory; trailing segments
// are merged so their number stays logarithmic) and rewrites checkpoint.vsc
// (tombstones, the HNSW graph, the list of segments), atomically replaced.
// Open loads the checkpoint with a few large reads straight into the
// collections' arrays, decodes payload JSON only when a read or filter first
// needs it (payloadSet), replays the log records after the checkpoint
// (consecutive upserts as one parallel batch), and drops a torn record at
// the tail (one never acknowledged); damage before the tail, or in any
// checkpoint file, is reported as ErrCorrupt. Points replayed from the log
// are inserted into the graph as usual. A checkpoint in the older format 2
// (checkpoint_v2.go) is read and rewritten in today's format by Open; one
// in format 3 is read as is.
//
// Format 4 adds, per collection, an extension block (checkpoint_ext.go:
// named dense vectors with their owner slots, sparse vectors, payload index
// definitions) and a store block (aliases); the WAL gained records for
// upserts with named vectors, alias batches (applied all or nothing),
// payload index changes and collection updates (wal.go, ops 5 to 8).
// Format 5 adds tagged sections to the extension block: the slots whose
// point lacks the unnamed vector, the point versions (run-length coded)
// and the named vectors' HNSW graphs, which Open installs as stored (a
// format-4 checkpoint has them rebuilt; 20k named 128-dimension vectors
// reopen in 0.08-0.21 s instead of 7.2-8.1 s). Payload indexes are
// rebuilt from the payloads.
//
// # Optional vectors, multi-vectors, versions
//
// As in Qdrant every vector of a point is optional, the unnamed one too: a
// point lacking it keeps zeros in its vecs slot and an unlinked graph node
// (hnswGraph.insertBatchSkip), so the slot numbering and the fast path of
// a collection whose points all have it stay as they were; searches skip
// such points and reads return no vector. A named vector configured with
// VectorParams.MultiVector holds a list of vectors per point (consecutive
// nodes of its denseSpace) and is scored by MaxSim with an exact scan: it
// has no HNSW index. Each point carries a version, the WAL seq of the
// write that last set it (Record.Version, ScoredPoint.Version).
// UpdateVectors and DeleteVectors change some vectors of stored points and
// keep the rest; like UpdatePayload they log an upsert of the whole point.
//
// # Snapshots
//
// ExportSnapshot writes one collection to a versioned, checksummed file
// (snapshot.go; format 2 when the collection has named, sparse or multi-
// vectors, points without the unnamed vector or payload indexes, format 1
// otherwise) that records the embedding model and dimension;
// ImportSnapshot verifies it completely before it changes anything and
// refuses, with ErrMismatch, a snapshot made with another model or
// dimension than the caller or the existing collection expects.
//
// # Benchmark
//
// bench_test.go measures recall@10, queries per second, build time and
// memory on embedding-like data:
//
//	go test ./vectorstore -run XXX -bench BenchmarkSearch100k -benchtime=20000x -cpu 2 -timeout 0
//
// It must not import node, api, engine, model, rag or kb.
package vectorstore
