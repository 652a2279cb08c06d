package grammar

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// JSON Schema to grammar. The output is compact JSON: no whitespace
// between tokens (SchemaOptions.Whitespace relaxes this), object
// properties in any order (SchemaOptions.SchemaOrder: in schema order,
// then any additional properties).

// SchemaOptions tunes FromJSONSchema. The zero value is the default.
type SchemaOptions struct {
	// Whitespace allows up to this many bytes of JSON whitespace (space,
	// newline, tab) where formatters write it: after "{", "[", "," and
	// ":", before "}" and "]"; 0 means compact JSON.
	Whitespace int
	// SchemaOrder makes object properties come in schema order (then the
	// additional ones). By default they may come in any order: each
	// declared property at most once, required ones enforced, as JSON
	// Schema validators accept them. Objects with more than 48 declared
	// properties keep schema order in both modes.
	SchemaOrder bool
}

// UnsupportedError reports a schema keyword FromJSONSchema cannot enforce.
// Keyword names it; Path is the JSON pointer of the schema that uses it.
type UnsupportedError struct {
	Keyword string
	Path    string
	Detail  string
}

func (e *UnsupportedError) Error() string {
	msg := fmt.Sprintf("grammar: unsupported JSON Schema keyword %q at %s", e.Keyword, e.Path)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// maxSchemaDepth bounds subschema nesting and merges.
const maxSchemaDepth = 100

// keywords ignored because they only annotate.
var annotationKeywords = map[string]bool{
	"title": true, "description": true, "examples": true, "example": true, "default": true,
	"$comment": true, "$schema": true, "$id": true, "id": true, "deprecated": true,
	"readOnly": true, "writeOnly": true, "$anchor": true, "contentMediaType": true,
	"contentEncoding": true, "contentSchema": true, "$vocabulary": true, "$defs": true,
	"definitions": true, "discriminator": true, "xml": true, "externalDocs": true, "nullable": false,
}

// keywords handled by this compiler.
var handledKeywords = map[string]bool{
	"type": true, "properties": true, "required": true, "additionalProperties": true,
	"enum": true, "const": true, "anyOf": true, "oneOf": true, "allOf": true, "$ref": true,
	"items": true, "prefixItems": true, "additionalItems": true, "minItems": true, "maxItems": true,
	"minLength": true, "maxLength": true, "pattern": true, "format": true,
	"minimum": true, "maximum": true, "exclusiveMinimum": true, "exclusiveMaximum": true,
	"minProperties": true, "maxProperties": true, "patternProperties": true, "uniqueItems": true,
}

// validation keywords of JSON Schema drafts 4 to 2020-12 that are refused.
var refusedKeywords = map[string]bool{
	"not": true, "if": true, "then": true, "else": true, "multipleOf": true,
	"dependencies": true, "dependentRequired": true, "dependentSchemas": true,
	"contains": true, "minContains": true, "maxContains": true, "propertyNames": true,
	"unevaluatedProperties": true, "unevaluatedItems": true, "$dynamicRef": true,
	"$recursiveRef": true, "$dynamicAnchor": true, "$recursiveAnchor": true, "nullable": true,
}

// FromJSONSchema compiles a JSON Schema (drafts 4 to 2020-12) to a grammar
// of the compact JSON texts it accepts. Validation keywords it cannot
// enforce give an *UnsupportedError naming them; annotations and unknown
// keywords are ignored.
func FromJSONSchema(schema []byte, opts SchemaOptions) (*Grammar, error) {
	root, err := ParseValue(schema)
	if err != nil {
		return nil, err
	}
	return fromSchemaValue(&root, opts)
}

func fromSchemaValue(root *Value, opts SchemaOptions) (*Grammar, error) {
	c := &schemaCompiler{root: root, opts: opts, refs: map[string]int{}}
	c.rules = []rule{{name: "root", body: nothingExpr}}
	c.refs["#"] = 0
	body, err := c.schema(root, "#", 0)
	if err != nil {
		return nil, err
	}
	c.rules[0].body = body
	for _, chk := range c.oneOfChecks {
		if err := c.checkExclusive(chk); err != nil {
			return nil, err
		}
	}
	return newGrammar(c.rules)
}

// JSONObject returns the grammar of response_format {"type":"json_object"}:
// any compact JSON object.
func JSONObject() *Grammar {
	g, err := FromJSONSchema([]byte(`{"type":"object"}`), SchemaOptions{})
	if err != nil {
		panic(err) // a constant schema
	}
	return g
}

type schemaCompiler struct {
	root    *Value
	opts    SchemaOptions
	rules   []rule
	refs    map[string]int // JSON pointer -> rule
	anyRule int            // rule of any JSON value, 0 = not made yet
	ws      *expr
	// oneOfChecks are the oneOf alternatives to prove mutually exclusive
	// once every rule is complete.
	oneOfChecks []oneOfCheck
	checking    bool // compiling for a oneOf proof: no nested checks
	proof       *schemaCompiler
}

type oneOfCheck struct {
	path string
	subs []*Value
}

func unsupported(kw, path, detail string) error {
	return &UnsupportedError{Keyword: kw, Path: path, Detail: detail}
}

// w is the optional whitespace between structural characters.
func (c *schemaCompiler) w() *expr {
	if c.opts.Whitespace <= 0 {
		return emptyExpr
	}
	if c.ws == nil {
		var s byteSet
		s.add(' ')
		s.add('\n')
		s.add('\t')
		c.ws = repeat(byteClass(s), 0, c.opts.Whitespace)
	}
	return c.ws
}

// punct is a structural character with the whitespace formatters write
// around it (json.dumps and JSON.stringify, indented or not, and the
// tojson of chat templates): after "{", "[", "," and ":", before "}" and
// "]". None comes before a value or after it, so a complete value is not
// followed by optional whitespace (the grammar is done at its last byte).
func (c *schemaCompiler) punct(s string) *expr {
	if s == "}" || s == "]" {
		return seq(c.w(), lit(s))
	}
	return seq(lit(s), c.w())
}

// resolve follows a $ref JSON pointer within the document.
func (c *schemaCompiler) resolve(ref, path string) (*Value, error) {
	if !strings.HasPrefix(ref, "#") {
		return nil, unsupported("$ref", path, "only references within the document (#...) are supported, not "+strconv.Quote(ref))
	}
	frag, err := url.PathUnescape(ref[1:])
	if err != nil {
		return nil, unsupported("$ref", path, "bad reference "+strconv.Quote(ref))
	}
	v := c.root
	if frag == "" {
		return v, nil
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, unsupported("$ref", path, "anchor references are not supported: "+strconv.Quote(ref))
	}
	for _, tok := range strings.Split(frag[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v.Kind {
		case KindObject:
			next, ok := v.Get(tok)
			if !ok {
				return nil, fmt.Errorf("grammar: $ref %q at %s: no %q", ref, path, tok)
			}
			v = next
		case KindArray:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v.Items) {
				return nil, fmt.Errorf("grammar: $ref %q at %s: bad index %q", ref, path, tok)
			}
			v = &v.Items[i]
		default:
			return nil, fmt.Errorf("grammar: $ref %q at %s: cannot index a scalar", ref, path)
		}
	}
	return v, nil
}

func (c *schemaCompiler) refRule(ref, path string, depth int) (*expr, error) {
	if i, ok := c.refs[ref]; ok {
		return &expr{kind: exRef, ref: i}, nil
	}
	target, err := c.resolve(ref, path)
	if err != nil {
		return nil, err
	}
	i := len(c.rules)
	c.rules = append(c.rules, rule{name: ref, body: nothingExpr})
	c.refs[ref] = i
	body, err := c.schema(target, ref, depth+1)
	if err != nil {
		return nil, err
	}
	c.rules[i].body = body
	return &expr{kind: exRef, ref: i}, nil
}

// schema compiles one schema value.
func (c *schemaCompiler) schema(s *Value, path string, depth int) (*expr, error) {
	if depth > maxSchemaDepth {
		return nil, fmt.Errorf("grammar: schema nested too deeply at %s", path)
	}
	switch s.Kind {
	case KindBool:
		if s.Bool {
			return c.anyValue(), nil
		}
		return nothingExpr, nil
	case KindObject:
	default:
		return nil, fmt.Errorf("grammar: schema at %s is not an object or boolean", path)
	}
	for _, k := range s.Keys {
		if refusedKeywords[k] {
			f, _ := s.Get(k)
			if k == "nullable" && f.Kind == KindBool && !f.Bool {
				continue
			}
			return nil, unsupported(k, path, "")
		}
	}
	if u, ok := s.Get("uniqueItems"); ok && u.Kind == KindBool && u.Bool {
		return nil, unsupported("uniqueItems", path, "")
	}
	// Schemas that merge others ($ref with siblings, allOf) get a rule per
	// distinct content, so that recursion through them ends.
	if r, ok := s.Get("$ref"); ok && r.Kind == KindString && hasValidation(s, "$ref") || hasKey(s, "allOf") {
		key := "merge:" + string(s.AppendCompact(nil))
		if i, ok := c.refs[key]; ok {
			return ref(i), nil
		}
		i := len(c.rules)
		c.rules = append(c.rules, rule{name: path, body: nothingExpr})
		c.refs[key] = i
		body, err := c.mergedSchema(s, path, depth)
		if err != nil {
			return nil, err
		}
		c.rules[i].body = body
		return ref(i), nil
	}
	return c.plainSchema(s, path, depth)
}

// mergedSchema compiles a schema with $ref and siblings, or allOf.
func (c *schemaCompiler) mergedSchema(s *Value, path string, depth int) (*expr, error) {
	// $ref with siblings: in 2019-09 and later the siblings apply too.
	if r, ok := s.Get("$ref"); ok {
		if r.Kind != KindString {
			return nil, fmt.Errorf("grammar: $ref at %s is not a string", path)
		}
		if !hasValidation(s, "$ref") {
			return c.refRule(r.Str, path, depth)
		}
		target, err := c.resolve(r.Str, path)
		if err != nil {
			return nil, err
		}
		merged, err := c.merge(without(s, "$ref"), target, path, depth)
		if err != nil {
			return nil, err
		}
		return c.schema(merged, path, depth+1)
	}
	if a, ok := s.Get("allOf"); ok {
		if a.Kind != KindArray {
			return nil, fmt.Errorf("grammar: allOf at %s is not an array", path)
		}
		merged := without(s, "allOf")
		for i := range a.Items {
			var err error
			if merged, err = c.merge(merged, &a.Items[i], fmt.Sprintf("%s/allOf/%d", path, i), depth); err != nil {
				return nil, err
			}
		}
		return c.schema(merged, path, depth+1)
	}
	return c.plainSchema(s, path, depth)
}

// plainSchema compiles a schema without allOf or $ref siblings.
func (c *schemaCompiler) plainSchema(s *Value, path string, depth int) (*expr, error) {
	if r, ok := s.Get("$ref"); ok && r.Kind == KindString {
		return c.refRule(r.Str, path, depth)
	}
	for _, kw := range []string{"anyOf", "oneOf"} {
		a, ok := s.Get(kw)
		if !ok {
			continue
		}
		if a.Kind != KindArray || len(a.Items) == 0 {
			return nil, fmt.Errorf("grammar: %s at %s is not a non-empty array", kw, path)
		}
		rest := without(s, kw)
		var alts []*expr
		var subs []*Value
		for i := range a.Items {
			sub := &a.Items[i]
			p := fmt.Sprintf("%s/%s/%d", path, kw, i)
			if hasValidation(rest, "") {
				m, err := c.merge(rest, sub, p, depth)
				if err != nil {
					return nil, err
				}
				sub = m
			}
			e, err := c.schema(sub, p, depth+1)
			if err != nil {
				return nil, err
			}
			alts = append(alts, e)
			subs = append(subs, sub)
		}
		if kw == "oneOf" && len(alts) > 1 && !c.checking {
			if len(alts) > maxOneOf {
				return nil, unsupported("oneOf", path, fmt.Sprintf("more than %d alternatives to prove exclusive", maxOneOf))
			}
			c.oneOfChecks = append(c.oneOfChecks, oneOfCheck{path, subs})
		}
		return alt(alts...), nil
	}
	types, err := schemaTypes(s, path)
	if err != nil {
		return nil, err
	}
	if v, ok := s.Get("const"); ok {
		if !valueHasType(v, types) {
			return nothingExpr, nil
		}
		return litBytes(v.AppendCompact(nil)), nil
	}
	if v, ok := s.Get("enum"); ok {
		if v.Kind != KindArray {
			return nil, fmt.Errorf("grammar: enum at %s is not an array", path)
		}
		var alts []*expr
		seen := map[string]bool{}
		for i := range v.Items {
			if !valueHasType(&v.Items[i], types) {
				continue
			}
			b := v.Items[i].AppendCompact(nil)
			if !seen[string(b)] {
				seen[string(b)] = true
				alts = append(alts, litBytes(b))
			}
		}
		return alt(alts...), nil
	}
	var alts []*expr
	for _, t := range types {
		var e *expr
		var err error
		switch t {
		case "null":
			e = lit("null")
		case "boolean":
			e = alt(lit("true"), lit("false"))
		case "integer":
			e, err = c.number(s, path, true)
		case "number":
			e, err = c.number(s, path, false)
		case "string":
			e, err = c.str(s, path)
		case "array":
			e, err = c.array(s, path, depth)
		case "object":
			e, err = c.object(s, path, depth)
		}
		if err != nil {
			return nil, err
		}
		alts = append(alts, e)
	}
	return alt(alts...), nil
}

// valueHasType reports whether v is an instance of one of types.
func valueHasType(v *Value, types []string) bool {
	for _, t := range types {
		switch {
		case t == "null" && v.Kind == KindNull, t == "boolean" && v.Kind == KindBool,
			t == "string" && v.Kind == KindString, t == "array" && v.Kind == KindArray,
			t == "object" && v.Kind == KindObject, t == "number" && v.Kind == KindNumber:
			return true
		case t == "integer" && v.Kind == KindNumber:
			if r, ok := new(big.Rat).SetString(v.Str); ok && r.IsInt() {
				return true
			}
		}
	}
	return false
}

var allTypes = []string{"object", "array", "string", "number", "boolean", "null"}

func schemaTypes(s *Value, path string) ([]string, error) {
	t, ok := s.Get("type")
	if !ok {
		return allTypes, nil
	}
	var names []string
	switch t.Kind {
	case KindString:
		names = []string{t.Str}
	case KindArray:
		for _, x := range t.Items {
			if x.Kind != KindString {
				return nil, fmt.Errorf("grammar: type at %s has a non-string entry", path)
			}
			names = append(names, x.Str)
		}
	default:
		return nil, fmt.Errorf("grammar: type at %s is not a string or array", path)
	}
	hasNumber := false
	for _, n := range names {
		hasNumber = hasNumber || n == "number"
	}
	var out []string
	for _, n := range names {
		switch n {
		case "null", "boolean", "number", "string", "array", "object":
		case "integer":
			if hasNumber {
				continue
			}
		default:
			return nil, fmt.Errorf("grammar: unknown type %q at %s", n, path)
		}
		out = append(out, n)
	}
	return out, nil
}

// hasValidation reports whether s has keywords other than annotations and skip.
func hasValidation(s *Value, skip string) bool {
	for _, k := range s.Keys {
		if k != skip && (handledKeywords[k] || refusedKeywords[k]) {
			return true
		}
	}
	return false
}

func without(s *Value, key string) *Value {
	out := &Value{Kind: KindObject}
	for i, k := range s.Keys {
		if k != key {
			out.Keys = append(out.Keys, k)
			out.Fields = append(out.Fields, s.Fields[i])
		}
	}
	return out
}

func (v *Value) set(key string, x Value) {
	for i, k := range v.Keys {
		if k == key {
			v.Fields[i] = x
			return
		}
	}
	v.Keys = append(v.Keys, key)
	v.Fields = append(v.Fields, x)
}

// mergeSub merges two subschemas met inside a merge (a property's, the
// items', an anyOf product's): eagerly, unless either refers elsewhere
// ($ref) or is itself a merge (allOf); then as {"allOf":[a, b]} (flat),
// which schema compiles to one rule per distinct content. Recursive
// definitions merged with others then end: the same combination recurs
// as a reference to the same rule, instead of being expanded again.
func (c *schemaCompiler) mergeSub(a, b *Value, path string, depth int) (*Value, error) {
	if !hasKey(a, "$ref") && !hasKey(b, "$ref") && !hasKey(a, "allOf") && !hasKey(b, "allOf") {
		return c.merge(a, b, path, depth)
	}
	all := Value{Kind: KindArray}
	for _, x := range []*Value{a, b} {
		if items, ok := x.Get("allOf"); ok && items.Kind == KindArray && !hasValidation(x, "allOf") {
			all.Items = append(all.Items, items.Items...)
		} else if x.Kind != KindBool || !x.Bool {
			all.Items = append(all.Items, *x)
		}
	}
	out := &Value{Kind: KindObject}
	out.set("allOf", all)
	return out, nil
}

// merge returns a schema equivalent to both a and b (allOf), or an
// UnsupportedError when the combination cannot be expressed.
func (c *schemaCompiler) merge(a, b *Value, path string, depth int) (*Value, error) {
	if depth > maxSchemaDepth {
		return nil, fmt.Errorf("grammar: schema nested too deeply at %s", path)
	}
	if b.Kind == KindBool {
		if b.Bool {
			return a, nil
		}
		return &Value{Kind: KindBool}, nil
	}
	if a.Kind == KindBool {
		if a.Bool {
			return b, nil
		}
		return a, nil
	}
	if r, ok := b.Get("$ref"); ok && r.Kind == KindString {
		t, err := c.resolve(r.Str, path)
		if err != nil {
			return nil, err
		}
		m, err := c.merge(without(b, "$ref"), t, path, depth+1)
		if err != nil {
			return nil, err
		}
		b = m
	}
	if r, ok := a.Get("$ref"); ok && r.Kind == KindString {
		t, err := c.resolve(r.Str, path)
		if err != nil {
			return nil, err
		}
		m, err := c.merge(without(a, "$ref"), t, path, depth+1)
		if err != nil {
			return nil, err
		}
		a = m
	}
	if x, ok := b.Get("allOf"); ok && x.Kind == KindArray {
		m := without(b, "allOf")
		for i := range x.Items {
			var err error
			if m, err = c.merge(m, &x.Items[i], path, depth+1); err != nil {
				return nil, err
			}
		}
		b = m
	}
	out := &Value{Kind: KindObject, Keys: append([]string(nil), a.Keys...), Fields: append([]Value(nil), a.Fields...)}
	// A property declared on one side only must also satisfy the other
	// side's additionalProperties.
	crossProps := func(x, y *Value) (*Value, error) {
		addl, ok := y.Get("additionalProperties")
		if !ok || addl.Kind == KindBool && addl.Bool {
			return x, nil
		}
		xp, ok := x.Get("properties")
		if !ok || xp.Kind != KindObject {
			return x, nil
		}
		yp, _ := y.Get("properties")
		np := Value{Kind: KindObject}
		for i, k := range xp.Keys {
			f := xp.Fields[i]
			if yp == nil || !hasKey(yp, k) {
				m, err := c.mergeSub(&f, addl, path+"/properties/"+k, depth+1)
				if err != nil {
					return nil, err
				}
				f = *m
			}
			np.Keys = append(np.Keys, k)
			np.Fields = append(np.Fields, f)
		}
		nx := without(x, "properties")
		nx.set("properties", np)
		return nx, nil
	}
	{
		var err error
		na, err := crossProps(a, b)
		if err != nil {
			return nil, err
		}
		nb, err := crossProps(b, a)
		if err != nil {
			return nil, err
		}
		a, b = na, nb
		out = &Value{Kind: KindObject, Keys: append([]string(nil), a.Keys...), Fields: append([]Value(nil), a.Fields...)}
	}
	for i, k := range b.Keys {
		bv := &b.Fields[i]
		av, ok := out.Get(k)
		if !ok {
			out.set(k, *bv)
			continue
		}
		switch k {
		case "properties", "patternProperties":
			m := *av
			m.Keys = append([]string(nil), av.Keys...)
			m.Fields = append([]Value(nil), av.Fields...)
			for j, pk := range bv.Keys {
				if pv, ok := m.Get(pk); ok {
					mv, err := c.mergeSub(pv, &bv.Fields[j], path+"/"+k+"/"+pk, depth+1)
					if err != nil {
						return nil, err
					}
					m.set(pk, *mv)
				} else {
					m.set(pk, bv.Fields[j])
				}
			}
			out.set(k, m)
		case "required":
			m := Value{Kind: KindArray, Items: append([]Value(nil), av.Items...)}
			for _, r := range bv.Items {
				dup := false
				for _, x := range m.Items {
					dup = dup || x.Str == r.Str
				}
				if !dup {
					m.Items = append(m.Items, r)
				}
			}
			out.set(k, m)
		case "type":
			ta, _ := schemaTypes(a, path)
			tb, _ := schemaTypes(b, path)
			var both []Value
			for _, x := range ta {
				for _, y := range tb {
					switch {
					case x == y:
						both = append(both, Value{Kind: KindString, Str: x})
					case x == "integer" && y == "number", x == "number" && y == "integer":
						both = append(both, Value{Kind: KindString, Str: "integer"})
					}
				}
			}
			out.set(k, Value{Kind: KindArray, Items: both})
		case "minimum", "minLength", "minItems", "minProperties", "exclusiveMinimum":
			if av.Kind == KindNumber && bv.Kind == KindNumber && numLess(av.Str, bv.Str) {
				out.set(k, *bv)
			} else if av.Kind != bv.Kind {
				return nil, unsupported(k, path, "allOf combines different forms of it")
			}
		case "maximum", "maxLength", "maxItems", "maxProperties", "exclusiveMaximum":
			if av.Kind == KindNumber && bv.Kind == KindNumber && numLess(bv.Str, av.Str) {
				out.set(k, *bv)
			} else if av.Kind != bv.Kind {
				return nil, unsupported(k, path, "allOf combines different forms of it")
			}
		case "items", "additionalProperties", "additionalItems":
			if av.Kind == KindArray || bv.Kind == KindArray {
				return nil, unsupported(k, path, "allOf of tuple items")
			}
			mv, err := c.mergeSub(av, bv, path+"/"+k, depth+1)
			if err != nil {
				return nil, err
			}
			out.set(k, *mv)
		case "enum":
			// Both enums hold: the values in both (compared in compact
			// form; numbers as written).
			if av.Kind != KindArray || bv.Kind != KindArray {
				return nil, fmt.Errorf("grammar: enum at %s is not an array", path)
			}
			in := map[string]bool{}
			for _, x := range bv.Items {
				in[string(x.AppendCompact(nil))] = true
			}
			both := Value{Kind: KindArray}
			for _, x := range av.Items {
				if in[string(x.AppendCompact(nil))] {
					both.Items = append(both.Items, x)
				}
			}
			out.set(k, both)
		case "anyOf", "oneOf":
			// (a1|a2) & (b1|b2) = a1&b1 | a1&b2 | ...
			if len(av.Items)*len(bv.Items) > 64 {
				return nil, unsupported(k, path, "allOf of large anyOf/oneOf")
			}
			var prod []Value
			for x := range av.Items {
				for y := range bv.Items {
					mv, err := c.mergeSub(&av.Items[x], &bv.Items[y], path+"/"+k, depth+1)
					if err != nil {
						return nil, err
					}
					prod = append(prod, *mv)
				}
			}
			out.set(k, Value{Kind: KindArray, Items: prod})
		default:
			if annotationKeywords[k] || !(handledKeywords[k] || refusedKeywords[k]) {
				continue
			}
			if string(av.AppendCompact(nil)) != string(bv.AppendCompact(nil)) {
				return nil, unsupported(k, path, "allOf combines two different values")
			}
		}
	}
	return out, nil
}

func hasKey(v *Value, k string) bool {
	_, ok := v.Get(k)
	return ok
}

func numLess(a, b string) bool {
	x, _, err1 := big.ParseFloat(a, 10, 200, big.ToNearestEven)
	y, _, err2 := big.ParseFloat(b, 10, 200, big.ToNearestEven)
	if err1 != nil || err2 != nil {
		return false
	}
	return x.Cmp(y) < 0
}

// anyValue returns a reference to the rule of any JSON value.
func (c *schemaCompiler) anyValue() *expr {
	if c.anyRule == 0 {
		c.anyRule = len(c.rules)
		c.rules = append(c.rules, rule{name: "(any value)"})
		val := ref(c.anyRule)
		str := jsonStringExpr(0, -1)
		members := seq(str, c.punct(":"), val)
		obj := seq(c.punct("{"), opt(seq(members, repeat(seq(c.punct(","), members), 0, -1))), c.punct("}"))
		arr := seq(c.punct("["), opt(seq(val, repeat(seq(c.punct(","), val), 0, -1))), c.punct("]"))
		c.rules[c.anyRule].body = alt(obj, arr, str, jsonNumber(), lit("true"), lit("false"), lit("null"))
	}
	return ref(c.anyRule)
}

// jsonChar is one character of a JSON string body.
var jsonChar = alt(
	class(negateRanges(normRanges(jsonSpecialCP))),
	seq(lit(`\`), alt(class([]cpRange{{'"', '"'}, {'\\', '\\'}, {'/', '/'}, {'b', 'b'}, {'f', 'f'}, {'n', 'n'}, {'r', 'r'}, {'t', 't'}}),
		seq(lit("u"), repeat(hexDigit, 4, 4)))))

func jsonStringExpr(minLen, maxLen int) *expr {
	return seq(lit(`"`), repeat(jsonChar, minLen, maxLen), lit(`"`))
}

func jsonNumber() *expr {
	digits := class(digitCP)
	intPart := alt(lit("0"), seq(class([]cpRange{{'1', '9'}}), repeat(digits, 0, -1)))
	frac := seq(lit("."), repeat(digits, 1, -1))
	exp := seq(class([]cpRange{{'e', 'e'}, {'E', 'E'}}), opt(class([]cpRange{{'+', '+'}, {'-', '-'}})), repeat(digits, 1, -1))
	return seq(opt(lit("-")), intPart, opt(frac), opt(exp))
}

func intKeyword(s *Value, key, path string) (int, bool, error) {
	v, ok := s.Get(key)
	if !ok {
		return 0, false, nil
	}
	if v.Kind != KindNumber {
		return 0, false, fmt.Errorf("grammar: %s at %s is not a number", key, path)
	}
	f, err := strconv.ParseFloat(v.Str, 64)
	if err != nil || f < 0 || f != math.Trunc(f) {
		return 0, false, fmt.Errorf("grammar: %s at %s is not a non-negative integer", key, path)
	}
	if f > 1<<30 {
		f = 1 << 30
	}
	return int(f), true, nil
}

// maxCount bounds length and item counts expanded into the automaton;
// larger bounds are treated as unbounded when they cannot matter.
const maxCount = 5000

func (c *schemaCompiler) str(s *Value, path string) (*expr, error) {
	minL, _, err := intKeyword(s, "minLength", path)
	if err != nil {
		return nil, err
	}
	maxL, hasMax, err := intKeyword(s, "maxLength", path)
	if err != nil {
		return nil, err
	}
	if !hasMax {
		maxL = -1
	}
	if minL > maxCount {
		return nil, unsupported("minLength", path, fmt.Sprintf("above %d", maxCount))
	}
	if maxL > maxCount {
		maxL = -1 // longer than any output we will produce in practice
		return nil, unsupported("maxLength", path, fmt.Sprintf("above %d", maxCount))
	}
	var body *expr
	if f, ok := s.Get("format"); ok && f.Kind == KindString {
		if re, known := formatRegex[f.Str]; known {
			e, err := parseRegex(re)
			if err != nil {
				return nil, fmt.Errorf("grammar: format %q: %w", f.Str, err)
			}
			body = e
		} else if assertedFormats[f.Str] {
			return nil, unsupported("format", path, fmt.Sprintf("format %q is not supported", f.Str))
		}
	}
	if p, ok := s.Get("pattern"); ok {
		if p.Kind != KindString {
			return nil, fmt.Errorf("grammar: pattern at %s is not a string", path)
		}
		if body != nil {
			return nil, unsupported("pattern", path, "pattern together with format")
		}
		e, err := parseRegex(p.Str)
		if err != nil {
			return nil, unsupported("pattern", path, err.Error())
		}
		body = e
	}
	if body == nil {
		return jsonStringExpr(minL, maxL), nil
	}
	if minL > 0 || maxL >= 0 {
		lo, hi, ok := lengthRange(body)
		if !ok || lo < minL || (maxL >= 0 && (hi < 0 || hi > maxL)) {
			return nil, unsupported("maxLength", path, "length limits together with a pattern or format")
		}
	}
	return seq(lit(`"`), jsonify(body), lit(`"`)), nil
}

// lengthRange returns the lengths in characters of the strings e matches
// (hi < 0: unbounded); ok is false when unknown.
func lengthRange(e *expr) (lo, hi int, ok bool) {
	switch e.kind {
	case exEmpty:
		return 0, 0, true
	case exClass:
		return 1, 1, true
	case exSeq:
		for _, k := range e.kids {
			l, h, ok := lengthRange(k)
			if !ok {
				return 0, 0, false
			}
			lo += l
			if hi >= 0 {
				if h < 0 {
					hi = -1
				} else {
					hi += h
				}
			}
		}
		return lo, hi, true
	case exAlt:
		lo = math.MaxInt
		for _, k := range e.kids {
			l, h, ok := lengthRange(k)
			if !ok {
				return 0, 0, false
			}
			lo = min(lo, l)
			if hi >= 0 && (h < 0 || h > hi) {
				hi = h
			}
		}
		return lo, hi, true
	case exRepeat:
		l, h, ok := lengthRange(e.kids[0])
		if !ok {
			return 0, 0, false
		}
		if e.max < 0 || h < 0 {
			hi = -1
			if h == 0 && e.max >= 0 {
				hi = 0
			}
		} else {
			hi = h * e.max
		}
		return l * e.min, hi, true
	}
	return 0, 0, false
}

// assertedFormats are standard formats that validators check but this
// compiler does not; other unknown formats are annotations.
var assertedFormats = map[string]bool{
	"regex": true, "ipv6": true, "uri-reference": true, "iri": true, "iri-reference": true,
	"idn-email": true, "idn-hostname": true, "json-pointer": true, "relative-json-pointer": true,
	"duration": true, "uri-template": true,
}

var formatRegex = map[string]string{
	"date":      `^` + dateRE + `$`,
	"time":      `^` + timeRE + `$`,
	"date-time": `^` + dateRE + `[Tt]` + timeRE + `$`,
	"uuid":      `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`,
	"email":     `^[A-Za-z0-9!#$%&'*+/=?^_` + "`" + `{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_` + "`" + `{|}~-]+)*@` + hostRE + `$`,
	"hostname":  `^` + hostRE + `$`,
	"ipv4":      `^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$`,
	"uri":       `^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^` + "`" + `{|}]*$`,
}

const (
	leapYearRE = `(\d\d(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)`
	dateRE     = `(\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|02-(0[1-9]|1\d|2[0-8]))|` + leapYearRE + `-02-29)`
	timeRE     = `([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)`
	hostLabel  = `[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?`
	hostRE     = hostLabel + `(\.` + hostLabel + `)*`
)

func (c *schemaCompiler) array(s *Value, path string, depth int) (*expr, error) {
	minI, _, err := intKeyword(s, "minItems", path)
	if err != nil {
		return nil, err
	}
	maxI, hasMax, err := intKeyword(s, "maxItems", path)
	if err != nil {
		return nil, err
	}
	if !hasMax || maxI > maxCount {
		maxI = -1
	}
	if minI > maxCount {
		return nil, unsupported("minItems", path, fmt.Sprintf("above %d", maxCount))
	}
	var prefix []*Value
	var rest *Value
	anyItem := &Value{Kind: KindBool, Bool: true}
	rest = anyItem
	if p, ok := s.Get("prefixItems"); ok && p.Kind == KindArray {
		for i := range p.Items {
			prefix = append(prefix, &p.Items[i])
		}
		if it, ok := s.Get("items"); ok {
			rest = it
		}
	} else if it, ok := s.Get("items"); ok {
		if it.Kind == KindArray {
			for i := range it.Items {
				prefix = append(prefix, &it.Items[i])
			}
			if ai, ok := s.Get("additionalItems"); ok {
				rest = ai
			}
		} else {
			rest = it
		}
	}
	var items []*expr
	for i, p := range prefix {
		e, err := c.schema(p, fmt.Sprintf("%s/items/%d", path, i), depth+1)
		if err != nil {
			return nil, err
		}
		items = append(items, e)
	}
	restE, err := c.schema(rest, path+"/items", depth+1)
	if err != nil {
		return nil, err
	}
	comma := c.punct(",")
	// tail(j): the array from item j on.
	k := len(items)
	if maxI >= 0 && maxI < k {
		items = items[:maxI]
		k = maxI
	}
	var tail *expr
	{
		// items k.. from rest: count n in [max(minI-k,0), maxI-k]
		lo := max(minI-k, 0)
		hi := -1
		if maxI >= 0 {
			hi = maxI - k
		}
		if k == 0 {
			// first item has no comma
			var more *expr
			if hi < 0 {
				more = repeat(seq(comma, restE), max(lo-1, 0), -1)
			} else if hi == 0 {
				more = nil
			} else {
				more = repeat(seq(comma, restE), max(lo-1, 0), hi-1)
			}
			if more == nil {
				tail = emptyExpr
			} else {
				tail = seq(restE, more)
				if lo == 0 {
					tail = opt(tail)
				}
			}
		} else {
			tail = repeat(seq(comma, restE), lo, hi)
		}
	}
	for j := k - 1; j >= 0; j-- {
		item := items[j]
		if j > 0 {
			item = seq(comma, item)
		}
		step := seq(item, tail)
		if j >= minI {
			step = opt(step)
		}
		tail = step
	}
	return seq(c.punct("["), tail, c.punct("]")), nil
}

func (c *schemaCompiler) object(s *Value, path string, depth int) (*expr, error) {
	minP, _, err := intKeyword(s, "minProperties", path)
	if err != nil {
		return nil, err
	}
	maxP, hasMax, err := intKeyword(s, "maxProperties", path)
	if err != nil {
		return nil, err
	}
	if !hasMax {
		maxP = -1
	}
	if minP > 64 || maxP > 64 {
		return nil, unsupported("maxProperties", path, "counts above 64")
	}
	required := map[string]bool{}
	if r, ok := s.Get("required"); ok && r.Kind == KindArray {
		for _, x := range r.Items {
			if x.Kind == KindString {
				required[x.Str] = true
			}
		}
	}
	type prop struct {
		key string
		val *expr
		req bool
	}
	var props []prop
	declared := map[string]bool{}
	if p, ok := s.Get("properties"); ok && p.Kind == KindObject {
		for i, k := range p.Keys {
			e, err := c.schema(&p.Fields[i], path+"/properties/"+k, depth+1)
			if err != nil {
				return nil, err
			}
			declared[k] = true
			if e.kind == exNothing {
				if required[k] {
					return nothingExpr, nil
				}
				continue
			}
			props = append(props, prop{k, e, required[k]})
		}
	}
	// Additional properties: patternProperties, then additionalProperties.
	var extra []*expr // alternatives for one additional "key":value
	var patternKeys []*expr
	if pp, ok := s.Get("patternProperties"); ok && pp.Kind == KindObject {
		for i, pat := range pp.Keys {
			re, err := parseRegex(pat)
			if err != nil {
				return nil, unsupported("patternProperties", path, err.Error())
			}
			key := seq(lit(`"`), jsonify(re), lit(`"`))
			patternKeys = append(patternKeys, key)
			v, err := c.schema(&pp.Fields[i], path+"/patternProperties/"+pat, depth+1)
			if err != nil {
				return nil, err
			}
			if v.kind != exNothing {
				extra = append(extra, seq(key, c.punct(":"), v))
			}
		}
	}
	addl := &Value{Kind: KindBool, Bool: true}
	if a, ok := s.Get("additionalProperties"); ok {
		addl = a
	}
	var keys []string
	for k := range declared {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	addlE, err := c.schema(addl, path+"/additionalProperties", depth+1)
	if err != nil {
		return nil, err
	}
	if addlE.kind != exNothing {
		if len(patternKeys) > 0 {
			return nil, unsupported("patternProperties", path, "together with additional properties allowed")
		}
		extra = append(extra, seq(keyExcluding(keys), c.punct(":"), addlE))
	}
	// Required keys not declared under properties must still appear: they
	// are declared (after the others) with the additional-property schema.
	var undeclared []string
	for k := range required {
		if !declared[k] {
			undeclared = append(undeclared, k)
		}
	}
	sort.Strings(undeclared)
	if len(undeclared) > 0 {
		if addlE.kind == exNothing {
			return nothingExpr, nil
		}
		if len(patternKeys) > 0 {
			return nil, unsupported("required", path, fmt.Sprintf("required property %q is not under properties", undeclared[0]))
		}
		for _, k := range undeclared {
			props = append(props, prop{k, addlE, true})
			keys = append(keys, k)
		}
		sort.Strings(keys)
		extra = extra[:0]
		extra = append(extra, seq(keyExcluding(keys), c.punct(":"), addlE))
	}
	extraE := alt(extra...)
	if !c.opts.SchemaOrder && len(props) <= permMaskBits {
		pe := &permExpr{minP: minP, maxP: maxP, comma: c.punct(","), extraLate: !c.checking}
		for i, p := range props {
			pe.members = append(pe.members, seq(litBytes(appendJSONString(nil, p.key)), c.punct(":"), p.val))
			if p.req {
				pe.required |= 1 << uint(i)
			}
		}
		if len(extra) > 0 {
			pe.extra = extraE
		}
		r := len(c.rules)
		c.rules = append(c.rules, rule{name: path + "(object)", noinline: true, perm: true,
			body: seq(c.punct("{"), &expr{kind: exPerm, perm: pe}, c.punct("}"))})
		return ref(r), nil
	}
	// R(i, n): properties i.. after n present (n capped at limit).
	limit := max(1, minP)
	if maxP >= 0 {
		limit = maxP + 1
	}
	base := len(c.rules)
	nr := (len(props) + 1) * (limit + 1)
	for i := 0; i < nr; i++ {
		c.rules = append(c.rules, rule{name: path + "(object)", body: nothingExpr, noinline: true})
	}
	R := func(i, n int) *expr {
		if n > limit {
			n = limit
		}
		if maxP >= 0 && n > maxP {
			return nothingExpr
		}
		return ref(base + i*(limit+1) + n)
	}
	comma := c.punct(",")
	sep := func(n int) *expr {
		if n == 0 {
			return emptyExpr
		}
		return comma
	}
	for i := 0; i <= len(props); i++ {
		for n := 0; n <= limit; n++ {
			var body *expr
			if i < len(props) {
				p := props[i]
				key := appendJSONString(nil, p.key)
				present := seq(sep(n), litBytes(key), c.punct(":"), p.val, R(i+1, n+1))
				if p.req {
					body = present
				} else {
					body = alt(R(i+1, n), present)
				}
			} else {
				var end *expr = nothingExpr
				if n >= minP && (maxP < 0 || n <= maxP) {
					end = emptyExpr
				}
				if len(extra) > 0 {
					body = alt(end, seq(sep(n), extraE, R(i, n+1)))
				} else {
					body = end
				}
			}
			c.rules[base+i*(limit+1)+n].body = body
		}
	}
	return seq(c.punct("{"), R(0, 0), c.punct("}")), nil
}

// keyExcluding matches a JSON string that is none of the keys. It walks
// the keys' characters as a trie: at each point a character that no key
// continues with leaves every key behind.
func keyExcluding(keys []string) *expr {
	if len(keys) == 0 {
		return jsonStringExpr(0, -1)
	}
	var bodies [][]rune
	for _, k := range keys {
		b := appendJSONString(nil, k)
		bodies = append(bodies, []rune(string(b[1:len(b)-1])))
	}
	free := seq(repeat(jsonChar, 0, -1), lit(`"`))
	plain := negateRanges(normRanges(jsonSpecialCP))
	escape := seq(lit(`\`), alt(class([]cpRange{{'"', '"'}, {'\\', '\\'}, {'/', '/'}, {'b', 'b'}, {'f', 'f'}, {'n', 'n'}, {'r', 'r'}, {'t', 't'}}),
		seq(lit("u"), repeat(hexDigit, 4, 4))))
	var build func(depth int, set [][]rune) *expr
	build = func(depth int, set [][]rune) *expr {
		terminal := false
		children := map[rune][][]rune{}
		var order []rune
		for _, b := range set {
			if len(b) == depth {
				terminal = true
				continue
			}
			c := b[depth]
			if _, ok := children[c]; !ok {
				order = append(order, c)
			}
			children[c] = append(children[c], b)
		}
		var alts []*expr
		if !terminal {
			alts = append(alts, lit(`"`))
		}
		var taken []cpRange
		for _, c := range order {
			taken = append(taken, cpRange{c, c})
			alts = append(alts, seq(class([]cpRange{{c, c}}), build(depth+1, children[c])))
		}
		alts = append(alts, seq(class(intersectRanges(plain, negateRanges(normRanges(taken)))), free))
		if _, ok := children['\\']; !ok {
			alts = append(alts, seq(escape, free))
		}
		return alt(alts...)
	}
	return seq(lit(`"`), build(0, bodies))
}

var errNumber = errors.New("grammar: bad number bound")

// number compiles integer and number types with their bounds.
func (c *schemaCompiler) number(s *Value, path string, integer bool) (*expr, error) {
	lo, loExcl, hi, hiExcl, err := numBounds(s, path)
	if err != nil {
		return nil, err
	}
	if integer {
		var l, h *big.Int
		if lo != nil {
			l = ceilInt(lo, loExcl)
		}
		if hi != nil {
			h = floorInt(hi, hiExcl)
		}
		return intRange(l, h), nil
	}
	if lo == nil && hi == nil {
		return jsonNumber(), nil
	}
	return c.boundedNumber(lo, loExcl, hi, hiExcl, path)
}

func numBounds(s *Value, path string) (lo *big.Rat, loExcl bool, hi *big.Rat, hiExcl bool, err error) {
	get := func(k string) (*big.Rat, bool, error) {
		v, ok := s.Get(k)
		if !ok {
			return nil, false, nil
		}
		if v.Kind == KindBool {
			return nil, v.Bool, nil
		}
		if v.Kind != KindNumber {
			return nil, false, fmt.Errorf("grammar: %s at %s is not a number", k, path)
		}
		r, ok := new(big.Rat).SetString(v.Str)
		if !ok {
			return nil, false, fmt.Errorf("grammar: %s at %s: %w %q", k, path, errNumber, v.Str)
		}
		return r, false, nil
	}
	lo, _, err = get("minimum")
	if err != nil {
		return
	}
	hi, _, err = get("maximum")
	if err != nil {
		return
	}
	xlo, xloBool, err := get("exclusiveMinimum")
	if err != nil {
		return
	}
	xhi, xhiBool, err := get("exclusiveMaximum")
	if err != nil {
		return
	}
	if xloBool && lo != nil {
		loExcl = true
	}
	if xlo != nil && (lo == nil || xlo.Cmp(lo) >= 0) {
		lo, loExcl = xlo, true
	}
	if xhiBool && hi != nil {
		hiExcl = true
	}
	if xhi != nil && (hi == nil || xhi.Cmp(hi) <= 0) {
		hi, hiExcl = xhi, true
	}
	return
}

func ceilInt(r *big.Rat, excl bool) *big.Int {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// QuoRem truncates toward zero.
	if m.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	} else if m.Sign() == 0 && excl {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func floorInt(r *big.Rat, excl bool) *big.Int {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if m.Sign() < 0 {
		q.Sub(q, big.NewInt(1))
	} else if m.Sign() == 0 && excl {
		q.Sub(q, big.NewInt(1))
	}
	return q
}
