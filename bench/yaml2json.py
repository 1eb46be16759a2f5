#!/usr/bin/env python3
"""Convert a partnerops tree's YAML files to JSON, grouped by schema, for ajv.

PyYAML implements YAML 1.1, which turns an unquoted 2026-11-23 into a date and
`yes` into a boolean. partnerops reads YAML with the 1.2 core schema, where both
stay strings, so this loader resolves plain scalars by the 1.2 core rules only.

usage: yaml2json.py ROOT OUT
       yaml2json.py --file IN.yaml OUT.json     (one file)
Writes OUT/<kind>/<path with / replaced by __>.json, where kind is the schema
name (partnerops, partner, agreement, sow, quote, invoice, credit-note, kpis, issues,
lifecycle) and OUT/schemas/<name>.json for every schemas/*.schema.yaml.
"""
import json
import os
import re
import sys

import yaml


class CoreLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's parser when present) with YAML 1.2 core-schema
    resolution of plain scalars."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


CoreLoader.add_constructor("tag:yaml.org,2002:int", _int)
CoreLoader.add_constructor("tag:yaml.org,2002:bool", _bool)


def kind_of(rel):
    parts = rel.split("/")
    if rel == "partnerops.yaml":
        return "partnerops"
    if rel == "schemas/lifecycle.yaml":
        return "lifecycle"
    if len(parts) == 2 and parts[0] == "schemas" and rel.endswith(".schema.yaml"):
        return "schemas"
    if len(parts) >= 3 and parts[0] == "partners":
        if len(parts) == 3:
            name = parts[2][: -len(".yaml")]
            if name in ("partner", "agreement", "kpis", "issues"):
                return name
        elif len(parts) == 4:
            return {"sow": "sow", "quotes": "quote", "invoices": "invoice",
                    "credit-notes": "credit-note"}.get(parts[2])
    return None


def main():
    if sys.argv[1] == "--file":
        with open(sys.argv[2], encoding="utf-8") as f:
            data = yaml.load(f, Loader=CoreLoader)
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        return
    root, out = sys.argv[1], sys.argv[2]
    counts = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "node_modules")
        for name in sorted(filenames):
            if not name.endswith(".yaml"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            kind = kind_of(rel)
            if kind is None:
                continue
            with open(path, encoding="utf-8") as f:
                data = yaml.load(f, Loader=CoreLoader)
            if kind == "schemas":
                target = os.path.join(out, "schemas", name[: -len(".yaml")] + ".json")
            else:
                target = os.path.join(out, kind, rel.replace("/", "__")[: -len(".yaml")] + ".json")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            counts[kind] = counts.get(kind, 0) + 1
    for kind in sorted(counts):
        print(f"{kind}\t{counts[kind]}")


if __name__ == "__main__":
    main()
