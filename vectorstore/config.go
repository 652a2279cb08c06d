package vectorstore

import (
	"fmt"
	"strings"
)

// Distance is a collection's similarity measure, named as in Qdrant. It fixes
// what a ScoredPoint's Score means and which way is better:
//
//   - Cosine: the cosine similarity in [-1, 1], higher is more similar.
//     Vectors are normalised to unit length when stored (and Get returns the
//     normalised vector), so the search computes a dot product.
//   - Dot: the dot product, higher is more similar.
//   - Euclid: the Euclidean (L2) distance, lower is more similar. Results are
//     still ordered best first, that is by ascending score, and a score
//     threshold is an upper bound on the distance.
//   - Manhattan: the L1 distance (sum of absolute differences), lower is
//     more similar, ordered and thresholded like Euclid.
type Distance string

// The supported distances.
const (
	Cosine    Distance = "Cosine"
	Dot       Distance = "Dot"
	Euclid    Distance = "Euclid"
	Manhattan Distance = "Manhattan"
)

// ParseDistance returns the Distance named s, ignoring case.
func ParseDistance(s string) (Distance, error) {
	for _, d := range []Distance{Cosine, Dot, Euclid, Manhattan} {
		if strings.EqualFold(s, string(d)) {
			return d, nil
		}
	}
	return "", fmt.Errorf("%w: unknown distance %q (want Cosine, Dot, Euclid or Manhattan)", ErrInvalid, s)
}

// HigherIsBetter reports whether a larger score means a better match
// (Cosine, Dot) rather than a smaller one (Euclid, Manhattan).
func (d Distance) HigherIsBetter() bool { return d != Euclid && d != Manhattan }

// HNSWConfig tunes a collection's approximate index. Zero fields take the
// defaults listed below (filled by CollectionConfig.Validate).
type HNSWConfig struct {
	// M is the number of links per node above layer 0 (layer 0 has 2*M).
	// Default 16; at most 128.
	M int `json:"m,omitempty"`
	// EfConstruction is the beam width used while inserting. Default 128.
	EfConstruction int `json:"ef_construct,omitempty"`
	// EfSearch is the default beam width of a search (raised to the number
	// of results wanted when that is larger). Default 100 (as Qdrant's),
	// which gives recall@10 near 0.965 on 100k embedding-like vectors
	// (see bench_test.go); 128 gives 0.98 for a quarter more time.
	EfSearch int `json:"ef,omitempty"`
	// FullScanThreshold: collections with at most this many live points,
	// and filtered searches expected to match at most this many, are
	// searched exactly by brute force. Default 2000; set -1 to always use
	// the index (recall tests do).
	FullScanThreshold int `json:"full_scan_threshold,omitempty"`
	// Seed seeds the random level assignment; a build that inserts with one
	// goroutine (GOMAXPROCS=1, or batches under 32 points) is then
	// reproducible.
	Seed uint64 `json:"seed,omitempty"`
	// NoQuantization turns off the int8 (SQ8) codes that graph walks use
	// for collections of 64 or more dimensions once they hold 1024 vectors
	// (results are always re-ranked with exact float32 distances).
	NoQuantization bool `json:"no_quantization,omitempty"`
}

// VectorParams configures one named dense vector of a collection (Qdrant's
// named vectors): its own dimension, distance and HNSW index.
type VectorParams struct {
	// Size is the dimension, 1..65536.
	Size int `json:"size"`
	// Distance is Cosine, Dot, Euclid or Manhattan.
	Distance Distance `json:"distance"`
	// HNSW tunes this vector's index; nil takes the collection's HNSW.
	HNSW *HNSWConfig `json:"hnsw_config,omitempty"`
	// MultiVector, when set, makes this a multi-vector (late
	// interaction): each point holds a list of vectors of Size (see
	// MultiVectorConfig).
	MultiVector *MultiVectorConfig `json:"multivector_config,omitempty"`
}

// MultiVectorConfig configures a multi-vector, as Qdrant's
// multivector_config. A point's multi-vector is a non-empty list of
// vectors; a query is one too (a single dense query vector is a list of
// one). The score is MaxSim: the sum over the query's vectors of the best
// score among the point's vectors under the vector's Distance (for Euclid
// and Manhattan, the smallest distance, so lower stays better). Search
// over a multi-vector is an exact scan: it has no HNSW index.
type MultiVectorConfig struct {
	// Comparator must be "max_sim".
	Comparator string `json:"comparator"`
}

// MaxSim is the one multi-vector comparator.
const MaxSim = "max_sim"

