package vectorstore

import (
	"context"
	"fmt"
	"maps"
)

// CollectionUpdate changes the settings of an existing collection that can
// change without rebuilding it (Qdrant's PATCH /collections/{name}). Nil
// fields stay as they are.
type CollectionUpdate struct {
	// HNSW: only EfSearch and FullScanThreshold may change (non-zero
	// fields are taken); a different M, EfConstruction, Seed or
	// NoQuantization is refused, since the graph is built with them.
	HNSW *HNSWConfig
	// Vectors updates named dense vectors' HNSW settings, likewise.
	Vectors map[string]HNSWConfig
	// SparseVectors sets named sparse vectors' modifiers.
	SparseVectors map[string]SparseVectorParams
	// Metadata, when not nil, replaces the collection's metadata.
	Metadata map[string]string
}

// mergeHNSW applies the changeable fields of u to h, refusing the others.
func mergeHNSW(h HNSWConfig, u HNSWConfig, what string) (HNSWConfig, error) {
	if (u.M != 0 && u.M != h.M) || (u.EfConstruction != 0 && u.EfConstruction != h.EfConstruction) ||
		(u.Seed != 0 && u.Seed != h.Seed) || (u.NoQuantization && !h.NoQuantization) {
		return h, fmt.Errorf("%w: %s: only ef and full_scan_threshold of an existing index can change", ErrInvalid, what)
	}
	if u.EfSearch != 0 {
		h.EfSearch = u.EfSearch
	}
	if u.FullScanThreshold != 0 {
		h.FullScanThreshold = u.FullScanThreshold
	}
	return h, nil
}

// updatedConfig returns cfg with u applied.
func updatedConfig(cfg CollectionConfig, u *CollectionUpdate) (CollectionConfig, error) {
	var err error
	if u.HNSW != nil {
		if cfg.HNSW, err = mergeHNSW(cfg.HNSW, *u.HNSW, "hnsw_config"); err != nil {
			return cfg, err
		}
	}
	if len(u.Vectors) > 0 {
		cfg.Vectors = maps.Clone(cfg.Vectors)
		for n, h := range u.Vectors {
			vp, ok := cfg.Vectors[n]
			if !ok {
				return cfg, fmt.Errorf("%w: collection has no vector named %q", ErrInvalid, n)
			}
			merged, err := mergeHNSW(cfg.namedHNSW(vp), h, "vector "+n)
			if err != nil {
				return cfg, err
			}
			vp.HNSW = &merged
			cfg.Vectors[n] = vp
		}
	}
	if len(u.SparseVectors) > 0 {
		cfg.SparseVectors = maps.Clone(cfg.SparseVectors)
		for n, sp := range u.SparseVectors {
			if _, ok := cfg.SparseVectors[n]; !ok {
				return cfg, fmt.Errorf("%w: collection has no sparse vector named %q", ErrInvalid, n)
			}
			cfg.SparseVectors[n] = sp
		}
	}
	if u.Metadata != nil {
		cfg.Metadata = cloneMap(u.Metadata)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// checkConfigUpdate reports whether cfg (validated) may replace c's
// config: the same unnamed vector, named vectors added or removed (see
// CreateVector, DeleteVector) and those kept with only changeable settings
// changed.
func (c *collection) checkConfigUpdate(cfg *CollectionConfig) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	old := c.cfg
	if cfg.Dim != old.Dim || cfg.Distance != old.Distance || cfg.EmbeddingModel != old.EmbeddingModel {
		return fmt.Errorf("%w: the update changes the collection's unnamed vector or embedding model", ErrInvalid)
	}
	if _, err := mergeHNSW(old.HNSW, cfg.HNSW, "hnsw_config"); err != nil {
		return err
	}
	for n, vp := range cfg.Vectors {
		ov, ok := old.Vectors[n]
		if !ok {
			continue // added
		}
		if ov.Size != vp.Size || ov.Distance != vp.Distance || ov.isMulti() != vp.isMulti() {
			return fmt.Errorf("%w: the update changes vector %q", ErrInvalid, n)
		}
		if _, err := mergeHNSW(old.namedHNSW(ov), cfg.namedHNSW(vp), "vector "+n); err != nil {
			return err
		}
	}
	return nil
}

// setConfig makes cfg (checked by checkConfigUpdate) c's config, adding
// empty spaces for the named vectors it adds (no point has them yet) and
// dropping those it removes. Caller is the writer.
func (c *collection) setConfig(cfg CollectionConfig) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cfg = cfg
	dense, sparse := namedSpaces(&cfg)
	for i, ds := range dense {
		if old := c.denseSpace(ds.name); old != nil {
			dense[i] = old
			continue
		}
		ds.nodeOf = make([]int32, len(c.ids))
		for s := range ds.nodeOf {
			ds.nodeOf[s] = -1
		}
	}
	for i, sp := range sparse {
		if old := c.sparseSpace(sp.name); old != nil {
			sparse[i] = old
			continue
		}
		sp.grow(len(c.ids))
		for s := range c.ids {
			sp.add(uint32(s), SparseVector{})
		}
	}
	c.dense, c.sparse = dense, sparse
	for _, ds := range c.dense {
		ds.params = cfg.Vectors[ds.name]
		ds.hnsw = cfg.namedHNSW(ds.params)
	}
	for _, sp := range c.sparse {
		sp.idf = cfg.SparseVectors[sp.name].Modifier == SparseModifierIDF
	}
}

