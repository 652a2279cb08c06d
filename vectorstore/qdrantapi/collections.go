package qdrantapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// settingsKey is the reserved vectorstore metadata key under which this
// package keeps the Qdrant-facing settings of a collection that the store
// itself does not use (see collectionSettings). It starts with a NUL byte
// so no Qdrant metadata key can collide with it.
const settingsKey = "\x00qdrantapi.settings"

// collectionSettings are what Qdrant echoes back in collection info beyond
// what the store needs: the placement hints on_disk/on_disk_payload (the
// store keeps vectors in memory and everything durable on disk either way;
// docs/qdrant-compatibility.md says so), the optimizer and WAL settings as
// given (the store has its own segment and WAL policy), the HNSW settings
// in Qdrant's units, and the collection metadata as arbitrary JSON.
type collectionSettings struct {
	OnDisk map[string]bool `json:"on_disk,omitempty"` // per vector name, "" = unnamed
	// VectorHNSW are the hnsw_config diffs given for named vectors, shown
	// under each vector's params as Qdrant does.
	VectorHNSW map[string]*hnswDiff `json:"vector_hnsw,omitempty"`
	// SparseIndex are the sparse vectors' index settings as given
	// (on_disk, full_scan_threshold): the inverted index is exact and in
	// memory either way, so they are echoed only.
	SparseIndex   map[string]*sparseIndexJSON `json:"sparse_index,omitempty"`
	OnDiskPayload bool                        `json:"on_disk_payload"`
	HNSW          hnswConfig                  `json:"hnsw"`
	Optimizers    optimizersConfig            `json:"optimizers"`
	WAL           walConfig                   `json:"wal"`
	Metadata      map[string]any              `json:"metadata,omitempty"`
	// IndexSchemas are the payload index schemas given as objects, by
	// field, shown back as the index's params as Qdrant does (their
	// placement hints is_tenant, is_principal, on_disk and enable_hnsw
	// change nothing here).
	IndexSchemas map[string]json.RawMessage `json:"index_schemas,omitempty"`
}

// hnswConfig is Qdrant's HnswConfig; full_scan_threshold is in KB of
// vectors, as in Qdrant.
type hnswConfig struct {
	M                  int   `json:"m"`
	EfConstruct        int   `json:"ef_construct"`
	FullScanThreshold  int   `json:"full_scan_threshold"`
	MaxIndexingThreads int   `json:"max_indexing_threads"`
	OnDisk             *bool `json:"on_disk,omitempty"`
	PayloadM           *int  `json:"payload_m,omitempty"`
	InlineStorage      *bool `json:"inline_storage,omitempty"`
}

// hnswDiff is Qdrant's HnswConfigDiff: fields left out keep their value.
type hnswDiff struct {
	M                  *int  `json:"m"`
	EfConstruct        *int  `json:"ef_construct"`
	FullScanThreshold  *int  `json:"full_scan_threshold"`
	MaxIndexingThreads *int  `json:"max_indexing_threads"`
	OnDisk             *bool `json:"on_disk"`
	PayloadM           *int  `json:"payload_m"`
	InlineStorage      *bool `json:"inline_storage"`
}

func (d *hnswDiff) validate() error {
	if d == nil {
		return nil
	}
	if d.M != nil && *d.M > 0 && (*d.M < 2 || *d.M > 128) {
		return unprocessable("hnsw_config.m %d: this store supports 2..128 (0 is refused: graphs without links are not supported)", *d.M)
	}
	if d.M != nil && *d.M == 0 {
		return refusedField("hnsw_config.m = 0", "disabling the HNSW graph")
	}
	if d.EfConstruct != nil && (*d.EfConstruct < 4 || *d.EfConstruct > 4096) {
		return unprocessable("hnsw_config.ef_construct %d: must be in 4..4096", *d.EfConstruct)
	}
	if d.FullScanThreshold != nil && *d.FullScanThreshold < 10 && *d.FullScanThreshold != 0 {
		return unprocessable("hnsw_config.full_scan_threshold %d: must be at least 10", *d.FullScanThreshold)
	}
	return nil
}