// maxMultiVectors bounds the vectors of one multi-vector.
const maxMultiVectors = 1 << 14

// isMulti reports whether vp is a multi-vector.
func (vp VectorParams) isMulti() bool { return vp.MultiVector != nil }

// SparseModifier changes how a sparse vector's dimensions are weighted at
// query time, as Qdrant's sparse vector modifier.
type SparseModifier string

// The sparse modifiers. With IDF each query dimension's contribution is
// multiplied by its inverse document frequency in the collection (see
// sparse.go for the formula).
const (
	SparseModifierNone SparseModifier = "none"
	SparseModifierIDF  SparseModifier = "idf"
)

// SparseVectorParams configures one named sparse vector of a collection.
type SparseVectorParams struct {
	// Modifier is "" or "none" (plain dot product) or "idf".
	Modifier SparseModifier `json:"modifier,omitempty"`
}

// CollectionConfig describes a collection.
type CollectionConfig struct {
	// Dim is the dimension of the unnamed vector, 1..65536, or 0 for a
	// collection that has only named (dense or sparse) vectors.
	Dim int `json:"dim"`
	// Distance is Cosine, Dot, Euclid or Manhattan (empty when Dim is 0).
	Distance Distance `json:"distance"`
	// Vectors are the named dense vectors, each with its own size,
	// distance and index. A point may carry any subset of them.
	Vectors map[string]VectorParams `json:"vectors,omitempty"`
	// SparseVectors are the named sparse vectors (inverted index, exact
	// dot-product scoring).
	SparseVectors map[string]SparseVectorParams `json:"sparse_vectors,omitempty"`
	// EmbeddingModel names the model that produced the vectors; snapshots
	// record it and imports refuse a different one.
	EmbeddingModel string `json:"embedding_model,omitempty"`
	// Metadata holds free-form annotations kept with the collection.
	Metadata map[string]string `json:"metadata,omitempty"`
	// HNSW tunes the index.
	HNSW HNSWConfig `json:"hnsw"`
}

// Limits on what the store accepts; decoders check them before allocating.
const (
	MaxDim         = 65536
	maxNameLen     = 255
	maxPayloadSize = 16 << 20
	maxConfigSize  = 1 << 20
)

// withDefaults returns cfg with zero fields filled in.
func (cfg CollectionConfig) withDefaults() CollectionConfig {
	h := &cfg.HNSW
	if h.M == 0 {
		h.M = 16
	}
	if h.EfConstruction == 0 {
		h.EfConstruction = 128
	}
	if h.EfSearch == 0 {
		h.EfSearch = 100
	}
	if h.FullScanThreshold == 0 {
		h.FullScanThreshold = 2000
	}
	if cfg.Distance != "" {
		if d, err := ParseDistance(string(cfg.Distance)); err == nil {
			cfg.Distance = d
		}
	}
	if len(cfg.Vectors) > 0 {
		named := make(map[string]VectorParams, len(cfg.Vectors))
		for n, vp := range cfg.Vectors {
			if d, err := ParseDistance(string(vp.Distance)); err == nil {
				vp.Distance = d
			}
			if vp.HNSW != nil {
				h := *vp.HNSW
				vp.HNSW = &h
			}
			if vp.MultiVector != nil {
				m := *vp.MultiVector
				vp.MultiVector = &m
			}
			named[n] = vp
		}
		cfg.Vectors = named
	}
	if len(cfg.SparseVectors) > 0 {
		sp := make(map[string]SparseVectorParams, len(cfg.SparseVectors))
		for n, p := range cfg.SparseVectors {
			if p.Modifier == "" {
				p.Modifier = SparseModifierNone
			}
			sp[n] = p
		}
		cfg.SparseVectors = sp
	}
	return cfg
}

// namedHNSW returns the HNSW settings of named vector vp: its own merged
// over the collection's.
func (cfg *CollectionConfig) namedHNSW(vp VectorParams) HNSWConfig {
	h := cfg.HNSW
	if o := vp.HNSW; o != nil {
		if o.M != 0 {
			h.M = o.M
		}
		if o.EfConstruction != 0 {
			h.EfConstruction = o.EfConstruction
		}
		if o.EfSearch != 0 {
			h.EfSearch = o.EfSearch
		}
		if o.FullScanThreshold != 0 {
			h.FullScanThreshold = o.FullScanThreshold
		}
		if o.Seed != 0 {
			h.Seed = o.Seed
		}
		h.NoQuantization = h.NoQuantization || o.NoQuantization
	}
	return h
}

