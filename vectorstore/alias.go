package vectorstore

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// AliasAction is one change to the store's aliases, shaped (and encoded in
// JSON) like an action of Qdrant's POST /collections/aliases: exactly one
// of its fields is set.
type AliasAction struct {
	Create *CreateAlias `json:"create_alias,omitempty"`
	Delete *DeleteAlias `json:"delete_alias,omitempty"`
	Rename *RenameAlias `json:"rename_alias,omitempty"`
}

// CreateAlias makes Alias another name of Collection.
type CreateAlias struct {
	Collection string `json:"collection_name"`
	Alias      string `json:"alias_name"`
}

// DeleteAlias removes an alias.
type DeleteAlias struct {
	Alias string `json:"alias_name"`
}

// RenameAlias renames an alias.
type RenameAlias struct {
	Old string `json:"old_alias_name"`
	New string `json:"new_alias_name"`
}

// Alias is one alias and the collection it names.
type Alias struct {
	Alias      string `json:"alias_name"`
	Collection string `json:"collection_name"`
}

// maxAliases bounds the aliases of a store.
const maxAliases = 1 << 16

// applyAliases returns the alias map after actions, or an error naming the
// first action that cannot apply (ErrNotFound for a missing collection or
// alias, ErrExists for a name in use, ErrInvalid for a malformed action).
// It does not modify cur.
func applyAliases(cur map[string]string, colls map[string]*collection, actions []AliasAction) (map[string]string, error) {
	next := maps.Clone(cur)
	if next == nil {
		next = map[string]string{}
	}
	for i, a := range actions {
		n := 0
		if a.Create != nil {
			n++
		}
		if a.Delete != nil {
			n++
		}
		if a.Rename != nil {
			n++
		}
		if n != 1 {
			return nil, fmt.Errorf("%w: alias action %d needs exactly one of create_alias, delete_alias, rename_alias", ErrInvalid, i)
		}
		switch {
		case a.Create != nil:
			if err := ValidName(a.Create.Alias); err != nil {
				return nil, fmt.Errorf("alias action %d: %w", i, err)
			}
			if _, ok := colls[a.Create.Collection]; !ok {
				return nil, fmt.Errorf("%w: alias action %d: collection %q", ErrNotFound, i, a.Create.Collection)
			}
			if _, ok := colls[a.Create.Alias]; ok {
				return nil, fmt.Errorf("%w: alias action %d: %q is a collection", ErrExists, i, a.Create.Alias)
			}
			if _, ok := next[a.Create.Alias]; ok {
				return nil, fmt.Errorf("%w: alias action %d: alias %q", ErrExists, i, a.Create.Alias)
			}
			next[a.Create.Alias] = a.Create.Collection
		case a.Delete != nil:
			if _, ok := next[a.Delete.Alias]; !ok {
				return nil, fmt.Errorf("%w: alias action %d: alias %q", ErrNotFound, i, a.Delete.Alias)
			}
			delete(next, a.Delete.Alias)
		default:
			c, ok := next[a.Rename.Old]
			if !ok {
				return nil, fmt.Errorf("%w: alias action %d: alias %q", ErrNotFound, i, a.Rename.Old)
			}
			if err := ValidName(a.Rename.New); err != nil {
				return nil, fmt.Errorf("alias action %d: %w", i, err)
			}
			if _, ok := colls[a.Rename.New]; ok {
				return nil, fmt.Errorf("%w: alias action %d: %q is a collection", ErrExists, i, a.Rename.New)
			}
			if _, ok := next[a.Rename.New]; ok && a.Rename.New != a.Rename.Old {
				return nil, fmt.Errorf("%w: alias action %d: alias %q", ErrExists, i, a.Rename.New)
			}
			delete(next, a.Rename.Old)
			next[a.Rename.New] = c
		}
	}
	if len(next) > maxAliases {
		return nil, fmt.Errorf("%w: %d aliases, limit %d", ErrInvalid, len(next), maxAliases)
	}
	return next, nil
}

// UpdateAliases applies actions all or nothing, as one durable step: if
// any action fails nothing changes.
func (s *Store) UpdateAliases(ctx context.Context, actions []AliasAction) error {
	if err := s.beginWrite(ctx); err != nil {
		return err
	}
	defer s.writeMu.Unlock()
	s.mu.RLock()
	next, err := applyAliases(s.aliases, s.colls, actions)
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	rec, err := encodeJSONOp(s.seq+1, opAliases, "", actions)
	if err != nil {
		return err
	}
	if err := s.logLocked(rec); err != nil {
		return err
	}
	s.nextSeqLocked()
	s.mu.Lock()
	s.aliases = next
	s.mu.Unlock()
	return s.afterWriteLocked(ctx)
}

// Aliases returns every alias, sorted by alias name; with collection not
// empty, only that collection's.
func (s *Store) Aliases(collection string) []Alias {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []Alias{}
	for _, a := range slices.Sorted(maps.Keys(s.aliases)) {
		if collection == "" || s.aliases[a] == collection {
			out = append(out, Alias{Alias: a, Collection: s.aliases[a]})
		}
	}
	return out
}

// dropAliasesLocked removes the aliases of collection name. Needs mu.
func (s *Store) dropAliasesLocked(name string) {
	for a, c := range s.aliases {
		if c == name {
			delete(s.aliases, a)
		}
	}
}

// decodeWALJSON checks the JSON body of an aliases, index or config
// record.
func decodeWALJSON(op *walOp) error {
	switch op.op {
	case opAliases:
		var acts []AliasAction
		return decodeStrict(op.js, &acts)
	case opIndex:
		var ir indexRecord
		if err := decodeStrict(op.js, &ir); err != nil {
			return err
		}
		return ir.check()
	default:
		var cfg CollectionConfig
		if err := decodeStrict(op.js, &cfg); err != nil {
			return err
		}
		return cfg.Validate()
	}
}

// replayJSONOp applies an aliases, index or config record at replay.
func (s *Store) replayJSONOp(op *walOp) error {
	switch op.op {
	case opAliases:
		var acts []AliasAction
		if err := json.Unmarshal(op.js, &acts); err != nil {
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		next, err := applyAliases(s.aliases, s.colls, acts)
		if err != nil {
			return fmt.Errorf("%w: wal record %d: %v", ErrCorrupt, op.seq, err)
		}
		s.aliases = next
		return nil
	case opIndex:
		c, ok := s.colls[op.name]
		if !ok {
			return fmt.Errorf("%w: wal indexes missing collection %q", ErrCorrupt, op.name)
		}
		var ir indexRecord
		if err := json.Unmarshal(op.js, &ir); err != nil {
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		c.applyIndexRecord(&ir)
		return nil
	default:
		c, ok := s.colls[op.name]
		if !ok {
			return fmt.Errorf("%w: wal updates missing collection %q", ErrCorrupt, op.name)
		}
		var cfg CollectionConfig
		if err := json.Unmarshal(op.js, &cfg); err != nil {
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if err := c.checkConfigUpdate(&cfg); err != nil {
			return fmt.Errorf("%w: wal record %d: %v", ErrCorrupt, op.seq, err)
		}
		c.setConfig(cfg)
		return nil
	}
}
