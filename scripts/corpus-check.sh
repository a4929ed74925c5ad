#!/usr/bin/env bash
# Lints every file of the real-world corpus alone (../shared/corpus/realworld: public manifests that live
# beside the repository, sources in ../shared/corpus/SOURCES.tsv) with the built launcher's jar, with the
# --kubernetes-version scripts/corpus-expectations.tsv gives the file, and fails when a file reports other
# ERROR codes than the list expects: an unlisted file with an ERROR or unreadable, a listed one with
# different codes, or a listed file the corpus no longer has (so the list cannot go stale).
# The files are linted in one JVM (scripts/CorpusLint.java, the launcher's command line, one lint per file,
# each alone): 148 JVMs took minutes.
# Usage: scripts/corpus-check.sh CORPUS_DIR   (needs cli/target/gpushare.jar: mvn -B -q package -DskipTests -pl cli -am)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: scripts/corpus-check.sh CORPUS_DIR}
expectations=scripts/corpus-expectations.tsv
jar=cli/target/gpushare.jar
if [ ! -d "$corpus" ]; then
  echo "corpus check: no directory $corpus" >&2
  exit 2
fi
if [ ! -f "$jar" ]; then
  echo "corpus check: expected $jar, found none; build it with mvn -B -q package -DskipTests -pl cli -am" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the expected line of each listed file: version, codes
declare -A version expected
while IFS=$'\t' read -r file v codes _; do
  case $file in ''|'#'*) continue ;; esac
  version[$file]=$v
  expected[$file]=$codes
done <"$expectations"

for path in "$corpus"/*; do
  [ -f "$path" ] || continue
  name=$(basename "$path")
  printf '%s\t%s\n' "$path" "${version[$name]:--}"
done >"$work/list"
mkdir "$work/out"
java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar" scripts/CorpusLint.java "$work/list" "$work/out"

failed=0 files=0 clean=0 broken=0 unreadable=0 versioned=0
while IFS=$'\t' read -r path v; do
  name=$(basename "$path")
  files=$((files + 1))
  [ "$v" = - ] || versioned=$((versioned + 1))
  out="$work/out/$name.out"
  rc=$(cat "$work/out/$name.rc")
  # an acknowledged finding is printed "ERROR (acknowledged: ...) CODE" and does not count
  found=$(grep -o ': ERROR [A-Z_]*' "$out" | sed 's/^: ERROR //' | sort -u | paste -sd, - || true)
  found=${found:--}
  want=${expected[$name]:--}
  if [ "$rc" -gt 2 ] || grep -q 'internal error' "$out"; then
    echo "corpus check: $name: gpushare failed (exit $rc):" >&2
    sed 's/^/  /' "$out" >&2
    failed=1
  elif [ "$found" != "$want" ]; then
    if [ "$v" = - ] ; then with=""; else with=" (--kubernetes-version $v)"; fi
    echo "corpus check: $name$with: expected ERROR codes $want, found $found:" >&2
    grep ': ERROR ' "$out" | sed 's/^/  /' >&2 || true
    failed=1
  fi
  case $found in
    -) clean=$((clean + 1)) ;;
    UNREADABLE) unreadable=$((unreadable + 1)) ;;
    *) broken=$((broken + 1)) ;;
  esac
done <"$work/list"

for name in "${!expected[@]}"; do
  if [ ! -f "$corpus/$name" ]; then
    echo "corpus check: $name is listed in $expectations but not in $corpus: remove its line" >&2
    failed=1
  fi
done

echo "corpus check: $files files, $clean clean, $broken expected-broken, $unreadable unreadable" \
  "($versioned linted with --kubernetes-version)"
exit "$failed"
