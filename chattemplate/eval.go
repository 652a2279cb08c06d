package chattemplate

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// state is one rendering: output, budgets and the variables passed in.
// It is used by one goroutine only.
type state struct {
	out      *strings.Builder
	steps    int
	maxSteps int
	maxOut   int
	calls    int // macro call depth
	now      func() time.Time
	ctx      *dict // render variables (messages, tools, ...)
	// sticky is the first limit error raised where no error can be
	// returned (value walkers); step reports it.
	sticky error
}

const maxCallDepth = 64

// frame is one variable scope: the template top level, one for-loop
// iteration or one macro call. Lookups walk to the parent, then to the
// render variables, then to the builtins.
type frame struct {
	parent *frame
	names  []string
	vals   []any
	index  map[string]int // built once a frame holds many names
}

const frameIndexMin = 16

// find returns the slot of name in f, or -1.
func (f *frame) find(name string) int {
	if f.index != nil {
		if i, ok := f.index[name]; ok {
			return i
		}
		return -1
	}
	for i := len(f.names) - 1; i >= 0; i-- {
		if f.names[i] == name {
			return i
		}
	}
	return -1
}

func (f *frame) set(name string, v any) {
	if i := f.find(name); i >= 0 {
		f.vals[i] = v
		return
	}
	f.names = append(f.names, name)
	f.vals = append(f.vals, v)
	if f.index != nil {
		f.index[name] = len(f.names) - 1
	} else if len(f.names) > frameIndexMin {
		f.index = make(map[string]int, len(f.names))
		for i, n := range f.names {
			f.index[n] = i
		}
	}
}

var (
	errBreak    = errors.New("break")
	errContinue = errors.New("continue")
)

func (s *state) limitErr(what string) error {
	switch what {
	case "steps":
		return fmt.Errorf("%w: more than %d evaluation steps", ErrLimit, s.maxSteps)
	}
	return fmt.Errorf("%w: %s larger than %d bytes", ErrLimit, what, s.maxOut)
}

func (s *state) step() error {
	if !s.charge(1) {
		return s.sticky
	}
	return nil
}

// charge adds n steps of work and reports whether the budget still holds;
// once it does not, s.sticky is set and every later step fails.
func (s *state) charge(n int) bool {
	s.steps += n
	if s.sticky == nil && s.steps > s.maxSteps {
		s.sticky = s.limitErr("steps")
	}
	return s.sticky == nil
}

// checkLen guards every string the template builds.
func (s *state) checkLen(n int) error {
	if n > s.maxOut {
		return s.limitErr("string")
	}
	return nil
}

func (s *state) write(str string) error {
	if s.out.Len()+len(str) > s.maxOut {
		return s.limitErr("output")
	}
	s.out.WriteString(str)
	return nil
}

func (s *state) lookup(f *frame, name string) any {
	for ; f != nil; f = f.parent {
		if i := f.find(name); i >= 0 {
			return f.vals[i]
		}
	}
	if v, ok := s.ctx.get(name); ok {
		return v
	}
	if g := global(name); g != nil {
		return g
	}
	return undefined{hint: fmt.Sprintf("'%s' is undefined", name)}
}

func atLine(err error, line int) error {
	if err == nil || err == errBreak || err == errContinue {
		return err
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Line: line, Err: err}
}

func (s *state) execNodes(nodes []node, f *frame) error {
	for _, n := range nodes {
		if err := s.exec(n, f); err != nil {
			return err
		}
	}
	return nil
}

