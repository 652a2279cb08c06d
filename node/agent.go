package node

// The agent loop: node tools (package tools) are offered to the model next
// to the client's tools; when the model calls node tools, the node runs
// them, appends their results as tool messages and asks the model again,
// until it answers, calls a client tool, or a limit ends the loop.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/plugin"
	"github.com/gaianet-go/gaianet/toolcall"
	"github.com/gaianet-go/gaianet/tools"
)

// Defaults of the agent loop's limits.
const (
	DefaultAgentMaxSteps = 8
	DefaultAgentTimeout  = 120 * time.Second
)

// profile is what a request's prompt set chooses: the prompts and the
// node tools offered.
type profile struct {
	name      string
	system    string
	ragPrompt string
	ragPolicy string
	tools     []tools.Tool
	hooks     *plugin.Hooks // nil: none
}

// defaultProfile is the node's own prompts with all its tools and hooks.
func (n *Node) defaultProfile() *profile {
	p := &profile{system: n.cfg.SystemPrompt, ragPrompt: n.cfg.RAGPrompt, ragPolicy: n.cfg.RAGPolicy}
	if n.plugins != nil {
		p.hooks = &n.plugins.Hooks
	}
	for _, e := range n.tools.List() {
		p.tools = append(p.tools, e.Tool)
	}
	return p
}

// profileFor returns the prompt set a request chooses, by a model suffix
// ("MODEL:SET", listed by /v1/models) or the X-Prompt-Set header, and the
// request with the suffix taken off its model.
func (n *Node) profileFor(req *api.ChatRequest) (*api.ChatRequest, *profile, error) {
	name := req.PromptSet
	if base, set, ok := cutSetSuffix(req.Model); ok && base == n.chatName {
		if _, known := n.cfg.Ext.PromptSets[set]; known {
			if name != "" && name != set {
				return nil, nil, api.Errorf(http.StatusBadRequest, "invalid_request_error", "invalid_request",
					"model %q chooses prompt set %q but the %s header chooses %q", req.Model, set, api.PromptSetHeader, name)
			}
			name = set
			r := *req
			r.Model = base
			req = &r
		}
	}
	prof := n.defaultProfile()
	if name == "" {
		return req, prof, nil
	}
	set, ok := n.cfg.Ext.PromptSets[name]
	if !ok {
		names := make([]string, 0, len(n.cfg.Ext.PromptSets))
		for k := range n.cfg.Ext.PromptSets {
			names = append(names, k)
		}
		slices.Sort(names)
		return nil, nil, api.Errorf(http.StatusBadRequest, "invalid_request_error", "prompt_set_not_found",
			"prompt set %q is not configured; this node has: %s", name, strings.Join(names, ", "))
	}
	prof.name = name
	if set.SystemPrompt != nil {
		prof.system = *set.SystemPrompt
	}
	if set.RAGPrompt != nil {
		prof.ragPrompt = *set.RAGPrompt
	}
	if set.RAGPolicy != "" {
		prof.ragPolicy = set.RAGPolicy
	}
	if set.Tools != nil {
		prof.tools = nil
		for _, t := range *set.Tools {
			tool, _ := n.tools.Get(t) // checked by checkPromptSets
			prof.tools = append(prof.tools, tool)
		}
	}
	if set.Hooks != nil {
		prof.hooks = n.setHooks[name]
	}
	return req, prof, nil
}

// cutSetSuffix splits "MODEL:SET" at its last colon.
func cutSetSuffix(model string) (base, set string, ok bool) {
	i := strings.LastIndexByte(model, ':')
	if i <= 0 || i == len(model)-1 {
		return "", "", false
	}
	return model[:i], model[i+1:], true
}

// checkPromptSets makes sure every tool and hook a prompt set names
// exists, and resolves each set's hooks.
func (n *Node) checkPromptSets() error {
	n.setHooks = map[string]*plugin.Hooks{}
	for name, set := range n.cfg.Ext.PromptSets {
		if set.Tools != nil {
			for _, t := range *set.Tools {
				if _, ok := n.tools.Get(t); !ok {
					return fmt.Errorf("node: %s.prompt_sets.%s.tools names %q, which is not a node tool", config.ExtensionsKey, name, t)
				}
			}
		}
		if set.Hooks == nil {
			continue
		}
		if len(*set.Hooks) == 0 {
			n.setHooks[name] = nil
			continue
		}
		if n.plugins == nil {
			return fmt.Errorf("node: %s.prompt_sets.%s.hooks names %q, but %[1]s.plugins is empty", config.ExtensionsKey, name, (*set.Hooks)[0])
		}
		h, err := n.plugins.HooksOf(*set.Hooks)
		if err != nil {
			return fmt.Errorf("node: %s.prompt_sets.%s.hooks: %w", config.ExtensionsKey, name, err)
		}
		n.setHooks[name] = &h
	}
	return nil
}

