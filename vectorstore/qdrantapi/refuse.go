package qdrantapi

import (
	"encoding/json"
	"net/http"
)

// outOfScope lists Qdrant routes for features the node's embedded store
// does not have by design (issue 16: sharding, cluster, replication,
// telemetry internals, facets, distance matrices, full-storage snapshots).
// They answer 501 with Qdrant's error envelope naming the feature, instead
// of a bare 404, so a client learns why.
var outOfScope = []struct{ pattern, feature string }{
	{"GET /collections/{c}/shards", "sharding (shard keys)"},
	{"PUT /collections/{c}/shards", "sharding (shard keys)"},
	{"POST /collections/{c}/shards/delete", "sharding (shard keys)"},
	{"GET /collections/{c}/shards/{id}/snapshot", "shard snapshots"},
	{"GET /collections/{c}/shards/{id}/snapshots", "shard snapshots"},
	{"POST /collections/{c}/shards/{id}/snapshots", "shard snapshots"},
	{"POST /collections/{c}/shards/{id}/snapshots/upload", "shard snapshots"},
	{"PUT /collections/{c}/shards/{id}/snapshots/recover", "shard snapshots"},
	{"GET /collections/{c}/shards/{id}/snapshots/{s}", "shard snapshots"},
	{"DELETE /collections/{c}/shards/{id}/snapshots/{s}", "shard snapshots"},
	{"GET /collections/{c}/cluster", "cluster (replication)"},
	{"POST /collections/{c}/cluster", "cluster (replication)"},
	{"GET /cluster", "cluster (replication)"},
	{"GET /cluster/telemetry", "cluster telemetry"},
	{"POST /cluster/recover", "cluster (replication)"},
	{"DELETE /cluster/peer/{id}", "cluster (replication)"},
	{"GET /quotas", "strict mode (quotas)"},
	{"PUT /quotas", "strict mode (quotas)"},
	{"GET /collections/{c}/optimizations", "optimizer internals"},
	{"POST /collections/{c}/facet", "facets"},
	{"POST /collections/{c}/points/search/matrix/pairs", "distance matrix"},
	{"POST /collections/{c}/points/search/matrix/offsets", "distance matrix"},
}

// errOutOfScope names a Qdrant feature the store refuses by design.
func errOutOfScope(feature string) error {
	return qdrantError(http.StatusNotImplemented, "Not supported: ",
		"%s is outside what the node's embedded Qdrant-compatible store implements (see docs/qdrant-compatibility.md)", feature)
}

// refusedField is a 400 for a request field naming an out-of-scope feature.
func refusedField(field, feature string) error {
	return badRequest("%s (%s) is not supported by the node's embedded store (see docs/qdrant-compatibility.md)", field, feature)
}

func refuse(feature string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) (any, error) {
		return nil, errOutOfScope(feature)
	}
}

// createVector serves PUT /collections/{c}/vectors/{name}: the request is
// validated as Qdrant does (422 for a bad size), then refused: the store
// fixes a collection's vectors at creation.
func (s *Server) createVector(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Dense  *vectorParams   `json:"dense"`
		Sparse json.RawMessage `json:"sparse"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if (req.Dense == nil) == !present(req.Sparse) {
		return nil, badRequest("give exactly one of dense and sparse")
	}
	if req.Dense != nil {
		if err := req.Dense.check(r.PathValue("name")); err != nil {
			return nil, err
		}
	}
	if _, err := s.store.CollectionInfo(r.PathValue("c")); err != nil {
		return nil, err
	}
	return nil, errOutOfScope("adding a vector to an existing collection (vectors are fixed at creation; recreate the collection)")
}

func (s *Server) deleteVector(w http.ResponseWriter, r *http.Request) (any, error) {
	if _, err := s.store.CollectionInfo(r.PathValue("c")); err != nil {
		return nil, err
	}
	return nil, errOutOfScope("removing a vector from an existing collection (vectors are fixed at creation; recreate the collection)")
}
