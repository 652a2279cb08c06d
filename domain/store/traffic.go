package store

import (
	"context"
	"fmt"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// TrafficPoint is the billed requests of one time bucket.
type TrafficPoint struct {
	Start        time.Time     `json:"start"`
	Requests     int64         `json:"requests"`
	InputTokens  int64         `json:"input_tokens"`
	OutputTokens int64         `json:"output_tokens"`
	Charged      ledger.Micros `json:"charged"`
}

// NodeTraffic is one node's billed requests over a window.
type NodeTraffic struct {
	Node     string        `json:"node"`
	Requests int64         `json:"requests"`
	Charged  ledger.Micros `json:"charged"`
}

// Traffic sums the requests billed since since in buckets of bucket
// (empty buckets left out), oldest first, and per node.
func (s *Store) Traffic(ctx context.Context, since time.Time, bucket time.Duration) ([]TrafficPoint, []NodeTraffic, error) {
	if bucket < time.Second {
		return nil, nil, fmt.Errorf("store: traffic: bucket %s is under a second", bucket)
	}
	b := bucket.Milliseconds()
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT (created_ms / ?) * ?, COUNT(*), COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),
		COALESCE(SUM(amount), 0) FROM requests WHERE created_ms >= ? GROUP BY 1 ORDER BY 1`), b, b, since.UnixMilli())
	if err != nil {
		return nil, nil, fmt.Errorf("store: traffic: %w", err)
	}
	defer rows.Close()
	points := []TrafficPoint{}
	for rows.Next() {
		var p TrafficPoint
		var start, charged int64
		if err := rows.Scan(&start, &p.Requests, &p.InputTokens, &p.OutputTokens, &charged); err != nil {
			return nil, nil, fmt.Errorf("store: traffic: %w", err)
		}
		p.Start, p.Charged = time.UnixMilli(start).UTC(), ledger.Micros(charged)
		points = append(points, p)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	nrows, err := s.db.QueryContext(ctx, s.q(`SELECT node, COUNT(*), COALESCE(SUM(amount), 0) FROM requests WHERE created_ms >= ?
		GROUP BY node ORDER BY node`), since.UnixMilli())
	if err != nil {
		return nil, nil, fmt.Errorf("store: traffic: %w", err)
	}
	defer nrows.Close()
	nodes := []NodeTraffic{}
	for nrows.Next() {
		var n NodeTraffic
		var charged int64
		if err := nrows.Scan(&n.Node, &n.Requests, &charged); err != nil {
			return nil, nil, fmt.Errorf("store: traffic: %w", err)
		}
		n.Charged = ledger.Micros(charged)
		nodes = append(nodes, n)
	}
	return points, nodes, nrows.Err()
}
