package vectorstore

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

func compileValuesCount(key string, vc *ValuesCount) (ccond, error) {
	path, err := parsePath(key)
	if err != nil {
		return ccond{}, err
	}
	c := ccond{kind: condValuesCount, path: path, lo: math.Inf(-1), hi: math.Inf(1), loIncl: true, hiIncl: true}
	for _, b := range []*int{vc.LT, vc.GT, vc.GTE, vc.LTE} {
		if b != nil && *b < 0 {
			return ccond{}, fmt.Errorf("%w: values_count on %q: negative bound", ErrInvalid, key)
		}
	}
	if vc.GT != nil && vc.GTE != nil || vc.LT != nil && vc.LTE != nil {
		return ccond{}, fmt.Errorf("%w: values_count on %q has both strict and inclusive bounds", ErrInvalid, key)
	}
	if vc.GT != nil {
		c.lo, c.loIncl = float64(*vc.GT), false
	}
	if vc.GTE != nil {
		c.lo = float64(*vc.GTE)
	}
	if vc.LT != nil {
		c.hi, c.hiIncl = float64(*vc.LT), false
	}
	if vc.LTE != nil {
		c.hi = float64(*vc.LTE)
	}
	return c, nil
}

// geoArea is a compiled geo condition.
type geoArea struct {
	box      GeoBoundingBox
	center   GeoPoint
	radius   float64
	exterior []GeoPoint
	holes    [][]GeoPoint
}

func validGeo(p GeoPoint) bool {
	return p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
}

func compileGeo(c *Condition) (ccond, error) {
	path, err := parsePath(c.Key)
	if err != nil {
		return ccond{}, err
	}
	cc := ccond{path: path}
	bad := func(what string) (ccond, error) {
		return ccond{}, fmt.Errorf("%w: geo condition on %q: %s", ErrInvalid, c.Key, what)
	}
	switch {
	case c.GeoBoundingBox != nil:
		b := *c.GeoBoundingBox
		if !validGeo(b.TopLeft) || !validGeo(b.BottomRight) {
			return bad("coordinates out of range")
		}
		cc.kind, cc.geo.box = condGeoBox, b
	case c.GeoRadius != nil:
		r := *c.GeoRadius
		if !validGeo(r.Center) || !(r.Radius >= 0) || math.IsInf(r.Radius, 0) {
			return bad("bad center or radius")
		}
		cc.kind, cc.geo.center, cc.geo.radius = condGeoRadius, r.Center, r.Radius
	default:
		ring := func(l GeoLineString) ([]GeoPoint, error) {
			ps := l.Points
			if len(ps) < 4 || ps[0] != ps[len(ps)-1] {
				return nil, fmt.Errorf("a ring needs at least 4 points, the first equal to the last")
			}
			for _, p := range ps {
				if !validGeo(p) {
					return nil, fmt.Errorf("coordinates out of range")
				}
			}
			return ps, nil
		}
		ext, err := ring(c.GeoPolygon.Exterior)
		if err != nil {
			return bad(err.Error())
		}
		cc.kind, cc.geo.exterior = condGeoPolygon, ext
		for _, in := range c.GeoPolygon.Interiors {
			h, err := ring(in)
			if err != nil {
				return bad(err.Error())
			}
			cc.geo.holes = append(cc.geo.holes, h)
		}
	}
	return cc, nil
}

// asGeoPoint reads a payload value {"lon": x, "lat": y}.
func asGeoPoint(v any) (GeoPoint, bool) {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 2 {
		return GeoPoint{}, false
	}
	lon, ok1 := m["lon"].(float64)
	lat, ok2 := m["lat"].(float64)
	p := GeoPoint{Lon: lon, Lat: lat}
	return p, ok1 && ok2 && validGeo(p)
}

const earthRadiusM = 6371008.8

// haversine returns the great-circle distance between a and b in meters.
func haversine(a, b GeoPoint) float64 {
	rad := math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusM * math.Asin(math.Min(1, math.Sqrt(h)))
}

