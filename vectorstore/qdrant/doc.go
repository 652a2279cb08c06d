// Package qdrant keeps a knowledge base's vectors in an external Qdrant
// server or cluster, for nodes that outgrow the embedded vectorstore. It
// talks to Qdrant's gRPC API (port 6334 by default) through the official Go
// client, github.com/qdrant/go-client, and implements the same methods as
// *vectorstore.Store that the kb and rag packages use (kb.Store,
// rag.VectorSearcher), with the same types and semantics:
//
//   - Point ids are unsigned integers or UUIDs, as in Qdrant.
//   - Payloads are JSON-like values. Integers (and integral floats, which
//     encoding/json writes as integers) are sent as Qdrant integers so that
//     match conditions on them work; other numbers as doubles. Read back,
//     every number is a float64, as the embedded store returns it (so
//     integers past 2^53 lose precision in both).
//   - Filters translate one to one (must/should/must_not, match value, any,
//     except and text, range, has_id, is_empty, is_null, nested and nested
//     filters). Match text is a substring match, as in the embedded store,
//     on fields without a Qdrant full-text index (with one, Qdrant matches
//     tokens instead). A match "any" that mixes keywords, integers or booleans
//     becomes a should-filter of single matches; a match "except" must list
//     only keywords or only integers, since Qdrant cannot say more.
//   - Scores follow the collection's distance as in the embedded store:
//     Cosine and Dot higher is better, Euclid is a distance (lower is better)
//     and a score threshold bounds it from above. Qdrant applies the
//     threshold the same way, so it is passed through unchanged.
//   - A collection that does not exist yields an error wrapping
//     vectorstore.ErrNotFound; a name in use, vectorstore.ErrExists; a
//     request Qdrant rejects, vectorstore.ErrInvalid.
//
// The client (v1.17) expects a Qdrant server of the same major version and
// a minor version at most one apart; 1.16 or later is needed for the
// collection metadata below.
//
// Differences from the embedded store, all forced by Qdrant's API:
//
//   - The embedding model and free-form metadata of a collection are kept in
//     Qdrant's collection metadata, which servers older than 1.16 ignore:
//     there CollectionInfo reports no EmbeddingModel.
//   - Of the HNSW settings only M and EfConstruction are sent (Qdrant's
//     full_scan_threshold is in kilobytes, not points; EfSearch is per query
//     in Qdrant and is taken from SearchRequest.Params.HNSWEf).
//   - Points counts in CollectionInfo are Qdrant's approximate counts; use
//     Count for an exact one.
//   - Upsert sends large batches in several requests, so a failure part way
//     leaves the earlier requests applied. DeleteByFilter and Delete count
//     the matching points and then delete them: a concurrent writer can make
//     the count differ from what was removed.
//   - CollectionInfo has no context parameter (kb.Store's shape); it uses
//     Options.Timeout.
//   - There is no ExportSnapshot/ImportSnapshot: vectorstore snapshots are
//     the embedded store's format, and Qdrant has its own snapshot API.
//
// The tests run against an in-process gRPC server that implements the part
// of Qdrant's Points, Collections and Qdrant services this package uses on
// top of the embedded vectorstore: a stand-in for the real server that
// exercises the real client code (request building, wire encoding, response
// decoding), not Qdrant's own behaviour. With QDRANT_URL (and optionally
// QDRANT_API_KEY) set, the same tests also run against a real Qdrant.
//
// It must not import node, api, rag or kb.
package qdrant
