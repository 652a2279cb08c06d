package chattemplate

// The parser builds a tree of statements and expressions from the token
// stream. Expression precedence follows Jinja2's parser, loosest first:
//
//	x if c else y      conditional
//	or, and, not
//	== != < <= > >= in, not in   (chained: a < b < c)
//	+ -
//	~
//	* / // %
//	**
//	-x +x              unary
//	primary, then .attr [key] [a:b:c] (call), then |filter and "is test"
//
// so "'a' + x | trim" is "'a' + (x|trim)" and "not x is defined" is
// "not (x is defined)".

import (
	"fmt"
	"strconv"
	"strings"
)

const maxParseDepth = 200

// ---- statements ----

type node interface{}

type textNode struct{ text string }

type outputNode struct {
	e    expr
	line int
}

type ifNode struct {
	conds  []expr
	bodies [][]node
	els    []node
	line   int
}

type forNode struct {
	targets []string
	iter    expr
	filter  expr
	body    []node
	els     []node
	line    int
}

type setNode struct {
	targets []string
	nsVar   string // set ns.attr = ...
	nsAttr  string
	e       expr
	line    int
}

type setBlockNode struct {
	target string
	body   []node
	line   int
}

type macroNode struct {
	name     string
	params   []string
	defaults []expr // nil entries: no default
	body     []node
	line     int
}

type breakNode struct{ line int }
type continueNode struct{ line int }

// ---- expressions ----

type expr interface{}

type constExpr struct{ v any }
type nameExpr struct{ name string }
type listExpr struct {
	items []expr
	tuple bool
}
type dictExpr struct{ keys, vals []expr }
type attrExpr struct {
	obj  expr
	name string
}
type itemExpr struct{ obj, key expr }
type sliceExpr struct{ obj, start, stop, step expr }
type callExpr struct {
	fn   expr
	args []expr
	kw   []kwExpr
}
type kwExpr struct {
	name string
	e    expr
}
type filterExpr struct {
	arg  expr
	name string
	args []expr
	kw   []kwExpr
}
type testExpr struct {
	arg    expr
	name   string
	args   []expr
	negate bool
}
type unaryExpr struct {
	op string
	x  expr
}
type binExpr struct {
	op   string
	l, r expr
}
type andExpr struct{ l, r expr }
type orExpr struct{ l, r expr }
type notExpr struct{ x expr }
type compareExpr struct {
	first expr
	ops   []string
	rest  []expr
}
type condExpr struct{ cond, a, b expr }

// ---- parser ----

type parser struct {
	toks  []token
	pos   int
	depth int
	loops int // enclosing for loops, for break/continue
}

func parse(src string) (nodes []node, err error) {
	defer func() {
		if r := recover(); r != nil {
			nodes, err = nil, fmt.Errorf("%w: %v", errInternal, r)
		}
	}()
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	body, end, err := p.body()
	if err != nil {
		return nil, err
	}
	if end != "" {
		return nil, p.errf("unexpected '%s'", end)
	}
	return body, nil
}

func (p *parser) cur() token  { return p.toks[p.pos] }
func (p *parser) peek() token { return p.toks[min(p.pos+1, len(p.toks)-1)] }
func (p *parser) next() token {
	t := p.toks[p.pos]
	if p.pos < len(p.toks)-1 {
		p.pos++
	}
	return t
}

func (p *parser) errf(format string, args ...any) error {
	return syntaxErr(p.cur().line, format, args...)
}

func (p *parser) isOp(op string) bool { t := p.cur(); return t.kind == tOp && t.val == op }
func (p *parser) isName(n string) bool {
	t := p.cur()
	return t.kind == tName && t.val == n
}

func (p *parser) expectOp(op string) error {
	if !p.isOp(op) {
		return p.errf("expected '%s', got %v", op, p.cur())
	}
	p.next()
	return nil
}

