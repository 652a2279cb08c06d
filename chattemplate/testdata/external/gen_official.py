#!/usr/bin/env python3
"""Renders each built-in template's official Jinja chat template (see
README.md for where each comes from) on the conversations of
conversations.json that are checked against it, using Python jinja2 set up
as Hugging Face transformers does, and prints official.json.

Run from this folder, with ../shared beside the module root:

    python3 gen_official.py > official.json
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


def raise_exception(message):
    raise Exception(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def hf_messages(messages):
    """Tool-call arguments written as JSON text become objects, as Hugging
    Face callers pass them."""
    out = []
    for m in messages:
        m = dict(m)
        if "tool_calls" in m:
            calls = []
            for c in m["tool_calls"]:
                c = dict(c, function=dict(c["function"]))
                args = c["function"]["arguments"]
                if isinstance(args, str) and args.strip().startswith("{"):
                    c["function"]["arguments"] = json.loads(args)
                calls.append(c)
            m["tool_calls"] = calls
        out.append(m)
    return out


def main():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    with open(os.path.join(HERE, "conversations.json")) as f:
        conv = json.load(f)
    out = {}
    for name, (path, extra) in SOURCES.items():
        with open(path) as f:
            tmpl = env.from_string(f.read())
        tok = conv["tokens"][name]
        rendered = {}
        for case, spec in conv["cases"].items():
            if name not in spec.get("templates", [name]) or "official" not in spec.get("references", ["official"]):
                continue
            try:
                text = tmpl.render(messages=hf_messages(spec["messages"]), tools=spec.get("tools"),
                                   add_generation_prompt=spec.get("add_generation_prompt", True),
                                   bos_token=tok["bos"], eos_token=tok["eos"], **extra)
                rendered[case] = {"rendered": text}
            except Exception as e:  # the template refused the conversation
                rendered[case] = {"error": str(e)}
        out[name] = {"source": os.path.relpath(path, HERE), "extra": extra, "cases": rendered}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
