package node

import (
	"context"
	"errors"
	"fmt"

	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// openKeywords turns on hybrid retrieval when search_fusion asks for it: a
// BM25 index per configured collection, built from the stored chunk texts
// and extended as documents are added through the API. The indexes live in
// memory; they are rebuilt at every start.
func (n *Node) openKeywords(ctx context.Context) error {
	switch n.cfg.Ext.SearchFusion {
	case "hybrid":
		n.fusion = rag.FusionHybrid
	case "rrf":
		n.fusion = rag.FusionRRF
	default:
		return nil
	}
	if n.retriever == nil {
		return nil
	}
	n.keywords = make(map[string]*rag.BM25, len(n.collections))
	n.retriever.Keywords = make(map[string]rag.KeywordIndex, len(n.collections))
	for _, c := range n.collections {
		ix, err := rag.NewBM25(rag.DefaultBM25Config())
		if err != nil {
			return err
		}
		n.keywords[c] = ix
		n.retriever.Keywords[c] = ix
		count, err := n.indexKeywords(ctx, c, nil)
		if err != nil {
			return err
		}
		n.log.Info("keyword index built", "collection", c, "chunks", count, "fusion", n.fusion)
	}
	return nil
}

// indexKeywords adds the chunks of coll that match f (all when nil) to its
// keyword index and returns how many. Collections without an index and
// collections that do not exist yet are skipped.
func (n *Node) indexKeywords(ctx context.Context, coll string, f *vectorstore.Filter) (int, error) {
	ix := n.keywords[coll]
	if ix == nil {
		return 0, nil
	}
	req := vectorstore.ScrollRequest{Limit: 1000, Filter: f, With: vectorstore.With{WithPayload: true}}
	count := 0
	for {
		page, err := n.store.Scroll(ctx, coll, req)
		if errors.Is(err, vectorstore.ErrNotFound) {
			return count, nil
		}
		if err != nil {
			return count, fmt.Errorf("node: keyword index of %q: %w", coll, err)
		}
		for _, p := range page.Points {
			if text, _ := p.Payload[rag.PayloadText].(string); text != "" {
				ix.Add(p.ID.String(), text)
				count++
			}
		}
		if page.NextOffset == nil {
			return count, nil
		}
		req.Offset = page.NextOffset
	}
}