func (p *parser) expectKind(k tokKind, what string) (token, error) {
	if p.cur().kind != k {
		return token{}, p.errf("expected %s, got %v", what, p.cur())
	}
	return p.next(), nil
}

func (p *parser) expectName() (string, error) {
	t, err := p.expectKind(tName, "name")
	return t.val, err
}

func (p *parser) blockEnd() error {
	_, err := p.expectKind(tBlockEnd, "end of statement '%}'")
	return err
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxParseDepth {
		return &Error{Line: p.cur().line, Err: fmt.Errorf("%w: template nested deeper than %d", ErrLimit, maxParseDepth)}
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

var endTags = map[string]bool{
	"elif": true, "else": true, "endif": true, "endfor": true, "endset": true,
	"endmacro": true, "endgeneration": true, "endraw": true,
}

// body parses statements until EOF or a block tag whose name is an end
// tag; it then returns that name, positioned just after it.
func (p *parser) body() ([]node, string, error) {
	if err := p.enter(); err != nil {
		return nil, "", err
	}
	defer p.leave()
	var out []node
	for {
		t := p.cur()
		switch t.kind {
		case tEOF:
			return out, "", nil
		case tText:
			p.next()
			out = append(out, &textNode{t.val})
		case tVarBegin:
			p.next()
			e, err := p.tuple()
			if err != nil {
				return nil, "", err
			}
			if _, err := p.expectKind(tVarEnd, "'}}'"); err != nil {
				return nil, "", err
			}
			out = append(out, &outputNode{e: e, line: t.line})
		case tBlockBegin:
			p.next()
			name, err := p.expectName()
			if err != nil {
				return nil, "", err
			}
			if endTags[name] {
				return out, name, nil
			}
			n, err := p.statement(name, t.line)
			if err != nil {
				return nil, "", err
			}
			if n != nil {
				out = append(out, n)
			}
		default:
			return nil, "", p.errf("unexpected %v", t)
		}
	}
}

// bodyUntil parses a body that must end with one of the given tags.
func (p *parser) bodyUntil(start string, line int, ends ...string) ([]node, string, error) {
	b, end, err := p.body()
	if err != nil {
		return nil, "", err
	}
	for _, e := range ends {
		if end == e {
			return b, end, nil
		}
	}
	if end == "" {
		return nil, "", syntaxErr(line, "'%s' block is not closed (expected '%s')", start, ends[len(ends)-1])
	}
	return nil, "", p.errf("unexpected '%s' in '%s' block", end, start)
}

func (p *parser) statement(name string, line int) (node, error) {
	switch name {
	case "if":
		return p.ifStmt(line)
	case "for":
		return p.forStmt(line)
	case "set":
		return p.setStmt(line)
	case "macro":
		return p.macroStmt(line)
	case "break", "continue":
		if p.loops == 0 {
			return nil, syntaxErr(line, "'%s' outside a for loop", name)
		}
		if err := p.blockEnd(); err != nil {
			return nil, err
		}
		if name == "break" {
			return &breakNode{line}, nil
		}
		return &continueNode{line}, nil
	case "generation":
		// Hugging Face's assistant-mask extension: renders its body as is.
		if err := p.blockEnd(); err != nil {
			return nil, err
		}
		b, _, err := p.bodyUntil(name, line, "endgeneration")
		if err != nil {
			return nil, err
		}
		if err := p.blockEnd(); err != nil {
			return nil, err
		}
		return &ifNode{conds: []expr{&constExpr{true}}, bodies: [][]node{b}, line: line}, nil
	}
	return nil, syntaxErr(line, "unknown or unsupported tag '%s'", name)
}

func (p *parser) ifStmt(line int) (node, error) {
	n := &ifNode{line: line}
	for {
		c, err := p.tupleNoCond()
		if err != nil {
			return nil, err
		}
		if err := p.blockEnd(); err != nil {
			return nil, err
		}
		b, end, err := p.bodyUntil("if", line, "elif", "else", "endif")
		if err != nil {
			return nil, err
		}
		n.conds = append(n.conds, c)
		n.bodies = append(n.bodies, b)
		switch end {
		case "elif":
			continue
		case "else":
			if err := p.blockEnd(); err != nil {
				return nil, err
			}
			b, _, err := p.bodyUntil("if", line, "endif")
			if err != nil {
				return nil, err
			}
			n.els = b
		}
		return n, p.blockEnd()
	}
}

func (p *parser) forStmt(line int) (node, error) {
	n := &forNode{line: line}
	for {
		name, err := p.expectName()
		if err != nil {
			return nil, err
		}
		n.targets = append(n.targets, name)
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	if !p.isName("in") {
		return nil, p.errf("expected 'in' in for loop")
	}
	p.next()
	it, err := p.tupleNoCond()
	if err != nil {
		return nil, err
	}
	n.iter = it
	if p.isName("if") {
		p.next()
		if n.filter, err = p.expression(false); err != nil {
			return nil, err
		}
	}
	if p.isName("recursive") {
		return nil, p.errf("recursive loops are not supported")
	}
	if err := p.blockEnd(); err != nil {
		return nil, err
	}
	p.loops++
	b, end, err := p.bodyUntil("for", line, "else", "endfor")
	p.loops--
	if err != nil {
		return nil, err
	}
	n.body = b
	if end == "else" {
		if err := p.blockEnd(); err != nil {
			return nil, err
		}
		if n.els, _, err = p.bodyUntil("for", line, "endfor"); err != nil {
			return nil, err
		}
	}
	return n, p.blockEnd()
}

func (p *parser) setStmt(line int) (node, error) {
	first, err := p.expectName()
	if err != nil {
		return nil, err
	}
	if p.isOp(".") {
		p.next()
		attr, err := p.expectName()
		if err != nil {
			return nil, err
		}
		if err := p.expectOp("="); err != nil {
			return nil, err
		}
		e, err := p.tuple()
		if err != nil {
			return nil, err
		}
		return &setNode{nsVar: first, nsAttr: attr, e: e, line: line}, p.blockEnd()
	}
	targets := []string{first}
	for p.isOp(",") {
		p.next()
		n, err := p.expectName()
		if err != nil {
			return nil, err
		}
		targets = append(targets, n)
	}
	if p.cur().kind == tBlockEnd && len(targets) == 1 {
		p.next()
		b, _, err := p.bodyUntil("set", line, "endset")
		if err != nil {
			return nil, err
		}
		return &setBlockNode{target: first, body: b, line: line}, p.blockEnd()
	}
	if err := p.expectOp("="); err != nil {
		return nil, err
	}
	e, err := p.tuple()
	if err != nil {
		return nil, err
	}
	return &setNode{targets: targets, e: e, line: line}, p.blockEnd()
}

func (p *parser) macroStmt(line int) (node, error) {
	name, err := p.expectName()
	if err != nil {
		return nil, err
	}
	n := &macroNode{name: name, line: line}
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	for !p.isOp(")") {
		if len(n.params) > 0 {
			if err := p.expectOp(","); err != nil {
				return nil, err
			}
			if p.isOp(")") {
				break
			}
		}
		pn, err := p.expectName()
		if err != nil {
			return nil, err
		}
		var def expr
		if p.isOp("=") {
			p.next()
			if def, err = p.expression(true); err != nil {
				return nil, err
			}
		}
		n.params = append(n.params, pn)
		n.defaults = append(n.defaults, def)
	}
	p.next()
	if err := p.blockEnd(); err != nil {
		return nil, err
	}
	loops := p.loops
	p.loops = 0
	n.body, _, err = p.bodyUntil("macro", line, "endmacro")
	p.loops = loops
	if err != nil {
		return nil, err
	}
	if p.cur().kind == tName && p.cur().val == name {
		p.next()
	}
	return n, p.blockEnd()
}

// ---- expressions ----

// tuple parses an expression, or an implicit tuple "a, b".
func (p *parser) tuple() (expr, error) { return p.tupleWith(true) }

func (p *parser) tupleNoCond() (expr, error) { return p.tupleWith(false) }

func (p *parser) tupleWith(withCond bool) (expr, error) {
	first, err := p.expression(withCond)
	if err != nil {
		return nil, err
	}
	if !p.isOp(",") {
		return first, nil
	}
	items := []expr{first}
	for p.isOp(",") {
		p.next()
		if p.atExprEnd() {
			break
		}
		e, err := p.expression(withCond)
		if err != nil {
			return nil, err
		}
		items = append(items, e)
	}
	return &listExpr{items: items, tuple: true}, nil
}

func (p *parser) atExprEnd() bool {
	t := p.cur()
	return t.kind == tVarEnd || t.kind == tBlockEnd || t.kind == tEOF ||
		t.kind == tOp && (t.val == ")" || t.val == "]" || t.val == "}") ||
		t.kind == tName && (t.val == "in" || t.val == "if")
}

func (p *parser) expression(withCond bool) (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	e, err := p.or()
	if err != nil || !withCond {
		return e, err
	}
	for p.isName("if") {
		p.next()
		c, err := p.or()
		if err != nil {
			return nil, err
		}
		var b expr
		if p.isName("else") {
			p.next()
			if b, err = p.expression(true); err != nil {
				return nil, err
			}
		}
		e = &condExpr{cond: c, a: e, b: b}
	}
	return e, nil
}

func (p *parser) or() (expr, error) {
	l, err := p.and()
	for err == nil && p.isName("or") {
		p.next()
		var r expr
		if r, err = p.and(); err == nil {
			l = &orExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) and() (expr, error) {
	l, err := p.not()
	for err == nil && p.isName("and") {
		p.next()
		var r expr
		if r, err = p.not(); err == nil {
			l = &andExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) not() (expr, error) {
	if p.isName("not") {
		p.next()
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.not()
		if err != nil {
			return nil, err
		}
		return &notExpr{x}, nil
	}
	return p.compare()
}

func (p *parser) compare() (expr, error) {
	first, err := p.math1()
	if err != nil {
		return nil, err
	}
	var ops []string
	var rest []expr
	for {
		t := p.cur()
		var op string
		switch {
		case t.kind == tOp && (t.val == "==" || t.val == "!=" || t.val == "<" || t.val == "<=" || t.val == ">" || t.val == ">="):
			op = t.val
			p.next()
		case p.isName("in"):
			op = "in"
			p.next()
		case p.isName("not") && p.peek().kind == tName && p.peek().val == "in":
			op = "notin"
			p.next()
			p.next()
		}
		if op == "" {
			break
		}
		r, err := p.math1()
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
		rest = append(rest, r)
	}
	if len(ops) == 0 {
		return first, nil
	}
	return &compareExpr{first, ops, rest}, nil
}

func (p *parser) binLevel(next func() (expr, error), ops ...string) (expr, error) {
	l, err := next()
	if err != nil {
		return nil, err
	}
	for {
		t := p.cur()
		matched := false
		for _, op := range ops {
			if t.kind == tOp && t.val == op {
				matched = true
				break
			}
		}
		if !matched {
			return l, nil
		}
		p.next()
		r, err := next()
		if err != nil {
			return nil, err
		}
		l = &binExpr{op: t.val, l: l, r: r}
	}
}

func (p *parser) math1() (expr, error)  { return p.binLevel(p.concat, "+", "-") }
func (p *parser) concat() (expr, error) { return p.binLevel(p.math2, "~") }
func (p *parser) math2() (expr, error)  { return p.binLevel(p.pow, "*", "/", "//", "%") }
func (p *parser) pow() (expr, error) {
	return p.binLevel(func() (expr, error) { return p.unary(true) }, "**")
}

func (p *parser) unary(withFilter bool) (expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	var e expr
	var err error
	if p.isOp("-") || p.isOp("+") {
		op := p.next().val
		x, err := p.unary(false)
		if err != nil {
			return nil, err
		}
		e = &unaryExpr{op, x}
	} else if e, err = p.primary(); err != nil {
		return nil, err
	}
	if e, err = p.postfix(e); err != nil {
		return nil, err
	}
	if withFilter {
		return p.filters(e)
	}
	return e, nil
}

func (p *parser) primary() (expr, error) {
	t := p.cur()
	switch t.kind {
	case tName:
		p.next()
		switch t.val {
		case "true", "True":
			return &constExpr{true}, nil
		case "false", "False":
			return &constExpr{false}, nil
		case "none", "None":
			return &constExpr{nil}, nil
		}
		return &nameExpr{t.val}, nil
	case tString:
		p.next()
		if p.cur().kind != tString {
			return &constExpr{t.val}, nil
		}
		var b strings.Builder // adjacent literals: 'a' 'b' is 'ab'
		b.WriteString(t.val)
		for p.cur().kind == tString {
			b.WriteString(p.next().val)
		}
		return &constExpr{b.String()}, nil
	case tInt:
		p.next()
		i, err := strconv.ParseInt(t.val, 10, 64)
		if err != nil {
			return nil, syntaxErr(t.line, "integer literal %s out of range", t.val)
		}
		return &constExpr{i}, nil
	case tFloat:
		p.next()
		f, err := strconv.ParseFloat(t.val, 64)
		if err != nil {
			return nil, syntaxErr(t.line, "bad float literal %s", t.val)
		}
		return &constExpr{f}, nil
	case tOp:
		switch t.val {
		case "(":
			p.next()
			if p.isOp(")") {
				p.next()
				return &listExpr{tuple: true}, nil
			}
			e, err := p.tuple()
			if err != nil {
				return nil, err
			}
			return e, p.expectOp(")")
		case "[":
			p.next()
			l := &listExpr{}
			for !p.isOp("]") {
				if len(l.items) > 0 {
					if err := p.expectOp(","); err != nil {
						return nil, err
					}
					if p.isOp("]") {
						break
					}
				}
				e, err := p.expression(true)
				if err != nil {
					return nil, err
				}
				l.items = append(l.items, e)
			}
			p.next()
			return l, nil
		case "{":
			p.next()
			d := &dictExpr{}
			for !p.isOp("}") {
				if len(d.keys) > 0 {
					if err := p.expectOp(","); err != nil {
						return nil, err
					}
					if p.isOp("}") {
						break
					}
				}
				k, err := p.expression(true)
				if err != nil {
					return nil, err
				}
				if err := p.expectOp(":"); err != nil {
					return nil, err
				}
				v, err := p.expression(true)
				if err != nil {
					return nil, err
				}
				d.keys = append(d.keys, k)
				d.vals = append(d.vals, v)
			}
			p.next()
			return d, nil
		}
	}
	return nil, p.errf("unexpected %v", t)
}

func (p *parser) postfix(e expr) (expr, error) {
	for {
		switch {
		case p.isOp("."):
			p.next()
			t := p.next()
			switch t.kind {
			case tName:
				e = &attrExpr{e, t.val}
			case tInt:
				i, _ := strconv.ParseInt(t.val, 10, 64)
				e = &itemExpr{e, &constExpr{i}}
			default:
				return nil, p.errf("expected attribute name after '.'")
			}
		case p.isOp("["):
			p.next()
			var err error
			if e, err = p.subscript(e); err != nil {
				return nil, err
			}
		case p.isOp("("):
			args, kw, err := p.callArgs()
			if err != nil {
				return nil, err
			}
			e = &callExpr{fn: e, args: args, kw: kw}
		default:
			return e, nil
		}
	}
}

func (p *parser) subscript(obj expr) (expr, error) {
	if p.isOp("]") {
		p.next() // x[] indexes with an empty tuple, as in Jinja2
		return &itemExpr{obj, &listExpr{tuple: true}}, nil
	}
	var parts [3]expr
	n := 0
	isSlice := false
	for {
		if !p.isOp(":") && !p.isOp("]") {
			e, err := p.expression(true)
			if err != nil {
				return nil, err
			}
			parts[n] = e
		}
		if !isSlice && n == 0 && p.isOp(",") {
			keys := []expr{parts[0]}
			for p.isOp(",") {
				p.next()
				if p.isOp("]") {
					break
				}
				k, err := p.expression(true)
				if err != nil {
					return nil, err
				}
				keys = append(keys, k)
			}
			if err := p.expectOp("]"); err != nil {
				return nil, err
			}
			return &itemExpr{obj, &listExpr{items: keys, tuple: true}}, nil
		}
		if p.isOp(":") {
			if n == 2 {
				return nil, p.errf("too many ':' in subscript")
			}
			isSlice = true
			p.next()
			n++
			continue
		}
		if err := p.expectOp("]"); err != nil {
			return nil, err
		}
		break
	}
	if !isSlice {
		if parts[0] == nil {
			return nil, p.errf("empty subscript")
		}
		return &itemExpr{obj, parts[0]}, nil
	}
	return &sliceExpr{obj, parts[0], parts[1], parts[2]}, nil
}

func (p *parser) callArgs() ([]expr, []kwExpr, error) {
	if err := p.expectOp("("); err != nil {
		return nil, nil, err
	}
	var args []expr
	var kw []kwExpr
	for !p.isOp(")") {
		if len(args)+len(kw) > 0 {
			if err := p.expectOp(","); err != nil {
				return nil, nil, err
			}
			if p.isOp(")") {
				break
			}
		}
		if p.cur().kind == tName && p.peek().kind == tOp && p.peek().val == "=" {
			name := p.next().val
			p.next()
			e, err := p.expression(true)
			if err != nil {
				return nil, nil, err
			}
			kw = append(kw, kwExpr{name, e})
			continue
		}
		if len(kw) > 0 {
			return nil, nil, p.errf("positional argument follows keyword argument")
		}
		e, err := p.expression(true)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, e)
	}
	p.next()
	return args, kw, nil
}

func (p *parser) filters(e expr) (expr, error) {
	for {
		switch {
		case p.isOp("|"):
			p.next()
			name, err := p.expectName()
			if err != nil {
				return nil, err
			}
			for p.isOp(".") {
				p.next()
				n, err := p.expectName()
				if err != nil {
					return nil, err
				}
				name += "." + n
			}
			f := &filterExpr{arg: e, name: name}
			if p.isOp("(") {
				if f.args, f.kw, err = p.callArgs(); err != nil {
					return nil, err
				}
			}
			e = f
		case p.isName("is"):
			p.next()
			t := &testExpr{arg: e}
			if p.isName("not") {
				p.next()
				t.negate = true
			}
			name, err := p.expectName()
			if err != nil {
				return nil, err
			}
			t.name = name
			c := p.cur()
			switch {
			case p.isOp("("):
				args, kw, err := p.callArgs()
				if err != nil {
					return nil, err
				}
				if len(kw) > 0 {
					return nil, p.errf("keyword arguments to tests are not supported")
				}
				t.args = args
			case c.kind == tString || c.kind == tInt || c.kind == tFloat || p.isOp("[") || p.isOp("{") ||
				c.kind == tName && c.val != "else" && c.val != "or" && c.val != "and":
				if p.isName("is") {
					return nil, p.errf("cannot chain multiple tests with 'is'")
				}
				a, err := p.primary()
				if err != nil {
					return nil, err
				}
				if a, err = p.postfix(a); err != nil {
					return nil, err
				}
				t.args = []expr{a}
			}
			e = t
		default:
			return e, nil
		}
	}
}
