#!/usr/bin/env python3
"""Cross-file rules of a partnerops tree, checked independently of the C++ tool.

The schemas cover types and shapes; this script checks what they cannot:
folder = slug, history order, closed_reason, exact totals, gapless numbering,
paid invoices, agreement history, addenda and SOW references, checklist ids
and items past due, and transition guards for every stage change recorded in
history. It serves to keep the demo and the generated corpus honest.

usage: check_rules.py ROOT [--today YYYY-MM-DD]
Prints one line per problem and a summary; exit status 1 when any is found.
"""
import argparse
import datetime
import os
import re
import sys
from decimal import Decimal

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from yaml2json import CoreLoader  # noqa: E402

MINOR_UNITS = {"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3}
MONEY = re.compile(r"^(-?[0-9]+(?:\.([0-9]+))?)(?: ([A-Z]{3}))?$")
problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=CoreLoader)


def day(text):
    return datetime.date.fromisoformat(text)


def money(path, text, currency):
    m = MONEY.match(text)
    if not m:
        problem(path, f"not money: {text!r}")
        return Decimal(0)
    if m.group(3) and m.group(3) != currency:
        problem(path, f"currency {m.group(3)} differs from document currency {currency}")
    if m.group(2) and len(m.group(2)) > MINOR_UNITS.get(currency, 2):
        problem(path, f"{text} has more decimals than {currency} allows")
    return Decimal(m.group(1))


def check_totals(path, doc):
    cur = doc["currency"]
    subtotal = Decimal(0)
    for i, line in enumerate(doc["lines"]):
        q = Decimal(str(line["quantity"]))
        amount = money(path, line["amount"], cur)
        if q * money(path, line["unit_price"], cur) != amount:
            problem(path, f"line {i + 1}: amount {line['amount']} != quantity × unit price")
        subtotal += amount
    if money(path, doc["subtotal"], cur) != subtotal:
        problem(path, f"subtotal {doc['subtotal']} != sum of lines {subtotal}")
    tax = money(path, doc["tax"]["amount"], cur)
    expected_tax = money(path, doc["subtotal"], cur) * Decimal(doc["tax"]["rate_percent"]) / 100
    if expected_tax != tax:
        problem(path, f"tax {tax} != subtotal × rate ({expected_tax})")
    if money(path, doc["total"], cur) != subtotal + tax:
        problem(path, f"total {doc['total']} != subtotal + tax")


def get(doc, dotted):
    for part in dotted.split("."):
        if not isinstance(doc, dict) or part not in doc:
            return None
        doc = doc[part]
    return doc


