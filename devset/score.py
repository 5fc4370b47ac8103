#!/usr/bin/env python3
"""Scores Parallax's analyses of the development set against the committed manifest.

    python3 devset/score.py [--bin target/debug/parallax] [--stance] [--verbose] [--story NAME]

For every story folder under devset/texts/ it runs `parallax articles --corpus DIR --json` (and,
with --stance, `parallax stance --corpus DIR --json --profile devset/stories/STORY.toml`) and
compares the output with devset/manifest/STORY.toml. It prints:

- outlets: precision and recall of (article, outlet) pairs, where the gold outlets are the ones the
  text itself names as publisher, wire or aggregator; cited and photo agencies must not be given
  those roles (they count as false positives when they are);
- dates: exact-day accuracy where the text states the date, within-3-days where it can only be
  inferred, and how many articles got only a year;
- headlines: the share whose headline starts with the gold headline's first words, and every
  headline that is wrong (site chrome, a caption, a standfirst);
- stance (with --stance): precision, recall and F1 of (article, target, polarity) per target, the
  macro-F1 over targets, and actor accuracy (gold positions whose article, target and polarity the
  tagger found, with the gold actor among the tagger's actors for them).

The texts are not in the repository (see devset/README.md): without them the script says so and
exits 0.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tomllib
from collections import defaultdict
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEVSET = os.path.join(ROOT, "devset")
OUTLETS = os.path.join(ROOT, "crates", "parallax-core", "data", "outlets.tsv")


def norm(name):
    s = name.casefold().strip()
    s = re.sub(r"[^\w/ ]+", " ", s)
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def outlet_table():
    """alias (normalised) -> canonical name, from the shipped outlet table."""
    table = {}
    if not os.path.exists(OUTLETS):
        return table
    with open(OUTLETS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                continue
            canonical = cols[1]
            for alias in [canonical] + cols[2].split("|") + cols[3].split("|"):
                if alias.strip():
                    table.setdefault(norm(alias), canonical)
    return table


TABLE = outlet_table()


def canon(name):
    n = norm(name)
    for cand in (n, re.sub(r" news( agency)?$", "", n), n + " news"):
        if cand in TABLE:
            return norm(TABLE[cand])
    return re.sub(r" news( agency)?$", "", n)


def prefix_ok(title, gold):
    t = re.sub(r"[\W_]+", " ", title.casefold()).split()
    g = re.sub(r"[\W_]+", " ", gold.casefold()).split()
    return len(g) > 0 and t[: len(g)] == g


def run(binary, args):
    out = subprocess.run([binary] + args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"score: `parallax {' '.join(args)}` failed:\n{out.stderr}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def pct(a, b):
    return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "parallax"))
    ap.add_argument("--stance", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--story")
    opt = ap.parse_args()

    texts = os.path.join(DEVSET, "texts")
    stories = sorted(
        s for s in os.listdir(os.path.join(DEVSET, "manifest")) if s.endswith(".toml")
    )
    stories = [s[:-5] for s in stories if not opt.story or s[:-5] == opt.story]
    if not os.path.isdir(texts) or not any(
        os.path.isdir(os.path.join(texts, s)) for s in stories
    ):
        print("score: the development texts are absent (devset/texts/ is not committed); nothing to score")
        return 0

    o_tp = o_fp = o_fn = 0
    unknown = 0
    d_exact = d_stated = d_close = d_inferred = year_only = 0
    h_ok = h_total = h_none_ok = h_none = 0
    n_articles = 0
    misses = []
    st_gold = defaultdict(set)
    st_pred = defaultdict(set)
    st_evidence = defaultdict(list)
    st_found = defaultdict(list)
    actor_hit = actor_total = 0

    for story in stories:
        folder = os.path.join(texts, story)
        if not os.path.isdir(folder):
            print(f"score: {story}: texts absent, skipped")
            continue
        with open(os.path.join(DEVSET, "manifest", f"{story}.toml"), "rb") as f:
            manifest = tomllib.load(f)["article"]
        got = {a["id"]: a for a in run(opt.bin, ["articles", "--corpus", folder, "--json"])}
        for m in manifest:
            a = got.get(m["id"])
            if a is None:
                misses.append(f"{m['id']}: not in the CLI's output")
                continue
            n_articles += 1
            # Outlets.
            gold = set()
            if m.get("publisher_named") and m.get("publisher"):
                gold.add(canon(m["publisher"]))
            gold |= {canon(w) for w in m.get("wires", []) + m.get("via", [])}
            pred = {
                canon(o["name"])
                for o in a["outlets"]
                if o["role"] in ("publisher", "wire", "aggregator")
            }
            if not pred:
                unknown += 1
            tp, fp, fn = len(pred & gold), len(pred - gold), len(gold - pred)
            o_tp, o_fp, o_fn = o_tp + tp, o_fp + fp, o_fn + fn
            if fp or fn:
                misses.append(
                    f"{m['id']}: outlets want {sorted(gold)} got {sorted(pred)}"
                    f" ({', '.join(o['name'] + ':' + o['role'] for o in a['outlets'])})"
                )
            # Dates.
            gd = m.get("date", "")
            basis = m.get("date_basis", "unknown")
            pd = a["date"]
            if a["date_precision"] == "year" and pd:
                year_only += 1
            if gd and basis == "stated":
                d_stated += 1
                if pd == gd:
                    d_exact += 1
                else:
                    misses.append(f"{m['id']}: stated date {gd}, got {pd or 'none'} ({a['date_provenance']}: {a['date_reason']})")
            elif gd and basis == "inferred":
                d_inferred += 1
                ok = False
                if len(pd) == 10:
                    ok = abs((date.fromisoformat(pd) - date.fromisoformat(gd)).days) <= 3
                d_close += ok
                if not ok:
                    misses.append(f"{m['id']}: inferred date {gd}, got {pd or 'none'} ({a['date_reason']})")
            # Headlines.
            gh = m.get("headline", "")
            if gh:
                h_total += 1
                if prefix_ok(a["title"], gh):
                    h_ok += 1
                else:
                    misses.append(f"{m['id']}: headline should start “{gh}”, got “{a['title'][:90]}” ({a['title_provenance']})")
            else:
                h_none += 1
                if a["title_provenance"] != "text":
                    h_none_ok += 1
                else:
                    misses.append(f"{m['id']}: the text has no headline, got “{a['title'][:90]}”")
            for p in m.get("position", []):
                st_gold[(m["id"], p["target"], p["stance"])].add(p["actor"])
                st_evidence[(m["id"], p["target"], p["stance"])].append(f"{p['actor']}: “{p.get('evidence', '')}…”")
        if opt.stance:
            profile = os.path.join(DEVSET, "stories", f"{story}.toml")
            for t in run(opt.bin, ["stance", "--corpus", folder, "--json", "--profile", profile]):
                # The CLI says `neutral_report`; the manifests say `neutral`.
                stance = t["stance"].lower().replace("neutral_report", "neutral")
                key = (t["doc"], t["target"], stance)
                st_pred[key].add(t["actor"])
                st_found[key].append(f"{t['actor']} ¶{t['paragraph'] + 1}: {t['rule']}")

    print(f"development set: {n_articles} articles, {len(stories)} stories")
    prec = o_tp / (o_tp + o_fp) if o_tp + o_fp else 0.0
    rec = o_tp / (o_tp + o_fn) if o_tp + o_fn else 0.0
    print(f"outlets named by the text: precision {prec:.3f} ({o_tp}/{o_tp + o_fp}), recall {rec:.3f} ({o_tp}/{o_tp + o_fn}); articles with no outlet: {unknown}")
    print(f"stated dates exact: {pct(d_exact, d_stated)}; inferred dates within 3 days: {pct(d_close, d_inferred)}; year-only dates: {year_only}")
    print(f"headlines right: {pct(h_ok, h_total)}; texts without a headline given none: {pct(h_none_ok, h_none)}")
    if opt.stance:
        targets = sorted({k[1] for k in st_gold} | {k[1] for k in st_pred})
        f1s = []
        print("stance (article, target, polarity):")
        for tg in targets:
            g = {k for k in st_gold if k[1] == tg}
            p = {k for k in st_pred if k[1] == tg}
            tp = len(g & p)
            pr = tp / len(p) if p else 0.0
            rc = tp / len(g) if g else 0.0
            f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
            if g:
                f1s.append(f1)
            print(f"  {tg:<32} gold {len(g):>3} tagged {len(p):>3}  P {pr:.2f} R {rc:.2f} F1 {f1:.2f}")
        for k, actors in st_gold.items():
            if k in st_pred:
                actor_total += 1
                actor_hit += bool(actors & st_pred[k])
        g_all, p_all = set(st_gold), set(st_pred)
        tp = len(g_all & p_all)
        print(f"  all: precision {tp / len(p_all) if p_all else 0:.3f}, recall {tp / len(g_all) if g_all else 0:.3f}, macro-F1 {sum(f1s) / len(f1s) if f1s else 0:.3f} over {len(f1s)} targets")
        print(f"  actor accuracy: {pct(actor_hit, actor_total)}")
        for k in sorted(g_all - p_all):
            misses.append(f"{k[0]}: stance missed {k[1]} {k[2]} ({'; '.join(st_evidence[k])})")
        for k in sorted(p_all - g_all):
            misses.append(f"{k[0]}: stance not in gold {k[1]} {k[2]} ({'; '.join(st_found[k])})")
        for k in sorted(g_all & p_all):
            if not st_gold[k] & st_pred[k]:
                misses.append(f"{k[0]}: stance {k[1]} {k[2]} actor wants {sorted(st_gold[k])} got {sorted(st_pred[k])}")
    if opt.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
