package grammar

import (
	"fmt"
	"testing"
)

// drive runs a matcher over input, exercising every call; it must not
// panic, and every mask must be what walking each token says.
func drive(g *Grammar, v *Vocab, input []byte) {
	m := g.Matcher(v)
	mask := make([]uint64, v.MaskWords())
	for i := 0; i < len(input) && i < 64; i++ {
		m.FillMask(mask)
		a := m.a
		a.mu.Lock()
		for id, tok := range v.tokens {
			if len(tok) == 0 {
				continue
			}
			if want := a.walk(m.cur, tok) != dead; want != (mask[id>>6]&(1<<(id&63)) != 0) {
				panic(fmt.Sprintf("mask says %v for token %q, walking says %v", !want, tok, want))
			}
		}
		a.mu.Unlock()
		_ = m.Forced()
		_ = m.CanEnd()
		_ = m.Done()
		allowed := mask[int(input[i])/64]&(1<<(input[i]%64)) != 0
		if err := m.Accept(int32(input[i])); (err == nil) != allowed {
			panic("mask and Accept disagree")
		}
	}
	_ = m.AcceptBytes(input)
}

func FuzzGBNF(f *testing.F) {
	for _, s := range []string{jsonGBNF, arithmeticGBNF, listGBNF, chessGBNF, `root ::= [a-z]{2,5} "x"?`, `root ::= ("a" | b)* b ::= "c"`} {
		f.Add(s, []byte(`{"a":1}`))
	}
	v := byteVocab()
	f.Fuzz(func(t *testing.T, src string, input []byte) {
		if len(src) > 4096 {
			return
		}
		g, err := ParseGBNF(src)
		if err != nil {
			return
		}
		drive(g, v, input)
	})
}

func FuzzSchema(f *testing.F) {
	for _, s := range []string{
		`{"type":"object","properties":{"a":{"type":"integer","minimum":3}},"required":["a"]}`,
		`{"anyOf":[{"type":"string","pattern":"^x+$"},{"type":"array","items":{"$ref":"#"}}]}`,
		`{"oneOf":[{"const":1},{"enum":[2,"x"]}],"$defs":{"a":{"type":"number","maximum":2.5}}}`,
		`{"allOf":[{"$ref":"#/$defs/a"}],"$defs":{"a":{"type":"object","additionalProperties":false}}}`,
		`{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"object","properties":{"c":{"type":"boolean"}}}},"required":["b"]}`,
		`{"$defs":{"n":{"type":"object","properties":{"v":{"type":"integer"},"k":{"type":"array","items":{"$ref":"#/$defs/n"}}}}},"$ref":"#/$defs/n"}`,
	} {
		f.Add([]byte(s), []byte(`{"a":4}`), false)
		f.Add([]byte(s), []byte(`{"b":{"c":true},"a":"x"}`), true)
	}
	v := byteVocab()
	f.Fuzz(func(t *testing.T, schema, input []byte, anyOrder bool) {
		if len(schema) > 4096 {
			return
		}
		g, err := FromJSONSchema(schema, SchemaOptions{SchemaOrder: !anyOrder})
		if err != nil {
			return
		}
		drive(g, v, input)
	})
}
