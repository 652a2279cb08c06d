#!/usr/bin/env python3
"""Regenerates reference.json: each case rendered by Python jinja2 set up
as Hugging Face transformers does (developer tool; tests read only the JSON).

    python3 testdata/gen_reference.py > testdata/reference.json
"""
import copy
import json
from datetime import datetime

from jinja2 import nodes
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment


def raise_exception(message):
    raise Exception(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


class GenerationTag(Extension):
    """Like transformers' AssistantTracker: renders its body unchanged."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_render"), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols, GenerationTag])
env.filters["tojson"] = tojson
env.globals["raise_exception"] = raise_exception
env.globals["strftime_now"] = lambda f: datetime(2026, 1, 2).strftime(f)

V = {
    "messages": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "  Hi there  \n"},
        {"role": "assistant", "content": "<think>\nhmm\n</think>\n\nHello!", "tool_calls": [
            {"type": "function", "function": {"name": "f", "arguments": {"b": 1, "a": [1.5, None, True, "x\"y"]}}}]},
        {"role": "user", "content": "日本語 ünï"},
    ],
    "d": {"z": 1, "a": 2, "m": {"k": "v"}},
    "n": 7, "f": 2.5, "s": "Hello, World", "e": "", "l": [3, 1, 2], "none": None, "t": True,
}

CASES = [
    # whitespace control
    ("ws_trim_blocks", "{% if true %}\nA\n{% endif %}\nB"),
    ("ws_lstrip", "  {% if true %}\n  A\n  {% endif %}\nB"),
    ("ws_lstrip_var_kept", "  {{ 'x' }}\n  {% if true %}y{% endif %}"),
    ("ws_minus", "a  \n  {%- if true -%}  \n b \n {%- endif -%}\n c"),
    ("ws_plus", "  {%+ if true %}\nA{% endif +%}\nB"),
    ("ws_var_minus", "a \n {{- 'b' -}} \n c"),
    ("ws_comment", "a\n  {# c #}\nb\n{#- c -#}\n  c"),
    ("ws_trailing_newline", "x\n"),
    ("ws_two_trailing_newlines", "x\n\n"),
    ("ws_crlf", "a\r\n{% if true %}\r\nb\r\n{% endif %}\r\nc"),
    ("ws_raw", "{% raw %}{{ x }}{% endraw %}\n{%- raw -%}  {% y %}  {%- endraw %}z"),
    ("ws_after_var_newline", "{{ 'a' }}\n  {% if true %}b{% endif %}"),
    ("ws_minus_then_lstrip", "{{ 'a' -}}\n  {% if true %}b{% endif %}"),
    # literals and operators
    ("lit", "{{ 1 }} {{ 1.0 }} {{ 1.5e3 }} {{ 1e20 }} {{ 0.0001 }} {{ 0.00001 }} {{ -3 }} {{ true }} {{ none }} {{ 'a' 'b' }}"),
    ("lit_list", "{{ [1, 'a', none, true, 2.0, [\"q'\"], {'k': 'v'}] }}"),
    ("lit_dict", "{{ {'a': 1, 'b': [1, 2]} }}"),
    ("escapes", "{{ 'a\\nb\\t\\u00e9\\x41\\\\ \\d' }}|{{ \"q\\\"q\" }}"),
    ("arith", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 7 / 2 }} {{ 4 / 2 }} {{ 2 ** 10 }} {{ 2 ** -1 }} {{ 1 + 2.5 }} {{ 3 * 'ab' }} {{ [1] * 2 }} {{ true + 1 }}"),
    ("concat", "{{ 1 ~ 'a' ~ none ~ true ~ undefined_var }}"),
    ("compare", "{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 1 == 1.0 }} {{ 'a' < 'b' }} {{ [1, 2] < [1, 3] }} {{ none == none }} {{ 1 != 2 }} {{ true == 1 }}"),
    ("in", "{{ 'a' in 'cat' }} {{ 2 in [1, 2] }} {{ 'z' in d }} {{ 'q' not in d }} {{ 'x' in undefined_var }}"),
    ("logic", "{{ 0 or 'x' }} {{ 1 and 'y' }} {{ none or [] }} {{ not 0 }} {{ 'a' if false }}|{{ 'a' if false else 'b' }}"),
    ("precedence", "{{ 'a' + s | lower + 'b' }} {{ not none is defined }} {{ -2 ** 2 }} {{ 2 + 3 * 4 }} {{ (2 + 3) * 4 }} {{ 1 + 2 ~ 3 }}"),
    ("concat_binds_tighter_than_plus", "{{ 1 ~ 2 + 3 }}"),
    ("str_plus_number_error", "{{ 'a' + 1 }}"),
    ("undefined_plus_error", "{{ nope + 1 }}"),
    ("undefined_attr_error", "{{ nope.x }}"),
    ("none_attr_undefined", "[{{ none.x }}]"),
    ("undefined_print", "[{{ nope }}][{{ d.nope }}][{{ l[10] }}]"),
    # subscripts
    ("subscript", "{{ l[0] }} {{ l[-1] }} {{ s[0] }} {{ s[-1] }} {{ messages[3].content[1] }} {{ d['m']['k'] }} {{ d.m.k }}"),
    ("slices", "{{ l[1:] }} {{ l[:-1] }} {{ l[::-1] }} {{ s[::2] }} {{ s[-5:] }} {{ messages[1:] | length }} {{ l[5:] }} {{ s[3:1] }} {{ l[::-2] }}"),
    # statements
    ("for_loop_vars", "{% for x in l %}{{ loop.index }}{{ loop.index0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.revindex }}{{ loop.revindex0 }},{% endfor %}"),
    ("for_prev_next", "{% for x in l %}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %}"),
    ("for_cycle", "{% for x in l %}{{ loop.cycle('a', 'b') }}{% endfor %}"),
    ("for_else", "{% for x in [] %}x{% else %}empty{% endfor %}"),
    ("for_filter", "{% for x in l if x > 1 %}{{ x }}{{ loop.length }}{% endfor %}"),
    ("for_dict", "{% for k in d %}{{ k }}{% endfor %}|{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}"),
    ("for_break_continue", "{% for x in range(10) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}"),
    ("for_scope", "{% set x = 1 %}{% for i in l %}{% set x = x + i %}{{ x }}{% endfor %}|{{ x }}"),
    ("for_nested_loop", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ loop.index }}{{ a }}{{ b }}{% endfor %}{{ loop.index }}{% endfor %}"),
    ("for_string", "{% for c in 'héllo' %}{{ c }}.{% endfor %}"),
    ("for_unpack", "{% for a, b in [[1, 2], [3, 4]] %}{{ a }}{{ b }}{% endfor %}"),
    ("namespace", "{% set ns = namespace(found=false, n=0) %}{% for m in messages %}{% if m.role == 'user' %}{% set ns.found = true %}{% set ns.n = ns.n + 1 %}{% endif %}{% endfor %}{{ ns.found }} {{ ns.n }}"),
    ("set_multi", "{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set c = (3, 4) %}{{ c }}"),
    ("set_block", "{% set x %}\n  hi {{ n }}\n{% endset %}[{{ x }}]"),
    ("if_elif", "{% for v in [1, 2, 3] %}{% if v == 1 %}one{% elif v == 2 %}two{% else %}other{% endif %}{% endfor %}"),
    ("macro", "{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}{{ greet('A') }} {{ greet('B', greeting='Hi') }} {{ greet('C', 'Yo') }}"),
    ("macro_recursive", "{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}"),
    ("macro_sees_globals", "{% macro m() %}{{ n }}{% endmacro %}{{ m() }}"),
    ("raise", "{% if true %}{{ raise_exception('bad thing') }}{% endif %}"),
    ("strftime", "{{ strftime_now('%Y-%m-%d %d %b %B %A %a %H:%M') }}"),
    ("generation_tag", "{% generation %}gen{% endgeneration %}"),
    # filters
    ("f_trim", "[{{ '  a b \\n' | trim }}][{{ 'xxaxx' | trim('x') }}][{{ none | trim }}]"),
    ("f_length", "{{ l | length }} {{ s | length }} {{ d | count }} {{ '日本' | length }} {{ nope | length }}"),
    ("f_tojson", "{{ messages[2].tool_calls[0].function.arguments | tojson }} {{ d | tojson }} {{ 'é\"\\n' | tojson }} {{ [] | tojson }} {{ {} | tojson }} {{ none | tojson }}"),
    ("f_tojson_indent", "{{ d | tojson(indent=2) }}\n{{ l | tojson(indent=4) }}\n{{ {'a': []} | tojson(indent=2) }}"),
    ("f_tojson_sort", "{{ d | tojson(sort_keys=true) }} {{ d | tojson(separators=(',', ':')) }}"),
    ("f_tojson_floats", "{{ [1.0, 0.1, 1e16, 1e-5, 123456789.125, -0.0] | tojson }}"),
    ("f_case", "{{ s | upper }} {{ s | lower }} {{ 'hello wORLD-foo(bar' | title }} {{ 'hELLO world' | capitalize }}"),
    ("f_default", "{{ nope | default('d') }} {{ e | default('d') }} {{ e | default('d', true) }} {{ none | default('d') }} {{ nope | d('x') }}"),
    ("f_join", "{{ l | join(', ') }} {{ l | join }} {{ messages | join('|', attribute='role') }}"),
    ("f_replace", "{{ s | replace('l', 'L') }} {{ s | replace('l', 'L', 2) }}"),
    ("f_first_last", "{{ l | first }} {{ l | last }} {{ s | first }} {{ messages | last | tojson }}"),
    ("f_list_reverse", "{{ 'abc' | list }} {{ l | reverse | list }} {{ 'abc' | reverse }}"),
    ("f_sort", "{{ l | sort }} {{ l | sort(reverse=true) }} {{ messages | sort(attribute='role') | map(attribute='role') | join(',') }}"),
    ("f_map_select", "{{ messages | map(attribute='role') | list }} {{ l | select('odd') | list }} {{ l | reject('odd') | list }} {{ messages | selectattr('role', 'equalto', 'user') | list | length }} {{ messages | rejectattr('role', 'eq', 'user') | map(attribute='role') | list }}"),
    ("f_selectattr_defined", "{{ messages | selectattr('tool_calls', 'defined') | list | length }} {{ messages | selectattr('tool_calls') | list | length }}"),
    ("f_map_filter", "{{ ['a', 'b'] | map('upper') | list }}"),
    ("f_numbers", "{{ '42' | int }} {{ 'x' | int }} {{ 3.9 | int }} {{ '2.5' | float }} {{ -3 | abs }} {{ 2.567 | round(2) }} {{ 2.5 | round }} {{ 3.5 | round }} {{ 2.1 | round(0, 'ceil') }}"),
    ("f_sum_min_max", "{{ l | sum }} {{ l | min }} {{ l | max }} {{ [1, 1, 2, 1] | unique | list }}"),
    ("f_items_dictsort", "{{ d | items | list }} {{ d | dictsort }}"),
    ("f_string", "{{ (l | string) + '!' }} {{ 1 | string }}"),
    ("f_indent", "{{ 'a\\nb\\n\\nc' | indent(2) }}|{{ 'a\\nb' | indent(2, true) }}|{{ 'a\\n\\nb' | indent('--', blank=true) }}"),
    ("f_wordcount_center", "{{ 'a b  c' | wordcount }} [{{ 'ab' | center(7) }}]"),
    ("f_format", "{{ '%s-%d' | format('a', 3) }} {{ '%s!' % 'x' }} {{ '%.2f' % 3.14159 }}"),
    ("f_escape", "{{ '<a href=\"x\">&\\'' | e }}"),
    # tests
    ("tests", "{{ n is number }} {{ f is float }} {{ n is integer }} {{ t is boolean }} {{ s is string }} {{ d is mapping }} {{ l is iterable }} {{ s is iterable }} {{ n is iterable }} {{ nope is defined }} {{ nope is undefined }} {{ none is none }} {{ t is true }} {{ 1 is true }}"),
    ("tests_args", "{{ n is odd }} {{ n is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(2) }} {{ n is eq 7 }} {{ n is gt 3 }} {{ 'a' is in 'abc' }} {{ none is sameas none }} {{ 'ab' is lower }} {{ 'AB' is upper }} {{ t is not false }}"),
    ("tests_undefined_iterable", "{{ nope is iterable }} {{ nope is sequence }} {{ none is iterable }} {{ d is sequence }} {{ true is number }} {{ true is integer }}"),
    # methods
    ("m_strip", "[{{ '  x  '.strip() }}][{{ 'xxyxx'.strip('x') }}][{{ '\\n\\nab\\n'.lstrip('\\n') }}][{{ '  ab  '.rstrip() }}]"),
    ("m_split", "{{ 'a,b,,c'.split(',') }} {{ '  a  b '.split() }} {{ 'a,b,c'.split(',', 1) }} {{ 'a,b,c'.rsplit(',', 1) }} {{ messages[2].content.split('</think>')[-1].lstrip('\\n') }}"),
    ("m_starts_ends", "{{ s.startswith('Hell') }} {{ s.endswith('x') }} {{ s.startswith(('x', 'H')) }}"),
    ("m_case", "{{ s.upper() }} {{ s.lower() }} {{ 'hello wORLD-foo(bar' .title() }} {{ 'hELLO' .capitalize() }}"),
    ("m_misc", "{{ s.replace('o', '0') }} {{ s.find('o') }} {{ s.rfind('o') }} {{ s.find('z') }} {{ s.count('l') }} {{ '-'.join(['a', 'b']) }} {{ '12'.isdigit() }} {{ 'ab'.isalpha() }} {{ 'a\\nb'.splitlines() }}"),
    ("m_format", "{{ '{} and {}'.format('a', 'b') }} {{ '{0}{0}'.format('x') }} {{ '{name}!'.format(name='n') }}"),
    ("m_dict", "{{ d.get('a') }} {{ d.get('q', 'dflt') }} {{ d.get('q') }} {{ d.keys() | list }} {{ d.values() | list }} {{ d.items() | list }}"),
    ("m_list", "{{ l.index(1) }} {{ l.count(3) }}"),
    ("m_append_unsafe", "{% set x = [] %}{{ x.append(1) }}"),
    ("m_update_unsafe", "{{ d.update({'a': 1}) }}"),
    ("dict_key_vs_method", "{% set q = {'items': 'I', 'content': 'C'} %}{{ q['items'] }} {{ q.content }} {{ q['content'] }}"),
    ("range", "{{ range(3) | list }} {{ range(1, 10, 3) | list }} {{ range(5, 0, -2) | list }}"),
    ("dict_global", "{{ dict(a=1, b='x') }}"),
    ("loop_in_macro_output", "{% for m in messages %}{{ '<|' + m['role'] + '|>' + m['content'] | trim + '\\n' }}{% endfor %}"),
    ("qwen_reasoning", "{% for message in messages %}{% if message.role == 'assistant' and '</think>' in message.content %}{{ message.content.split('</think>')[0].rstrip('\\n').split('<think>')[-1].lstrip('\\n') }}{% endif %}{% endfor %}"),
    ("unicode_methods", "{{ 'ÄÖü'.lower() }} {{ 'straße' | upper }} {{ '日本語'[1] }} {{ '日本語'[::-1] }}"),
    ("error_missing_endif", "{% if true %}x"),
    ("error_unknown_tag", "{% include 'x' %}"),
    ("error_unknown_filter", "{{ 1 | nosuchfilter }}"),
    ("error_bad_expr", "{{ 1 + }}"),
    ("error_break_outside", "{% break %}"),
    ("error_call_undefined", "{{ nope() }}"),
    ("error_undefined_item_of_undefined", "{{ nope['x'] }}"),
    ("error_range_too_big", "{{ range(1000000) | length }}"),
    ("error_div_zero", "{{ 1 / 0 }}"),
    ("error_compare_types", "{{ 1 < 'a' }}"),
    ("none_ops", "{{ none }} {{ none | string }} {{ none == false }} {{ [none] }}"),
    ("bool_print", "{{ true }} {{ false }} {{ [true, false] }} {{ 1 == 1 }}"),
    ("float_print", "{{ 0.1 + 0.2 }} {{ 1/3 }} {{ 10.0 ** 20 }} {{ 2.0 * 3 }} {{ 1e100 }} {{ 123456789012345678.0 }}"),
    ("repr_strings", "{{ ['it\\'s', 'say \"hi\"', 'both \\' \"', 'tab\\there', 'nl\\n', 'é'] }}"),
    ("test_none_in_if", "{% if messages[0].content is string and messages[0]['role'] == 'system' %}yes{% endif %}"),
    ("attr_int", "{{ l.0 }} {{ messages.1.role }}"),
    ("filter_chain", "{{ messages | map(attribute='content') | map('trim') | join(' / ') }}"),
    ("kwarg_trailing_comma", "{{ dict(a=1,) }} {{ [1, 2,] }} {{ {'a': 1,} }}"),
    ("nested_ternary", "{{ 'a' if n > 10 else 'b' if n > 5 else 'c' }}"),
    ("loop_last_in_condition", "{% for m in messages %}{% if not loop.last %}{{ m.role }},{% endif %}{% endfor %}"),
    ("set_in_if_top_level", "{% if true %}{% set x = 5 %}{% endif %}{{ x }}"),
    ("whitespace_in_tags", "{%-if true-%}\n\tA\n{%-endif-%}"),
    ("comment_trim", "a{# x #}\nb\n  {#- y #}c"),
    ("lstrip_after_text_on_line", "x {% if true %}y{% endif %}\n"),
    ("deep_block_indent", "{%- for m in messages %}\n    {%- if m.role == 'user' %}\n        {{- m.content }}\n    {%- endif %}\n{%- endfor %}"),
    ("macro_recursive_types", "{%- macro py(spec) %}{%- set m = {'string': 'str', 'integer': 'int'} %}{%- if m[spec.type] is defined %}{{- m[spec.type] }}{%- elif spec.type == 'array' %}{{- 'List[' + py(spec['items']) + ']' }}{%- elif spec.type is iterable %}{{- 'Union[' }}{%- for t in spec.type %}{{- py({'type': t}) }}{%- if not loop.last %},{% endif %}{%- endfor %}{{- ']' }}{%- else %}{{- 'Any' }}{%- endif %}{%- endmacro %}{{ py({'type': 'array', 'items': {'type': 'array', 'items': {'type': 'integer'}}}) }} {{ py({'type': ['string', 'integer']}) }} {{ py({'type': 'array', 'items': {'type': 'string'}}) }}"),
    ("dict_items_attr_is_method", "{%- macro py(spec) %}{%- if spec.type == 'array' %}{{- 'List[' + py(spec.items) + ']' }}{%- elif spec.type is iterable %}{{- 'Union[' }}{%- for t in spec.type %}{{ t }}{%- endfor %}{{- ']' }}{%- else %}Any{%- endif %}{%- endmacro %}{{ py({'type': 'array', 'items': {'type': 'string'}}) }}"),
    ("items_unpack", "{%- for k, v in d|items %}{{ k }}:{{ v }};{% endfor %}{% for k, v in {'a': {'b': 1}}.items() %}{{ k }}{{ v.b }}{% endfor %}"),
    ("not_in_precedence", "{{ not 'a' in ['a'] }} {{ not 'z' in ['a'] }} {{ 'z' not in d }}"),
    ("indent_tojson", "{{- '{\\n'|indent(4, first=true) }}{{ '\"p\": '|indent(8, first=true) }}{{ d|tojson(indent=4)|indent(8) }}"),
    ("macro_caller_args_default_expr", "{% macro m(a, b=a ~ '!') %}{{ a }}{{ b }}{% endmacro %}{{ m('x') }}|{{ m('x', 'y') }}"),
    ("loop_index_expr", "{% for m in messages %}{% if loop.index0 > 0 and messages[loop.index0 - 1].role == 'user' %}{{ m.role }}{% endif %}{% endfor %}"),
    ("default_none_boolean", "{{ none | default('x', true) }} {{ 0 | default('y', true) }} {{ none | default('z') }}"),
    ("string_comparisons", "{{ 'abc' < 'abd' }} {{ 'B' < 'a' }} {{ 'é' > 'z' }}"),
    ("set_overrides_context", "{% set messages = messages[1:] %}{{ messages | length }}{% set bos_token = 'X' %}{{ bos_token }}"),
    ("tojson_ensure_ascii", "{{ ['é', '😀', 'a\\u0001'] | tojson(true) }} {{ {'é': 1} | tojson(ensure_ascii=true) }} {{ 'é' | tojson(false, 2) }}"),
    ("var_no_lstrip", "\n    {{ 'a' }}\n    {% if true %}\n    b\n    {% endif %}\n"),
]


def main():
    out = []
    for name, tpl in CASES:
        case = {"name": name, "template": tpl}
        try:
            case["rendered"] = env.from_string(tpl).render(**copy.deepcopy(V))
        except Exception as e:  # noqa: BLE001 - any error is the expectation
            case["error"] = f"{type(e).__name__}: {e}"
        out.append(case)
    print(json.dumps({"vars": V, "cases": out}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