// toolsFitFormat reports whether node tools can be offered with the
// request's response_format or grammar: a local model whose tool format
// cannot tell a call from a constrained answer in time (planOutput) answers
// such a request without node tools, as it would without any configured.
func (n *Node) toolsFitFormat(req *api.ChatRequest) bool {
	constrained := req.Grammar != "" || req.ResponseFormat != nil && req.ResponseFormat.Type != "" && req.ResponseFormat.Type != "text"
	if !constrained || n.chatUp != nil || len(req.Tools) > 0 {
		return true
	}
	switch n.toolFmt.Family {
	case toolcall.Hermes, toolcall.Groq, toolcall.Mistral, toolcall.MistralArgs:
		return true
	}
	return false
}

// toolChoiceNone reports whether tool_choice is "none".
func toolChoiceNone(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte(`"none"`))
}

// agentLoop answers req on msgs with node tools offered next to the
// client's. The client's tool_choice applies to the first step; later
// steps use "auto". The last step (agent_max_steps, or once agent_timeout
// has passed) offers only the client's tools, so the model answers.
// Content streams as it is generated; node tool calls are not sent to the
// client, their progress is (ChatDelta.ToolRun); client tool calls end
// the loop and go to the client.
func (n *Node) agentLoop(ctx context.Context, req *api.ChatRequest, msgs []chattemplate.Message, nodeTools []tools.Tool, emit func(api.ChatDelta) error) (*api.ChatResult, error) {
	maxSteps := n.cfg.Ext.AgentMaxSteps
	if maxSteps <= 0 {
		maxSteps = DefaultAgentMaxSteps
	}
	timeout := time.Duration(n.cfg.Ext.AgentTimeout) * time.Second
	if timeout <= 0 {
		timeout = DefaultAgentTimeout
	}
	toolCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	byName := make(map[string]tools.Tool, len(nodeTools))
	offered := make([]api.Tool, 0, len(nodeTools))
	for _, t := range nodeTools {
		def := t.Definition()
		byName[def.Name] = t
		fn, err := json.Marshal(def)
		if err != nil {
			return nil, fmt.Errorf("node: tool %s: %w", def.Name, err)
		}
		offered = append(offered, api.Tool{Type: "function", Function: fn})
	}
	for i, t := range req.Tools {
		var f struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(t.Function, &f) == nil && byName[f.Name] != nil {
			return nil, badField("tools", "tools[%d]: %q is a tool this node runs itself; give the client's tool another name", i, f.Name)
		}
	}
	choice := req.ToolChoice
	var usage api.Usage
	var runs []api.ToolRun
	msgs = slices.Clip(msgs)
	for step := 1; ; step++ {
		final := step >= maxSteps || toolCtx.Err() != nil
		sreq := *req
		sreq.ToolChoice = choice
		sreq.Tools = req.Tools
		if !final {
			sreq.Tools = append(slices.Clip(req.Tools), offered...)
		} else if len(req.Tools) == 0 {
			sreq.ToolChoice = nil
		} else if c, err := parseToolChoice(choice); err == nil && c.mode == "named" && byName[c.name] != nil {
			sreq.ToolChoice = json.RawMessage(`"auto"`)
		}
		var text strings.Builder
		res, err := n.chatStep(ctx, &sreq, msgs, func(d api.ChatDelta) error {
			text.WriteString(d.Content)
			d.ToolCalls = nil // sent once the step shows whose calls they are
			if d.Content == "" && d.ReasoningContent == "" && len(d.Logprobs) == 0 {
				return nil
			}
			return emit(d)
		})
		if err != nil {
			return nil, err
		}
		usage.PromptTokens += res.Usage.PromptTokens
		usage.CompletionTokens += res.Usage.CompletionTokens
		usage.TotalTokens += res.Usage.TotalTokens
		var mine, theirs []api.ToolCall
		for i, c := range res.ToolCalls {
			if c.ID == "" {
				c.ID = fmt.Sprintf("call_%d_%d", step, i)
			}
			switch {
			case byName[c.Function.Name] == nil:
				theirs = append(theirs, c)
			case !final:
				mine = append(mine, c)
			default:
				n.log.Warn("the model called a node tool at the last agent step; not run", "tool", c.Function.Name, "step", step)
			}
		}
		if len(mine) > 0 {
			msgs = append(msgs, assistantCalls(text.String(), mine))
			results, stepRuns, err := n.runTools(toolCtx, step, mine, byName, emit)
			if err != nil {
				return nil, err
			}
			msgs = append(msgs, results...)
			runs = append(runs, stepRuns...)
		}
		if len(mine) == 0 || len(theirs) > 0 {
			for i, c := range theirs {
				idx := i
				d := api.ChatDelta{ToolCalls: []api.ToolCall{{Index: &idx, ID: c.ID, Type: "function", Function: c.Function}}}
				if err := emit(d); err != nil {
					return nil, err
				}
			}
			res.ToolCalls = theirs
			switch {
			case len(theirs) > 0:
				res.FinishReason = "tool_calls"
			case res.FinishReason == "tool_calls":
				res.FinishReason = "stop"
			}
			res.Usage = usage
			res.ToolRuns = runs
			return res, nil
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
}

// assistantCalls is the assistant turn that made calls.
func assistantCalls(content string, calls []api.ToolCall) chattemplate.Message {
	m := chattemplate.Message{Role: "assistant", Content: content}
	for _, c := range calls {
		m.ToolCalls = append(m.ToolCalls, chattemplate.ToolCall{ID: c.ID, Type: "function",
			Function: chattemplate.FunctionCall{Name: c.Function.Name, Arguments: c.Function.Arguments}})
	}
	return m
}

// runTools runs a step's node tool calls at once and returns their tool
// messages, in call order. A tool's error becomes its result
// ({"error": ...}), shown to the model. Progress goes to emit.
func (n *Node) runTools(ctx context.Context, step int, calls []api.ToolCall, byName map[string]tools.Tool, emit func(api.ChatDelta) error) ([]chattemplate.Message, []api.ToolRun, error) {
	runs := make([]api.ToolRun, len(calls))
	results := make([]json.RawMessage, len(calls))
	for i, c := range calls {
		runs[i] = api.ToolRun{Step: step, ID: c.ID, Name: c.Function.Name, Arguments: c.Function.Arguments, Status: "running"}
		r := runs[i]
		if err := emit(api.ChatDelta{ToolRun: &r}); err != nil {
			return nil, nil, err
		}
	}
	var wg sync.WaitGroup
	for i, c := range calls {
		wg.Go(func() {
			t0 := time.Now()
			res, err := callTool(ctx, byName[c.Function.Name], c.Function.Arguments)
			runs[i].DurationMs = time.Since(t0).Milliseconds()
			if err != nil {
				runs[i].Status, runs[i].Error = "error", err.Error()
				res, _ = json.Marshal(map[string]string{"error": err.Error()})
			} else {
				runs[i].Status = "ok"
			}
			results[i] = res
		})
	}
	wg.Wait()
	msgs := make([]chattemplate.Message, len(calls))
	for i, c := range calls {
		n.log.Info("tool ran", "tool", c.Function.Name, "step", step, "status", runs[i].Status, "ms", runs[i].DurationMs, "err", runs[i].Error)
		r := runs[i]
		if err := emit(api.ChatDelta{ToolRun: &r}); err != nil {
			return nil, nil, err
		}
		msgs[i] = chattemplate.Message{Role: "tool", Content: string(results[i]), ToolCallID: c.ID, Name: c.Function.Name}
	}
	return msgs, runs, nil
}

// maxToolResult bounds a tool result put into the conversation.
const maxToolResult = 64 << 10

// callTool runs one call, turning a panic into an error.
func callTool(ctx context.Context, t tools.Tool, args string) (res json.RawMessage, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the tool failed: %v", r)
		}
	}()
	if strings.TrimSpace(args) == "" {
		args = "{}"
	}
	if !json.Valid([]byte(args)) {
		return nil, fmt.Errorf("the arguments are not valid JSON: %s", clipText(args, 200))
	}
	res, err = t.Call(ctx, json.RawMessage(args))
	if err != nil {
		return nil, err
	}
	if len(res) > maxToolResult {
		return nil, fmt.Errorf("the result is %d bytes, more than the %d a conversation takes", len(res), maxToolResult)
	}
	if len(bytes.TrimSpace(res)) == 0 {
		res = json.RawMessage(`""`)
	}
	return res, nil
}

func clipText(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
