package node

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrant"
)

// VectorStore is where a node's knowledge base lives: the embedded store in
// the node's directory, or an external Qdrant cluster.
type VectorStore interface {
	kb.Store
	Close() error
}

// OpenVectorStore opens the knowledge-base storage cfg selects: the Qdrant
// cluster at gaianet_go.qdrant_url when set, else the embedded store in
// base/vectors.
func OpenVectorStore(ctx context.Context, cfg *config.Config, base string) (VectorStore, error) {
	if cfg.Ext.QdrantURL != "" {
		s, err := qdrant.Open(ctx, cfg.Ext.QdrantURL, cfg.Ext.QdrantAPIKey, nil)
		if err != nil {
			return nil, fmt.Errorf("node: knowledge base on Qdrant: %w", err)
		}
		return s, nil
	}
	s, err := vectorstore.Open(ctx, filepath.Join(base, "vectors"), nil)
	if err != nil {
		return nil, fmt.Errorf("node: knowledge base: %w", err)
	}
	return s, nil
}

// collectionNames lists the collections of s.
func collectionNames(ctx context.Context, s VectorStore) ([]string, error) {
	switch v := s.(type) {
	case *vectorstore.Store:
		return v.ListCollections(), nil
	case *qdrant.Store:
		return v.ListCollections(ctx)
	}
	return nil, fmt.Errorf("node: cannot list the collections of %T", s)
}