func (h *hnswConfig) apply(d *hnswDiff) {
	if d == nil {
		return
	}
	setInt := func(dst *int, src *int) {
		if src != nil {
			*dst = *src
		}
	}
	setInt(&h.M, d.M)
	setInt(&h.EfConstruct, d.EfConstruct)
	setInt(&h.FullScanThreshold, d.FullScanThreshold)
	setInt(&h.MaxIndexingThreads, d.MaxIndexingThreads)
	if d.OnDisk != nil {
		h.OnDisk = d.OnDisk
	}
	if d.PayloadM != nil {
		h.PayloadM = d.PayloadM
	}
	if d.InlineStorage != nil {
		h.InlineStorage = d.InlineStorage
	}
}

// storeHNSW converts Qdrant's HNSW settings for a vector of dim dimensions.
func (h *hnswConfig) storeHNSW(dim int) vectorstore.HNSWConfig {
	out := vectorstore.HNSWConfig{M: h.M, EfConstruction: h.EfConstruct}
	if h.FullScanThreshold > 0 && dim > 0 {
		out.FullScanThreshold = max(1, h.FullScanThreshold*1024/(4*dim))
	}
	return out
}

// qdrantDefaultHNSW is Qdrant's default collection HNSW configuration.
func qdrantDefaultHNSW() hnswConfig {
	return hnswConfig{M: 16, EfConstruct: 100, FullScanThreshold: 10000}
}

// optimizersConfig is Qdrant's OptimizersConfig. The store keeps its own
// segment policy (see vectorstore's doc); these values are echoed.
type optimizersConfig struct {
	DeletedThreshold       float64 `json:"deleted_threshold"`
	VacuumMinVectorNumber  int     `json:"vacuum_min_vector_number"`
	DefaultSegmentNumber   int     `json:"default_segment_number"`
	MaxSegmentSize         *int    `json:"max_segment_size"`
	MemmapThreshold        *int    `json:"memmap_threshold"`
	IndexingThreshold      *int    `json:"indexing_threshold"`
	FlushIntervalSec       int     `json:"flush_interval_sec"`
	MaxOptimizationThreads *int    `json:"max_optimization_threads"`
	PreventUnoptimized     *bool   `json:"prevent_unoptimized,omitempty"`
}

func qdrantDefaultOptimizers() optimizersConfig {
	return optimizersConfig{DeletedThreshold: 0.2, VacuumMinVectorNumber: 1000, FlushIntervalSec: 5}
}

// optimizersDiff is Qdrant's OptimizersConfigDiff.
type optimizersDiff struct {
	DeletedThreshold       *float64        `json:"deleted_threshold"`
	VacuumMinVectorNumber  *int            `json:"vacuum_min_vector_number"`
	DefaultSegmentNumber   *int            `json:"default_segment_number"`
	MaxSegmentSize         *int            `json:"max_segment_size"`
	MemmapThreshold        *int            `json:"memmap_threshold"`
	IndexingThreshold      *int            `json:"indexing_threshold"`
	FlushIntervalSec       *int            `json:"flush_interval_sec"`
	MaxOptimizationThreads json.RawMessage `json:"max_optimization_threads"`
	PreventUnoptimized     *bool           `json:"prevent_unoptimized"`
}

func (o *optimizersConfig) apply(d *optimizersDiff) error {
	if d == nil {
		return nil
	}
	if d.DeletedThreshold != nil {
		if *d.DeletedThreshold < 0 || *d.DeletedThreshold > 1 {
			return unprocessable("optimizers_config.deleted_threshold %v outside 0..1", *d.DeletedThreshold)
		}
		o.DeletedThreshold = *d.DeletedThreshold
	}
	if d.VacuumMinVectorNumber != nil {
		if *d.VacuumMinVectorNumber < 100 {
			return unprocessable("optimizers_config.vacuum_min_vector_number %d below 100", *d.VacuumMinVectorNumber)
		}
		o.VacuumMinVectorNumber = *d.VacuumMinVectorNumber
	}
	if d.DefaultSegmentNumber != nil {
		o.DefaultSegmentNumber = *d.DefaultSegmentNumber
	}
	if d.MaxSegmentSize != nil {
		o.MaxSegmentSize = d.MaxSegmentSize
	}
	if d.MemmapThreshold != nil {
		o.MemmapThreshold = d.MemmapThreshold
	}
	if d.IndexingThreshold != nil {
		o.IndexingThreshold = d.IndexingThreshold
	}
	if d.FlushIntervalSec != nil {
		o.FlushIntervalSec = *d.FlushIntervalSec
	}
	if len(d.MaxOptimizationThreads) > 0 && string(d.MaxOptimizationThreads) != "null" {
		var n int
		var word string
		switch {
		case json.Unmarshal(d.MaxOptimizationThreads, &n) == nil:
			o.MaxOptimizationThreads = &n
		case json.Unmarshal(d.MaxOptimizationThreads, &word) == nil && word == "auto":
			o.MaxOptimizationThreads = nil
		default:
			return badRequest("optimizers_config.max_optimization_threads must be a number or \"auto\"")
		}
	}
	if d.PreventUnoptimized != nil {
		o.PreventUnoptimized = d.PreventUnoptimized
	}
	return nil
}

