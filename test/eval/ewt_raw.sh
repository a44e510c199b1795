#!/bin/sh
# Score the engine's words and sentences on a UD treebank's raw text.
#
#   test/eval/ewt_raw.sh GOLD.conllu [N]
#
# Writes the "# text" of each gold sentence as one document (a blank line
# between sentences), runs `nkwatch-cli parse` on it and scores the result
# with ud_eval.py against the gold file (Tokens, Sentences, Words), listing
# the N (default 25) commonest split disagreements.  Run from the top of the
# tree after `make cli`; the files are left in build/eval/.
set -e
gold=${1:?usage: $0 GOLD.conllu [N]}
top=${2:-25}
dir=build/eval
name=$(basename "$gold" .conllu)
mkdir -p "$dir"
sed -n 's/^# text = //p' "$gold" | awk 'NR > 1 { print "" } { print }' > "$dir/$name.txt"
build/nkwatch-cli parse "$dir/$name.txt" > "$dir/$name.system.conllu"
python3 "$(dirname "$0")/ud_eval.py" "$gold" "$dir/$name.system.conllu" --diff "$top"
