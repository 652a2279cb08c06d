package plugin

import "fmt"

// BuiltinCode names the code-execution plugin shipped in the binary.
const BuiltinCode = "code"

func builtinModule(name string) ([]byte, error) {
	return nil, fmt.Errorf("builtin plugin %q is not available", name)
}