// walConfig is Qdrant's WalConfig; the store's WAL has its own policy.
type walConfig struct {
	CapacityMB    int `json:"wal_capacity_mb"`
	SegmentsAhead int `json:"wal_segments_ahead"`
	RetainClosed  int `json:"wal_retain_closed"`
}

type walDiff struct {
	CapacityMB    *int `json:"wal_capacity_mb"`
	SegmentsAhead *int `json:"wal_segments_ahead"`
	RetainClosed  *int `json:"wal_retain_closed"`
}

func (w *walConfig) apply(d *walDiff) error {
	if d == nil {
		return nil
	}
	if d.CapacityMB != nil {
		if *d.CapacityMB < 1 {
			return unprocessable("wal_config.wal_capacity_mb must be at least 1")
		}
		w.CapacityMB = *d.CapacityMB
	}
	if d.SegmentsAhead != nil {
		w.SegmentsAhead = *d.SegmentsAhead
	}
	if d.RetainClosed != nil {
		if *d.RetainClosed < 1 {
			return unprocessable("wal_config.wal_retain_closed must be at least 1")
		}
		w.RetainClosed = *d.RetainClosed
	}
	return nil
}

// vectorParams is Qdrant's VectorParams for one dense vector.
type vectorParams struct {
	Size               int             `json:"size"`
	Distance           string          `json:"distance"`
	HNSWConfig         *hnswDiff       `json:"hnsw_config"`
	OnDisk             *bool           `json:"on_disk"`
	QuantizationConfig json.RawMessage `json:"quantization_config"`
	Memory             json.RawMessage `json:"memory"`
	Datatype           *string         `json:"datatype"`
	MultivectorConfig  *struct {
		Comparator string `json:"comparator"`
	} `json:"multivector_config"`
}

func present(raw json.RawMessage) bool { return len(raw) > 0 && string(raw) != "null" }

func (v *vectorParams) check(name string) error {
	field := "vectors"
	if name != "" {
		field = "vectors." + name
	}
	switch {
	case v.Size < 1 || v.Size > vectorstore.MaxDim:
		return unprocessable("%s.size: value %d invalid, must be from 1 to %d", field, v.Size, vectorstore.MaxDim)
	case present(v.QuantizationConfig):
		return refusedField(field+".quantization_config", "quantization configs")
	case present(v.Memory):
		return refusedField(field+".memory", "memory placement configs")
	case v.MultivectorConfig != nil && name == "":
		return refusedField(field+".multivector_config", "multi-vectors on the unnamed vector; name the vector")
	case v.MultivectorConfig != nil && v.MultivectorConfig.Comparator != vectorstore.MaxSim:
		return badRequest("%s.multivector_config.comparator %q: want %q", field, v.MultivectorConfig.Comparator, vectorstore.MaxSim)
	case v.Datatype != nil && *v.Datatype != "float32":
		return refusedField(field+".datatype "+*v.Datatype, "vector datatypes other than float32")
	}
	return v.HNSWConfig.validate()
}

type createCollectionReq struct {
	Vectors                json.RawMessage `json:"vectors"`
	SparseVectors          json.RawMessage `json:"sparse_vectors"`
	ShardNumber            *int            `json:"shard_number"`
	ShardingMethod         *string         `json:"sharding_method"`
	ReplicationFactor      *int            `json:"replication_factor"`
	WriteConsistencyFactor *int            `json:"write_consistency_factor"`
	OnDiskPayload          *bool           `json:"on_disk_payload"`
	Payload                json.RawMessage `json:"payload"`
	HNSWConfig             *hnswDiff       `json:"hnsw_config"`
	WALConfig              *walDiff        `json:"wal_config"`
	OptimizersConfig       *optimizersDiff `json:"optimizers_config"`
	QuantizationConfig     json.RawMessage `json:"quantization_config"`
	StrictModeConfig       json.RawMessage `json:"strict_mode_config"`
	InitFrom               json.RawMessage `json:"init_from"`
	Metadata               map[string]any  `json:"metadata"`
}

