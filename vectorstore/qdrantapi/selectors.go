package qdrantapi

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// withPayload is Qdrant's with_payload: a bool, a list of payload paths to
// include, or {"include": [...]} / {"exclude": [...]}. Paths are Qdrant's
// JSON paths: keys separated by dots, "key[]" for every element of an
// array, "key[N]" for one element.
type withPayload struct {
	set     bool // the field was present
	on      bool
	include [][]pathSeg
	exclude [][]pathSeg
}

// pathSeg is one step of a payload path.
type pathSeg struct {
	key   string
	all   bool // key[]
	index int  // key[N] when >= 0
}

// parsePayloadPath parses a Qdrant JSON path such as "country.cities[].name".
func parsePayloadPath(p string) ([]pathSeg, error) {
	if p == "" {
		return nil, badRequest("empty payload path")
	}
	var segs []pathSeg
	for _, part := range strings.Split(p, ".") {
		seg := pathSeg{index: -1}
		if i := strings.IndexByte(part, '['); i >= 0 {
			if !strings.HasSuffix(part, "]") {
				return nil, badRequest("payload path %q: unbalanced [", p)
			}
			inner := part[i+1 : len(part)-1]
			part = part[:i]
			if inner == "" {
				seg.all = true
			} else {
				n, err := strconv.Atoi(inner)
				if err != nil || n < 0 {
					return nil, badRequest("payload path %q: index %q is not a non-negative integer", p, inner)
				}
				seg.index = n
			}
		}
		if part == "" {
			return nil, badRequest("payload path %q: empty key", p)
		}
		seg.key = part
		segs = append(segs, seg)
	}
	return segs, nil
}

func parsePayloadPaths(ps []string) ([][]pathSeg, error) {
	out := make([][]pathSeg, 0, len(ps))
	for _, p := range ps {
		segs, err := parsePayloadPath(p)
		if err != nil {
			return nil, err
		}
		out = append(out, segs)
	}
	return out, nil
}

func (p *withPayload) UnmarshalJSON(b []byte) error {
	*p = withPayload{set: true}
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		p.set = false
		return nil
	}
	var on bool
	if err := json.Unmarshal(b, &on); err == nil {
		p.on = on
		return nil
	}
	var keys []string
	var err error
	if json.Unmarshal(b, &keys) == nil {
		p.on = true
		p.include, err = parsePayloadPaths(keys)
		return err
	}
	var sel struct {
		Include *[]string `json:"include"`
		Exclude *[]string `json:"exclude"`
	}
	if err := decodeJSON(b, &sel); err != nil || (sel.Include == nil) == (sel.Exclude == nil) {
		return badRequest("with_payload must be a bool, a list of paths, {\"include\": [...]} or {\"exclude\": [...]}")
	}
	p.on = true
	if sel.Include != nil {
		p.include, err = parsePayloadPaths(*sel.Include)
		if len(p.include) == 0 {
			p.include = [][]pathSeg{} // include nothing
		}
		return err
	}
	p.exclude, err = parsePayloadPaths(*sel.Exclude)
	return err
}

// enabled reports whether payloads are wanted, def being Qdrant's default
// for the route.
func (p *withPayload) enabled(def bool) bool {
	if !p.set {
		return def
	}
	return p.on
}

// apply returns the selected part of a payload (m is the caller's copy and
// may be modified).
func (p *withPayload) apply(m map[string]any) map[string]any {
	if m == nil {
		m = map[string]any{}
	}
	if p.include != nil {
		out := map[string]any{}
		for _, path := range p.include {
			if v, ok := project(m, path); ok {
				mergeInto(out, v.(map[string]any))
			}
		}
		return out
	}
	for _, path := range p.exclude {
		exclude(m, path)
	}
	return m
}

// project returns the part of v that path selects, keeping the structure
// around it (an object holding only the path's keys).
func project(v any, path []pathSeg) (any, bool) {
	if len(path) == 0 {
		return v, true
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	seg := path[0]
	child, ok := obj[seg.key]
	if !ok {
		return nil, false
	}
	switch {
	case seg.all || seg.index >= 0:
		arr, ok := child.([]any)
		if !ok {
			return nil, false
		}
		var kept []any
		for i, e := range arr {
			if seg.index >= 0 && i != seg.index {
				continue
			}
			if pv, ok := project(e, path[1:]); ok {
				kept = append(kept, pv)
			}
		}
		if kept == nil {
			return nil, false
		}
		return map[string]any{seg.key: kept}, true
	default:
		pv, ok := project(child, path[1:])
		if !ok {
			return nil, false
		}
		return map[string]any{seg.key: pv}, true
	}
}

// mergeInto merges src into dst, objects key by key.
func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if dm, ok := dst[k].(map[string]any); ok {
			if sm, ok := v.(map[string]any); ok {
				mergeInto(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

// exclude deletes what path selects from v.
func exclude(v any, path []pathSeg) {
	obj, ok := v.(map[string]any)
	if !ok || len(path) == 0 {
		return
	}
	seg := path[0]
	child, ok := obj[seg.key]
	if !ok {
		return
	}
	if seg.all || seg.index >= 0 {
		arr, ok := child.([]any)
		if !ok {
			return
		}
		if len(path) == 1 && seg.all {
			delete(obj, seg.key)
			return
		}
		for i, e := range arr {
			if seg.index >= 0 && i != seg.index {
				continue
			}
			exclude(e, path[1:])
		}
		return
	}
	if len(path) == 1 {
		delete(obj, seg.key)
		return
	}
	exclude(child, path[1:])
}

// withVector is Qdrant's with_vector: a bool or a list of vector names
// ("" is not a name: the unnamed vector comes with true).
type withVector struct {
	set   bool // the field was present
	on    bool
	names []string // nil: all
}

// alias takes the value of with_vectors, which Qdrant accepts for
// with_vector, when that was given instead.
func (v *withVector) alias(other withVector) error {
	if other.set {
		if v.set {
			return badRequest("give with_vector or with_vectors, not both")
		}
		*v = other
	}
	return nil
}

func (v *withVector) UnmarshalJSON(b []byte) error {
	*v = withVector{set: true}
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		v.set = false
		return nil
	}
	if json.Unmarshal(b, &v.on) == nil {
		return nil
	}
	if err := json.Unmarshal(b, &v.names); err != nil {
		return badRequest("with_vector must be a bool or a list of vector names")
	}
	v.set = true
	v.on = true
	if v.names == nil {
		v.names = []string{}
	}
	return nil
}