// config returns a copy of c's config (its maps are never modified in
// place, only replaced).
func (c *collection) config() CollectionConfig {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.cfg
}

// CreateVector adds a named vector to an existing collection (Qdrant's PUT
// /collections/{c}/vectors/{name}): a dense one (dense set) or a sparse one
// (sparse set), exactly one. No point has it yet. The name must be new.
func (s *Store) CreateVector(ctx context.Context, collection, name string, dense *VectorParams, sparse *SparseVectorParams) error {
	if (dense == nil) == (sparse == nil) {
		return fmt.Errorf("%w: a new vector is dense or sparse (one of them)", ErrInvalid)
	}
	return s.changeVectors(ctx, collection, func(cfg *CollectionConfig) error {
		if _, ok := cfg.Vectors[name]; ok {
			return fmt.Errorf("%w: collection already has a vector named %q", ErrInvalid, name)
		}
		if _, ok := cfg.SparseVectors[name]; ok {
			return fmt.Errorf("%w: collection already has a sparse vector named %q", ErrInvalid, name)
		}
		if dense != nil {
			cfg.Vectors = maps.Clone(cfg.Vectors)
			cfg.Vectors = setKey(cfg.Vectors, name, *dense)
		} else {
			cfg.SparseVectors = maps.Clone(cfg.SparseVectors)
			cfg.SparseVectors = setKey(cfg.SparseVectors, name, *sparse)
		}
		return nil
	})
}

// DeleteVector removes a named dense or sparse vector from a collection
// and from all its points (Qdrant's DELETE /collections/{c}/vectors/{name}).
func (s *Store) DeleteVector(ctx context.Context, collection, name string) error {
	return s.changeVectors(ctx, collection, func(cfg *CollectionConfig) error {
		if _, ok := cfg.Vectors[name]; ok {
			cfg.Vectors = maps.Clone(cfg.Vectors)
			delete(cfg.Vectors, name)
			return nil
		}
		if _, ok := cfg.SparseVectors[name]; ok {
			cfg.SparseVectors = maps.Clone(cfg.SparseVectors)
			delete(cfg.SparseVectors, name)
			return nil
		}
		return fmt.Errorf("%w: collection %q has no named vector %q", ErrNotFound, collection, name)
	})
}

// changeVectors applies change to a copy of the collection's config and
// makes the result its config as one durable step (a config record).
func (s *Store) changeVectors(ctx context.Context, collection string, change func(*CollectionConfig) error) error {
	c, err := s.beginCollectionWrite(ctx, collection, nil)
	if err != nil {
		return err
	}
	defer s.writeMu.Unlock()
	cfg := c.cfg
	if err := change(&cfg); err != nil {
		return err
	}
	return s.setConfigLocked(ctx, c, cfg)
}

// setConfigLocked checks, logs and applies cfg as c's new config. Needs
// writeMu.
func (s *Store) setConfigLocked(ctx context.Context, c *collection, cfg CollectionConfig) error {
	if err := c.checkConfigUpdate(&cfg); err != nil {
		return err
	}
	rec, err := encodeJSONOp(s.seq+1, opConfig, c.name, cfg)
	if err != nil {
		return err
	}
	if err := s.logLocked(rec); err != nil {
		return err
	}
	s.nextSeqLocked()
	c.setConfig(cfg)
	return s.afterWriteLocked(ctx)
}

// UpdateCollection applies u to the collection as one durable step.
func (s *Store) UpdateCollection(ctx context.Context, name string, u CollectionUpdate) error {
	c, err := s.beginCollectionWrite(ctx, name, nil)
	if err != nil {
		return err
	}
	defer s.writeMu.Unlock()
	cfg, err := updatedConfig(c.cfg, &u)
	if err != nil {
		return err
	}
	return s.setConfigLocked(ctx, c, cfg)
}
