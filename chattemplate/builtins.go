package chattemplate

// Filters, tests and globals: Jinja2's builtins that chat templates use,
// plus Hugging Face's raise_exception, strftime_now and tojson.

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRange matches Jinja2's sandbox, which refuses larger ranges.
const maxRange = 100000

// arg returns positional argument i, or keyword argument name.
func arg(args []any, kw []kwarg, i int, name string) (any, bool) {
	if i < len(args) {
		return args[i], true
	}
	for _, k := range kw {
		if k.name == name {
			return k.val, true
		}
	}
	return nil, false
}

func intArg(args []any, kw []kwarg, i int, name string, def int64) (int64, error) {
	v, ok := arg(args, kw, i, name)
	if !ok || v == nil {
		return def, nil
	}
	n, ok := asInt(v)
	if !ok {
		return 0, fmt.Errorf("%w: argument '%s' must be an integer, not %s", ErrType, name, typeName(v))
	}
	return n, nil
}

func strArg(args []any, kw []kwarg, i int, name string) (string, bool, error) {
	v, ok := arg(args, kw, i, name)
	if !ok || v == nil {
		return "", false, nil
	}
	str, isStr := v.(string)
	if !isStr {
		return "", false, fmt.Errorf("%w: argument '%s' must be a string, not %s", ErrType, name, typeName(v))
	}
	return str, true, nil
}

func global(name string) any {
	switch name {
	case "range", "namespace", "dict", "raise_exception", "strftime_now", "joiner", "cycler":
		return &function{name: name, call: func(s *state, args []any, kw []kwarg) (any, error) {
			return s.callGlobalNamed(name, args, kw)
		}}
	}
	return nil
}

