#!/usr/bin/env python3
"""Generate a synthetic partnerops organisation for benchmarks.

usage: generate_corpus.py [--partners N] [--seed S] [--out DIR]

Writes DIR/partnerops.yaml, DIR/schemas/ (a copy of the repository's
schemas) and DIR/partners/<slug>/ for N partners (default 10000) spread over
every stage: partner.yaml and notes.md for all; agreement.yaml for
prospects, partners and some closed folders; invoices for partners; SOWs and
quotes for some. About four YAML files per partner. Every file is valid
against the schemas and the cross-file rules (`partnerops validate` reports none) as of
2026-11-23: totals are exact, invoice and quote numbers are gapless per year
across the corpus and follow issue dates, checklist items past due are done.
All dates are written quoted so that every YAML reader sees strings.

The output depends only on N and the seed. Python standard library only.
"""
import argparse
import datetime
import json
import os
import random
import shutil
from decimal import Decimal

TODAY = datetime.date(2026, 11, 23)
LAST_DAY = datetime.date(2026, 11, 20)
FIRST_DAY = datetime.date(2025, 1, 6)
D = datetime.timedelta

ADJECTIVES = ["Northern", "Coastal", "Prairie", "Alpine", "Riverside", "Harbor", "Summit", "Cedar", "Granite",
              "Meadow", "Aurora", "Pacific", "Atlantic", "Highland", "Lakeside", "Canyon", "Delta", "Evergreen",
              "Frontier", "Glacier", "Heritage", "Island", "Juniper", "Keystone", "Liberty", "Maple", "Orchard",
              "Pinecrest", "Quarry", "Redwood", "Sierra", "Tidewater", "Valley", "Willow", "Yukon", "Zenith"]
TOPICS = ["Climate", "Genomics", "Hydrology", "Neuroscience", "Data Science", "Astronomy", "Epidemiology",
          "Oceanography", "Ecology", "Materials", "Economics", "Linguistics", "Seismology", "Agronomy",
          "Public Health", "Statistics", "Geospatial", "Bioinformatics", "Energy", "Education"]
KINDS = [("Institute", "Research institute"), ("Lab", "Research laboratory"), ("Consortium", "Research consortium"),
         ("College", "Higher education"), ("University Department", "Higher education"),
         ("Foundation", "Nonprofit foundation"), ("Observatory", "Research infrastructure"),
         ("Network", "Community of practice"), ("Society", "Scholarly society"), ("Agency", "Public agency")]
FIRST = ["Ada", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam",
         "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tala", "Uma", "Victor", "Wen", "Ximena",
         "Yusuf", "Zoe"]
LAST = ["Abara", "Berg", "Castillo", "Dube", "Eriksen", "Fontaine", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka", "Umarov",
        "Varga", "Weber", "Xu", "Yilmaz", "Zhou"]
ROLES = ["Director", "Research Computing Manager", "Principal Investigator", "Chief Operating Officer",
         "Data Manager", "IT Lead", "Finance Manager", "Program Coordinator"]
OWNERS = ["tomas@commonscompute.org", "priya@commonscompute.org"]
# currency, tax label, tax rate percent, share of partners
CURRENCIES = [("USD", "Sales tax (exempt services)", "0", 60), ("EUR", "VAT reverse charge", "0", 20),
              ("GBP", "VAT", "20", 10), ("CAD", "GST", "5", 10)]
RATES = [("Infrastructure engineer", 170), ("Research software engineer", 150), ("Project manager", 110)]


# ---------------------------------------------------------------- YAML output

