#!/usr/bin/env python3
"""Regenerates random.jsonl: random templates built from the constructs chat
templates use, rendered by Python jinja2 set up as Hugging Face does (see
gen_reference.py). Developer tool; tests read only the JSONL.

    python3 testdata/gen_random.py 1 1500 > testdata/random.jsonl

Constructs whose Jinja2 result depends on CPython internals are left out:
slicing arbitrary expressions (constant folding turns some into Undefined),
and printing lazy filter results or dict views (their repr holds an address).
"""
import copy
import json
import os
import random
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_reference import env, V
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
ATOMS = ["n", "f", "s", "e", "l", "d", "none", "t", "nope", "messages", "messages[0]", "messages[1].content", "d.m", "l[1]", "s[2:5]",
         "1", "0", "-2", "2.5", "'ab'", "' x '", "''", "[1, 2]", "[]", "{'k': 1}", "true", "false", "'日本'", "d['z']", "messages|length", "loop_ns.v"]
BIN = ["+", "-", "*", "/", "//", "%", "~", "==", "!=", "<", ">", "<=", ">=", "and", "or", "in", "not in"]
FILT = ["trim", "length", "upper", "lower", "title", "capitalize", "string", "list", "first", "last", "reverse|list", "sort", "unique|list", "tojson", "int", "float", "abs", "default('D')", "join(',')", "join", "replace('a','b')", "round(1)", "indent(2)", "wordcount", "sum", "min", "max", "map('string')|list", "select|list", "reject|list", "count", "e", "d('x', true)"]
TESTS = ["defined", "undefined", "none", "string", "number", "integer", "float", "mapping", "iterable", "sequence", "odd", "even", "true", "false", "boolean", "lower", "upper", "divisibleby 2", "eq 1", "in [1, 2]", "sameas none"]
METH = ["strip()", "upper()", "lower()", "split()", "split('a')", "startswith('a')", "endswith('b')", "replace('a', 'x')", "find('b')", "count('a')", "title()", "lstrip('a')", "rstrip()", "items()|list", "keys()|list", "values()|list", "get('z')", "get('q', 1)", "index(1)", "isdigit()"]

def expr(depth=0):
    r = random.random()
    if depth > 2 or r < 0.3:
        return random.choice(ATOMS)
    if r < 0.5:
        return f"{expr(depth+1)} {random.choice(BIN)} {expr(depth+1)}"
    if r < 0.62:
        return f"{expr(depth+1)} | {random.choice(FILT)}"
    if r < 0.72:
        return f"{expr(depth+1)} is {random.choice(['', 'not '])}{random.choice(TESTS)}"
    if r < 0.8:
        return f"({expr(depth+1)}).{random.choice(METH)}"
    if r < 0.87:
        return f"{expr(depth+1)} if {expr(depth+1)} else {expr(depth+1)}"
    if r < 0.93:
        return f"not {expr(depth+1)}"
    if random.random() < 0.5:
        return f"{random.choice(['l', 's', 'messages', 'e'])}[{random.choice(['1:', '::-1', ':2', '-2:', '::2'])}]"
    key = random.choice(['0', '-1', "'k'"])
    return f"({expr(depth+1)})[{key}]"

WS = ["", "-", "+"]
def tag(body):
    return "{%" + random.choice(WS) + " " + body + " " + random.choice(["", "-"]) + "%}"
def text():
    return random.choice(["", "x", " ", "\n", "  \n  ", "a\n", "\n\t", " b "])
def block(depth=0):
    out = []
    for _ in range(random.randint(1, 4)):
        r = random.random()
        out.append(text())
        if r < 0.35 or depth > 2:
            out.append("{{" + random.choice(["", "-"]) + " " + expr() + " " + random.choice(["", "-"]) + "}}")
        elif r < 0.55:
            out.append(tag(f"if {expr()}") + block(depth+1) + random.choice(["", tag("else") + block(depth+1)]) + tag("endif"))
        elif r < 0.75:
            out.append(tag(f"for x in {random.choice(['l', 's', 'd', 'messages', 'range(3)', 'nope', '[]'])}") + block(depth+1) +
                       "{{ loop.index }}" + random.choice(["", tag("if loop.first") + tag("continue") + tag("endif")]) + tag("endfor"))
        elif r < 0.85:
            out.append(tag(f"set y = {expr()}") + "{{ y }}")
        elif r < 0.92:
            out.append(tag("set loop_ns.v = " + expr()) )
        else:
            out.append("{#" + random.choice(WS) + " c " + random.choice(["", "-"]) + "#}")
        out.append(text())
    return "".join(out)

n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
i = 0
while i < n:
    tpl = "{% set loop_ns = namespace(v=1) %}" + block()
    if len(tpl) > 400:
        continue
    c = {"name": f"r{i}", "template": tpl}
    try:
        c["rendered"] = env.from_string(tpl).render(**copy.deepcopy(V))
    except Exception as e:
        c["error"] = f"{type(e).__name__}: {e}"
        if random.random() > 0.15:
            continue  # keep the set mostly renderable
    print(json.dumps(c, ensure_ascii=False))
    i += 1
