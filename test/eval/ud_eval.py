#!/usr/bin/env python3
"""Score a CoNLL-U analysis against gold, as the CoNLL 2018 shared task does.

    ud_eval.py GOLD.conllu SYSTEM.conllu [--json] [--diff N]

Our own implementation of the shared task's measures.  Both files must
hold the same text once white space is removed; every token, word and
sentence gets the character span it covers in that text.

- Tokens and Sentences: spans found in both files.
- Words: the words of the two files are aligned.  Outside multiword
  tokens a system word is aligned to the gold word with the same span.
  Where a multiword token is on either side, the words of the smallest
  region of overlapping tokens on both sides are aligned by the longest
  common subsequence of their lower-cased forms (as the shared task does).
  A gold-tokenized system output aligns word for word.
- UPOS, XPOS, UFeats, Lemmas: aligned words with equal values (a gold
  lemma "_" matches any lemma).
- UAS: aligned words whose heads are aligned to each other (or both root).
- LAS: UAS and the same universal relation: the part of DEPREL before
  ":" (nmod:poss counts as nmod), as the shared task compares them.
  LAS-full compares the whole DEPREL with its subtype.

Precision is over the system's items, recall over gold's; AlignedAcc is
over the aligned words.  --diff N lists the N commonest token-split
disagreements (gold tokens not found in the system output, with what the
system had over the same characters), and of tokens found in both but
split into other words.
"""
import argparse
import collections
import json
import sys

ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)


class Word:
    __slots__ = ("cols", "span", "multi", "head_word", "index")

    def __init__(self, cols, span, multi, index):
        self.cols = cols
        self.span = span        # the span of its token
        self.multi = multi      # part of a multiword token
        self.index = index
        self.head_word = None   # the Word its HEAD names, None for root


class Doc:
    def __init__(self):
        self.text = []          # characters without white space
        self.tokens = []        # (start, end, form)
        self.sentences = []     # (start, end)
        self.words = []


def strip_space(s):
    return "".join(c for c in s if not c.isspace())


def read_conllu(path):
    doc = Doc()
    pos = 0
    sent_start = 0
    sent_words = []
    multi_end = 0               # last word ID of the open multiword token
    multi_span = None

    def close_sentence(lineno):
        nonlocal sent_words
        if not sent_words:
            return
        by_id = {int(w.cols[ID]): w for w in sent_words}
        for w in sent_words:
            h = w.cols[HEAD]
            if h == "_":
                continue
            try:
                h = int(h)
            except ValueError:
                raise SystemExit("%s: line %d: bad HEAD %r" % (path, lineno, h))
            if h != 0:
                if h not in by_id:
                    raise SystemExit("%s: line %d: HEAD %d is no word of the sentence" % (path, lineno, h))
                w.head_word = by_id[h]
        doc.sentences.append((sent_start, pos))
        sent_words = []

    with open(path, encoding="utf-8") as f:
        lineno = 0
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line:
                close_sentence(lineno)
                sent_start = pos
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise SystemExit("%s: line %d: %d columns, not 10" % (path, lineno, len(cols)))
            if "." in cols[ID]:
                continue        # an empty node: no word of the surface
            if not sent_words and multi_end == 0:
                sent_start = pos
            if "-" in cols[ID]:
                a, b = cols[ID].split("-")
                form = strip_space(cols[FORM])
                multi_end = int(b)
                multi_span = (pos, pos + len(form))
                doc.tokens.append((pos, pos + len(form), cols[FORM]))
                doc.text.append(form)
                pos += len(form)
                continue
            if multi_end and int(cols[ID]) <= multi_end:
                w = Word(cols, multi_span, True, len(doc.words))
                if int(cols[ID]) == multi_end:
                    multi_end = 0
            else:
                form = strip_space(cols[FORM])
                span = (pos, pos + len(form))
                doc.tokens.append((span[0], span[1], cols[FORM]))
                doc.text.append(form)
                pos += len(form)
                w = Word(cols, span, False, len(doc.words))
            doc.words.append(w)
            sent_words.append(w)
        close_sentence(lineno)
    doc.text = "".join(doc.text)
    return doc


