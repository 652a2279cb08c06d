package qdrantapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
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

// createVector serves PUT /collections/{c}/vectors/{name}: a named dense
// ({"dense": VectorParams}) or sparse ({"sparse": SparseVectorParams})
// vector is added to an existing collection; no point has it yet. Its
// placement settings are kept with the collection's other settings.
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
	c, name := r.PathValue("c"), r.PathValue("name")
	if name == "" {
		return nil, unprocessable("vector_name: must not be empty")
	}
	if req.Dense != nil {
		if err := req.Dense.check(name); err != nil {
			return nil, err
		}
	}
	// Decode the one vector as a collection's vectors config would be, with
	// this collection's settings as the base.
	_, set, err := s.settingsFor(c)
	if err != nil {
		return nil, err
	}
	scratch := vectorstore.CollectionConfig{HNSW: set.HNSW.storeHNSW(0)}
	one, err := json.Marshal(map[string]any{name: req.Dense})
	if err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	if req.Dense == nil {
		if one, err = json.Marshal(map[string]json.RawMessage{name: req.Sparse}); err != nil {
			return nil, fmt.Errorf("qdrantapi: %w", err)
		}
		err = decodeSparseConfig(one, &scratch, &set)
	} else {
		err = decodeVectorsConfig(one, &scratch, &set)
	}
	if err != nil {
		return nil, err
	}
	var dense *vectorstore.VectorParams
	var sparse *vectorstore.SparseVectorParams
	if vp, ok := scratch.Vectors[name]; ok {
		dense = &vp
	} else if sp, ok := scratch.SparseVectors[name]; ok {
		sparse = &sp
	}
	if err := s.store.CreateVector(r.Context(), c, name, dense, sparse); err != nil {
		return nil, err
	}
	err = s.updateSettings(r.Context(), c, func(cs *collectionSettings) {
		if on, ok := set.OnDisk[name]; ok {
			if cs.OnDisk == nil {
				cs.OnDisk = map[string]bool{}
			}
			cs.OnDisk[name] = on
		}
		if h := set.VectorHNSW[name]; h != nil {
			if cs.VectorHNSW == nil {
				cs.VectorHNSW = map[string]*hnswDiff{}
			}
			cs.VectorHNSW[name] = h
		}
		if ix := set.SparseIndex[name]; ix != nil {
			if cs.SparseIndex == nil {
				cs.SparseIndex = map[string]*sparseIndexJSON{}
			}
			cs.SparseIndex[name] = ix
		}
	})
	if err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

// deleteVector serves DELETE /collections/{c}/vectors/{name}: the named
// vector leaves the collection and all its points.
func (s *Server) deleteVector(w http.ResponseWriter, r *http.Request) (any, error) {
	c, name := r.PathValue("c"), r.PathValue("name")
	if err := s.store.DeleteVector(r.Context(), c, name); err != nil {
		if errors.Is(err, vectorstore.ErrNotFound) {
			if _, cerr := s.store.CollectionInfo(c); cerr == nil {
				return nil, wrongInput("Not existing vector name error: %s", name)
			}
		}
		return nil, err
	}
	err := s.updateSettings(r.Context(), c, func(cs *collectionSettings) {
		delete(cs.OnDisk, name)
		delete(cs.VectorHNSW, name)
		delete(cs.SparseIndex, name)
	})
	if err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}