func newFunc(name string, fn func(s *state, args []any, kw []kwarg) (any, error)) *function {
	return &function{name: name, call: fn}
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// callGlobalNamed implements the global functions.
func (s *state) callGlobalNamed(name string, args []any, kw []kwarg) (any, error) {
	switch name {
	case "range":
		var start, stop, step int64 = 0, 0, 1
		ints := make([]int64, len(args))
		for i, a := range args {
			n, ok := asInt(a)
			if !ok {
				return nil, fmt.Errorf("%w: range() arguments must be integers, not %s", ErrType, typeName(a))
			}
			ints[i] = n
		}
		switch len(ints) {
		case 1:
			stop = ints[0]
		case 2:
			start, stop = ints[0], ints[1]
		case 3:
			start, stop, step = ints[0], ints[1], ints[2]
		default:
			return nil, fmt.Errorf("%w: range expected 1 to 3 arguments, got %d", ErrType, len(ints))
		}
		if step == 0 {
			return nil, fmt.Errorf("%w: range() arg 3 must not be zero", ErrType)
		}
		var n int64
		if step > 0 && stop > start {
			n = (stop - start + step - 1) / step
		} else if step < 0 && stop < start {
			n = (start - stop - step - 1) / -step
		}
		if n > maxRange || n < 0 {
			return nil, fmt.Errorf("%w: range too big; the sandbox blocks ranges larger than %d", ErrLimit, maxRange)
		}
		if !s.charge(int(n)) {
			return nil, s.sticky
		}
		out := make([]any, n)
		for i := range out {
			out[i] = start + int64(i)*step
		}
		return out, nil
	case "namespace", "dict":
		d := newDict(len(kw))
		for _, a := range args {
			src, ok := a.(*dict)
			if !ok {
				return nil, fmt.Errorf("%w: %s() positional argument must be a dict, not %s", ErrType, name, typeName(a))
			}
			for _, e := range src.entries {
				d.set(e.key, e.val)
			}
		}
		for _, k := range kw {
			d.set(k.name, k.val)
		}
		if name == "dict" {
			return d, nil
		}
		return &namespace{attrs: d}, nil
	case "raise_exception":
		msg := ""
		if len(args) > 0 {
			msg = s.str(args[0])
		}
		return nil, &ExceptionError{Message: msg}
	case "strftime_now":
		f, _, err := strArg(args, kw, 0, "format")
		if err != nil {
			return nil, err
		}
		return strftime(s.now(), f), nil
	case "joiner":
		sep := ", "
		if v, ok := arg(args, kw, 0, "sep"); ok {
			sep = s.str(v)
		}
		used := false
		return newFunc("joiner", func(*state, []any, []kwarg) (any, error) {
			if !used {
				used = true
				return "", nil
			}
			return sep, nil
		}), nil
	case "cycler":
		return nil, fmt.Errorf("%w: cycler() is not supported", ErrType)
	}
	return nil, fmt.Errorf("%w: unknown function %s", ErrType, name)
}

// ---- filters ----

func (s *state) applyFilter(name string, v any, args []any, kw []kwarg) (any, error) {
	if err := s.step(); err != nil {
		return nil, err
	}
	switch name {
	case "trim":
		chars, has, err := strArg(args, kw, 0, "chars")
		if err != nil {
			return nil, err
		}
		return pyStrip(s.str(v), chars, has, true, true), nil
	case "length", "count":
		return length(v)
	case "tojson":
		return s.tojson(v, args, kw)
	case "string":
		return s.str(v), nil
	case "safe", "e", "escape", "forceescape":
		if name == "safe" {
			return v, nil
		}
		return html.EscapeString(s.str(v)), nil
	case "upper":
		return pyUpper(s.str(v)), nil
	case "lower":
		return strings.ToLower(s.str(v)), nil
	case "capitalize":
		return capitalize(s.str(v)), nil
	case "title":
		return jinjaTitle(s.str(v)), nil
	case "default", "d":
		def, _ := arg(args, kw, 0, "default_value")
		if def == nil && len(args) == 0 {
			def = ""
		}
		b, _ := arg(args, kw, 1, "boolean")
		if isUndefined(v) || (truthy(b) && !truthy(v)) {
			return def, nil
		}
		return v, nil
	case "join":
		return s.join(v, args, kw)
	case "replace":
		return s.replace(s.str(v), args, kw)
	case "first", "last":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			return undefined{hint: "no " + name + " item, sequence was empty"}, nil
		}
		if name == "first" {
			return items[0], nil
		}
		return items[len(items)-1], nil
	case "list":
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		return append([]any{}, items...), nil
	case "reverse":
		if str, ok := v.(string); ok {
			rs := []rune(str)
			for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
				rs[i], rs[j] = rs[j], rs[i]
			}
			return string(rs), nil
		}
		items, err := iterate(v)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(items))
		for i, it := range items {
			out[len(items)-1-i] = it
		}
		return out, nil
	case "items":
		switch x := v.(type) {
		case *dict:
			return dictItems(x), nil
		case undefined:
			return []any{}, nil
		}
		return nil, fmt.Errorf("%w: can only get item pairs from a mapping", ErrType)
	case "dictsort":
		d, ok := v.(*dict)
		if !ok {
			return nil, fmt.Errorf("%w: dictsort needs a mapping", ErrType)
		}
		items := dictItems(d)
		sort.SliceStable(items, func(i, j int) bool {
			a, b := items[i].(tuple)[0].(string), items[j].(tuple)[0].(string)
			return strings.ToLower(a) < strings.ToLower(b)
		})
		return items, nil
	case "int":
		def, err := intArg(args, kw, 0, "default", 0)
		if err != nil {
			return nil, err
		}
		return toInt(v, def), nil
	case "float":
		def := 0.0
		if d, ok := arg(args, kw, 0, "default"); ok {
			def, _ = asNumber(d)
		}
		return toFloat(v, def), nil
	case "abs":
		switch x := v.(type) {
		case int64:
			if x == math.MinInt64 {
				return nil, overflow()
			}
			return abs64(x), nil
		case float64:
			return math.Abs(x), nil
		case bool:
			i, _ := asInt(x)
			return i, nil
		}
		return nil, fmt.Errorf("%w: bad operand type for abs(): '%s'", ErrType, typeName(v))
	case "round":
		return roundFilter(v, args, kw)
	case "indent":
		str, ok := v.(string)
		if !ok {
			if u, isU := v.(undefined); isU {
				return nil, undefErr(u)
			}
			return nil, fmt.Errorf("%w: indent needs a string, not %s", ErrType, typeName(v))
		}
		return s.indent(str, args, kw)
	case "wordcount":
		return int64(len(strings.FieldsFunc(s.str(v), func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') }))), nil
	case "sum", "max", "min", "unique", "sort":
		return s.seqFilter(name, v, args, kw)
	case "map", "select", "reject", "selectattr", "rejectattr":
		return s.mapSelect(name, v, args, kw)
	case "attr":
		n, _, err := strArg(args, kw, 0, "name")
		if err != nil {
			return nil, err
		}
		return getAttr(v, n)
	case "format":
		return s.percentFormat(s.str(v), tuple(args))
	case "center":
		width, err := intArg(args, kw, 0, "width", 80)
		if err != nil {
			return nil, err
		}
		str := s.str(v)
		n := strLen(str)
		if width <= int64(n) {
			return str, nil
		}
		if err := s.checkLen(int(width)); err != nil {
			return nil, err
		}
		pad := int(width) - n
		left := pad / 2
		if pad%2 == 1 && int(width)%2 == 1 {
			left++
		}
		return strings.Repeat(" ", left) + str + strings.Repeat(" ", pad-left), nil
	}
	return nil, fmt.Errorf("%w: no filter named '%s'", ErrType, name)
}

func dictItems(d *dict) []any {
	out := make([]any, len(d.entries))
	for i, e := range d.entries {
		out[i] = tuple{e.key, e.val}
	}
	return out
}

func length(v any) (any, error) {
	switch x := norm(v).(type) {
	case string:
		return int64(strLen(x)), nil
	case []any:
		return int64(len(x)), nil
	case *dict:
		return int64(len(x.entries)), nil
	case undefined:
		return int64(0), nil
	case *namespace:
		return int64(len(x.attrs.entries)), nil
	}
	return nil, fmt.Errorf("%w: object of type '%s' has no len()", ErrType, typeName(v))
}

func toInt(v any, def int64) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case bool:
		i, _ := asInt(x)
		return i
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 9e18 {
			return def
		}
		return int64(x)
	case string:
		t := strings.ReplaceAll(strings.TrimFunc(x, isPySpace), "_", "")
		if i, err := strconv.ParseInt(t, 10, 64); err == nil {
			return i
		}
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsNaN(f) && math.Abs(f) < 9e18 {
			return int64(f)
		}
	}
	return def
}

