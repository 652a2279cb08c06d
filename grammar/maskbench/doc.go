// Package maskbench runs the JSON Schema constrained-decoding benchmark of
// ../shared/jsonschema (MaskBench from JSONSchemaBench) against package
// grammar: for every schema file it compiles the schema (or records the
// keyword it refuses), feeds each valid instance token by token through a
// Matcher with a real vocabulary, checks each invalid one is refused, and
// times every mask. `gaianet dev jsonschema` prints its Report.
//
// It imports only grammar from this module.
package maskbench
