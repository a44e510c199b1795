#!/usr/bin/env python3
"""Tests of ud_eval.py on CoNLL-U of our own: gold against itself, and
against a system output with known differences (a contraction not split,
two sentences as one, a wrong tag, head, relation and lemma).

    python3 test/eval/test_ud_eval.py
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ud_eval  # noqa: E402

GOLD = """# text = We can't go to Seoul.
1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
6\tSeoul\tSeoul\tPROPN\tNNP\t_\t4\tobl:to\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = Talks resumed.
1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""

SYSTEM = """# text = We can't go to Seoul. Talks resumed.
1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2\tcan't\tcan't\tAUX\tMD\t_\t3\taux\t_\t_
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
4\tto\tto\tPART\tIN\t_\t5\tcase\t_\t_
5\tSeoul\tSeoul\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tnsubj\t_\t_
7\tTalks\tTalks\tNOUN\tNNS\t_\t8\tnsubj\t_\t_
8\tresumed\tresume\tVERB\tVBD\t_\t3\tparataxis\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_

"""

failed = 0


def check(name, got, expected):
    global failed
    if abs(got - expected) > 1e-9:
        failed += 1
        print("FAIL %s: %r, expected %r" % (name, got, expected))


def read(text):
    with tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False, encoding="utf-8") as f:
        f.write(text)
    try:
        return ud_eval.read_conllu(f.name)
    finally:
        os.unlink(f.name)


gold = read(GOLD)
res = ud_eval.evaluate(gold, read(GOLD))
for metric, v in res.items():
    check(metric + " gold/gold", v["f1"], 1.0)

res = ud_eval.evaluate(gold, read(SYSTEM))
check("Tokens", res["Tokens"]["f1"], 1.0)
check("Sentences P", res["Sentences"]["precision"], 0.0)
check("Sentences R", res["Sentences"]["recall"], 0.0)
# ca + n't against can't: the other 8 words align
check("Words P", res["Words"]["precision"], 8 / 9)
check("Words R", res["Words"]["recall"], 8 / 10)
check("UPOS", res["UPOS"]["correct"], 7)           # to as PART
check("XPOS", res["XPOS"]["correct"], 8)
check("Lemmas", res["Lemmas"]["correct"], 7)       # Talks
check("UAS", res["UAS"]["correct"], 7)             # resumed not root
check("LAS", res["LAS"]["correct"], 6)             # . as nsubj; obl = obl:to
check("LAS-full", res["LAS-full"]["correct"], 5)   # and obl is not obl:to
check("LAS aligned", res["LAS"]["aligned_accuracy"], 6 / 8)

# a different text is refused
try:
    ud_eval.evaluate(gold, read(SYSTEM.replace("Seoul", "Tokyo")))
    failed += 1
    print("FAIL: different texts accepted")
except SystemExit:
    pass

print("%s" % ("ok" if not failed else "%d failed" % failed))
sys.exit(1 if failed else 0)
