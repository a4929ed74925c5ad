#!/usr/bin/env bash
# Times `gpushare lint` of a directory made of N copies of a corpus (issue 14, "Scale"):
#   scripts/scale-corpus.sh CORPUS_DIR N [RUNS]
# e.g. scripts/scale-corpus.sh /work/shared/corpus/realworld 68   (148 files x 68 = 10,064 files)
# Copies CORPUS_DIR's *.yaml / *.yml into TMP/c01 .. TMP/cN (a temp dir, removed at the end), then
# runs the launcher cli/target/gpushare (build it first: mvn -B -o -q package -DskipTests -pl cli -am)
# RUNS times (default 3) under /usr/bin/time, and prints each run's wall time, CPU time (user + sys),
# maximum resident set and exit code, with the load average before each run (other work on the
# machine shows in wall time, much less in CPU time). GPUSHARE_JAVA_OPTS is passed to the launcher
# (default -Xmx256m: the bound issue 14 asks for). The lint output of the last run is kept in
# scale-lint.out of the current directory, to compare runs byte for byte. Then one run of the read
# anchor (benchmarks' StartupReadAnchor: only reading the same files into the fabric8 model), the
# floor under any lint of them.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 CORPUS_DIR N [RUNS]" >&2
  exit 2
fi
corpus=$1
copies=$2
runs=${3:-3}
root="$(cd "$(dirname "$0")/.." && pwd)"
launcher="$root/cli/target/gpushare"
[ -x "$launcher" ] || { echo "expected the launcher at $launcher; build it first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "expected GNU time at /usr/bin/time" >&2; exit 2; }
export GPUSHARE_JAVA_OPTS="${GPUSHARE_JAVA_OPTS--Xmx256m}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq -w 1 "$copies"); do
  mkdir -p "$tmp/d/c$i"
  find "$corpus" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.yml' \) -exec cp {} "$tmp/d/c$i/" \;
done
files=$(find "$tmp/d" -type f | wc -l)
bytes=$(du -sb "$tmp/d" | cut -f1)
echo "corpus $corpus x $copies = $files files, $bytes bytes; GPUSHARE_JAVA_OPTS=$GPUSHARE_JAVA_OPTS; $(nproc) cores"
for run in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  status=0
  /usr/bin/time -o "$tmp/time" -f "%e %U %S %M" "$launcher" lint "$tmp/d" >"$tmp/out" 2>"$tmp/err" || status=$?
  read -r wall user sys rss < <(tail -1 "$tmp/time")
  cpu=$(echo "$user + $sys" | bc)
  echo "run $run: ${wall} s wall, ${cpu} s CPU (${user} user, ${sys} sys), $((rss / 1024)) MiB max RSS," \
    "exit $status; load average before: $load"
done
sed "s#$tmp/d/##" "$tmp/out" > scale-lint.out
tail -1 scale-lint.out

# the floor under it: only reading every file into the fabric8 model (StartupReadAnchor), with the
# launcher's JVM settings and heap bound and a class-data-sharing archive of its own
read_cp="$root/cli/target/gpushare.jar:$root/benchmarks/target/classes"
if [ -f "$root/benchmarks/target/classes/io/gpushare/benchmarks/StartupReadAnchor.class" ]; then
  short="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds=off"
  # shellcheck disable=SC2086
  if java $short -XX:DumpLoadedClassList="$tmp/read.classlist" -cp "$read_cp" io.gpushare.benchmarks.StartupReadAnchor \
      "$corpus" >/dev/null \
    && java -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$tmp/read.classlist" \
      -XX:SharedArchiveFile="$tmp/read.jsa" -Xlog:cds=off -cp "$root/cli/target/gpushare.jar" >/dev/null \
    && /usr/bin/time -o "$tmp/time" -f "%e %U %S %M" java $short $GPUSHARE_JAVA_OPTS \
      -XX:SharedArchiveFile="$tmp/read.jsa" -cp "$read_cp" io.gpushare.benchmarks.StartupReadAnchor "$tmp/d" >"$tmp/out"
  then
    read -r wall user sys rss < <(tail -1 "$tmp/time")
    echo "read anchor (reading only, no rules, nothing kept): ${wall} s wall, $(echo "$user + $sys" | bc) s CPU," \
      "$((rss / 1024)) MiB max RSS; $(cat "$tmp/out")"
  else
    echo "the read anchor failed (see above): no floor figure" >&2
  fi
else
  echo "no read anchor: build benchmarks/target/classes (mvn -B -o -q package -DskipTests) to add it" >&2
fi
