package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// componentSetsMigration is migration 11: every set of components (the
// content hashes, as a JSON list in the order the node states them) a node
// was verified to serve, stored once under its ComponentSetID, and the set
// each request was served with (0: recorded before this column, or without
// a set).
const componentSetsMigration = `CREATE TABLE component_sets (
		id BIGINT PRIMARY KEY,
		hashes TEXT NOT NULL,
		created_ms BIGINT NOT NULL
	);
	ALTER TABLE requests ADD COLUMN component_set BIGINT NOT NULL DEFAULT 0`

// ErrSetCollision means two different component sets have the same id.
var ErrSetCollision = errors.New("store: two component sets share an id")

// ComponentSetID is the id a set of components is stored under: the first
// 63 bits of the SHA-256 of the set's JSON encoding (never 0). Derived from
// the content, it is the same on every replica and in every database, so
// replicas add sets without coordinating and a charge journaled against
// one database never names another set in a second one (a set the database
// never stored is unknown there, not mistaken for another).
func ComponentSetID(hashes []string) int64 {
	id, _ := componentSetKey(hashes)
	return id
}

func componentSetKey(hashes []string) (int64, string) {
	if hashes == nil {
		hashes = []string{}
	}
	b, _ := json.Marshal(hashes) // a []string always encodes
	sum := sha256.Sum256(append([]byte("gaianet component set\x00"), b...))
	id := int64(binary.BigEndian.Uint64(sum[:8]) >> 1)
	if id == 0 {
		id = 1
	}
	return id, string(b)
}

// AddComponentSet stores the set of components hashes (once; adding it
// again, from any replica, changes nothing) and returns its id, which
// charges of requests served with it carry (ledger.Charge.ComponentSet).
func (s *Store) AddComponentSet(ctx context.Context, hashes []string) (int64, error) {
	id, js := componentSetKey(hashes)
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO component_sets (id, hashes, created_ms) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`),
		id, js, s.ms()); err != nil {
		return 0, fmt.Errorf("store: add component set: %w", err)
	}
	var have string
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT hashes FROM component_sets WHERE id = ?`), id).Scan(&have); err != nil {
		return 0, fmt.Errorf("store: add component set: %w", err)
	}
	if have != js {
		return 0, fmt.Errorf("%w: %d is %s and %s", ErrSetCollision, id, have, js)
	}
	return id, nil
}

// ComponentSet returns the components stored under id, or ErrNotFound.
func (s *Store) ComponentSet(ctx context.Context, id int64) ([]string, error) {
	return s.hashList(ctx, "component set "+strconv.FormatInt(id, 10), `SELECT hashes FROM component_sets WHERE id = ?`, id)
}

// hashList reads the one JSON list of hashes query selects (what names it
// in errors), or ErrNotFound.
func (s *Store) hashList(ctx context.Context, what, query string, arg any) ([]string, error) {
	var js string
	err := s.db.QueryRowContext(ctx, s.q(query), arg).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, what)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	var out []string
	if err := json.Unmarshal([]byte(js), &out); err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return out, nil
}

// nodeUsesLocked sums batch id's requests by the node that served them and
// the component set they were served with. A request recorded without a
// set (0: posted before migration 11), or with a set this database does
// not hold (a journal replayed into another database), counts under the
// components its node was last verified to serve (nodes.components), as
// every request did before.
func nodeUsesLocked(ctx context.Context, tx *sql.Tx, s *Store, id string) ([]NodeUse, error) {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT r.node, r.component_set, SUM(r.amount), MAX(c.hashes), MAX(n.components) FROM requests r
		LEFT JOIN component_sets c ON c.id = r.component_set LEFT JOIN nodes n ON n.address = r.node
		WHERE r.settlement = ? GROUP BY r.node, r.component_set ORDER BY r.node, r.component_set`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []NodeUse
	at := map[string]int{} // node and set -> index in out
	for rows.Next() {
		var u NodeUse
		var amount int64
		var served, last sql.NullString
		if err := rows.Scan(&u.Node, &u.Set, &amount, &served, &last); err != nil {
			return nil, err
		}
		comps := "[]"
		switch {
		case served.Valid:
			comps = served.String
		case last.Valid:
			comps, u.Set = last.String, 0
		default:
			u.Set = 0
		}
		key := u.Node + "/" + strconv.FormatInt(u.Set, 10)
		if i, ok := at[key]; ok {
			out[i].Amount += ledger.Micros(amount)
			continue
		}
		if err := json.Unmarshal([]byte(comps), &u.Components); err != nil {
			return nil, fmt.Errorf("node %s: components: %w", u.Node, err)
		}
		u.Amount = ledger.Micros(amount)
		at[key] = len(out)
		out = append(out, u)
	}
	return out, rows.Err()
}