// inRing reports whether p is inside the closed ring (even-odd rule, in
// the lon/lat plane).
func inRing(ring []GeoPoint, p GeoPoint) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a, b := ring[i], ring[j]
		if (a.Lat > p.Lat) != (b.Lat > p.Lat) && p.Lon < (b.Lon-a.Lon)*(p.Lat-a.Lat)/(b.Lat-a.Lat)+a.Lon {
			in = !in
		}
	}
	return in
}

func (g *geoArea) contains(kind condKind, p GeoPoint) bool {
	switch kind {
	case condGeoBox:
		b := g.box
		if p.Lat > b.TopLeft.Lat || p.Lat < b.BottomRight.Lat {
			return false
		}
		if b.TopLeft.Lon <= b.BottomRight.Lon {
			return p.Lon >= b.TopLeft.Lon && p.Lon <= b.BottomRight.Lon
		}
		return p.Lon >= b.TopLeft.Lon || p.Lon <= b.BottomRight.Lon // across the antimeridian
	case condGeoRadius:
		return haversine(g.center, p) <= g.radius
	default:
		if !inRing(g.exterior, p) {
			return false
		}
		for _, h := range g.holes {
			if inRing(h, p) {
				return false
			}
		}
		return true
	}
}

// matchText evaluates a text, text_any or phrase condition on s.
func (c *ccond) matchText(s string) bool {
	if c.text == "" {
		return false // an empty text or phrase matches nothing, as in Qdrant
	}
	if c.tok == nil {
		switch c.kind {
		case condTextAny:
			for _, w := range strings.Fields(c.text) {
				if strings.Contains(s, w) {
					return true
				}
			}
			return false
		default:
			return strings.Contains(s, c.text)
		}
	}
	q := c.tok.tokenize(c.text)
	doc := c.tok.tokenize(s)
	if len(q) == 0 {
		return false
	}
	if c.tok.Tokenizer == TokenizerPrefix {
		has := func(t string) bool {
			return slices.ContainsFunc(doc, func(d string) bool { return strings.HasPrefix(d, t) })
		}
		if c.kind == condTextAny {
			return slices.ContainsFunc(q, has)
		}
		for _, t := range q {
			if !has(t) {
				return false
			}
		}
		return true
	}
	switch c.kind {
	case condTextAny:
		return slices.ContainsFunc(q, func(t string) bool { return slices.Contains(doc, t) })
	case condPhrase:
		for i := 0; i+len(q) <= len(doc); i++ {
			if slices.Equal(doc[i:i+len(q)], q) {
				return true
			}
		}
		return false
	}
	for _, t := range q {
		if !slices.Contains(doc, t) {
			return false
		}
	}
	return true
}

// bindFilterLocked ties the compiled filter to c: text conditions on
// fields with a text index take its tokenizer, and has_vector conditions
// look at c's vectors. Needs mu (read).
func (c *collection) bindFilterLocked(cf *cfilter) {
	if cf == nil {
		return
	}
	for _, list := range [][]ccond{cf.must, cf.should, cf.mustNot, cf.minShould} {
		for i := range list {
			cc := &list[i]
			switch cc.kind {
			case condText, condTextAny, condPhrase:
				if ix := c.indexes[cc.key]; ix != nil && ix.params.Type == SchemaText {
					cc.tok = &ix.params
				}
			case condHasVector:
				cc.has = c.hasVectorFunc(cc.vector)
			case condFilter:
				c.bindFilterLocked(cc.sub)
			case condNested:
				c.bindNested(cc.sub)
			}
		}
	}
}

// bindNested binds a nested filter's has_vector conditions (its keys are
// relative to the array elements, so no index applies).
func (c *collection) bindNested(cf *cfilter) {
	if cf == nil {
		return
	}
	for _, list := range [][]ccond{cf.must, cf.should, cf.mustNot, cf.minShould} {
		for i := range list {
			switch cc := &list[i]; cc.kind {
			case condHasVector:
				cc.has = c.hasVectorFunc(cc.vector)
			case condFilter, condNested:
				c.bindNested(cc.sub)
			}
		}
	}
}

