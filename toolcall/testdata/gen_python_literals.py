#!/usr/bin/env python3
"""Reads each call of CASES as Meta's Llama 4 reader does
(llama-models models/llama3/tool_utils.py: ast.parse of a list of calls,
keyword arguments only, ast.literal_eval of each value) and prints
python_literals.json: the call text, and the arguments as json.dumps
writes them (ensure_ascii=False), or null when Python refuses the call.

    python3 gen_python_literals.py > python_literals.json
"""
import ast
import json

CASES = [
    "f(a=(1, 2), b=(3,), c=(), d=(4))",
    "f(a=-1.5e3, b=+2, c=0, d=1_000, e=.5, f=2.)",
    "f(a=1e16, b=1.5e-5, c=0.0001, d=-0.0, e=123456789.125, g=00, h=-0)",
    "f(s=\"tab\\there\\nnl\", u='\\u00e9\\x41\\101', k='\\q', z='\\0')",
    "f(d={1: 'one', 'two': [True, False, None]},)",
    "f ( a = [ 1 , 2 , ] )",
    "f(a=\"<&>\", b='\\U0001F600', c='é')",
    "f(a=12345678901234567890123)",
    "f(d={'k': 1, 'k': 2, 'j': 3}, e=1.0e-4, g=5e-324, h=1.7976931348623157e308)",
    "f(a='multi' , b = {} , )",
    "f(a='\\b\\f\\x7f\\u2028\\x1b', b='\\v\\a')",
    "get_weather(city='Martha\\'s Vineyard', metric='\\\"cool units\\\"')",
    "register_user(name='Doe', age=9, address={'city': 'LA', 'state': 'CA'}, role=None, passed_test=True, aliases=['John', 'Johnny'])",
    # refused
    "f(1)", "f(a=1, a=2)", "f(a=b)", "f(a='x)", "f(a=01)", "f(a=1e)", "f(a=[1 2])",
    "f(a={'k' 1})", "f(a=1,,b=2)", "f(a=1_)", "f(**k)", "f(a=TrueX)", "f(a=1__0)",
]


def read(call):
    try:
        tree = ast.parse("[" + call + "]")
        expr = tree.body[0].value
        node = expr.elts[0]
        if len(expr.elts) != 1 or not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name) or node.args:
            return None
        if not all(isinstance(k, ast.keyword) and k.arg for k in node.keywords):
            return None
        args = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
        return json.dumps(args, ensure_ascii=False)
    except (SyntaxError, ValueError):
        return None


print(json.dumps([{"call": c, "arguments": read(c)} for c in CASES], indent=1, ensure_ascii=False))
