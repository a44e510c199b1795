#!/usr/bin/env python3
"""Validate the nkwatch gazetteer: python3 data/gazetteer/check.py [dir]

Errors (exit 1): wrong field count, unknown label, empty canonical/label, duplicate canonical
across files, dangling parent, alias equal to its own canonical, empty alias/role item,
role not lower-case, tab/control characters, file without a header comment.
Warnings: a surface form (canonical or alias) shared by two entities, exactly or ignoring case.
Prints counts per file and per label.
"""
import collections
import glob
import os
import sys

LABELS = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"}


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    ents = {}                      # canonical -> (file, line, label, parent)
    forms = collections.defaultdict(set)
    per_file = collections.Counter()
    per_file_forms = collections.Counter()
    per_label = collections.Counter()
    files = sorted(glob.glob(os.path.join(d, "*.tsv")))
    if not files:
        errors.append("no .tsv files in " + d)
    for path in files:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if not lines or not lines[0].startswith("#"):
            errors.append("%s: first line must be a header comment" % name)
        if lines and lines[-1] == "":
            lines.pop()
        for i, line in enumerate(lines, 1):
            where = "%s:%d" % (name, i)
            if line.startswith("#") or line.strip() == "":
                continue
            if any(ord(c) < 32 and c != "\t" for c in line) or "\r" in line:
                errors.append(where + ": control character")
            fs = line.split("\t")
            if len(fs) != 5:
                errors.append("%s: %d fields, want 5" % (where, len(fs)))
                continue
            canon, label, parent, aliases, roles = fs
            if not canon or canon != canon.strip():
                errors.append(where + ": empty or padded canonical")
            if label not in LABELS:
                errors.append("%s: unknown label %r" % (where, label))
            if canon in ents:
                errors.append("%s: duplicate canonical %r (first at %s)" % (where, canon, ents[canon][0]))
                continue
            ents[canon] = (where, label, parent)
            per_file[name] += 1
            per_label[label] += 1
            al = aliases.split("|") if aliases else []
            for a in al:
                if not a or a != a.strip():
                    errors.append("%s: empty or padded alias in %r" % (where, canon))
                if a == canon:
                    errors.append("%s: alias equals canonical %r" % (where, canon))
            if len(set(al)) != len(al):
                errors.append("%s: repeated alias in %r" % (where, canon))
            for a in [canon] + al:
                forms[a].add(canon)
            per_file_forms[name] += 1 + len(al)
            for r in (roles.split("|") if roles else []):
                if not r or r != r.strip() or r != r.lower():
                    errors.append("%s: bad role %r in %r" % (where, r, canon))
    for canon, (where, label, parent) in ents.items():
        if parent and parent not in ents:
            errors.append("%s: parent %r of %r is not a canonical" % (where, parent, canon))
        if parent == canon:
            errors.append("%s: %r is its own parent" % (where, canon))
    # parent cycles
    for canon in ents:
        seen, c = set(), canon
        while c and c in ents and c not in seen:
            seen.add(c)
            c = ents[c][2]
        if c and c in seen:
            errors.append("parent cycle through %r" % canon)
            break
    for form, owners in sorted(forms.items()):
        if len(owners) > 1:
            warnings.append("surface form %r shared by: %s" % (form, "; ".join(sorted(owners))))
    lower = collections.defaultdict(set)
    for form, owners in forms.items():
        lower[form.casefold()] |= owners
    for form, owners in sorted(lower.items()):
        if len(owners) > 1 and not any(len(forms[f]) > 1 for f in forms if f.casefold() == form):
            warnings.append("surface form %r (ignoring case) shared by: %s" % (form, "; ".join(sorted(owners))))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print()
    print("%-20s %8s %10s" % ("file", "entities", "names"))
    for name in sorted(per_file):
        print("%-20s %8d %10d" % (name, per_file[name], per_file_forms[name]))
    print("%-20s %8d %10d" % ("total", sum(per_file.values()), sum(per_file_forms.values())))
    print()
    for label in sorted(per_label):
        print("%-8s %6d" % (label, per_label[label]))
    print()
    print("%d errors, %d warnings" % (len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