def lcs_pairs(a, b):
    """Index pairs of a longest common subsequence of the lists a and b."""
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            t[i][j] = t[i + 1][j + 1] + 1 if a[i] == b[j] else max(t[i + 1][j], t[i][j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif t[i + 1][j] >= t[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def align(gold, system):
    """Pairs (gold word, system word) of aligned words."""
    g, s = gold.words, system.words
    pairs = []
    gi = si = 0
    while gi < len(g) and si < len(s):
        if g[gi].multi or s[si].multi:
            # the region of overlapping tokens around them, on both sides
            end = max(g[gi].span[1], s[si].span[1])
            gj, sj = gi, si
            while True:
                grew = False
                while gj < len(g) and g[gj].span[0] < end:
                    end = max(end, g[gj].span[1])
                    gj += 1
                    grew = True
                while sj < len(s) and s[sj].span[0] < end:
                    end = max(end, s[sj].span[1])
                    sj += 1
                    grew = True
                if not grew:
                    break
            gforms = [w.cols[FORM].lower() for w in g[gi:gj]]
            sforms = [w.cols[FORM].lower() for w in s[si:sj]]
            for a, b in lcs_pairs(gforms, sforms):
                pairs.append((g[gi + a], s[si + b]))
            gi, si = gj, sj
        elif g[gi].span == s[si].span:
            pairs.append((g[gi], s[si]))
            gi += 1
            si += 1
        elif g[gi].span[1] <= s[si].span[1]:
            gi += 1
        else:
            si += 1
    return pairs


def prf(correct, gold_total, sys_total, aligned=None):
    p = correct / sys_total if sys_total else 0.0
    r = correct / gold_total if gold_total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"precision": p, "recall": r, "f1": f, "correct": correct,
           "gold": gold_total, "system": sys_total}
    if aligned is not None:
        out["aligned_accuracy"] = correct / aligned if aligned else 0.0
    return out


def spans_found(a, b):
    return len(set(a) & set(b))


def evaluate(gold, system):
    if gold.text != system.text:
        k = next((i for i, (x, y) in enumerate(zip(gold.text, system.text)) if x != y),
                 min(len(gold.text), len(system.text)))
        raise SystemExit("the texts differ at character %d (without white space): gold %r, system %r"
                         % (k, gold.text[k:k + 20], system.text[k:k + 20]))
    res = {}
    gtok = [(a, b) for a, b, _ in gold.tokens]
    stok = [(a, b) for a, b, _ in system.tokens]
    res["Tokens"] = prf(spans_found(gtok, stok), len(gtok), len(stok))
    res["Sentences"] = prf(spans_found(gold.sentences, system.sentences),
                           len(gold.sentences), len(system.sentences))
    pairs = align(gold, system)
    n = len(pairs)
    ng, ns = len(gold.words), len(system.words)
    res["Words"] = prf(n, ng, ns, n)
    s_to_g = {id(sw): gw for gw, sw in pairs}

    def count(fn):
        return sum(1 for gw, sw in pairs if fn(gw, sw))

    def head_ok(gw, sw):
        if sw.cols[HEAD] == "_" or gw.cols[HEAD] == "_":
            return False
        if sw.head_word is None or gw.head_word is None:
            return sw.head_word is None and gw.head_word is None
        return s_to_g.get(id(sw.head_word)) is gw.head_word

    res["UPOS"] = prf(count(lambda g, s: g.cols[UPOS] == s.cols[UPOS]), ng, ns, n)
    res["XPOS"] = prf(count(lambda g, s: g.cols[XPOS] == s.cols[XPOS]), ng, ns, n)
    res["UFeats"] = prf(count(lambda g, s: g.cols[FEATS] == s.cols[FEATS]), ng, ns, n)
    res["Lemmas"] = prf(count(lambda g, s: g.cols[LEMMA] == "_" or g.cols[LEMMA] == s.cols[LEMMA]), ng, ns, n)
    res["UAS"] = prf(count(head_ok), ng, ns, n)
    res["LAS"] = prf(count(lambda g, s: head_ok(g, s) and
                           g.cols[DEPREL].split(":")[0] == s.cols[DEPREL].split(":")[0]), ng, ns, n)
    res["LAS-full"] = prf(count(lambda g, s: head_ok(g, s) and g.cols[DEPREL] == s.cols[DEPREL]), ng, ns, n)
    return res


def split_diffs(gold, system, top):
    """The commonest gold tokens the system split or merged otherwise, with the system's tokens there."""
    stok = {(a, b) for a, b, _ in system.tokens}
    starts = sorted(system.tokens)
    out = collections.Counter()
    j = 0
    for a, b, form in gold.tokens:
        if (a, b) in stok:
            continue
        while j < len(starts) and starts[j][1] <= a:
            j += 1
        k = j
        sys_forms = []
        while k < len(starts) and starts[k][0] < b:
            sys_forms.append(starts[k][2])
            k += 1
        out[(form, " ".join(sys_forms))] += 1
    return out.most_common(top)


def word_diffs(gold, system, top):
    """Gold multiword tokens that the system did not split the same way, and the reverse."""
    out = collections.Counter()
    gw = collections.defaultdict(list)
    sw = collections.defaultdict(list)
    for w in gold.words:
        gw[w.span].append(w.cols[FORM])
    for w in system.words:
        sw[w.span].append(w.cols[FORM])
    for span, forms in gw.items():
        if span in sw and sw[span] != forms:
            out[(" ".join(forms), " ".join(sw[span]))] += 1
    return out.most_common(top)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--diff", type=int, default=0, metavar="N")
    a = ap.parse_args()
    gold = read_conllu(a.gold)
    system = read_conllu(a.system)
    res = evaluate(gold, system)
    if a.json:
        json.dump(res, sys.stdout, indent=1)
        print()
    else:
        print("Metric     | Precision |    Recall |  F1 Score | AlignedAcc")
        print("-----------+-----------+-----------+-----------+-----------")
        for k, v in res.items():
            acc = "%10.2f" % (100 * v["aligned_accuracy"]) if "aligned_accuracy" in v else " " * 10
            print("%-10s | %9.2f | %9.2f | %9.2f | %s" % (k, 100 * v["precision"], 100 * v["recall"],
                                                         100 * v["f1"], acc))
    if a.diff:
        print("\ngold token <- system tokens over the same characters (count)")
        for (g, s), c in split_diffs(gold, system, a.diff):
            print("%5d  %s  <-  %s" % (c, g, s))
        print("\nsame token, other words: gold words <- system words (count)")
        for (g, s), c in word_diffs(gold, system, a.diff):
            print("%5d  %s  <-  %s" % (c, g, s))


if __name__ == "__main__":
    main()
