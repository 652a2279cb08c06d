// Package grammar is the constrained decoder: it compiles GBNF (llama.cpp's
// dialect) and JSON Schema to one grammar form and, for a model's
// vocabulary, says which tokens may come next.
//
// The API (the contract with the engine wiring):
//
//	g, err := grammar.ParseGBNF(src)                 // or FromJSONSchema(schema, opts), JSONObject()
//	v := grammar.NewVocab(tokenBytes, eogTokens)     // once per model
//	m := g.Matcher(v)                                // one per sequence
//	m.FillMask(mask)                                 // bit i: token i allowed now
//	m.Accept(tok)                                    // advance (error if refused)
//	m.AcceptBytes(text), m.Forced(), m.CanEnd(), m.Done(), m.Reset()
//
// Object properties may come in any order by default, and
// SchemaOptions.SchemaOrder asks for schema order (the node's
// response_format and tool calls do).
//
// A Grammar is immutable and safe for concurrent use; reuse it (keyed by
// its source) because it caches the automaton it builds per Vocab, which
// is what makes masks fast after the first request. Matchers sharing a
// Grammar and Vocab share that cache under a mutex.
//
// # JSON Schema
//
// FromJSONSchema covers drafts 4 to 2020-12 as real schemas use them (see
// schema.go). A validation keyword it cannot enforce is an
// *UnsupportedError naming the keyword (the API answers 400 with it),
// never silently dropped: not, if/then/else, multipleOf, uniqueItems:true,
// contains, dependencies, propertyNames, unevaluated*, remote $ref,
// formats validators assert but this package does not (ipv6, regex,
// uri-reference...), a oneOf whose alternatives it cannot prove exclusive,
// patternProperties together with other additional properties, and
// length limits combined with a pattern. Annotations (title, description,
// examples, default, $comment, $schema, $id ...) and unknown keywords are
// ignored, as validators ignore them.
//
// Recursive $refs compile to rule calls, also where allOf (or $ref with
// siblings) merges a recursive definition with others: subschemas of such
// a merge that refer elsewhere stay a merge compiled to one rule per
// distinct combination, so the same combination recurs as the same rule.
// At generation time such rules nest up to 2,048 calls deep (an instance
// nested deeper is refused); allOf of two enums is their intersection.
//
// Output is compact JSON: no whitespace at all unless
// SchemaOptions.Whitespace allows up to N bytes of space/newline/tab where
// formatters write it: after "{", "[", "," and ":", before "}" and "]"
// (never before or after the whole value). Compact output costs the fewest tokens and leaves the model
// no room to wander in whitespace; the mask makes the model follow it.
// Object properties come in any order (each declared property at most
// once, required ones enforced), as validators accept them: a model that
// writes keys in another order than the schema's is not cut off (in
// MaskBench, 52 of 57 valid instances refused in schema order were such).
// SchemaOptions.SchemaOrder asks for schema order, then additional
// properties. Numbers with minimum/maximum are
// written without exponent; integer ranges are exact digit automata.
// oneOf is anyOf after a proof (a search of the product automaton, with
// properties in any order) that no value matches two alternatives.
//
// # How it works
//
// Every source compiles to rules over bytes (expr.go), then to a Thompson
// NFA in which rules that are not recursive are inlined and the rest become
// calls with a return stack (nfa.go); tail calls keep the stack flat, and
// an any-order object keeps the set of members seen in its call frame.
// Bound to a vocabulary, an automaton (automaton.go) determinizes lazily: a
// configuration is a set of (NFA state, call stack) pairs, interned and
// numbered, with memoized byte transitions, so a token costs one table
// lookup per byte. A mask walks the vocabulary's token trie (vocab.go)
// through those transitions, pruning a whole subtree at the first refused
// byte, and whole masks are cached per configuration (in bytes, bounded).
// Configurations with call stacks take most of their mask from a twin
// automaton in which each stack is an opaque frame: an any-order object's
// frame records the members seen, so without the twin every member value
// would be determinized and walked again for each set of members before
// it. The twin's mask is shared by all of them; the tokens that leave the
// opaque frame (a value's end and what follows) are walked on the real
// configuration. The tables are bounded (maxTableBytes): above it they are
// dropped and rebuilt lazily, and matchers replay their text to find their
// place. Inside string bodies
// the walk is mostly skipped: "plain" tokens (whole UTF-8 characters with
// no quote, backslash or control character) are decided by their length in
// characters from precomputed bitsets, and only the few other tokens are
// walked; a key position where most characters lead into a free string is
// handled the same way but for the few first bytes that start a declared
// key.
//
// It imports nothing from this module.
package grammar