func (s *state) exec(n node, f *frame) error {
	if err := s.step(); err != nil {
		return err
	}
	switch n := n.(type) {
	case *textNode:
		return s.write(n.text)
	case *outputNode:
		v, err := s.eval(n.e, f)
		if err != nil {
			return atLine(err, n.line)
		}
		if str, ok := v.(string); ok {
			return s.write(str)
		}
		return atLine(s.write(s.str(v)), n.line)
	case *ifNode:
		for i, c := range n.conds {
			v, err := s.eval(c, f)
			if err != nil {
				return atLine(err, n.line)
			}
			if truthy(v) {
				return s.execNodes(n.bodies[i], f)
			}
		}
		return s.execNodes(n.els, f)
	case *forNode:
		return atLine(s.execFor(n, f), n.line)
	case *setNode:
		v, err := s.eval(n.e, f)
		if err != nil {
			return atLine(err, n.line)
		}
		if n.nsVar != "" {
			ns, ok := s.lookup(f, n.nsVar).(*namespace)
			if !ok {
				return atLine(fmt.Errorf("%w: cannot assign attribute on non-namespace object", ErrType), n.line)
			}
			ns.attrs.set(n.nsAttr, v)
			return nil
		}
		return atLine(assign(f, n.targets, v), n.line)
	case *setBlockNode:
		str, err := s.capture(n.body, f)
		if err != nil {
			return err
		}
		f.set(n.target, str)
		return nil
	case *macroNode:
		f.set(n.name, s.macro(n, f))
		return nil
	case *breakNode:
		return errBreak
	case *continueNode:
		return errContinue
	}
	return fmt.Errorf("%w: unknown node %T", ErrType, n)
}

func assign(f *frame, targets []string, v any) error {
	if len(targets) == 1 {
		f.set(targets[0], v)
		return nil
	}
	items, err := iterate(v)
	if err != nil {
		return err
	}
	if len(items) != len(targets) {
		return fmt.Errorf("%w: cannot unpack %d values into %d names", ErrType, len(items), len(targets))
	}
	for i, t := range targets {
		f.set(t, items[i])
	}
	return nil
}

// capture renders nodes into a string instead of the output.
func (s *state) capture(nodes []node, f *frame) (string, error) {
	saved := s.out
	var b strings.Builder
	s.out = &b
	err := s.execNodes(nodes, f)
	s.out = saved
	return b.String(), err
}

