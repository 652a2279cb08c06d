package grammar

import "fmt"

// oneOf demands that exactly one alternative matches. The grammar can
// only say "at least one", so a oneOf is compiled as anyOf once its
// alternatives are proved disjoint: no text is in two of them. The proof
// explores the product of the two alternatives' automata; a shared
// complete text, or a search too large to finish, refuses the schema.

// maxOneOf bounds the alternatives of a oneOf (pairs are checked).
const maxOneOf = 16

// maxProductStates bounds the product search for one pair.
const maxProductStates = 20000

var emptyVocab = NewVocab(nil, nil)

func (c *schemaCompiler) checkExclusive(chk oneOfCheck) error {
	// The proof needs every serialization of each value, so the
	// alternatives are compiled again with properties in any order.
	if c.proof == nil {
		c2 := &schemaCompiler{root: c.root, opts: SchemaOptions{}, refs: map[string]int{"#": 0}, checking: true}
		c2.rules = []rule{{name: "root", body: nothingExpr}}
		body, err := c2.schema(c.root, "#", 0)
		if err != nil {
			return err
		}
		c2.rules[0].body = body
		c.proof = c2
	}
	c2 := c.proof
	var roots []int
	for i, sub := range chk.subs {
		e, err := c2.schema(sub, fmt.Sprintf("%s/oneOf/%d", chk.path, i), 0)
		if err != nil {
			return err
		}
		roots = append(roots, len(c2.rules))
		c2.rules = append(c2.rules, rule{name: chk.path + "/oneOf", body: e})
	}
	autos := make([]*automaton, len(roots))
	for i, r := range roots {
		p, err := compileProgram(c2.rules, r)
		if err != nil {
			return err
		}
		autos[i] = newAutomaton(p, emptyVocab)
	}
	for i := range autos {
		for j := i + 1; j < len(autos); j++ {
			overlap, known := intersects(autos[i], autos[j])
			if !known {
				return unsupported("oneOf", chk.path, fmt.Sprintf("cannot prove alternatives %d and %d exclusive", i, j))
			}
			if overlap {
				return unsupported("oneOf", chk.path, fmt.Sprintf("alternatives %d and %d overlap (anyOf would accept values oneOf rejects)", i, j))
			}
		}
	}
	return nil
}

// intersects searches for a text both automata accept; known is false
// when the search exceeded its budget.
func intersects(a, b *automaton) (overlap, known bool) {
	type pair struct{ x, y int32 }
	start := pair{a.start, b.start}
	seen := map[pair]bool{start: true}
	queue := []pair{start}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if a.confs[p.x].accept && b.confs[p.y].accept {
			return true, true
		}
		var done [256 * 256 / 64]uint64
		for c := 0; c < 256; c++ {
			k := int(a.p.classOf[c])<<8 | int(b.p.classOf[c])
			if done[k>>6]&(1<<(k&63)) != 0 {
				continue
			}
			done[k>>6] |= 1 << (k & 63)
			x := a.step(p.x, byte(c))
			if x == dead {
				continue
			}
			y := b.step(p.y, byte(c))
			if y == dead {
				continue
			}
			q := pair{x, y}
			if !seen[q] {
				if len(seen) >= maxProductStates {
					return false, false
				}
				seen[q] = true
				queue = append(queue, q)
			}
		}
	}
	return false, true
}