func toFloat(v any, def float64) float64 {
	switch x := v.(type) {
	case int64, bool, float64:
		f, _ := asNumber(x)
		return f
	case string:
		if f, err := strconv.ParseFloat(strings.TrimFunc(x, isPySpace), 64); err == nil {
			return f
		}
	}
	return def
}

func roundFilter(v any, args []any, kw []kwarg) (any, error) {
	prec, err := intArg(args, kw, 0, "precision", 0)
	if err != nil {
		return nil, err
	}
	method := "common"
	if m, ok := arg(args, kw, 1, "method"); ok {
		method, _ = m.(string)
	}
	if bv, isBool := v.(bool); isBool && method == "common" {
		v, _ = asInt(bv) // round(True) is the int 1
	}
	if i, isInt := v.(int64); isInt && method == "common" {
		// Python's round(int, n) stays an int.
		if prec >= 0 {
			return i, nil
		}
		p := int64(1)
		for k := int64(0); k < -prec && p < 1e18; k++ {
			p *= 10
		}
		q, r := i/p, i%p
		if r < 0 {
			q, r = q-1, r+p
		}
		if 2*r > p || (2*r == p && q%2 != 0) {
			q++
		}
		return q * p, nil
	}
	f, ok := asNumber(v)
	if !ok {
		return nil, fmt.Errorf("%w: round needs a number, not %s", ErrType, typeName(v))
	}
	p := math.Pow(10, float64(max(min(prec, 300), -300)))
	switch method {
	case "common":
		// Python's round() rounds halves to even on the decimal value.
		r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'f', int(max(prec, 0)), 64), 64)
		if err == nil && prec >= 0 {
			return r, nil
		}
		return math.RoundToEven(f*p) / p, nil
	case "ceil":
		return math.Ceil(f*p) / p, nil
	case "floor":
		return math.Floor(f*p) / p, nil
	}
	return nil, fmt.Errorf("%w: method must be common, ceil or floor", ErrType)
}

