// Package qdrantapi serves Qdrant's REST API (v1.19, the spec in
// ../shared/qdrant-openapi) over a vectorstore.Store, so that Qdrant's
// official clients, LangChain, LlamaIndex and GaiaNet's own tools can use
// a node's embedded store. Qdrant's own integration suite runs against it
// in suite_test.go; docs/qdrant-compatibility.md has the per-file results
// and every remaining difference.
//
// Answers are Qdrant's envelope {"result": ..., "status": "ok", "time":
// seconds}; errors are {"status": {"error": "..."}, "time": ...} with
// Qdrant's codes: 400 for a malformed body ("Format error in JSON body")
// or a request that cannot be carried out ("Bad request: ..."), 422 for a
// schema validation rule ("Validation error: ..."), 404 for a missing
// collection, point or route (JSON, like every answer), 409 for a
// collection that exists. Bodies are decoded strictly: an unknown field is
// an error, never silently ignored.
//
// Routes: "/", /healthz, /livez, /readyz, /telemetry (levels 0-2),
// /metrics (Prometheus), /issues; collections (list, get with every field
// the spec requires, exists, create, PATCH, delete, add or remove a named
// vector), aliases, payload indexes (PUT/DELETE /collections/{c}/index);
// points (upsert as a list or a batch, with update_mode and
// update_filter; get, delete, scroll, count, batch of operations),
// payloads (set, overwrite, delete keys, clear) and vectors (update,
// delete), each through the store's atomic writes; the Query API (query,
// query/batch, query/groups with with_lookup: nearest, recommend,
// discover, context, order_by, fusion of prefetches, lookup_from) and the
// legacy /points/search; vectors may be unnamed, named dense, multi-vectors
// (MaxSim) or named sparse. Snapshots: of a collection (create, list with
// SHA-256, download, delete, upload as multipart or raw, recover from a
// URL through the guarded downloader of package download under
// Options.Egress, or from a file:// path inside the collection's snapshot
// directory) and of the whole storage (a tar of the collections' snapshots
// and the aliases: create, list, download, delete); wait=false runs
// creation and deletion in the background.
//
// Created and downloaded snapshots are vectorstore snapshot files. Uploads
// and recoveries take those and also Qdrant's own collection snapshots
// (read by the qdrantsnap package), as GaiaNet's installer uploads its
// knowledge bases; the reverse, a snapshot from here restored on a Qdrant
// server, does not work.
//
// Features outside the embedded store's scope (sharding, cluster,
// replication, quantization and storage placement, strict mode, facets,
// distance matrices, score formulas, relevance feedback, server-side
// inference, telemetry internals beyond level 2) are refused by name: the
// routes answer 501 and the request fields 400 (refuse.go). Qdrant's
// placement hints on_disk and on_disk_payload, its optimizer and WAL
// settings, and the hints of payload index schemas (is_tenant,
// is_principal, on_disk, enable_hnsw) are accepted and echoed but change
// nothing: the store keeps vectors in memory and makes every write
// durable through its own WAL either way (collections.go,
// collectionSettings).
//
// It must not import node, api, rag or kb.
package qdrantapi
