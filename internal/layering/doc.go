// Package layering holds no code: its test keeps the module's import
// graph as the packages' documentation draws it. Each package's doc
// comment (its doc.go) states its rule in one of these sentences, naming
// packages by their path inside the module ("x/..." is x and everything
// below it):
//
//	It imports nothing from this module.
//	It imports only a, b and c from this module.
//	It must not import x, y or z/....
//	It is imported by tests only.
//
// "imports only" is about direct imports; "must not import" is about
// every package it depends on, directly or not; "tests only" means no
// non-test code of the module depends on it. The test fails for a package
// that states no rule, for a rule that names no package of the module,
// and for every import that breaks a rule, so the layering cannot rot
// silently: changing it means changing the sentence in the doc comment.
//
// It imports nothing from this module.
package layering
