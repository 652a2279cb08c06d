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
// config: the same vectors, with only changeable settings changed.
func (c *collection) checkConfigUpdate(cfg *CollectionConfig) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	old := c.cfg
	if cfg.Dim != old.Dim || cfg.Distance != old.Distance || cfg.EmbeddingModel != old.EmbeddingModel ||
		len(cfg.Vectors) != len(old.Vectors) || len(cfg.SparseVectors) != len(old.SparseVectors) {
		return fmt.Errorf("%w: the update changes the collection's vectors", ErrInvalid)
	}
	if _, err := mergeHNSW(old.HNSW, cfg.HNSW, "hnsw_config"); err != nil {
		return err
	}
	for n, vp := range cfg.Vectors {
		ov, ok := old.Vectors[n]
		if !ok || ov.Size != vp.Size || ov.Distance != vp.Distance {
			return fmt.Errorf("%w: the update changes vector %q", ErrInvalid, n)
		}
		if _, err := mergeHNSW(old.namedHNSW(ov), cfg.namedHNSW(vp), "vector "+n); err != nil {
			return err
		}
	}
	for n := range cfg.SparseVectors {
		if _, ok := old.SparseVectors[n]; !ok {
			return fmt.Errorf("%w: the update adds sparse vector %q", ErrInvalid, n)
		}
	}
	return nil
}

// setConfig makes cfg (checked by checkConfigUpdate) c's config. Caller
// is the writer.
func (c *collection) setConfig(cfg CollectionConfig) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cfg = cfg
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