func (s *state) execFor(n *forNode, f *frame) error {
	itv, err := s.eval(n.iter, f)
	if err != nil {
		return err
	}
	items, err := iterate(itv)
	if err != nil {
		return err
	}
	if n.filter != nil {
		var kept []any
		for _, it := range items {
			if err := s.step(); err != nil {
				return err
			}
			lf := &frame{parent: f}
			if err := assign(lf, n.targets, it); err != nil {
				return err
			}
			ok, err := s.eval(n.filter, lf)
			if err != nil {
				return err
			}
			if truthy(ok) {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	if len(items) == 0 {
		return s.execNodes(n.els, f)
	}
	ls := &loopState{items: items}
	names := make([]string, 0, len(n.targets)+1)
	names = append(names, n.targets...)
	names = append(names, "loop")
	for i, it := range items {
		if err := s.step(); err != nil {
			return err
		}
		ls.i = i
		vals := make([]any, len(names), len(names)+2)
		lf := &frame{parent: f, names: names[:len(names):len(names)], vals: vals}
		if len(n.targets) == 1 {
			vals[0] = it
		} else if err := assign(lf, n.targets, it); err != nil {
			return err
		}
		vals[len(vals)-1] = ls
		err := s.execNodes(n.body, lf)
		if err == errBreak {
			break
		}
		if err != nil && err != errContinue {
			return err
		}
	}
	return nil
}

func (s *state) macro(n *macroNode, def *frame) *function {
	return &function{name: n.name, call: func(s *state, args []any, kw []kwarg) (any, error) {
		if len(args) > len(n.params) {
			return nil, fmt.Errorf("%w: macro '%s' takes %d arguments, got %d", ErrType, n.name, len(n.params), len(args))
		}
		s.calls++
		defer func() { s.calls-- }()
		if s.calls > maxCallDepth {
			return nil, fmt.Errorf("%w: macro calls nested deeper than %d", ErrLimit, maxCallDepth)
		}
		mf := &frame{parent: def}
		var kwVals map[string]any
		if len(kw) > 0 {
			kwVals = make(map[string]any, len(kw))
			for _, k := range kw {
				kwVals[k.name] = k.val
			}
		}
		for i, p := range n.params {
			var v any
			set := false
			if i < len(args) {
				v, set = args[i], true
			}
			if kv, ok := kwVals[p]; ok {
				if set {
					return nil, fmt.Errorf("%w: macro '%s' got multiple values for '%s'", ErrType, n.name, p)
				}
				v, set = kv, true
				delete(kwVals, p)
			}
			if !set {
				if n.defaults[i] != nil {
					dv, err := s.eval(n.defaults[i], mf)
					if err != nil {
						return nil, err
					}
					v = dv
				} else {
					v = undefined{hint: fmt.Sprintf("parameter '%s' was not provided", p)}
				}
			}
			mf.set(p, v)
		}
		if len(kwVals) > 0 {
			extra := make([]string, 0, len(kwVals))
			for name := range kwVals {
				extra = append(extra, name)
			}
			sort.Strings(extra)
			return nil, fmt.Errorf("%w: macro '%s' takes no keyword argument '%s'", ErrType, n.name, extra[0])
		}
		return s.capture(n.body, mf)
	}}
}

// ---- expressions ----

func undefErr(u undefined) error {
	if u.hint == "" {
		return fmt.Errorf("%w: value is undefined", ErrUndefined)
	}
	return fmt.Errorf("%w: %s", ErrUndefined, u.hint)
}

func (s *state) eval(e expr, f *frame) (any, error) {
	switch e := e.(type) {
	case *constExpr:
		return e.v, nil
	case *nameExpr:
		return s.lookup(f, e.name), nil
	case *attrExpr:
		obj, err := s.eval(e.obj, f)
		if err != nil {
			return nil, err
		}
		return getAttr(obj, e.name)
	case *itemExpr:
		obj, err := s.eval(e.obj, f)
		if err != nil {
			return nil, err
		}
		key, err := s.eval(e.key, f)
		if err != nil {
			return nil, err
		}
		return getItem(obj, key)
	case *sliceExpr:
		return s.evalSlice(e, f)
	case *listExpr:
		out := make([]any, len(e.items))
		for i, it := range e.items {
			v, err := s.eval(it, f)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		if e.tuple {
			return tuple(out), nil
		}
		return out, nil
	case *dictExpr:
		d := newDict(len(e.keys))
		for i := range e.keys {
			k, err := s.eval(e.keys[i], f)
			if err != nil {
				return nil, err
			}
			ks, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("%w: dict keys must be strings, got %s", ErrType, typeName(k))
			}
			v, err := s.eval(e.vals[i], f)
			if err != nil {
				return nil, err
			}
			d.set(ks, v)
		}
		return d, nil
	case *callExpr:
		return s.evalCall(e, f)
	case *filterExpr:
		v, err := s.eval(e.arg, f)
		if err != nil {
			return nil, err
		}
		args, kw, err := s.evalArgs(e.args, e.kw, f)
		if err != nil {
			return nil, err
		}
		return s.applyFilter(e.name, v, args, kw)
	case *testExpr:
		v, err := s.eval(e.arg, f)
		if err != nil {
			return nil, err
		}
		args, _, err := s.evalArgs(e.args, nil, f)
		if err != nil {
			return nil, err
		}
		ok, err := s.applyTest(e.name, v, args)
		if err != nil {
			return nil, err
		}
		return ok != e.negate, nil
	case *notExpr:
		v, err := s.eval(e.x, f)
		if err != nil {
			return nil, err
		}
		return !truthy(v), nil
	case *andExpr:
		l, err := s.eval(e.l, f)
		if err != nil || !truthy(l) {
			return l, err
		}
		return s.eval(e.r, f)
	case *orExpr:
		l, err := s.eval(e.l, f)
		if err != nil || truthy(l) {
			return l, err
		}
		return s.eval(e.r, f)
	case *condExpr:
		c, err := s.eval(e.cond, f)
		if err != nil {
			return nil, err
		}
		if truthy(c) {
			return s.eval(e.a, f)
		}
		if e.b == nil {
			return undefined{hint: "the inline if-expression evaluated to false and no else section was defined"}, nil
		}
		return s.eval(e.b, f)
	case *unaryExpr:
		v, err := s.eval(e.x, f)
		if err != nil {
			return nil, err
		}
		return unary(e.op, v)
	case *binExpr:
		l, err := s.eval(e.l, f)
		if err != nil {
			return nil, err
		}
		r, err := s.eval(e.r, f)
		if err != nil {
			return nil, err
		}
		return s.binary(e.op, l, r)
	case *compareExpr:
		l, err := s.eval(e.first, f)
		if err != nil {
			return nil, err
		}
		for i, op := range e.ops {
			r, err := s.eval(e.rest[i], f)
			if err != nil {
				return nil, err
			}
			ok, err := s.compareOp(op, l, r)
			if err != nil || !ok {
				return false, err
			}
			l = r
		}
		return true, nil
	}
	return nil, fmt.Errorf("%w: unknown expression %T", ErrType, e)
}

func (s *state) evalArgs(args []expr, kw []kwExpr, f *frame) ([]any, []kwarg, error) {
	var av []any
	if len(args) > 0 {
		av = make([]any, len(args))
		for i, a := range args {
			v, err := s.eval(a, f)
			if err != nil {
				return nil, nil, err
			}
			av[i] = v
		}
	}
	var kv []kwarg
	for _, k := range kw {
		v, err := s.eval(k.e, f)
		if err != nil {
			return nil, nil, err
		}
		kv = append(kv, kwarg{k.name, v})
	}
	return av, kv, nil
}

func (s *state) evalCall(e *callExpr, f *frame) (any, error) {
	if err := s.step(); err != nil {
		return nil, err
	}
	args, kw, err := s.evalArgs(e.args, e.kw, f)
	if err != nil {
		return nil, err
	}
	if a, ok := e.fn.(*attrExpr); ok {
		obj, err := s.eval(a.obj, f)
		if err != nil {
			return nil, err
		}
		if v, handled, err := s.callMethod(obj, a.name, args, kw); handled {
			return v, err
		}
		fn, err := getAttr(obj, a.name)
		if err != nil {
			return nil, err
		}
		return s.call(fn, args, kw)
	}
	fn, err := s.eval(e.fn, f)
	if err != nil {
		return nil, err
	}
	return s.call(fn, args, kw)
}

func (s *state) call(fn any, args []any, kw []kwarg) (any, error) {
	switch x := fn.(type) {
	case *function:
		return x.call(s, args, kw)
	case undefined:
		return nil, undefErr(x)
	}
	return nil, fmt.Errorf("%w: '%s' object is not callable", ErrType, typeName(fn))
}

func unary(op string, v any) (any, error) {
	switch x := v.(type) {
	case undefined:
		return nil, undefErr(x)
	case int64:
		if op == "-" {
			if x == math.MinInt64 {
				return nil, fmt.Errorf("%w: integer overflow", ErrType)
			}
			return -x, nil
		}
		return x, nil
	case float64:
		if op == "-" {
			return -x, nil
		}
		return x, nil
	case bool:
		i, _ := asInt(x)
		if op == "-" {
			return -i, nil
		}
		return i, nil
	}
	return nil, fmt.Errorf("%w: bad operand type for unary %s: '%s'", ErrType, op, typeName(v))
}

func overflow() error { return fmt.Errorf("%w: integer overflow", ErrType) }

func (s *state) binary(op string, l, r any) (any, error) {
	if op == "~" {
		ls, rs := s.str(l), s.str(r)
		if err := s.checkLen(len(ls) + len(rs)); err != nil {
			return nil, err
		}
		return ls + rs, nil
	}
	if u, ok := l.(undefined); ok {
		return nil, undefErr(u)
	}
	if ls, ok := l.(string); ok && op == "%" {
		return s.percentFormat(ls, r)
	}
	if u, ok := r.(undefined); ok {
		return nil, undefErr(u)
	}
	l, r = norm(l), norm(r)
	li, lInt := asInt(l)
	ri, rInt := asInt(r)
	lf, lNum := asNumber(l)
	rf, rNum := asNumber(r)
	switch op {
	case "+":
		switch {
		case lInt && rInt:
			if (ri > 0 && li > math.MaxInt64-ri) || (ri < 0 && li < math.MinInt64-ri) {
				return nil, overflow()
			}
			return li + ri, nil
		case lNum && rNum:
			return lf + rf, nil
		}
		if ls, ok := l.(string); ok {
			if rs, ok := r.(string); ok {
				if err := s.checkLen(len(ls) + len(rs)); err != nil {
					return nil, err
				}
				return ls + rs, nil
			}
		}
		if ll, ok := l.([]any); ok {
			if rl, ok := r.([]any); ok {
				if err := s.checkLen(len(ll) + len(rl)); err != nil {
					return nil, err
				}
				if !s.charge(len(ll) + len(rl)) {
					return nil, s.sticky
				}
				return append(append(make([]any, 0, len(ll)+len(rl)), ll...), rl...), nil
			}
		}
	case "-":
		switch {
		case lInt && rInt:
			if (ri < 0 && li > math.MaxInt64+ri) || (ri > 0 && li < math.MinInt64+ri) {
				return nil, overflow()
			}
			return li - ri, nil
		case lNum && rNum:
			return lf - rf, nil
		}
	case "*":
		switch {
		case lInt && rInt:
			p, ok := mulChecked(li, ri)
			if !ok {
				return nil, overflow()
			}
			return p, nil
		case lNum && rNum:
			return lf * rf, nil
		}
		if lInt {
			l, r, ri, rInt = r, l, li, true
		}
		if rInt {
			n := max(ri, 0)
			switch x := l.(type) {
			case string:
				if n > 0 && int64(len(x)) > int64(s.maxOut)/n {
					return nil, s.limitErr("string")
				}
				return strings.Repeat(x, int(n)), nil
			case []any:
				if n > 0 && int64(len(x)) > int64(s.maxOut)/n {
					return nil, s.limitErr("list")
				}
				if !s.charge(int(n) * len(x)) {
					return nil, s.sticky
				}
				out := make([]any, 0, int(n)*len(x))
				for i := int64(0); i < n; i++ {
					out = append(out, x...)
				}
				return out, nil
			}
		}
	case "/":
		if lNum && rNum {
			if rf == 0 {
				return nil, fmt.Errorf("%w: division by zero", ErrType)
			}
			return lf / rf, nil
		}
	case "//", "%":
		if lInt && rInt {
			if ri == 0 {
				return nil, fmt.Errorf("%w: integer division or modulo by zero", ErrType)
			}
			if li == math.MinInt64 && ri == -1 {
				return nil, overflow()
			}
			q, m := li/ri, li%ri
			if m != 0 && (m < 0) != (ri < 0) {
				q--
				m += ri
			}
			if op == "//" {
				return q, nil
			}
			return m, nil
		}
		if lNum && rNum {
			if rf == 0 {
				return nil, fmt.Errorf("%w: float division or modulo by zero", ErrType)
			}
			q := math.Floor(lf / rf)
			if op == "//" {
				return q, nil
			}
			m := math.Mod(lf, rf)
			if m != 0 && (m < 0) != (rf < 0) {
				m += rf
			}
			return m, nil
		}
		if ls, ok := l.(string); ok && op == "%" {
			return s.percentFormat(ls, r)
		}
	case "**":
		if lInt && rInt && ri >= 0 {
			res, b, ok := int64(1), li, true
			for e := ri; e > 0 && ok; e >>= 1 {
				if e&1 == 1 {
					res, ok = mulChecked(res, b)
				}
				if e > 1 && ok {
					b, ok = mulChecked(b, b)
				}
			}
			if !ok {
				return nil, overflow()
			}
			return res, nil
		}
		if lNum && rNum {
			return math.Pow(lf, rf), nil
		}
	}
	return nil, fmt.Errorf("%w: unsupported operand types for %s: '%s' and '%s'", ErrType, op, typeName(l), typeName(r))
}

func mulChecked(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return p, true
}

func (s *state) compareOp(op string, l, r any) (bool, error) {
	switch op {
	case "==":
		return s.equal(l, r, 0), nil
	case "!=":
		return !s.equal(l, r, 0), nil
	case "in":
		return s.contains(r, l)
	case "notin":
		ok, err := s.contains(r, l)
		return !ok, err
	}
	if u, ok := l.(undefined); ok {
		return false, undefErr(u)
	}
	if u, ok := r.(undefined); ok {
		return false, undefErr(u)
	}
	c, err := s.compare(l, r, 0)
	if err != nil {
		return false, err
	}
	switch op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

// contains is Python's "item in container".
func (s *state) contains(container, item any) (bool, error) {
	switch c := norm(container).(type) {
	case string:
		is, ok := item.(string)
		if !ok {
			return false, fmt.Errorf("%w: 'in <string>' requires string as left operand, not %s", ErrType, typeName(item))
		}
		return strings.Contains(c, is), nil
	case []any:
		for _, e := range c {
			if s.equal(e, item, 0) {
				return true, nil
			}
		}
		return false, nil
	case *dict:
		k, ok := item.(string)
		if !ok {
			return false, nil
		}
		_, found := c.get(k)
		return found, nil
	case *namespace:
		k, _ := item.(string)
		_, found := c.attrs.get(k)
		return found, nil
	case undefined:
		return false, nil
	}
	return false, fmt.Errorf("%w: argument of type '%s' is not iterable", ErrType, typeName(container))
}

// getAttr is Jinja2's obj.name: attribute first, then item.
func getAttr(obj any, name string) (any, error) {
	switch x := obj.(type) {
	case undefined:
		return nil, undefErr(x)
	case *dict:
		if isDictMethod(name) {
			return boundMethod(x, name), nil
		}
		if v, ok := x.get(name); ok {
			return v, nil
		}
		return undefined{hint: fmt.Sprintf("'dict object' has no attribute '%s'", name)}, nil
	case *namespace:
		if v, ok := x.attrs.get(name); ok {
			return v, nil
		}
	case *loopState:
		return x.attr(name), nil
	case string:
		if isStrMethod(name) {
			return boundMethod(x, name), nil
		}
	case []any:
		if isListMethod(name) {
			return boundMethod(x, name), nil
		}
	}
	return undefined{hint: fmt.Sprintf("'%s object' has no attribute '%s'", typeName(obj), name)}, nil
}

// getItem is Jinja2's obj[key]: item first, then attribute.
func getItem(obj, key any) (any, error) {
	obj = norm(obj)
	switch x := obj.(type) {
	case undefined:
		return nil, undefErr(x)
	case *dict:
		if k, ok := key.(string); ok {
			if v, ok := x.get(k); ok {
				return v, nil
			}
			return getAttr(obj, k)
		}
	case []any:
		if i, ok := asInt(key); ok {
			if i < 0 {
				i += int64(len(x))
			}
			if i >= 0 && i < int64(len(x)) {
				return x[i], nil
			}
			return undefined{hint: "list index out of range"}, nil
		}
	case string:
		if i, ok := asInt(key); ok {
			if isASCII(x) {
				if i < 0 {
					i += int64(len(x))
				}
				if i >= 0 && i < int64(len(x)) {
					return x[i : i+1], nil
				}
			} else {
				rs := []rune(x)
				if i < 0 {
					i += int64(len(rs))
				}
				if i >= 0 && i < int64(len(rs)) {
					return string(rs[i]), nil
				}
			}
			return undefined{hint: "string index out of range"}, nil
		}
	}
	if k, ok := key.(string); ok {
		return getAttr(obj, k)
	}
	return undefined{hint: fmt.Sprintf("'%s object' has no item of type %s", typeName(obj), typeName(key))}, nil
}

func (l *loopState) attr(name string) any {
	n := int64(len(l.items))
	i := int64(l.i)
	switch name {
	case "index":
		return i + 1
	case "index0":
		return i
	case "revindex":
		return n - i
	case "revindex0":
		return n - i - 1
	case "first":
		return i == 0
	case "last":
		return i == n-1
	case "length":
		return n
	case "depth":
		return int64(1)
	case "depth0":
		return int64(0)
	case "previtem":
		if i > 0 {
			return l.items[i-1]
		}
		return undefined{hint: "there is no previous item"}
	case "nextitem":
		if i < n-1 {
			return l.items[i+1]
		}
		return undefined{hint: "there is no next item"}
	case "cycle":
		idx := l.i
		return &function{name: "loop.cycle", call: func(_ *state, args []any, _ []kwarg) (any, error) {
			if len(args) == 0 {
				return nil, fmt.Errorf("%w: no items for cycling given", ErrType)
			}
			return args[idx%len(args)], nil
		}}
	}
	return undefined{hint: fmt.Sprintf("'LoopContext object' has no attribute '%s'", name)}
}

// sliceBounds computes Python slice indices for a sequence of length n.
func sliceBounds(n int, start, stop, step any) (int, int, int, error) {
	st := 1
	if step != nil {
		v, ok := asInt(step)
		if !ok {
			return 0, 0, 0, fmt.Errorf("%w: slice indices must be integers or None", ErrType)
		}
		if v == 0 {
			return 0, 0, 0, fmt.Errorf("%w: slice step cannot be zero", ErrType)
		}
		st = int(max(min(v, math.MaxInt32), math.MinInt32))
	}
	norm := func(v any, def int) (int, error) {
		if v == nil {
			return def, nil
		}
		i, ok := asInt(v)
		if !ok {
			return 0, fmt.Errorf("%w: slice indices must be integers or None", ErrType)
		}
		i = max(min(i, math.MaxInt32), math.MinInt32)
		x := int(i)
		if x < 0 {
			x += n
			if x < 0 {
				if st < 0 {
					x = -1
				} else {
					x = 0
				}
			}
		} else if x >= n {
			if st < 0 {
				x = n - 1
			} else {
				x = n
			}
		}
		return x, nil
	}
	var lo, hi int
	var err error
	if st > 0 {
		if lo, err = norm(start, 0); err == nil {
			hi, err = norm(stop, n)
		}
	} else {
		if lo, err = norm(start, n-1); err == nil {
			hi, err = norm(stop, -1)
		}
	}
	return lo, hi, st, err
}

func (s *state) evalSlice(e *sliceExpr, f *frame) (any, error) {
	obj, err := s.eval(e.obj, f)
	if err != nil {
		return nil, err
	}
	var parts [3]any
	for i, p := range []expr{e.start, e.stop, e.step} {
		if p == nil {
			continue
		}
		if parts[i], err = s.eval(p, f); err != nil {
			return nil, err
		}
	}
	var seq []any
	var runes []rune
	obj = norm(obj)
	switch x := obj.(type) {
	case []any:
		seq = x
	case string:
		runes = []rune(x)
	case undefined:
		return nil, undefErr(x)
	default:
		// Slices compile to a plain Python subscript: no undefined fallback.
		return nil, fmt.Errorf("%w: '%s' object is not subscriptable", ErrType, typeName(obj))
	}
	n := len(seq)
	if runes != nil || seq == nil {
		n = len(runes)
	}
	lo, hi, st, err := sliceBounds(n, parts[0], parts[1], parts[2])
	if err != nil {
		return nil, err
	}
	var idx []int
	if st > 0 {
		for i := lo; i < hi; i += st {
			idx = append(idx, i)
		}
	} else {
		for i := lo; i > hi; i += st {
			idx = append(idx, i)
		}
	}
	if _, ok := obj.(string); ok {
		out := make([]rune, len(idx))
		for j, i := range idx {
			out[j] = runes[i]
		}
		return string(out), nil
	}
	out := make([]any, len(idx))
	for j, i := range idx {
		out[j] = seq[i]
	}
	return out, nil
}