func (s *state) tojson(v any, args []any, kw []kwarg) (any, error) {
	o := &jsonOpts{itemSep: ", ", keySep: ": "}
	if iv, ok := arg(args, kw, 1, "indent"); ok && iv != nil {
		o.hasIndent = true
		o.itemSep = ","
		switch x := iv.(type) {
		case string:
			o.indent = x
		default:
			n, ok := asInt(x)
			if !ok {
				return nil, fmt.Errorf("%w: tojson indent must be an int or string", ErrType)
			}
			o.indent = strings.Repeat(" ", int(max(min(n, 64), 0)))
		}
	}
	// tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)
	if ea, ok := arg(args, kw, 0, "ensure_ascii"); ok {
		o.ascii = truthy(ea)
	}
	if sv, ok := arg(args, kw, 2, "separators"); ok && sv != nil {
		l, ok := norm(sv).([]any)
		if !ok || len(l) != 2 {
			return nil, fmt.Errorf("%w: tojson separators must be a pair of strings", ErrType)
		}
		o.itemSep, o.keySep = s.str(l[0]), s.str(l[1])
	}
	if sk, ok := arg(args, kw, 3, "sort_keys"); ok {
		o.sortKeys = truthy(sk)
	}
	var b strings.Builder
	if err := s.writeJSON(&b, v, o, 0); err != nil {
		return nil, err
	}
	if err := s.checkLen(b.Len()); err != nil {
		return nil, err
	}
	return b.String(), nil
}

func (s *state) join(v any, args []any, kw []kwarg) (any, error) {
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	sep := ""
	if sv, ok := arg(args, kw, 0, "d"); ok {
		sep = s.str(sv)
	}
	attr, hasAttr := arg(args, kw, 1, "attribute")
	var b strings.Builder
	for i, it := range items {
		if hasAttr {
			if it, err = getItem(it, attr); err != nil {
				return nil, err
			}
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s.str(it))
		if err := s.checkLen(b.Len()); err != nil {
			return nil, err
		}
	}
	return b.String(), nil
}

func (s *state) replace(str string, args []any, kw []kwarg) (any, error) {
	ov, ok1 := arg(args, kw, 0, "old")
	nv, ok2 := arg(args, kw, 1, "new")
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("%w: replace() needs old and new", ErrType)
	}
	old, nw := s.str(ov), s.str(nv)
	count, err := intArg(args, kw, 2, "count", -1)
	if err != nil {
		return nil, err
	}
	n := strings.Count(str, old)
	if old == "" {
		n = strLen(str) + 1
	}
	if count >= 0 && int64(n) > count {
		n = int(count)
	}
	if err := s.checkLen(len(str) + n*(len(nw)-len(old))); err != nil {
		return nil, err
	}
	return strings.Replace(str, old, nw, n), nil
}

func (s *state) indent(str string, args []any, kw []kwarg) (any, error) {
	w, _ := arg(args, kw, 0, "width")
	ind := "    "
	switch x := w.(type) {
	case string:
		ind = x
	case int64:
		ind = strings.Repeat(" ", int(max(min(x, 1024), 0)))
	}
	first, _ := arg(args, kw, 1, "first")
	blank, _ := arg(args, kw, 2, "blank")
	lines := splitLines(str + "\n")
	if err := s.checkLen(len(str) + len(lines)*len(ind)); err != nil {
		return nil, err
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
			if truthy(blank) || l != "" {
				b.WriteString(ind)
			}
		}
		b.WriteString(l)
	}
	out := b.String()
	if truthy(first) {
		out = ind + out
	}
	return out, nil
}