func (c *collection) hasVectorFunc(name string) func(PointID) bool {
	slotOf := func(id PointID) (uint32, bool) {
		s, ok := c.byID[id]
		return s, ok
	}
	switch {
	case name == "":
		return func(id PointID) bool { s, ok := slotOf(id); return ok && c.hasVecLocked(s) }
	case c.denseSpace(name) != nil:
		ds := c.denseSpace(name)
		return func(id PointID) bool {
			s, ok := slotOf(id)
			if !ok {
				return false
			}
			_, has := ds.node(s)
			return has
		}
	case c.sparseSpace(name) != nil:
		sp := c.sparseSpace(name)
		return func(id PointID) bool {
			s, ok := slotOf(id)
			return ok && sp.vecs[s].Indices != nil
		}
	}
	return func(PointID) bool { return false }
}

// --- the planner ---

// indexCandidatesLocked returns, when a must condition of cf can be served
// by a payload index and is selective (its estimate is under a quarter of
// the live points), the sorted slots that index yields: a superset of the
// points matching cf, each still to be checked against it. ok is false
// when no index applies. Needs mu (read).
func (c *collection) indexCandidatesLocked(cf *cfilter) (slots []uint32, ok bool) {
	if cf == nil || len(c.indexes) == 0 {
		return nil, false
	}
	live := c.liveLocked()
	best, bestEst := -1, math.MaxInt
	for i := range cf.must {
		if est, ok := c.estimateLocked(&cf.must[i]); ok && est < bestEst {
			best, bestEst = i, est
		}
	}
	if best < 0 || bestEst*4 > live {
		return nil, false
	}
	out := c.lookupLocked(&cf.must[best])
	slices.Sort(out)
	return slices.Compact(out), true
}

// indexFor returns the index serving cond, if any.
func (c *collection) indexFor(cc *ccond) *payloadIndex {
	if cc.negate {
		return nil
	}
	ix := c.indexes[cc.key]
	if ix == nil {
		return nil
	}
	t := ix.params.Type
	switch cc.kind {
	case condMatch:
		if t == SchemaKeyword || t == SchemaUUID || t == SchemaBool || t == SchemaInteger {
			return ix
		}
	case condRange:
		if t == SchemaInteger || t == SchemaFloat {
			return ix
		}
	case condDatetimeRange:
		if t == SchemaDatetime {
			return ix
		}
	case condText, condPhrase, condTextAny:
		if t == SchemaText {
			return ix
		}
	case condPrefix:
		if t == SchemaKeyword {
			return ix
		}
	case condGeoBox, condGeoRadius, condGeoPolygon:
		if t == SchemaGeo {
			return ix
		}
	}
	return nil
}

// latBand returns the latitudes, in degrees, between which every point of
// a geo condition's area lies.
func latBand(cc *ccond) (lo, hi float64) {
	g := &cc.geo
	switch cc.kind {
	case condGeoBox:
		return g.box.BottomRight.Lat, g.box.TopLeft.Lat
	case condGeoRadius:
		// No point farther in latitude than the angular radius.
		d := g.radius / earthRadiusM * 180 / math.Pi
		return max(g.center.Lat-d, -90), min(g.center.Lat+d, 90)
	}
	lo, hi = 90, -90
	for _, p := range g.exterior {
		lo, hi = min(lo, p.Lat), max(hi, p.Lat)
	}
	return lo, hi
}

// matchKeys returns the index keys of a match condition's values.
func matchKeys(ix *payloadIndex, values []any) []string {
	var keys []string
	for _, v := range values {
		switch x := v.(type) {
		case string:
			if ix.params.Type == SchemaUUID {
				x = strings.ToLower(x)
			}
			if ix.params.Type == SchemaKeyword || ix.params.Type == SchemaUUID {
				keys = append(keys, x)
			}
		case bool:
			if ix.params.Type == SchemaBool {
				keys = append(keys, fmt.Sprint(x))
			}
		case float64:
			if ix.params.Type == SchemaInteger {
				keys = append(keys, numKey(x))
			}
		}
	}
	return keys
}

