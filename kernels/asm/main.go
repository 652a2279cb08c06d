// Command asm writes the kernels package's amd64 assembly with avo
// (github.com/mmcloughlin/avo). Each kernel family is one Go description,
// parameterised by weight type (block layouts come from the gguf type
// table), tile shape and ISA; `go generate ./kernels` runs it once per
// generated file (see kernels/generate.go) and CI fails when the files in
// the tree differ from what it writes.
//
// The generator lives in its own module so that the main module does not
// depend on avo. It uses fixed registers throughout: the kernels were tuned
// with their register assignment, and the generated code keeps it.
//
// The Go families (gosrc.go) write per-type Go drivers from one template
// each instead: the pure-Go dot loops and the amd64 wrappers that bounds-
// check and call the assembly.
//
// Usage: go run . -family NAME -pkg kernels -out FILE.s -stubs FILE.go
// or, for a Go family: go run . -family NAME -go FILE.go
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	. "github.com/mmcloughlin/avo/build"
)

// families maps a -family name to the function that emits it.
var families = map[string]func(){
	"dot":         dotFamily,
	"vec":         vecFamily,
	"dot4":        dot4Family,
	"dot4vnni":    dot4VNNIFamily,
	"dot6x4":      dot6x4Family,
	"attn":        attnFamily,
	"gemm":        gemmFamily,
	"gelu":        geluFamily,
	"layernorm":   layerNormFamily,
	"softmax":     softmaxFamily,
	"quant":       quantFamily,
	"dot4z":       dot4ZFamily,
	"dequant":     dequantFamily,
	"vectorstore": vectorstoreFamily,
}

func main() {
	family := flag.String("family", "", "kernel family to generate (one of: "+familyNames()+")")
	goOut := flag.String("go", "", "the Go file a Go family writes")
	flag.Parse()
	if gen, ok := goFamilies[*family]; ok {
		if err := writeGo(*family, *goOut, gen()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	gen, ok := families[*family]
	if !ok {
		fmt.Fprintf(os.Stderr, "asm: unknown -family %q (one of: %s)\n", *family, familyNames())
		os.Exit(2)
	}
	ConstraintExpr("!noasm")
	gen()
	Generate()
}

func familyNames() string {
	names := make([]string, 0, len(families)+len(goFamilies))
	for n := range families {
		names = append(names, n)
	}
	for n := range goFamilies {
		names = append(names, n)
	}
	sort.Strings(names)
	return fmt.Sprint(names)
}
