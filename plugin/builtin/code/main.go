//go:build wasip1

// Command code is the code-execution plugin shipped in the node (builtin
// "code"): it runs Starlark, a Python dialect, that a model writes. It has
// no file, network, clock or random access (the host grants none), a step
// limit (config max_steps) and an output limit (config max_output_bytes);
// memory and wall-clock time are bounded by its manifest.
package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/gaianet-go/gaianet/plugin/pdk"
	starjson "go.starlark.net/lib/json"
	starmath "go.starlark.net/lib/math"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

func main() {}

const (
	defaultMaxSteps  = 10_000_000
	defaultMaxOutput = 64 << 10
)

//go:wasmexport gaianet_describe
func describe() int32 {
	return pdk.OutputJSON(map[string]any{"tools": []any{map[string]any{
		"function": "run",
		"name":     "run_code",
		"description": "Runs a Starlark program (a Python dialect: def, for, if, while, lists, dicts, " +
			"str methods, json and math modules; no imports, files, network or time) and returns what it " +
			"printed and the value of a global named result, if it sets one.",
		"parameters": map[string]any{
			"type": "object",
			"properties": map[string]any{
				"code": map[string]any{"type": "string", "description": "the Starlark program"},
			},
			"required":             []string{"code"},
			"additionalProperties": false,
		},
	}}})
}

type result struct {
	Output string `json:"output"`
	Result string `json:"result,omitempty"`
	Error  string `json:"error,omitempty"`
	Steps  uint64 `json:"steps"`
}

func configInt(key string, def uint64) uint64 {
	v, ok := pdk.Config(key)
	if !ok {
		return def
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || n == 0 {
		return def
	}
	return n
}

//go:wasmexport run
func run() int32 {
	var args struct {
		Code *string `json:"code"`
	}
	dec := json.NewDecoder(strings.NewReader(string(pdk.Input())))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&args); err != nil || args.Code == nil {
		return pdk.Fail(`run_code: want {"code": "..."}`)
	}
	maxOut := int(configInt("max_output_bytes", defaultMaxOutput))
	var out strings.Builder
	thread := &starlark.Thread{Name: "run_code"}
	thread.Print = func(th *starlark.Thread, msg string) {
		if out.Len()+len(msg)+1 > maxOut {
			th.Cancel(fmt.Sprintf("output over %d bytes", maxOut))
			return
		}
		out.WriteString(msg)
		out.WriteByte('\n')
	}
	thread.SetMaxExecutionSteps(configInt("max_steps", defaultMaxSteps))
	opts := &syntax.FileOptions{Set: true, While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true}
	predeclared := starlark.StringDict{"json": starjson.Module, "math": starmath.Module}
	globals, err := starlark.ExecFileOptions(opts, thread, "code.star", *args.Code, predeclared)
	r := result{Output: out.String(), Steps: thread.ExecutionSteps()}
	if err != nil {
		if ee, ok := err.(*starlark.EvalError); ok {
			r.Error = ee.Backtrace()
		} else {
			r.Error = err.Error()
		}
	}
	if v, ok := globals["result"]; ok {
		r.Result = v.String()
	}
	return pdk.OutputJSON(r)
}
