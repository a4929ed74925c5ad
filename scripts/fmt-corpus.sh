#!/usr/bin/env bash
# How many commented files of a corpus `gpushare fmt` formats with every comment line kept.
# fmt checks each result itself (same values, same comment lines, or the file is refused), so a
# commented file that formats (exit 0) kept all its comments.
#   scripts/fmt-corpus.sh [DIR]   (default /work/shared/corpus/realworld; build cli/target/gpushare.jar first)
set -u
dir="${1:-/work/shared/corpus/realworld}"
jar="$(dirname "$0")/../cli/target/gpushare.jar"
files=0; commented=0; kept=0; formatted=0
for f in "$dir"/*.yaml "$dir"/*.yml; do
  [ -f "$f" ] || continue
  files=$((files + 1))
  ok=0
  java -jar "$jar" fmt "$f" >/dev/null 2>&1 && ok=1
  formatted=$((formatted + ok))
  # a line whose first non-blank character is #, or a # after a blank (a comment, not part of a word)
  if grep -qE '(^|[[:space:]])#' "$f"; then
    commented=$((commented + 1))
    kept=$((kept + ok))
    [ "$ok" = 1 ] || echo "not formatted: $f" >&2
  fi
done
echo "$files files, $formatted formatted; $commented with comments, $kept of them formatted with every comment line kept"
