#!/usr/bin/env python3
"""Renders each built-in template's official Jinja chat template (see
README.md for where each comes from) on the conversations of
conversations.json that are checked against it, using Python jinja2 set up
as Hugging Face transformers does, and prints official.json.

Run from this folder, with ../shared beside the module root:

    python3 gen_official.py > official.json
    python3 gen_official.py engine > engine.json

The second form renders the official templates of llamacpp/ (no built-in
of ours follows them; GGUF files of those families carry them and the node
renders them with its own engine) on every conversation, for
TestLlamaCppTemplatesOwnEngine.
"""
import json
import os
import sys

from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "conformance", "templates"))

# builtin name -> (template file, extra variables)
SOURCES = {
    "chatml": (os.path.join(HERE, "official", "chatml.jinja"), {}),
    "llama-2-chat": (os.path.join(HERE, "official", "llama-2-chat.jinja"), {}),
    "mistral-instruct": (os.path.join(HERE, "official", "mistral-instruct.jinja"), {}),
    "phi-3-chat": (os.path.join(HERE, "official", "phi-3-chat.jinja"), {}),
    "llama-3-chat": (os.path.join(SHARED, "llama3.jinja"), {}),
    "gemma-3": (os.path.join(SHARED, "gemma3.jinja"), {}),
    "gemma-instruct": (os.path.join(HERE, "official", "gemma-instruct.jinja"), {}),
    "qwen3-no-think": (os.path.join(SHARED, "qwen3.jinja"), {"enable_thinking": False}),
    "llama-4-chat": (os.path.join(HERE, "official", "llama-4-chat.jinja"), {}),
    "deepseek-chat-25": (os.path.join(HERE, "official", "deepseek-chat-25.jinja"), {}),
    "exaone-chat": (os.path.join(HERE, "official", "exaone-chat.jinja"), {}),
}


# template file of llamacpp/ (or a path under this folder) -> (bos, eos, extra variables)
ENGINE = {
    "openai-gpt-oss-120b.jinja": ("<|startoftext|>", "<|return|>", {}),
    "openai-gpt-oss-120b.jinja:high": ("<|startoftext|>", "<|return|>", {"reasoning_effort": "high"}),
    "meta-llama-Llama-3.1-8B-Instruct.jinja": ("<|begin_of_text|>", "<|eot_id|>", {}),
    "meta-llama-Llama-3.2-3B-Instruct.jinja": ("<|begin_of_text|>", "<|eot_id|>", {}),
    "meta-llama-Llama-3.3-70B-Instruct.jinja": ("<|begin_of_text|>", "<|eot_id|>", {}),
    "mistralai-Mistral-Nemo-Instruct-2407.jinja": ("<s>", "</s>", {}),
    "Mistral-Small-3.2-24B-Instruct-2506.jinja": ("<s>", "</s>", {}),
    "unsloth-mistral-Devstral-Small-2507.jinja": ("<s>", "</s>", {}),
    "deepseek-ai-DeepSeek-R1-Distill-Llama-8B.jinja": ("<\uff5cbegin\u2581of\u2581sentence\uff5c>", "<\uff5cend\u2581of\u2581sentence\uff5c>", {}),
    "deepseek-ai-DeepSeek-V3.1.jinja": ("<\uff5cbegin\u2581of\u2581sentence\uff5c>", "<\uff5cend\u2581of\u2581sentence\uff5c>", {}),
    "deepseek-ai-DeepSeek-V3.1.jinja:thinking": ("<\uff5cbegin\u2581of\u2581sentence\uff5c>", "<\uff5cend\u2581of\u2581sentence\uff5c>", {"thinking": True}),
    "deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja": ("<\uff5cbegin\u2581of\u2581sentence\uff5c>", "<\uff5cend\u2581of\u2581sentence\uff5c>", {}),
    "Qwen-Qwen2.5-7B-Instruct.jinja": ("", "<|im_end|>", {}),
    "Qwen-Qwen3-0.6B.jinja": ("", "<|im_end|>", {}),
    "Qwen-QwQ-32B.jinja": ("", "<|im_end|>", {}),
    "google-gemma-2-2b-it.jinja": ("<bos>", "<eos>", {}),
    "microsoft-Phi-3.5-mini-instruct.jinja": ("<s>", "<|endoftext|>", {}),
    "NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja": ("<|begin_of_text|>", "<|im_end|>", {}),
    # from minja's tests_files (not in llamacpp/): iterates arguments|items
    "minja/Qwen-Qwen3-Coder-30B-A3B-Instruct.jinja": ("", "<|im_end|>", {}),
}


def strftime_now(fmt):
    """The fixed clock of the conformance runs (chattemplate.ConformanceClock)."""
    import datetime
    return datetime.datetime(2026, 1, 2).strftime(fmt)


