#!/usr/bin/env python3
"""Score the events stage outside the database, with score.py's own matching.

    events_score.py [--show N] [--driver build/nkwatch-cli] [--data data] EVAL_DIR

Runs `nkwatch-cli --page events` (the engine on raw pages, bodies found by
nk_parse_article as the SQL functions do) over EVAL_DIR/corpus in one run,
with the publication times score.py uses, and hands the rows to score.py's
score_events() in place of its psql query.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("eval_dir")
ap.add_argument("--show", type=int, default=0)
ap.add_argument("--driver", default="build/nkwatch-cli", help="the nkwatch-cli program")
ap.add_argument("--data", default="data")
a = ap.parse_args()

sys.path.insert(0, a.eval_dir)
import score  # noqa: E402

docs, gold, _ = score.load(os.path.join(a.eval_dir, "corpus"), os.path.join(a.eval_dir, "gold"))
ids = {}
files = []
for d in docs:
    path = os.path.join(a.eval_dir, "corpus", d["id"] + ".txt")
    ids[path] = d["id"]
    pub = d["published"] or "1970-01-01 12:00:00+00"
    ts = int(datetime.datetime.strptime(pub[:19], "%Y-%m-%d %H:%M:%S").replace(
        tzinfo=datetime.timezone.utc).timestamp())
    files.append(f"{path}\t{ts}\n")
out = subprocess.run([a.driver, "--json", "--page", "--data", a.data, "--list", "-", "events"],
                     input="".join(files), capture_output=True, text=True, check=True).stdout
rows = {d["id"]: [] for d in docs}
for line in out.splitlines():
    r = json.loads(line)
    rows[ids[r["file"]]].append({"type": r["event_type"], "actor": r["actor"], "target": r["target"],
                                 "status": r["status"], "from": r["date_from"]})
score.docs_table_sql = lambda docs: ""
score.psql_json = lambda sql: ([{"id": i, "rows": v} for i, v in rows.items()], None)
res = score.score_events(docs, gold, a.show)
for k, v in res.items():
    if isinstance(v, list):
        for line in v:
            print(f"   {k}: {line}")
    elif isinstance(v, float):
        print(f"   {k} = {v:.3f}")
    else:
        print(f"   {k} = {v}")