// checkScope refuses the create fields for out-of-scope features.
func (req *createCollectionReq) checkScope() error {
	for _, f := range []struct {
		name string
		v    *int
	}{{"shard_number", req.ShardNumber}, {"replication_factor", req.ReplicationFactor}, {"write_consistency_factor", req.WriteConsistencyFactor}} {
		if f.v != nil && *f.v == 0 {
			return unprocessable("%s: value 0 invalid, must be 1 or larger", f.name)
		}
	}
	switch {
	case req.ShardNumber != nil && *req.ShardNumber != 1:
		return refusedField("shard_number", "sharding")
	case req.ShardingMethod != nil && *req.ShardingMethod != "auto":
		return refusedField("sharding_method", "sharding")
	case req.ReplicationFactor != nil && *req.ReplicationFactor != 1:
		return refusedField("replication_factor", "replication")
	case req.WriteConsistencyFactor != nil && *req.WriteConsistencyFactor != 1:
		return refusedField("write_consistency_factor", "replication")
	case present(req.Payload):
		return refusedField("payload", "storage-placement configs")
	case present(req.QuantizationConfig):
		return refusedField("quantization_config", "quantization configs")
	case present(req.StrictModeConfig):
		return refusedField("strict_mode_config", "strict mode")
	case present(req.InitFrom):
		return refusedField("init_from", "initialising a collection from another (deprecated in Qdrant)")
	}
	return nil
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

func (s *Server) collectionExists(w http.ResponseWriter, r *http.Request) (any, error) {
	_, err := s.store.CollectionInfo(r.PathValue("c"))
	return map[string]bool{"exists": err == nil}, nil
}

func (s *Server) createCollection(w http.ResponseWriter, r *http.Request) (any, error) {
	var req createCollectionReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if err := req.checkScope(); err != nil {
		return nil, err
	}
	set := collectionSettings{HNSW: qdrantDefaultHNSW(), Optimizers: qdrantDefaultOptimizers(),
		WAL: walConfig{CapacityMB: 32, RetainClosed: 1}, OnDisk: map[string]bool{}}
	if err := req.HNSWConfig.validate(); err != nil {
		return nil, err
	}
	set.HNSW.apply(req.HNSWConfig)
	if err := set.Optimizers.apply(req.OptimizersConfig); err != nil {
		return nil, err
	}
	if err := set.WAL.apply(req.WALConfig); err != nil {
		return nil, err
	}
	if req.OnDiskPayload != nil {
		set.OnDiskPayload = *req.OnDiskPayload
	}
	cfg := vectorstore.CollectionConfig{HNSW: set.HNSW.storeHNSW(0)}
	if err := decodeVectorsConfig(req.Vectors, &cfg, &set); err != nil {
		return nil, err
	}
	if err := decodeSparseConfig(req.SparseVectors, &cfg, &set); err != nil {
		return nil, err
	}
	if cfg.Dim == 0 && len(cfg.Vectors) == 0 && len(cfg.SparseVectors) == 0 {
		return nil, badRequest("a collection needs vectors or sparse_vectors")
	}
	if err := setMetadata(&cfg, &set, req.Metadata); err != nil {
		return nil, err
	}
	if err := s.store.CreateCollection(r.Context(), r.PathValue("c"), cfg); err != nil {
		return nil, err
	}
	return true, nil
}

// setMetadata stores Qdrant metadata (arbitrary JSON) in set, mirrors its
// string values into the store's metadata (which the node and snapshots
// read; "embedding_model" names the model), and encodes set into cfg.
func setMetadata(cfg *vectorstore.CollectionConfig, set *collectionSettings, meta map[string]any) error {
	set.Metadata = meta
	cfg.Metadata = map[string]string{}
	cfg.EmbeddingModel = ""
	for k, v := range meta {
		if str, ok := v.(string); ok {
			if k == "embedding_model" {
				cfg.EmbeddingModel = str
				continue
			}
			cfg.Metadata[k] = str
		}
	}
	b, err := json.Marshal(set)
	if err != nil {
		return fmt.Errorf("qdrantapi: encoding collection settings: %w", err)
	}
	cfg.Metadata[settingsKey] = string(b)
	return nil
}

// updateSettings changes the Qdrant-facing settings of collection name
// with edit, serialised with the other settings changes of this server.
func (s *Server) updateSettings(ctx context.Context, name string, edit func(*collectionSettings)) error {
	s.setMu.Lock()
	defer s.setMu.Unlock()
	cfg, set, err := s.settingsFor(name)
	if err != nil {
		return err
	}
	edit(&set)
	if err := setMetadata(&cfg, &set, set.Metadata); err != nil {
		return err
	}
	return s.store.UpdateCollection(ctx, name, vectorstore.CollectionUpdate{Metadata: cfg.Metadata})
}

// settingsFor returns collection name's configuration and its Qdrant-facing
// settings, with the per-vector maps ready to be written.
func (s *Server) settingsFor(name string) (vectorstore.CollectionConfig, collectionSettings, error) {
	info, err := s.store.CollectionInfo(name)
	if err != nil {
		return vectorstore.CollectionConfig{}, collectionSettings{}, err
	}
	cfg := info.Config
	set := settingsOf(&cfg)
	if set.OnDisk == nil {
		set.OnDisk = map[string]bool{}
	}
	if set.SparseIndex == nil {
		set.SparseIndex = map[string]*sparseIndexJSON{}
	}
	return cfg, set, nil
}

// settingsOf reads the Qdrant-facing settings of a collection; one made
// through the store's Go API (the node's knowledge base) gets Qdrant's
// defaults and its string metadata.
func settingsOf(cfg *vectorstore.CollectionConfig) collectionSettings {
	set := collectionSettings{HNSW: qdrantDefaultHNSW(), Optimizers: qdrantDefaultOptimizers(),
		WAL: walConfig{CapacityMB: 32, RetainClosed: 1}}
	raw, ok := cfg.Metadata[settingsKey]
	if ok && json.Unmarshal([]byte(raw), &set) == nil {
		return set
	}
	set.HNSW.M = cfg.HNSW.M
	set.HNSW.EfConstruct = cfg.HNSW.EfConstruction
	if cfg.HNSW.FullScanThreshold > 0 {
		set.HNSW.FullScanThreshold = cfg.HNSW.FullScanThreshold * 4 * cfg.Dim / 1024
	}
	set.Metadata = map[string]any{}
	for k, v := range cfg.Metadata {
		set.Metadata[k] = v
	}
	if cfg.EmbeddingModel != "" {
		set.Metadata["embedding_model"] = cfg.EmbeddingModel
	}
	return set
}

// decodeVectorsConfig decodes Qdrant's VectorsConfig: one VectorParams
// (the unnamed vector) or an object of named ones ("" is the unnamed one).
func decodeVectorsConfig(raw json.RawMessage, cfg *vectorstore.CollectionConfig, set *collectionSettings) error {
	if !present(raw) {
		return nil
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(raw, &probe); err != nil {
		return qdrantError(http.StatusBadRequest, "Format error in JSON body: ", "vectors: %w", err)
	}
	_, hasSize := probe["size"]
	_, hasDist := probe["distance"]
	one := func(name string, b json.RawMessage) error {
		var vp vectorParams
		if err := decodeJSON(b, &vp); err != nil {
			return err
		}
		if err := vp.check(name); err != nil {
			return err
		}
		dist, err := vectorstore.ParseDistance(vp.Distance)
		if err != nil {
			return badRequest("vectors distance %q: want Cosine, Dot, Euclid or Manhattan", vp.Distance)
		}
		if vp.OnDisk != nil {
			set.OnDisk[name] = *vp.OnDisk
		}
		if name == "" {
			cfg.Dim, cfg.Distance = vp.Size, dist
			h := set.HNSW
			h.apply(vp.HNSWConfig)
			cfg.HNSW = h.storeHNSW(vp.Size)
			return nil
		}
		p := vectorstore.VectorParams{Size: vp.Size, Distance: dist}
		if vp.MultivectorConfig != nil {
			p.MultiVector = &vectorstore.MultiVectorConfig{Comparator: vp.MultivectorConfig.Comparator}
		}
		if vp.HNSWConfig != nil {
			h := set.HNSW
			h.apply(vp.HNSWConfig)
			sh := h.storeHNSW(vp.Size)
			p.HNSW = &sh
			if set.VectorHNSW == nil {
				set.VectorHNSW = map[string]*hnswDiff{}
			}
			set.VectorHNSW[name] = vp.HNSWConfig
		}
		if cfg.Vectors == nil {
			cfg.Vectors = map[string]vectorstore.VectorParams{}
		}
		cfg.Vectors[name] = p
		return nil
	}
	if hasSize || hasDist {
		return one("", raw)
	}
	for name, b := range probe {
		if err := one(name, b); err != nil {
			return err
		}
	}
	return nil
}

// sparseIndexJSON is Qdrant's SparseIndexParams.
type sparseIndexJSON struct {
	FullScanThreshold *int            `json:"full_scan_threshold,omitempty"`
	OnDisk            *bool           `json:"on_disk,omitempty"`
	Datatype          *string         `json:"datatype,omitempty"`
	Memory            json.RawMessage `json:"memory,omitempty"`
}

// check refuses what the store cannot do and merges d into the echoed
// settings of sparse vector name.
func (d *sparseIndexJSON) apply(set *collectionSettings, name string) error {
	if d == nil {
		return nil
	}
	if d.Datatype != nil && *d.Datatype != "float32" {
		return badRequest("sparse vectors do not support the %s datatype in this store (float32 only)", *d.Datatype)
	}
	if present(d.Memory) {
		return refusedField("sparse_vectors."+name+".index.memory", "memory placement configs")
	}
	if set.SparseIndex == nil {
		set.SparseIndex = map[string]*sparseIndexJSON{}
	}
	cur := set.SparseIndex[name]
	if cur == nil {
		cur = &sparseIndexJSON{}
		set.SparseIndex[name] = cur
	}
	if d.OnDisk != nil {
		cur.OnDisk = d.OnDisk
	}
	if d.FullScanThreshold != nil {
		cur.FullScanThreshold = d.FullScanThreshold
	}
	return nil
}

// decodeSparseConfig decodes sparse_vectors: name -> SparseVectorParams.
func decodeSparseConfig(raw json.RawMessage, cfg *vectorstore.CollectionConfig, set *collectionSettings) error {
	if !present(raw) {
		return nil
	}
	var named map[string]*struct {
		Index    *sparseIndexJSON `json:"index"`
		Modifier *string          `json:"modifier"`
	}
	if err := decodeJSON(raw, &named); err != nil {
		return err
	}
	for name, p := range named {
		if name == "" {
			return unprocessable("sparse_vectors: Sparse vector name cannot be empty")
		}
		sp := vectorstore.SparseVectorParams{}
		if p != nil {
			if err := p.Index.apply(set, name); err != nil {
				return err
			}
			if p.Modifier != nil {
				switch *p.Modifier {
				case "none", "idf":
					sp.Modifier = vectorstore.SparseModifier(*p.Modifier)
				default:
					return badRequest("sparse_vectors.%s.modifier %q: want none or idf", name, *p.Modifier)
				}
			}
		}
		if cfg.SparseVectors == nil {
			cfg.SparseVectors = map[string]vectorstore.SparseVectorParams{}
		}
		if _, dup := cfg.Vectors[name]; dup {
			return badRequest("Dense and sparse vector names must be unique - duplicate found with '%s'", name)
		}
		cfg.SparseVectors[name] = sp
	}
	return nil
}

func (s *Server) deleteCollection(w http.ResponseWriter, r *http.Request) (any, error) {
	ok, err := s.store.DeleteCollection(r.Context(), r.PathValue("c"))
	return ok, err
}

func (s *Server) getCollection(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.collectionJSON(r.PathValue("c"))
}

// collectionJSON is Qdrant's CollectionInfo of collection name.
func (s *Server) collectionJSON(name string) (map[string]any, error) {
	info, err := s.store.CollectionInfo(name)
	if err != nil {
		return nil, err
	}
	cfg := info.Config
	set := settingsOf(&cfg)
	params := map[string]any{
		"shard_number":             1,
		"replication_factor":       1,
		"write_consistency_factor": 1,
		"on_disk_payload":          set.OnDiskPayload,
	}
	vecParams := func(name string, size int, dist vectorstore.Distance) map[string]any {
		v := map[string]any{"size": size, "distance": string(dist)}
		if on, ok := set.OnDisk[name]; ok {
			v["on_disk"] = on
		}
		if d := set.VectorHNSW[name]; d != nil {
			v["hnsw_config"] = d
		}
		return v
	}
	switch {
	case cfg.Dim > 0 && len(cfg.Vectors) == 0:
		params["vectors"] = vecParams("", cfg.Dim, cfg.Distance)
	default:
		named := map[string]any{}
		if cfg.Dim > 0 {
			named[""] = vecParams("", cfg.Dim, cfg.Distance)
		}
		for n, vp := range cfg.Vectors {
			v := vecParams(n, vp.Size, vp.Distance)
			if vp.MultiVector != nil {
				v["multivector_config"] = map[string]any{"comparator": vp.MultiVector.Comparator}
			}
			named[n] = v
		}
		params["vectors"] = named
	}
	if len(cfg.SparseVectors) > 0 {
		sp := map[string]any{}
		for n, p := range cfg.SparseVectors {
			m := map[string]any{}
			if p.Modifier != "" {
				m["modifier"] = string(p.Modifier)
			}
			if ix := set.SparseIndex[n]; ix != nil {
				m["index"] = ix
			}
			sp[n] = m
		}
		params["sparse_vectors"] = sp
	}
	schema := map[string]any{}
	for field, pi := range info.PayloadSchema {
		schema[field] = payloadIndexJSON(pi, set.IndexSchemas[field])
	}
	config := map[string]any{
		"params":              params,
		"hnsw_config":         set.HNSW,
		"optimizer_config":    set.Optimizers,
		"wal_config":          set.WAL,
		"quantization_config": nil,
	}
	if set.Metadata != nil {
		config["metadata"] = set.Metadata
	}
	return map[string]any{
		"status":                "green",
		"optimizer_status":      "ok",
		"points_count":          info.Points,
		"indexed_vectors_count": info.IndexedNodes - info.Tombstones,
		"segments_count":        1,
		"config":                config,
		"payload_schema":        schema,
	}, nil
}

// updateCollectionReq is Qdrant's UpdateCollection.
type updateCollectionReq struct {
	Vectors map[string]struct {
		HNSWConfig         *hnswDiff       `json:"hnsw_config"`
		QuantizationConfig json.RawMessage `json:"quantization_config"`
		OnDisk             *bool           `json:"on_disk"`
	} `json:"vectors"`
	OptimizersConfig *optimizersDiff `json:"optimizers_config"`
	Params           *struct {
		ReplicationFactor      *int            `json:"replication_factor"`
		WriteConsistencyFactor *int            `json:"write_consistency_factor"`
		ReadFanOutFactor       json.RawMessage `json:"read_fan_out_factor"`
		ReadFanOutDelayMS      json.RawMessage `json:"read_fan_out_delay_ms"`
		OnDiskPayload          *bool           `json:"on_disk_payload"`
	} `json:"params"`
	HNSWConfig         *hnswDiff                  `json:"hnsw_config"`
	QuantizationConfig json.RawMessage            `json:"quantization_config"`
	SparseVectors      map[string]json.RawMessage `json:"sparse_vectors"`
	StrictModeConfig   json.RawMessage            `json:"strict_mode_config"`
	Metadata           map[string]any             `json:"metadata"`
}

// payloadIndexJSON renders a payload index as Qdrant's PayloadIndexInfo.
func payloadIndexJSON(pi vectorstore.PayloadIndexInfo, given json.RawMessage) map[string]any {
	out := map[string]any{"data_type": string(pi.Params.Type), "points": pi.Points}
	if given != nil {
		out["params"] = given
		return out
	}
	tp := pi.Params
	if tp.Type == vectorstore.SchemaText && (tp.Tokenizer != "" || tp.MinTokenLen > 0 || tp.MaxTokenLen > 0 || tp.Lowercase != nil || tp.PhraseMatching != nil) {
		p := map[string]any{"type": "text"}
		if pi.Params.Tokenizer != "" {
			p["tokenizer"] = pi.Params.Tokenizer
		}
		if pi.Params.MinTokenLen > 0 {
			p["min_token_len"] = pi.Params.MinTokenLen
		}
		if pi.Params.MaxTokenLen > 0 {
			p["max_token_len"] = pi.Params.MaxTokenLen
		}
		if pi.Params.Lowercase != nil {
			p["lowercase"] = *pi.Params.Lowercase
		}
		if pi.Params.PhraseMatching != nil {
			p["phrase_matching"] = *pi.Params.PhraseMatching
		}
		out["params"] = p
	}
	return out
}

// updateCollection serves PATCH /collections/{c}: HNSW settings (applied
// to vectors inserted from now on, as in Qdrant), the echoed optimizer
// and placement settings, and metadata (merged key by key; a null value
// removes the key).
func (s *Server) updateCollection(w http.ResponseWriter, r *http.Request) (any, error) {
	var req updateCollectionReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	switch {
	case present(req.QuantizationConfig):
		return nil, refusedField("quantization_config", "quantization configs")
	case present(req.StrictModeConfig):
		return nil, refusedField("strict_mode_config", "strict mode")
	}
	name := r.PathValue("c")
	cfg, set, err := s.settingsFor(name)
	if err != nil {
		return nil, err
	}
	if p := req.Params; p != nil {
		switch {
		case p.ReplicationFactor != nil && *p.ReplicationFactor != 1, p.WriteConsistencyFactor != nil && *p.WriteConsistencyFactor != 1,
			present(p.ReadFanOutFactor), present(p.ReadFanOutDelayMS):
			return nil, refusedField("params replication settings", "replication")
		}
		if p.OnDiskPayload != nil {
			set.OnDiskPayload = *p.OnDiskPayload
		}
	}
	vecHNSW := map[string]vectorstore.HNSWConfig{}
	for vname, v := range req.Vectors {
		vp, named := cfg.Vectors[vname]
		if !named && (vname != "" || cfg.Dim == 0) {
			return nil, wrongInput("Not existing vector name error: %s", vname)
		}
		if present(v.QuantizationConfig) {
			return nil, refusedField("vectors.quantization_config", "quantization configs")
		}
		if err := v.HNSWConfig.validate(); err != nil {
			return nil, err
		}
		if v.OnDisk != nil {
			set.OnDisk[vname] = *v.OnDisk
		}
		if v.HNSWConfig == nil {
			continue
		}
		if vname == "" {
			return nil, refusedField("vectors[\"\"].hnsw_config", "per-vector HNSW settings on the unnamed vector (set the collection's hnsw_config)")
		}
		h := set.HNSW
		h.apply(v.HNSWConfig)
		vecHNSW[vname] = h.storeHNSW(vp.Size)
		if set.VectorHNSW == nil {
			set.VectorHNSW = map[string]*hnswDiff{}
		}
		set.VectorHNSW[vname] = v.HNSWConfig
	}
	if err := req.HNSWConfig.validate(); err != nil {
		return nil, err
	}
	set.HNSW.apply(req.HNSWConfig)
	if err := set.Optimizers.apply(req.OptimizersConfig); err != nil {
		return nil, err
	}
	meta := set.Metadata
	if req.Metadata != nil {
		if meta == nil {
			meta = map[string]any{}
		}
		for k, v := range req.Metadata {
			if v == nil {
				delete(meta, k)
				continue
			}
			meta[k] = v
		}
	}
	var sparse map[string]vectorstore.SparseVectorParams
	for sname, raw := range req.SparseVectors {
		var sp struct {
			Index    *sparseIndexJSON `json:"index"`
			Modifier *string          `json:"modifier"`
		}
		if err := decodeJSON(raw, &sp); err != nil {
			return nil, err
		}
		cur, ok := cfg.SparseVectors[sname]
		if !ok {
			return nil, wrongInput("Not existing vector name error: %s", sname)
		}
		if err := sp.Index.apply(&set, sname); err != nil {
			return nil, err
		}
		if sp.Modifier != nil {
			if *sp.Modifier != "none" && *sp.Modifier != "idf" {
				return nil, badRequest("sparse_vectors.%s.modifier %q: want none or idf", sname, *sp.Modifier)
			}
			cur.Modifier = vectorstore.SparseModifier(*sp.Modifier)
		}
		if sparse == nil {
			sparse = map[string]vectorstore.SparseVectorParams{}
		}
		sparse[sname] = cur
	}
	if err := setMetadata(&cfg, &set, meta); err != nil {
		return nil, err
	}
	h := set.HNSW.storeHNSW(cfg.Dim)
	if err := s.store.UpdateCollection(r.Context(), name, vectorstore.CollectionUpdate{HNSW: &h, Vectors: vecHNSW, SparseVectors: sparse, Metadata: cfg.Metadata}); err != nil {
		return nil, err
	}
	return true, nil
}