def raise_exception(message):
    raise Exception(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def llamacpp_messages(messages, form, given_as_objects=False):
    """The messages as llama.cpp gives them to a template whose tool-call
    argument form (arguments_form) is form. Arguments are JSON text, as
    OpenAI sends them; a template that renders them only as objects gets
    them parsed (minja's requires_object_arguments polyfill). With
    given_as_objects, the case's arguments are first given as objects (as
    chattemplate.RenderJSON may get them): kept so, except that a template
    that renders them only as text gets compact JSON text, as llama.cpp's
    message parser writes an object (nlohmann's dump())."""
    out = []
    for m in messages:
        m = dict(m)
        if "tool_calls" in m:
            calls = []
            for c in m["tool_calls"]:
                c = dict(c, function=dict(c["function"]))
                args = c["function"]["arguments"]
                if given_as_objects:
                    args = json.loads(args)
                    if form == "text":
                        args = json.dumps(args, ensure_ascii=False, separators=(",", ":"))
                elif form == "object":
                    try:
                        args = json.loads(args)
                    except ValueError:
                        pass
                c["function"]["arguments"] = args
                calls.append(c)
            m["tool_calls"] = calls
        out.append(m)
    return out


def render(tmpl, spec, bos, eos, extra, form="given", given_as_objects=False):
    try:
        text = tmpl.render(messages=llamacpp_messages(spec["messages"], form, given_as_objects), tools=spec.get("tools"),
                           add_generation_prompt=spec.get("add_generation_prompt", True),
                           bos_token=bos, eos_token=eos, **extra)
        return {"rendered": text}
    except Exception as e:  # the template refused the conversation
        return {"error": str(e)}


PROBE_NEEDLES = ("<parameter=argument_needle>", '"argument_needle"', "'argument_needle':", ">argument_needle<")


def arguments_form(tmpl, bos, eos):
    """The form in which llama.cpp gives the template tool-call arguments,
    decided as minja's chat_template constructor probes it: a user message
    and an assistant message with one call (no tools, no generation prompt,
    no extra variables) rendered with the arguments as JSON text and as an
    object. "object": only the object's rendering shows the needle
    (requires_object_arguments); "text": only the text's; "given": both or
    neither (llama.cpp passes the text)."""
    call = {"id": "call_1___", "type": "function",
            "function": {"name": "ipython", "arguments": '{"argument_needle":"print(\'Hello, World!\')"}'}}
    spec = {"messages": [{"role": "user", "content": "<User Needle>"}, {"role": "assistant", "content": "", "tool_calls": [call]}],
            "add_generation_prompt": False}

    def renders(form):
        out = render(tmpl, spec, bos, eos, {}, form).get("rendered") or ""
        return any(n in out for n in PROBE_NEEDLES)
    text, obj = renders("given"), renders("object")
    if obj and not text:
        return "object"
    if text and not obj:
        return "text"
    return "given"


def has_tool_calls(spec):
    return any("tool_calls" in m for m in spec["messages"])


def engine(env, conv):
    out = {}
    for key, (bos, eos, extra) in ENGINE.items():
        name = key.split(":")[0]
        path = os.path.join(HERE, name) if "/" in name else os.path.join(HERE, "llamacpp", name)
        with open(path) as f:
            tmpl = env.from_string(f.read())
        form = arguments_form(tmpl, bos, eos)
        cases = {c: render(tmpl, spec, bos, eos, extra, form) for c, spec in conv["cases"].items()}
        object_cases = {c: render(tmpl, spec, bos, eos, extra, form, True)
                        for c, spec in conv["cases"].items() if has_tool_calls(spec)}
        out[key] = {"source": os.path.relpath(path, HERE), "bos": bos, "eos": eos, "extra": extra,
                    "arguments_form": form, "cases": cases, "object_argument_cases": object_cases}
    return out


def main():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    with open(os.path.join(HERE, "conversations.json")) as f:
        conv = json.load(f)
    if sys.argv[1:] == ["engine"]:
        json.dump(engine(env, conv), sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
        sys.stdout.write("\n")
        return
    out = {}
    for name, (path, extra) in SOURCES.items():
        with open(path) as f:
            tmpl = env.from_string(f.read())
        tok = conv["tokens"][name]
        form = arguments_form(tmpl, tok["bos"], tok["eos"])
        rendered = {}
        for case, spec in conv["cases"].items():
            if name not in spec.get("templates", [name]) or "official" not in spec.get("references", ["official"]):
                continue
            rendered[case] = render(tmpl, spec, tok["bos"], tok["eos"], extra, form)
        out[name] = {"source": os.path.relpath(path, HERE), "extra": extra, "arguments_form": form, "cases": rendered}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