def guard_holds(folder, guard):
    path = os.path.join(folder, guard["file"])
    if not os.path.exists(path):
        return False
    value = get(load(path), guard["field"])
    if "equals" in guard:
        return value == guard["equals"]
    if "present" in guard:
        return value not in (None, "", [], {})
    return isinstance(value, list) and all(
        all(item.get(k) not in (None, "") for k in guard["every"]) for item in value)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--today", default=datetime.date.today().isoformat())
    args = ap.parse_args()
    today = day(args.today)
    root = args.root
    lifecycle = load(os.path.join(root, "schemas", "lifecycle.yaml")) \
        if os.path.exists(os.path.join(root, "schemas", "lifecycle.yaml")) \
        else load(os.path.join(os.path.dirname(__file__), "..", "schemas", "lifecycle.yaml"))
    items = {}
    stage_items = {}
    for stage in lifecycle["stages"]:
        stage_items[stage["id"]] = stage.get("checklist", [])
        for item in stage.get("checklist", []):
            items[item["id"]] = item
    transitions = {(t["from"], t["to"]): t["guards"] for t in lifecycle["transitions"]}
    reasons = {r for s in lifecycle["stages"] for r in s.get("reasons", [])}

    numbers = {"invoice": [], "quote": []}
    partners_dir = os.path.join(root, "partners")
    count = 0
    for slug in sorted(os.listdir(partners_dir)):
        folder = os.path.join(partners_dir, slug)
        ppath = os.path.join(folder, "partner.yaml")
        if not os.path.isfile(ppath):
            continue
        count += 1
        p = load(ppath)
        if p["slug"] != slug:
            problem(ppath, f"slug {p['slug']} != folder {slug}")
        hist = p["history"]
        if [h["date"] for h in hist] != sorted(h["date"] for h in hist):
            problem(ppath, "history dates do not ascend")
        if hist[-1]["stage"] != p["stage"]:
            problem(ppath, "last history stage != stage")
        if p["stage"] == "closed" and p.get("closed_reason") not in reasons:
            problem(ppath, "closed without a valid closed_reason")
        for a, b in zip(hist, hist[1:]):
            if (a["stage"], b["stage"]) not in transitions:
                problem(ppath, f"no transition {a['stage']} -> {b['stage']}")
                continue
            for g in transitions[(a["stage"], b["stage"])]:
                if not guard_holds(folder, g):
                    problem(ppath, f"guard fails for {a['stage']} -> {b['stage']}: {g.get('message', g['field'])}")
        done = {k: day(v) for k, v in (p.get("checklist") or {}).items()}
        for k, v in done.items():
            if k not in items:
                problem(ppath, f"unknown checklist item {k}")
            elif v > today:
                problem(ppath, f"checklist {k} done in the future")
            else:
                for r in items[k].get("requires", []):
                    if r not in done or done[r] > v:
                        problem(ppath, f"checklist {k} done before its requirement {r}")
        entered = {}
        for h in hist:
            entered[h["stage"]] = day(h["date"])
        for stage, start in entered.items():
            for item in stage_items.get(stage, []):
                if item["id"] in done:
                    continue
                if any(r not in done for r in item.get("requires", [])):
                    continue
                if start + datetime.timedelta(days=item["due_days"]) < today:
                    problem(ppath, f"checklist {item['id']} past due")
        agreement = None
        apath = os.path.join(folder, "agreement.yaml")
        if os.path.exists(apath):
            agreement = load(apath)
            ah = agreement["history"]
            if [h["date"] for h in ah] != sorted(h["date"] for h in ah):
                problem(apath, "history dates do not ascend")
            if ah[-1]["status"] != agreement["status"]:
                problem(apath, "last history status != status")
            for ref in [a["file"] for a in agreement.get("addenda", [])] + \
                       [f["sow"] for f in agreement.get("fees", []) if "sow" in f]:
                if not os.path.exists(os.path.join(folder, ref)):
                    problem(apath, f"missing {ref}")
            for f in agreement.get("fees", []):
                money(apath, f["amount"], agreement["currency"])
            if agreement["term"]["end"] < agreement["term"]["start"]:
                problem(apath, "term ends before it starts")
        elif p["stage"] in ("prospect", "partner") and "draft-agreement-shared" in done:
            problem(ppath, "draft agreement shared but no agreement.yaml")
        if "draft-agreement-shared" in done:
            notes = open(os.path.join(folder, "notes.md"), encoding="utf-8").read()
            if f"## {done['draft-agreement-shared']} Draft Service Agreement Shared" not in notes:
                problem(folder, "notes.md lacks the Draft Service Agreement Shared heading")
        notes_path = os.path.join(folder, "notes.md")
        if os.path.exists(notes_path):
            heads = re.findall(r"^## ([0-9]{4}-[0-9]{2}-[0-9]{2}) ", open(notes_path, encoding="utf-8").read(), re.M)
            if heads != sorted(heads):
                problem(notes_path, "dated headings do not ascend")
        else:
            problem(folder, "no notes.md")
        sow_dir = os.path.join(folder, "sow")
        for name in sorted(os.listdir(sow_dir)) if os.path.isdir(sow_dir) else []:
            spath = os.path.join(sow_dir, name)
            s = load(spath)
            if s["id"] + ".yaml" != name:
                problem(spath, "id != file name")
            roles = {r["role"] for r in s["rates"]}
            ids = {d["id"] for d in s["deliverables"]}
            for d in s["deliverables"]:
                if d["role"] not in roles:
                    problem(spath, f"deliverable {d['id']} role {d['role']} has no rate")
                for e in d["estimates"]:
                    if e["high_hours"] < e["low_hours"]:
                        problem(spath, f"{d['id']}: high below low")
            for t in s.get("timeline", []):
                if t["deliverable"] not in ids:
                    problem(spath, f"timeline names unknown deliverable {t['deliverable']}")
                if t["end"] < t["start"]:
                    problem(spath, "timeline ends before it starts")
        for kind, sub in (("invoice", "invoices"), ("quote", "quotes")):
            d = os.path.join(folder, sub)
            for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
                path = os.path.join(d, name)
                doc = load(path)
                if doc["number"] + ".yaml" != name:
                    problem(path, "number != file name")
                check_totals(path, doc)
                if agreement and doc["currency"] != agreement["currency"]:
                    problem(path, "currency differs from the agreement")
                date = doc["issue_date"] if kind == "invoice" else doc["date"]
                numbers[kind].append((doc["number"], date, path))
                if kind == "invoice":
                    paid = sum((money(path, x["amount"], doc["currency"]) for x in doc.get("payments", [])), Decimal(0))
                    if doc["status"] == "paid" and paid != money(path, doc["total"], doc["currency"]):
                        problem(path, "paid but payments do not add up to the total")
                    if doc["status"] == "issued" and day(doc["due_date"]) < today:
                        problem(path, "issued and overdue")
    numbering = load(os.path.join(root, "partnerops.yaml"))["numbering"]
    for kind in ("invoice", "quote"):
        rule = re.escape(numbering[kind]).replace(r"\{year\}", "([0-9]{4})")
        rule = re.sub(r"\\\{seq:([0-9]+)\\\}", lambda m: "([0-9]{%s,})" % m.group(1), rule)
        by_year = {}
        for number, date, path in numbers[kind]:
            m = re.match(f"^{rule}$", number)
            if not m:
                problem(path, f"number {number} does not follow the numbering rule")
                continue
            if m.group(1) != date[:4]:
                problem(path, "number year differs from the issue year")
            by_year.setdefault(m.group(1), []).append((int(m.group(2)), date, path))
        for year, seq in by_year.items():
            seq.sort()
            if [s for s, _, _ in seq] != list(range(1, len(seq) + 1)):
                problem(f"{kind} {year}", "numbering has gaps or duplicates")
            dates = [d for _, d, _ in seq]
            if dates != sorted(dates):
                problem(f"{kind} {year}", "numbers do not follow issue dates")
    for line in problems[:50]:
        print(line)
    print(f"partners: {count}, invoices: {len(numbers['invoice'])}, quotes: {len(numbers['quote'])}, problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