// splitLines is Python's str.splitlines() for the common separators.
func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexAny(s, "\n\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029")
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i])
		_, n := utf8.DecodeRuneInString(s[i:])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			n = 2
		}
		s = s[i+n:]
	}
	return out
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.ToLower(s[n:])
}

// jinjaTitle is Jinja2's title filter: words start after '-', space,
// '(', '{', '[' or '<'.
func jinjaTitle(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if r == '-' || isPySpace(r) || r == '(' || r == '{' || r == '[' || r == '<' {
			start = true
			b.WriteRune(r)
			continue
		}
		if start {
			b.WriteRune(unicode.ToUpper(r))
			start = false
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// pyTitle is Python's str.title().
func pyTitle(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if prevCased {
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToUpper(r))
			}
			prevCased = true
		} else {
			b.WriteRune(r)
			prevCased = false
		}
	}
	return b.String()
}

func (s *state) seqFilter(name string, v any, args []any, kw []kwarg) (any, error) {
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	// Positional arguments: sort(reverse, case_sensitive, attribute),
	// unique/min/max(case_sensitive, attribute), sum(attribute, start).
	// Strings compare case-insensitively unless case_sensitive is true.
	attrIdx, csIdx := 1, 0
	switch name {
	case "sort":
		attrIdx, csIdx = 2, 1
	case "sum":
		attrIdx, csIdx = 0, -1
	}
	attr, hasAttr := arg(args, kw, attrIdx, "attribute")
	var cs any = true
	if csIdx >= 0 {
		cs, _ = arg(args, kw, csIdx, "case_sensitive")
	}
	key := func(x any) (any, error) {
		if hasAttr && attr != nil {
			var err error
			if x, err = getItem(x, attr); err != nil {
				return nil, err
			}
		}
		if str, ok := x.(string); ok && !truthy(cs) {
			return strings.ToLower(str), nil
		}
		return x, nil
	}
	switch name {
	case "sum":
		var total any = int64(0)
		if st, ok := arg(args, kw, 1, "start"); ok {
			total = st
		}
		for _, it := range items {
			k, err := key(it)
			if err != nil {
				return nil, err
			}
			if total, err = s.binary("+", total, k); err != nil {
				return nil, err
			}
		}
		return total, nil
	case "unique":
		var out []any
		for _, it := range items {
			k, err := key(it)
			if err != nil {
				return nil, err
			}
			dup := false
			for _, o := range out {
				ok, _ := key(o)
				if s.equal(ok, k, 0) {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, it)
			}
		}
		return out, nil
	}
	keys := make([]any, len(items))
	for i, it := range items {
		if keys[i], err = key(it); err != nil {
			return nil, err
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var cmpErr error
	sort.SliceStable(idx, func(a, b int) bool {
		c, err := s.compare(keys[idx[a]], keys[idx[b]], 0)
		if err != nil && cmpErr == nil {
			cmpErr = err
		}
		return c < 0
	})
	if cmpErr != nil {
		return nil, cmpErr
	}
	switch name {
	case "max":
		if len(idx) == 0 {
			return undefined{hint: "no largest item, sequence was empty"}, nil
		}
		// Python's max returns the first maximal element.
		best := idx[len(idx)-1]
		for _, i := range idx {
			if s.equal(keys[i], keys[best], 0) {
				return items[i], nil
			}
		}
		return items[best], nil
	case "min":
		if len(idx) == 0 {
			return undefined{hint: "no smallest item, sequence was empty"}, nil
		}
		return items[idx[0]], nil
	}
	rev, _ := arg(args, kw, 0, "reverse")
	out := make([]any, len(idx))
	for i, j := range idx {
		out[i] = items[j]
	}
	if truthy(rev) {
		// Stable descending order: sort again on reversed comparison.
		sort.SliceStable(out, func(a, b int) bool {
			ka, _ := key(out[a])
			kb, _ := key(out[b])
			c, _ := s.compare(ka, kb, 0)
			return c > 0
		})
	}
	return out, nil
}

func (s *state) mapSelect(name string, v any, args []any, kw []kwarg) (any, error) {
	if !truthy(v) {
		return []any{}, nil // Jinja2 skips falsy inputs without iterating them
	}
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(items))
	switch name {
	case "map":
		if attr, ok := arg(nil, kw, 0, "attribute"); ok {
			def, hasDef := arg(nil, kw, 0, "default")
			for _, it := range items {
				x, err := getItem(it, attr)
				if err != nil {
					return nil, err
				}
				if hasDef && isUndefined(x) {
					x = def
				}
				out = append(out, x)
			}
			return out, nil
		}
		if len(args) == 0 {
			return nil, fmt.Errorf("%w: map requires a filter name or attribute=", ErrType)
		}
		fname := s.str(args[0])
		for _, it := range items {
			x, err := s.applyFilter(fname, it, args[1:], kw)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, nil
	case "select", "reject":
		want := name == "select"
		for _, it := range items {
			ok := truthy(it)
			if len(args) > 0 {
				if ok, err = s.applyTest(s.str(args[0]), it, args[1:]); err != nil {
					return nil, err
				}
			}
			if ok == want {
				out = append(out, it)
			}
		}
		return out, nil
	}
	want := name == "selectattr"
	if len(args) == 0 {
		return nil, fmt.Errorf("%w: %s requires an attribute name", ErrType, name)
	}
	for _, it := range items {
		x, err := getItem(it, args[0])
		if err != nil {
			return nil, err
		}
		ok := truthy(x)
		if len(args) > 1 {
			if ok, err = s.applyTest(s.str(args[1]), x, args[2:]); err != nil {
				return nil, err
			}
		}
		if ok == want {
			out = append(out, it)
		}
	}
	return out, nil
}

// percentFormat implements "fmt" % args and the format filter for the
// %s, %r, %d, %i, %f and %% conversions.
func (s *state) percentFormat(f string, r any) (any, error) {
	// Only a tuple supplies several values; anything else is one value.
	// Lists, dicts and Undefined count as mappings: unused is no error.
	vals := []any{r}
	if t, ok := r.(tuple); ok {
		vals = t
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(f) {
			return nil, fmt.Errorf("%w: incomplete format", ErrType)
		}
		// Optional precision like %.2f.
		prec := -1
		if f[i] == '.' {
			j := i + 1
			for j < len(f) && f[j] >= '0' && f[j] <= '9' {
				j++
			}
			prec, _ = strconv.Atoi(f[i+1 : j])
			i = j
			if i >= len(f) {
				return nil, fmt.Errorf("%w: incomplete format", ErrType)
			}
		}
		if f[i] == '%' {
			b.WriteByte('%')
			continue
		}
		if n >= len(vals) {
			return nil, fmt.Errorf("%w: not enough arguments for format string", ErrType)
		}
		v := vals[n]
		n++
		switch f[i] {
		case 's':
			b.WriteString(s.str(v))
		case 'r':
			s.writeRepr(&b, v, 0)
		case 'd', 'i':
			fv, ok := asNumber(v)
			if !ok {
				return nil, fmt.Errorf("%w: %%d format: a number is required, not %s", ErrType, typeName(v))
			}
			if iv, ok := asInt(v); ok {
				b.WriteString(strconv.FormatInt(iv, 10))
			} else {
				b.WriteString(strconv.FormatFloat(math.Trunc(fv), 'f', 0, 64))
			}
		case 'f':
			fv, ok := asNumber(v)
			if !ok {
				return nil, fmt.Errorf("%w: %%f format: a number is required, not %s", ErrType, typeName(v))
			}
			if prec < 0 {
				prec = 6
			}
			b.WriteString(strconv.FormatFloat(fv, 'f', min(prec, 100), 64))
		default:
			return nil, fmt.Errorf("%w: unsupported format character '%c'", ErrType, f[i])
		}
		if err := s.checkLen(b.Len()); err != nil {
			return nil, err
		}
	}
	// Python complains about unused values unless the right operand is a
	// mapping-like object (list, dict) used as a single value.
	_, isList := r.([]any)
	_, isDict := r.(*dict)
	if n < len(vals) && !((isList || isDict || isUndefined(r)) && n == 0) {
		return nil, fmt.Errorf("%w: not all arguments converted during string formatting", ErrType)
	}
	return b.String(), nil
}

// ---- tests ----

func (s *state) applyTest(name string, v any, args []any) (bool, error) {
	arg0 := func() (any, error) {
		if len(args) == 0 {
			return nil, fmt.Errorf("%w: test '%s' needs an argument", ErrType, name)
		}
		return args[0], nil
	}
	switch name {
	case "defined", "undefined", "none", "string", "boolean", "true", "false", "integer", "float",
		"number", "mapping", "iterable", "sequence", "callable", "odd", "even", "lower", "upper", "escaped":
		if len(args) > 0 {
			return false, fmt.Errorf("%w: test '%s' takes no arguments", ErrType, name)
		}
	}
	switch name {
	case "defined":
		return !isUndefined(v), nil
	case "undefined":
		return isUndefined(v), nil
	case "none":
		return v == nil, nil
	case "string":
		_, ok := v.(string)
		return ok, nil
	case "boolean":
		_, ok := v.(bool)
		return ok, nil
	case "true", "false":
		b, ok := v.(bool)
		return ok && b == (name == "true"), nil
	case "integer":
		_, ok := v.(int64)
		return ok, nil
	case "float":
		_, ok := v.(float64)
		return ok, nil
	case "number":
		_, ok := asNumber(v)
		return ok, nil
	case "mapping":
		_, ok := v.(*dict)
		return ok, nil
	case "iterable":
		switch norm(v).(type) {
		case string, []any, *dict, undefined:
			return true, nil
		}
		return false, nil
	case "sequence":
		switch norm(v).(type) {
		case string, []any, *dict, undefined:
			return true, nil
		}
		return false, nil
	case "callable":
		_, ok := v.(*function)
		return ok, nil
	case "odd", "even":
		r, err := s.binary("%", v, int64(2))
		if err != nil {
			return false, err
		}
		if name == "odd" {
			return s.equal(r, int64(1), 0), nil
		}
		return s.equal(r, int64(0), 0), nil
	case "divisibleby":
		a, err := arg0()
		if err != nil {
			return false, err
		}
		r, err := s.binary("%", v, a)
		if err != nil {
			return false, err
		}
		return s.equal(r, int64(0), 0), nil
	case "lower", "upper":
		str := s.str(v)
		cased := false
		for _, r := range str {
			if unicode.IsUpper(r) || unicode.IsLower(r) {
				cased = true
				if (name == "lower" && unicode.IsUpper(r)) || (name == "upper" && unicode.IsLower(r)) {
					return false, nil
				}
			}
		}
		return cased, nil
	case "sameas":
		a, err := arg0()
		if err != nil {
			return false, err
		}
		switch a.(type) {
		case nil, bool:
			return v == a, nil
		}
		return s.equal(v, a, 0) && typeName(v) == typeName(a), nil
	case "in":
		a, err := arg0()
		if err != nil {
			return false, err
		}
		return s.contains(a, v)
	case "escaped":
		return false, nil
	case "eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<", "le", "<=", "gt", "greaterthan", ">", "ge", ">=":
		a, err := arg0()
		if err != nil {
			return false, err
		}
		op := map[string]string{"eq": "==", "equalto": "==", "ne": "!=", "lt": "<", "lessthan": "<",
			"le": "<=", "gt": ">", "greaterthan": ">", "ge": ">="}[name]
		if op == "" {
			op = name
		}
		return s.compareOp(op, v, a)
	}
	return false, fmt.Errorf("%w: no test named '%s'", ErrType, name)
}