def scalar(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def emit(value, indent=0):
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(emit(item, indent + 2))
            elif isinstance(item, dict):
                lines.append(f"{pad}{key}: {{}}")
            elif isinstance(item, list):
                lines.append(f"{pad}{key}: []")
            else:
                lines.append(f"{pad}{key}: {scalar(item)}")
    else:
        for item in value:
            if isinstance(item, dict) and item:
                sub = emit(item, indent + 2)
                sub[0] = pad + "- " + sub[0][indent + 2:]
                lines.extend(sub)
            elif isinstance(item, list) and item:
                lines.append(f"{pad}-")
                lines.extend(emit(item, indent + 2))
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return lines


def write_yaml(path, schema, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# yaml-language-server: $schema={schema}\n")
        f.write("\n".join(emit(data)) + "\n")


# ---------------------------------------------------------------- helpers

def iso(d):
    return d.isoformat()


def money(amount):
    return f"{amount:.2f}"


def month_start_after(d):
    return datetime.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def add_months(d, months):
    m = d.month - 1 + months
    return datetime.date(d.year + m // 12, m % 12 + 1, 1)


class Numbering:
    """Collects documents, then numbers them gaplessly per year in date order."""

    def __init__(self, prefix, width):
        self.prefix, self.width, self.docs = prefix, width, []

    def add(self, date, doc, write):
        self.docs.append((date, len(self.docs), doc, write))

    def assign(self):
        seq = {}
        for date, _, doc, write in sorted(self.docs, key=lambda x: (x[0], x[1])):
            seq[date.year] = seq.get(date.year, 0) + 1
            doc["number"] = f"{self.prefix}-{date.year}-{seq[date.year]:0{self.width}d}"
            write(doc)


# ---------------------------------------------------------------- generator

class Generator:
    def __init__(self, n, seed, out, schemas):
        self.n, self.rng, self.out, self.schemas = n, random.Random(seed), out, schemas
        # Late and partial payments draw from their own stream, so the rest
        # of the corpus is the same as before they were added.
        self.collections = random.Random(seed + 7919)
        self.lifecycle = self.read_lifecycle()
        self.invoices = Numbering("INV", 5)
        self.quotes = Numbering("Q", 4)
        self.files = 0

    def read_lifecycle(self):
        """The checklist ids and due rules, read from lifecycle.yaml's simple layout."""
        stages, stage, item = {}, None, None
        with open(os.path.join(self.schemas, "lifecycle.yaml"), encoding="utf-8") as f:
            for raw in f:
                line = raw.rstrip("\n")
                if line.startswith("  - id: "):
                    stage = line[len("  - id: "):]
                    stages[stage] = []
                elif line.startswith("      - id: ") and stage:
                    item = {"id": line[len("      - id: "):], "requires": []}
                    stages[stage].append(item)
                elif line.startswith("        due_days: ") and item:
                    item["due_days"] = int(line.split(": ")[1])
                elif line.startswith("        requires: [") and item:
                    item["requires"] = [r.strip() for r in line.split("[")[1].rstrip("]").split(",")]
                elif line.startswith("transitions:"):
                    break
        return stages

    def write(self, rel, schema_name, data):
        depth = rel.count("/")
        write_yaml(os.path.join(self.out, rel), "../" * depth + f"schemas/{schema_name}.schema.yaml", data)
        self.files += 1

    def person(self):
        r = self.rng
        return f"{r.choice(FIRST)} {r.choice(LAST)}"

    def run(self):
        if os.path.exists(self.out):
            shutil.rmtree(self.out)
        os.makedirs(self.out)
        shutil.copytree(self.schemas, os.path.join(self.out, "schemas"))
        self.write_organisation()
        for i in range(self.n):
            self.partner(i)
        self.invoices.assign()
        self.quotes.assign()
        return self.files

    def write_organisation(self):
        org = {
            "organisation": {"name": "Commons Compute (benchmark)", "legal_name": "Commons Compute Collaborative",
                             "address": ["410 Alder Street, Suite 300", "Portland, OR 97205", "United States"],
                             "tax_id": "EIN 93-4417208", "email": "hello@commonscompute.org",
                             "website": "https://commonscompute.org/"},
            "payment": {"bank": "Columbia Cooperative Bank", "account_name": "Commons Compute",
                        "account_number": "7730 2291 0458", "routing": "123006800",
                        "instructions": "Please quote the invoice number."},
            "signatories": [{"name": "Maya Lindqvist", "title": "Executive Director",
                             "email": "maya@commonscompute.org"}],
            "numbering": {"invoice": "INV-{year}-{seq:5}", "credit_note": "CN-{year}-{seq:5}",
                          "quote": "Q-{year}-{seq:4}"},
            "defaults": {"currency": "USD", "payment_terms_days": 30, "paper": "a4",
                         "margins_mm": {"top": 20, "right": 18, "bottom": 22, "left": 18},
                         "date_style": "iso", "lead_inactive_days": 3650, "renewal_notice_days": 60},
            "branding": {"primary_colour": "#1f4e79", "accent_colour": "#e07a1f",
                         "footer": "Commons Compute Collaborative"},
            "roles": {"finance": ["daniel@commonscompute.org"], "leadership": ["maya@commonscompute.org"],
                      "partnerships": OWNERS},
            "branches": {"advance": "advance/{slug}-{stage}"},
        }
        self.write("partnerops.yaml", "partnerops", org)

    def checklist(self, stage, entered, left, done):
        """Marks the stage's items done at plausible dates.

        Every item of a stage already left is done before leaving it; in the
        current stage, items not yet due are done only sometimes. No date is
        after LAST_DAY.
        """
        cap = min(left or LAST_DAY, LAST_DAY)
        for item in self.lifecycle.get(stage, []):
            due = entered + D(days=item["due_days"])
            if left is None and due >= TODAY and self.rng.random() < 0.5:
                continue
            if any(r not in done for r in item["requires"]):
                continue
            when = entered + D(days=self.rng.randint(0, max(item["due_days"] - 1, 0)))
            when = max([when] + [done[r] for r in item["requires"]])
            done[item["id"]] = min(when, cap)

    def partner(self, i):
        r = self.rng
        adjective, topic, (kind, industry) = r.choice(ADJECTIVES), r.choice(TOPICS), r.choice(KINDS)
        name = f"{adjective} {topic} {kind}"
        slug = name.lower().replace(" ", "-") + f"-{i:05d}"
        currency, tax_label, tax_rate, _ = r.choices(CURRENCIES, weights=[c[3] for c in CURRENCIES])[0]
        domain = slug.replace("-", "")[:20] + ".org"
        contacts = []
        for k in range(r.randint(1, 3)):
            who = self.person()
            contacts.append({"name": who, "email": f"{who.split()[0].lower()}.{k}@{domain}",
                             "role": r.choice(ROLES)})
        contacts[0]["primary"] = True

        # Walk the lifecycle towards a target stage, stopping when dates run out.
        target = r.choices(["lead", "prospect", "partner", "closed"], weights=[30, 20, 40, 10])[0]
        lead_day = FIRST_DAY + D(days=r.randint(0, (LAST_DAY - FIRST_DAY).days))
        history = [{"date": lead_day, "stage": "lead", "reason": "inbound enquiry"}]
        qualified = target != "lead" or r.random() < 0.6
        verbal = None
        closed_reason = None
        if target in ("prospect", "partner") or (target == "closed" and r.random() < 0.5):
            when = lead_day + D(days=r.randint(14, 60))
            if when <= LAST_DAY:
                verbal = {"date": when - D(days=1), "outcome": "yes"}
                history.append({"date": when, "stage": "prospect", "reason": "verbal close: yes"})
        if history[-1]["stage"] == "prospect" and (target == "partner" or (target == "closed" and r.random() < 0.5)):
            when = history[-1]["date"] + D(days=r.randint(20, 90))
            if when <= LAST_DAY:
                history.append({"date": when, "stage": "partner", "reason": "agreement executed"})
        if target == "closed":
            when = history[-1]["date"] + D(days=r.randint(10, 120))
            if when <= LAST_DAY:
                if history[-1]["stage"] == "lead":
                    verbal = {"date": when - D(days=1), "outcome": "no"}
                    closed_reason = "verbal-no"
                else:
                    closed_reason = "lost" if history[-1]["stage"] == "prospect" else "ended"
                history.append({"date": when, "stage": "closed", "reason": f"closed: {closed_reason}"})
        stage = history[-1]["stage"]
        done = {}
        for k, h in enumerate(history):
            left = history[k + 1]["date"] if k + 1 < len(history) else None
            self.checklist(h["stage"], h["date"], left, done)
        stages = [h["stage"] for h in history]
        entered = {h["stage"]: h["date"] for h in history}

        p = {"slug": slug, "name": name, "qualified": qualified, "stage": stage}
        if closed_reason:
            p["closed_reason"] = closed_reason
        p.update({"owner": r.choice(OWNERS), "industry": industry, "website": f"https://{domain}/",
                  "contacts": contacts})
        if qualified:
            p["legal_entity"] = f"{name}, Inc."
            # Where invoices go; made from the names already drawn, without
            # a random draw, so the rest of the corpus does not move.
            p["billing"] = {"address": {"lines": ["Accounts Payable", f"{100 + len(slug)} Market Street"],
                                        "city": "Springfield", "postal_code": f"{10000 + len(name) * 37}",
                                        "country": "United States"},
                            "accounts_payable": {"name": contacts[0]["name"],
                                                 "email": f"ap@{domain}"}}
            p["assessment"] = {"strategic_fit": r.randint(1, 5), "financial_stability": r.randint(1, 5),
                               "potential_contribution": r.randint(1, 5),
                               "priority": r.choice(["high", "medium", "low"]), "assessed_on": iso(lead_day)}
        if verbal:
            p["verbal_close"] = {"date": iso(verbal["date"]), "outcome": verbal["outcome"]}
        p["checklist"] = {k: iso(v) for k, v in sorted(done.items(), key=lambda kv: kv[1])}
        in_partner = "partner" in stages
        if in_partner:
            start = entered["partner"]
            p["onboarding"] = [{"task": t, "responsible": who, "completed": True, "date": iso(min(start + D(days=d), LAST_DAY))}
                               for t, who, d in (("Introductory meeting", "Partnerships", 5),
                                                 ("Agreement signed", "Legal", 0),
                                                 ("Training provided", "Operations", 20),
                                                 ("Access to tools", "IT", 6))]
            p["collaboration"] = {"review_cadence": r.choice(["monthly", "quarterly", "annual"]),
                                  "next_review": iso(TODAY + D(days=r.randint(7, 90))),
                                  "action_plans": [{"action": "Joint case study", "responsible": p["owner"],
                                                    "due": iso(TODAY + D(days=r.randint(10, 200))),
                                                    "status": "open"}]}
        p["history"] = [{"date": iso(h["date"]), "stage": h["stage"], "reason": h["reason"]} for h in history]
        base = f"partners/{slug}"
        self.write(f"{base}/partner.yaml", "partner", p)
        self.notes(base, name, history, done)

        if "prospect" in stages:
            self.agreement(base, name, contacts, entered, done, currency, tax_label, tax_rate)

    def notes(self, base, name, history, done):
        lines = [f"# Running Notes — {name}", "", f"- **Stage:** {history[-1]['stage']}", ""]
        events = [(h["date"], f"Entered stage {h['stage']}") for h in history]
        if "draft-agreement-shared" in done:
            events.append((done["draft-agreement-shared"], "Draft Service Agreement Shared"))
        for when, title in sorted(events, key=lambda e: e[0]):
            lines += [f"## {iso(when)} {title}", "", "Recorded by the generator.", ""]
        path = os.path.join(self.out, base, "notes.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))

    def agreement(self, base, name, contacts, entered, done, currency, tax_label, tax_rate):
        r = self.rng
        executed = "partner" in entered
        prospect_day = entered["prospect"]
        shared = done.get("draft-agreement-shared")
        status_history = [{"date": prospect_day, "status": "draft"}]
        if shared:
            status_history.append({"date": shared, "status": "shared"})
            if "negotiation-started" in done:
                status_history.append({"date": done["negotiation-started"], "status": "negotiating"})
            if "ready-to-sign" in done:
                status_history.append({"date": done["ready-to-sign"], "status": "ready"})
        partner_day = entered.get("partner")
        if executed:
            status_history.append({"date": partner_day, "status": "executed"})
        # Dates never run backwards: clamp each to the previous one.
        for a, b in zip(status_history, status_history[1:]):
            b["date"] = max(a["date"], b["date"])
        start = month_start_after(partner_day or prospect_day)
        years = 2 if start < datetime.date(2025, 12, 1) else 1
        end = add_months(start, 12 * years) - D(days=1)
        schedule = r.choices(["monthly", "quarterly", "annual"], weights=[20, 60, 20])[0]
        fee = {"monthly": r.randrange(800, 4000, 50), "quarterly": r.randrange(2400, 12000, 100),
               "annual": r.randrange(9000, 45000, 500)}[schedule]
        fees = [{"description": "Managed JupyterHub service", "amount": money(fee), "schedule": schedule,
                 "first_period": start.strftime("%Y-%m")}]
        addenda = []
        if r.random() < 0.25:
            sow_id = "hub-setup"
            total = self.sow(base, name, sow_id, currency, prospect_day)
            fees.append({"description": "Hub set-up (Addendum A)", "amount": money(total), "schedule": "one-off",
                         "first_period": start.strftime("%Y-%m"), "sow": f"sow/{sow_id}.yaml"})
            addenda.append({"file": f"sow/{sow_id}.yaml", "title": "Addendum A — Statement of Work", "kind": "sow"})
        signatories = [{"name": "Maya Lindqvist", "title": "Executive Director", "party": "ours",
                        "email": "maya@commonscompute.org"},
                       {"name": contacts[0]["name"], "title": contacts[0]["role"], "party": "partner",
                        "email": contacts[0]["email"]}]
        if executed:
            for s in signatories:
                s["signed_on"] = iso(partner_day)
        a = {"kind": "service-agreement" if r.random() < 0.85 else "mou",
             "title": "Managed JupyterHub Service Agreement", "status": status_history[-1]["status"],
             "currency": currency, "scope": f"Managed interactive computing for {name}.\n",
             "services": [{"name": "Managed JupyterHub", "description": "A managed hub with support.\n"}],
             "responsibilities": {"ours": ["Operate the hub"], "theirs": ["Pay invoices on time"]},
             "term": {"start": iso(start), "end": iso(end), "renewal": r.choice(["auto", "manual"]),
                      "notice_days": r.choice([30, 60, 90])},
             "fees": fees, "tax": {"label": tax_label, "rate_percent": tax_rate}, "payment_terms_days": 30,
             "clauses": {"data_protection": True, "confidentiality": True, "publicity": r.random() < 0.5},
             "signatories": signatories}
        if addenda:
            a["addenda"] = addenda
        a["history"] = [{"date": iso(h["date"]), "status": h["status"]} for h in status_history]
        self.write(f"{base}/agreement.yaml", "agreement", a)
        if r.random() < 0.4:
            self.quote(base, currency, tax_label, tax_rate, prospect_day, fee, schedule)
        if executed:
            self.invoice_plan(base, currency, tax_label, tax_rate, start, min(end, entered.get("closed", end)),
                              fee, schedule,
                              fees[1]["amount"] if len(fees) > 1 else None)
            if r.random() < 0.5:
                self.kpis(base, currency)
            if r.random() < 0.5:
                self.issues(base, partner_day)

    def sow(self, base, name, sow_id, currency, day):
        r = self.rng
        deliverables, total = [], Decimal(0)
        for k in range(r.randint(2, 4)):
            role, rate = r.choice(RATES)
            estimates = []
            for t in range(r.randint(2, 4)):
                low = r.randint(2, 20)
                high = low + r.randint(0, 12)
                estimates.append({"task": f"Task {t + 1}", "low_hours": low, "high_hours": high})
                total += Decimal(high) * rate
            deliverables.append({"id": f"d{k + 1}", "title": f"Deliverable {k + 1}",
                                 "overview": "What will be delivered.\n",
                                 "definition_of_done": ["Accepted by the partner"], "role": role,
                                 "estimates": estimates})
        s = {"id": sow_id, "title": f"Hub set-up for {name}", "agreement": "agreement.yaml", "status": "agreed",
             "date": iso(day), "currency": currency,
             "rates": [{"role": role, "rate": money(rate)} for role, rate in RATES],
             "background": "Why the work is needed.\n", "user_stories": ["As a researcher, I want a hub."],
             "deliverables": deliverables, "out_of_scope": ["Cloud costs"],
             "timeline": [{"deliverable": d["id"], "start": iso(day + D(days=7 * k)),
                           "end": iso(day + D(days=7 * k + 13))} for k, d in enumerate(deliverables)]}
        self.write(f"{base}/sow/{sow_id}.yaml", "sow", s)
        return total

    def priced(self, doc, lines, tax_label, tax_rate):
        subtotal = sum((Decimal(l["amount"]) for l in lines), Decimal(0))
        tax = subtotal * Decimal(tax_rate) / 100
        doc.update({"lines": lines, "subtotal": money(subtotal),
                    "tax": {"label": tax_label, "rate_percent": tax_rate, "amount": money(tax)},
                    "total": money(subtotal + tax)})
        return doc

    def quote(self, base, currency, tax_label, tax_rate, day, fee, schedule):
        periods = {"monthly": 12, "quarterly": 4, "annual": 1}[schedule]
        lines = [{"description": f"Managed JupyterHub service ({schedule})", "quantity": periods,
                  "unit_price": money(fee), "amount": money(fee * periods)}]
        doc = {"number": None, "date": iso(day), "valid_until": iso(day + D(days=30)), "currency": currency,
               "status": "accepted"}
        self.priced(doc, lines, tax_label, tax_rate)

        def write(d):
            self.write(f"{base}/quotes/{d['number']}.yaml", "quote", d)
        self.quotes.add(day, doc, write)

    def invoice_plan(self, base, currency, tax_label, tax_rate, start, end, fee, schedule, one_off):
        r = self.rng
        step = {"monthly": 1, "quarterly": 3, "annual": 12}[schedule]
        period, k = start, 0
        while period <= LAST_DAY and period <= end:
            lines = [{"description": f"Managed JupyterHub service from {iso(period)}", "quantity": 1,
                      "unit_price": money(fee), "amount": money(fee)}]
            if k == 0 and one_off:
                lines.append({"description": "Hub set-up (Addendum A)", "quantity": 1,
                              "unit_price": one_off, "amount": one_off})
            if r.random() < 0.2:
                hours = r.randint(1, 8)
                rate = r.choice(RATES)[1]
                lines.append({"description": "Additional support (hours)", "quantity": f"{hours}.5",
                              "unit_price": money(rate), "amount": money(Decimal(hours) * rate + Decimal(rate) / 2)})
            issue = period
            due = issue + D(days=30)
            doc = {"number": None, "status": "issued", "issue_date": iso(issue), "due_date": iso(due),
                   "currency": currency, "period": period.strftime("%Y-%m")}
            self.priced(doc, lines, tax_label, tax_rate)
            late = self.collections.random()
            paid_after = r.randint(5, 30) if due < TODAY else 0
            if due < TODAY and late >= 0.15:
                doc["status"] = "paid"
                doc["payments"] = [{"date": iso(min(issue + D(days=paid_after), LAST_DAY)),
                                    "amount": doc["total"]}]
            elif due < TODAY and late >= 0.05:
                # Partly paid and overdue: something for the statement's ageing.
                total = Decimal(doc["total"].split()[0])
                part = (total * Decimal(self.collections.randint(10, 90)) / 100).quantize(Decimal("0.01"))
                doc["payments"] = [{"date": iso(min(issue + D(days=self.collections.randint(5, 60)), LAST_DAY)),
                                    "amount": money(part)}]
            else:
                doc["payments"] = []

            def write(d, base=base):
                self.write(f"{base}/invoices/{d['number']}.yaml", "invoice", d)
            self.invoices.add(issue, doc, write)
            period, k = add_months(period, step), k + 1

    def kpis(self, base, currency):
        r = self.rng
        k = {"period": "2026",
             "kpis": [{"metric": "Active users", "target": r.randint(50, 500), "actual": r.randint(40, 600),
                       "unit": "users", "responsible": "priya@commonscompute.org",
                       "action_items": ["Review onboarding material"], "status": "on-track"},
                      {"metric": "Revenue contribution", "target": f"{r.randint(5, 50) * 1000}.00 {currency}",
                       "actual": f"{r.randint(5, 50) * 1000}.00 {currency}",
                       "responsible": "daniel@commonscompute.org", "action_items": []}],
             "reviews": [{"date": "2026-09-15", "kind": "quarterly", "summary": "Quarterly review held.\n",
                          "improvements": ["Faster ticket responses"]}]}
        self.write(f"{base}/kpis.yaml", "kpis", k)

    def issues(self, base, day):
        when = min(day + D(days=self.rng.randint(5, 60)), LAST_DAY)
        i = {"issues": [{"id": "ISS-001", "description": "Slow server start at peak times", "category": "technical",
                         "severity": "medium", "date_reported": iso(when), "responsible": "priya@commonscompute.org",
                         "status": "resolved", "resolution": "Added warm spare nodes.",
                         "resolved_on": iso(min(when + D(days=3), LAST_DAY))}]}
        self.write(f"{base}/issues.yaml", "issues", i)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--partners", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(here, "corpus"))
    args = ap.parse_args()
    g = Generator(args.partners, args.seed, args.out, os.path.join(here, "..", "schemas"))
    files = g.run()
    print(f"{args.partners} partners, {files} YAML files in {args.out}")


if __name__ == "__main__":
    main()
