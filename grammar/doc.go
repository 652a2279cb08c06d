// Package grammar is the constrained decoder: it compiles GBNF (llama.cpp's
// dialect) and JSON Schema to one grammar form and, for a model's
// vocabulary, says which tokens may come next.
//
// The API (contract with the engine wiring):
//
//	g, err := grammar.ParseGBNF(src)                 // or FromJSONSchema(schema, opts), JSONObject()
//	v := grammar.NewVocab(tokenBytes, eogTokens)     // once per model
//	m := g.Matcher(v)                                // one per sequence
//	m.FillMask(mask)                                 // bit i: token i allowed now
//	m.Accept(tok)                                    // advance (error if refused)
//	m.AcceptBytes(text), m.Forced(), m.CanEnd(), m.Done(), m.Reset()
//
// Unsupported JSON Schema keywords give an *UnsupportedError naming the
// keyword (the API answers 400 with it); annotations (title, description,
// examples, default, $comment, $schema, $id ...) and unknown keywords are
// ignored. Output of FromJSONSchema is compact JSON (no whitespace unless
// SchemaOptions.Whitespace allows some) with object properties in schema
// order followed by any additional properties.
//
// How it works: every source compiles to rules over bytes (expr), then to
// a Thompson NFA in which rules that are not recursive are inlined and the
// rest become calls with a return stack (nfa.go). Bound to a vocabulary, an
// automaton (automaton.go) determinizes lazily: a configuration is a set of
// (NFA state, call stack) pairs, interned and numbered, with memoized byte
// transitions, so a token costs one table lookup per byte. A mask walks the
// vocabulary's token trie (vocab.go) through those transitions, pruning a
// whole subtree at the first refused byte, and masks are cached per
// configuration.
package grammar