// hasNamed reports whether the collection has named dense or sparse vectors.
func (cfg *CollectionConfig) hasNamed() bool {
	return len(cfg.Vectors) > 0 || len(cfg.SparseVectors) > 0
}

// maxVectorNames bounds the named vectors of one collection.
const maxVectorNames = 64

func validVectorName(n string) error {
	if n == "" || len(n) > maxNameLen {
		return fmt.Errorf("%w: vector name %q: 1 to %d bytes", ErrInvalid, n, maxNameLen)
	}
	return nil
}

// Validate fills defaults and reports whether the configuration is usable.
func (cfg *CollectionConfig) Validate() error {
	*cfg = cfg.withDefaults()
	if cfg.Dim == 0 && cfg.hasNamed() {
		if cfg.Distance != "" {
			return fmt.Errorf("%w: distance %q given without an unnamed vector (dim 0)", ErrInvalid, cfg.Distance)
		}
	} else {
		if cfg.Dim < 1 || cfg.Dim > MaxDim {
			return fmt.Errorf("%w: dimension %d outside 1..%d", ErrInvalid, cfg.Dim, MaxDim)
		}
		if _, err := ParseDistance(string(cfg.Distance)); err != nil {
			return err
		}
	}
	if len(cfg.Vectors)+len(cfg.SparseVectors) > maxVectorNames {
		return fmt.Errorf("%w: %d named vectors, limit %d", ErrInvalid, len(cfg.Vectors)+len(cfg.SparseVectors), maxVectorNames)
	}
	for n, vp := range cfg.Vectors {
		if err := validVectorName(n); err != nil {
			return err
		}
		if _, dup := cfg.SparseVectors[n]; dup {
			return fmt.Errorf("%w: %q is both a dense and a sparse vector", ErrInvalid, n)
		}
		if vp.Size < 1 || vp.Size > MaxDim {
			return fmt.Errorf("%w: vector %q: size %d outside 1..%d", ErrInvalid, n, vp.Size, MaxDim)
		}
		if _, err := ParseDistance(string(vp.Distance)); err != nil {
			return fmt.Errorf("vector %q: %w", n, err)
		}
		if err := validHNSW(cfg.namedHNSW(vp)); err != nil {
			return fmt.Errorf("vector %q: %w", n, err)
		}
		if m := vp.MultiVector; m != nil && m.Comparator != MaxSim {
			return fmt.Errorf("%w: vector %q: multivector comparator %q (want %s)", ErrInvalid, n, m.Comparator, MaxSim)
		}
	}
	for n, sp := range cfg.SparseVectors {
		if err := validVectorName(n); err != nil {
			return err
		}
		if sp.Modifier != SparseModifierNone && sp.Modifier != SparseModifierIDF {
			return fmt.Errorf("%w: sparse vector %q: unknown modifier %q (want none or idf)", ErrInvalid, n, sp.Modifier)
		}
	}
	return validHNSW(cfg.HNSW)
}

func validHNSW(h HNSWConfig) error {
	if h.M < 2 || h.M > 128 {
		return fmt.Errorf("%w: hnsw m %d outside 2..128", ErrInvalid, h.M)
	}
	if h.EfConstruction < 1 || h.EfConstruction > 4096 {
		return fmt.Errorf("%w: hnsw ef_construct %d outside 1..4096", ErrInvalid, h.EfConstruction)
	}
	if h.EfSearch < 1 || h.EfSearch > 4096 {
		return fmt.Errorf("%w: hnsw ef %d outside 1..4096", ErrInvalid, h.EfSearch)
	}
	if h.FullScanThreshold < -1 {
		return fmt.Errorf("%w: full_scan_threshold %d < -1", ErrInvalid, h.FullScanThreshold)
	}
	return nil
}

// ValidName reports whether name can name a collection: 1 to 255 characters
// from letters, digits, '_', '-' and '.', not starting with '.'.
func ValidName(name string) error {
	if name == "" || len(name) > maxNameLen || name[0] == '.' {
		return fmt.Errorf("%w: collection name %q", ErrInvalid, name)
	}
	for _, r := range name {
		ok := r == '_' || r == '-' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok {
			return fmt.Errorf("%w: collection name %q has %q", ErrInvalid, name, r)
		}
	}
	return nil
}

// replayDim is the dimension that weighs a point's replay cost (see
// Options.CheckpointReplayCost): every dense vector it has to index, and a
// nominal 16 per sparse vector.
func (cfg *CollectionConfig) replayDim() int {
	d := cfg.Dim
	for _, vp := range cfg.Vectors {
		d += vp.Size
	}
	return max(d+16*len(cfg.SparseVectors), 1)
}
