package model

import "fmt"

// Arch describes how one architecture differs from the common decoder
// block (pre-norm attention and SwiGLU feed-forward with residuals). Each
// supported architecture registers one in its own file's init.
type Arch struct {
	Name      string
	RopeOrder RopeOrder
	QKVBias   bool // attn_{q,k,v}.bias are required
	QKNorm    bool // attn_{q,k}_norm.weight are required
}

// archs is filled by init functions only and read-only afterwards.
var archs = map[string]Arch{}

func register(a Arch) {
	if _, dup := archs[a.Name]; dup {
		panic(fmt.Sprintf("model: architecture %q registered twice", a.Name))
	}
	archs[a.Name] = a
}

// Supported reports whether architecture name can be loaded.
func Supported(name string) bool {
	_, ok := archs[name]
	return ok
}
