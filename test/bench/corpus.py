#!/usr/bin/env python3
"""corpus.py -- hand-run acceptance of the store on an evaluation corpus (never part of the test suite).

    test/bench/corpus.py CORPUS GOLD [--db NAME]

Ingests every CORPUS/*.txt twice with nk_ingest (url, outlet and publication day from
CORPUS/index.tsv when it gives them) into a fresh database NAME (default nkbench_corpus, dropped
and created on the server PGHOST/PGPORT/PGUSER name, which must have nkwatch installed), and
reports: the articles stored per file after each round (1 each, the ids of the first round again),
the stories and their summed counts after each round (the same), and how many of the contradict
and update pairs of GOLD/pairs.jsonl nk_conflicts lists.  A pair counts as listed when a row of
nk_conflicts joins the two articles (in either order) and its two evidence sentences are the
pair's two sentences (one text holding the other, compared without case and spacing).  Prints
what it found; asserts nothing.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys


def dollar(s):
    if s is None:
        return "NULL"
    tag = "$q$"
    while tag in s:
        tag = tag[:-1] + "q$"
    return f"{tag}{s}{tag}"


def psql(db, sql):
    p = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db], input=sql,
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"corpus.py: psql failed: {p.stderr.strip()}")
    return [l for l in p.stdout.splitlines() if l]


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def same_sentence(a, b):
    a, b = norm(a), norm(b)
    return bool(a) and bool(b) and (a in b or b in a)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("gold")
    ap.add_argument("--db", default="nkbench_corpus")
    a = ap.parse_args()

    index = {}
    ip = os.path.join(a.corpus, "index.tsv")
    if os.path.exists(ip):
        with open(ip, newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                index[row["id"]] = row
    files = sorted(n[:-4] for n in os.listdir(a.corpus) if n.endswith(".txt"))
    rows = []
    for doc in files:
        meta = index.get(doc, {})
        raw = open(os.path.join(a.corpus, doc + ".txt"), encoding="utf-8").read()
        pub = meta.get("published") or None
        rows.append(f"({dollar(doc)}, {dollar(raw)}, {dollar(meta.get('url') or None)}, "
                    f"{dollar(pub + ' 12:00+00' if pub else None)}::timestamptz, {dollar(meta.get('outlet') or None)})")

    psql("postgres", f"DROP DATABASE IF EXISTS {a.db};\nCREATE DATABASE {a.db} ENCODING 'UTF8' TEMPLATE template0;")
    psql(a.db, "CREATE EXTENSION nkwatch;")
    load = ("CREATE TABLE corpus_page (doc text PRIMARY KEY, raw text, url text, published timestamptz, outlet text);\n"
            "CREATE TABLE corpus_run (round int, doc text, id bigint);\n"
            "INSERT INTO corpus_page VALUES\n" + ",\n".join(rows) + ";\n")
    psql(a.db, load)
    rounds = []
    for r in (1, 2):
        out = psql(a.db, f"""
INSERT INTO corpus_run SELECT {r}, doc, nk_ingest(raw, url, published, outlet) FROM corpus_page ORDER BY doc;
SELECT (SELECT count(*) FROM nk_articles), (SELECT count(DISTINCT id) FROM corpus_run WHERE round = {r}),
       (SELECT count(*) FROM nk_stories), (SELECT coalesce(sum(num_articles), 0) FROM nk_stories),
       (SELECT coalesce(sum(num_events), 0) FROM nk_stories), (SELECT coalesce(sum(num_sources), 0) FROM nk_stories),
       (SELECT count(*) FROM nk_stories WHERE num_articles > 1);""")
        rounds.append(out[0].split("|"))
    same_ids = psql(a.db, "SELECT count(*) FROM corpus_run x JOIN corpus_run y ON y.doc = x.doc "
                          "AND x.round = 1 AND y.round = 2 WHERE x.id <> y.id;")[0]
    print(f"{len(files)} files")
    for r, (arts, ids, stories, sa, se, ss, multi) in enumerate(rounds, 1):
        print(f"round {r}: {arts} articles, {ids} distinct ids; {stories} stories ({multi} of several articles),"
              f" sums of num_articles {sa}, num_events {se}, num_sources {ss}")
    print(f"ids that changed between the rounds: {same_ids}")
    print("stable:", "yes" if rounds[0] == rounds[1] and same_ids == "0" else "NO")

    pairs = [json.loads(l) for l in open(os.path.join(a.gold, "pairs.jsonl")) if l.strip()]
    conflicts = psql(a.db, """
SELECT json_build_object('a', ra.doc, 'b', rb.doc, 'relation', c.relation, 'reason', c.reason,
                         'ea', c.a_evidence, 'eb', c.b_evidence)
  FROM nk_conflicts c
  JOIN corpus_run ra ON ra.id = c.a_article AND ra.round = 1
  JOIN corpus_run rb ON rb.id = c.b_article AND rb.round = 1;""")
    conflicts = [json.loads(c) for c in conflicts]
    print(f"nk_conflicts: {len(conflicts)} rows")
    want = [p for p in pairs if p["relation"] in ("contradict", "update")]
    found = 0
    for p in want:
        hit = None
        for c in conflicts:
            if ({c["a"], c["b"]} == {p["a"], p["b"]} and
                    ((same_sentence(c["ea"], p["a_text"]) and same_sentence(c["eb"], p["b_text"])) or
                     (same_sentence(c["ea"], p["b_text"]) and same_sentence(c["eb"], p["a_text"])))):
                hit = c
                break
        found += hit is not None
        print(f"  {p['id']} {p['relation']:10} {p['a']}-{p['b']}: "
              + (f"listed as {hit['relation']} ({hit['reason']})" if hit else "not listed")
              + f"  [{p.get('note', '')}]")
    print(f"gold contradict/update pairs listed by nk_conflicts: {found} of {len(want)}")


if __name__ == "__main__":
    main()
