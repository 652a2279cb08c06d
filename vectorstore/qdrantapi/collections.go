package qdrantapi

import (
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// vectorParams is Qdrant's "vectors" object of a collection (a single
// unnamed vector; named vectors are not supported).
type vectorParams struct {
	Size       int             `json:"size"`
	Distance   string          `json:"distance"`
	HNSWConfig *hnswConfigJSON `json:"hnsw_config,omitempty"`
	OnDisk     *bool           `json:"on_disk,omitempty"`
}

// hnswConfigJSON is Qdrant's hnsw_config; full_scan_threshold is in KB of
// vectors, as in Qdrant.
type hnswConfigJSON struct {
	M                 int `json:"m,omitempty"`
	EfConstruct       int `json:"ef_construct,omitempty"`
	FullScanThreshold int `json:"full_scan_threshold,omitempty"`
}

type createCollectionReq struct {
	Vectors    *vectorParams   `json:"vectors"`
	HNSWConfig *hnswConfigJSON `json:"hnsw_config,omitempty"`
	// Metadata is free-form; the key "embedding_model" names the model.
	Metadata map[string]any `json:"metadata,omitempty"`
}

func (s *Server) listCollections(w http.ResponseWriter, r *http.Request) (any, error) {
	type name struct {
		Name string `json:"name"`
	}
	out := []name{}
	for _, n := range s.store.ListCollections() {
		out = append(out, name{n})
	}
	return map[string]any{"collections": out}, nil
}

func (s *Server) createCollection(w http.ResponseWriter, r *http.Request) (any, error) {
	var req createCollectionReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if req.Vectors == nil {
		return nil, badRequest("vectors config is required (a single unnamed vector: {\"size\": N, \"distance\": \"Cosine\"})")
	}
	dist, err := vectorstore.ParseDistance(req.Vectors.Distance)
	if err != nil {
		return nil, err
	}
	cfg := vectorstore.CollectionConfig{Dim: req.Vectors.Size, Distance: dist}
	h := req.HNSWConfig
	if req.Vectors.HNSWConfig != nil {
		h = req.Vectors.HNSWConfig
	}
	if h != nil {
		cfg.HNSW.M = h.M
		cfg.HNSW.EfConstruction = h.EfConstruct
		if h.FullScanThreshold > 0 && cfg.Dim > 0 {
			cfg.HNSW.FullScanThreshold = max(1, h.FullScanThreshold*1024/(4*cfg.Dim))
		}
	}
	for k, v := range req.Metadata {
		str, ok := v.(string)
		if !ok {
			return nil, badRequest("metadata value %q must be a string", k)
		}
		if k == "embedding_model" {
			cfg.EmbeddingModel = str
			continue
		}
		if cfg.Metadata == nil {
			cfg.Metadata = map[string]string{}
		}
		cfg.Metadata[k] = str
	}
	if err := s.store.CreateCollection(r.Context(), r.PathValue("c"), cfg); err != nil {
		return nil, err
	}
	return true, nil
}

func (s *Server) deleteCollection(w http.ResponseWriter, r *http.Request) (any, error) {
	ok, err := s.store.DeleteCollection(r.Context(), r.PathValue("c"))
	return ok, err
}

func (s *Server) getCollection(w http.ResponseWriter, r *http.Request) (any, error) {
	info, err := s.store.CollectionInfo(r.PathValue("c"))
	if err != nil {
		return nil, err
	}
	cfg := info.Config
	meta := map[string]any{}
	for k, v := range cfg.Metadata {
		meta[k] = v
	}
	if cfg.EmbeddingModel != "" {
		meta["embedding_model"] = cfg.EmbeddingModel
	}
	fullScanKB := 0
	if cfg.HNSW.FullScanThreshold > 0 {
		fullScanKB = cfg.HNSW.FullScanThreshold * 4 * cfg.Dim / 1024
	}
	return map[string]any{
		"status":                "green",
		"optimizer_status":      "ok",
		"points_count":          info.Points,
		"vectors_count":         info.Points,
		"indexed_vectors_count": info.IndexedNodes - info.Tombstones,
		"segments_count":        1,
		"config": map[string]any{
			"params": map[string]any{
				"vectors": map[string]any{"size": cfg.Dim, "distance": string(cfg.Distance)},
			},
			"hnsw_config": map[string]any{
				"m":                   cfg.HNSW.M,
				"ef_construct":        cfg.HNSW.EfConstruction,
				"full_scan_threshold": fullScanKB,
			},
			"metadata": meta,
		},
		"payload_schema": map[string]any{},
	}, nil
}