// queryTokens returns the index tokens a text condition looks up.
func queryTokens(ix *payloadIndex, text string) []string {
	return ix.params.tokenize(text)
}

// rangeSpan returns the [i, j) span of ix's sorted numbers in cc's range
// (for a geo condition, its latitude band).
func rangeSpan(ix *payloadIndex, cc *ccond) []numEntry {
	nums := ix.sortedNums()
	lo, hi, loIncl, hiIncl := cc.lo, cc.hi, cc.loIncl, cc.hiIncl
	if ix.params.Type == SchemaGeo {
		lo, hi = latBand(cc)
		loIncl, hiIncl = true, true
	}
	i := sort.Search(len(nums), func(k int) bool {
		return nums[k].v > lo || (nums[k].v == lo && loIncl)
	})
	j := sort.Search(len(nums), func(k int) bool {
		return nums[k].v > hi || (nums[k].v == hi && !hiIncl)
	})
	if j < i {
		j = i
	}
	return nums[i:j]
}

// estimateLocked returns an upper bound of the slots cc's index yields.
func (c *collection) estimateLocked(cc *ccond) (int, bool) {
	ix := c.indexFor(cc)
	if ix == nil {
		return 0, false
	}
	switch cc.kind {
	case condMatch:
		n := 0
		for _, k := range matchKeys(ix, cc.values) {
			n += len(ix.keys[k])
		}
		return n, true
	case condRange, condDatetimeRange, condGeoBox, condGeoRadius, condGeoPolygon:
		return len(rangeSpan(ix, cc)), true
	case condPrefix:
		n := 0
		for k, l := range ix.keys {
			if strings.HasPrefix(k, cc.text) {
				n += len(l)
			}
		}
		return n, true
	default:
		toks := queryTokens(ix, cc.text)
		if len(toks) == 0 {
			return 0, false
		}
		n := 0
		if cc.kind == condTextAny {
			for _, t := range toks {
				n += len(ix.tokens[t])
			}
			return n, true
		}
		n = math.MaxInt
		for _, t := range toks {
			n = min(n, len(ix.tokens[t]))
		}
		return n, true
	}
}

// lookupLocked returns the slots (unsorted, maybe repeated) cc's index
// yields.
func (c *collection) lookupLocked(cc *ccond) []uint32 {
	ix := c.indexFor(cc)
	var out []uint32
	switch cc.kind {
	case condMatch:
		for _, k := range matchKeys(ix, cc.values) {
			out = append(out, ix.keys[k]...)
		}
	case condRange, condDatetimeRange, condGeoBox, condGeoRadius, condGeoPolygon:
		for _, e := range rangeSpan(ix, cc) {
			out = append(out, e.slot)
		}
	case condPrefix:
		for k, l := range ix.keys {
			if strings.HasPrefix(k, cc.text) {
				out = append(out, l...)
			}
		}
	default:
		toks := queryTokens(ix, cc.text)
		if cc.kind == condTextAny {
			for _, t := range toks {
				out = append(out, ix.tokens[t]...)
			}
			return out
		}
		// All tokens: the shortest list filtered by the others.
		slices.SortFunc(toks, func(a, b string) int { return len(ix.tokens[a]) - len(ix.tokens[b]) })
		out = append(out, ix.tokens[toks[0]]...)
		for _, t := range toks[1:] {
			set := make(map[uint32]struct{}, len(ix.tokens[t]))
			for _, s := range ix.tokens[t] {
				set[s] = struct{}{}
			}
			out = slices.DeleteFunc(out, func(s uint32) bool {
				_, found := set[s]
				return !found
			})
		}
	}
	return out
}
