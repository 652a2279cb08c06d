package plugin

// BuiltinCode names the code-execution plugin shipped in the binary.
const BuiltinCode = "code"
