#!/usr/bin/env bash
# Start-up of the command line, whole processes (docs/performance.md, "Start-up"): the JVM floor, the
# plain-fabric8 anchor, the read anchor (only reading the tutorial into the fabric8 model), and
# gpushare's launcher rendering and linting the tutorial, each run N times (default 7) in turn,
# median and range of wall time, and max RSS. Needs `mvn -B package -DskipTests` first
# (cli/target/gpushare and benchmarks/target/benchmarks.jar).
#   scripts/startup.sh [N]
# BASELINE=/path/to/another/clone/cli/target/gpushare adds that build's render and lint, run interleaved
# with the others, to compare two versions in one run (this VM's speed drifts by a third over minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
reference=src-test-fixtures/src/main/resources/io/gpushare/testing/reference/timeslicing
bench=benchmarks/target/benchmarks.jar
for f in cli/target/gpushare cli/target/gpushare.jar "$bench"; do
  [ -e "$f" ] || { echo "startup.sh: expected $f, found none; run mvn -B package -DskipTests first" >&2; exit 2; }
done

# the read anchor gets the launcher's JVM settings, its jar, and a class-data-sharing archive of its
# own, made here as mvn package makes the launcher's: the floor under lint, in the best conditions the
# JVM gives (the anchor's one class comes from benchmarks/target/classes, after the archived jar)
short="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds=off"
read_cp="cli/target/gpushare.jar:benchmarks/target/classes"
names=("JVM floor: java Hello (a class directory)" "fabric8 anchor: builders + asYaml, plain java")
commands=("java -cp benchmarks/target/classes io.gpushare.benchmarks.Hello" \
  "java -cp $bench io.gpushare.benchmarks.StartupAnchor")
# shellcheck disable=SC2086
if java $short -XX:DumpLoadedClassList="$work/read.classlist" -cp "$read_cp" io.gpushare.benchmarks.StartupReadAnchor \
    $reference/*.yaml >/dev/null \
  && java -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$work/read.classlist" \
    -XX:SharedArchiveFile="$work/read.jsa" -Xlog:cds=off -cp cli/target/gpushare.jar >/dev/null; then
  names+=("read anchor: SnakeYAML + KubeJson into fabric8, nothing else")
  commands+=("java $short -XX:SharedArchiveFile=$work/read.jsa -cp $read_cp io.gpushare.benchmarks.StartupReadAnchor $(echo $reference/*.yaml)")
else
  echo "startup.sh: could not run the read anchor or make its archive (see above); measuring without it" >&2
fi
names+=("gpushare render --out DIR" "gpushare lint (the tutorial's two files)")
commands+=("cli/target/gpushare render --out $work/out" "cli/target/gpushare lint $reference")
if [ -n "${BASELINE:-}" ]; then
  names+=("baseline render --out DIR" "baseline lint (the tutorial's two files)")
  commands+=("$BASELINE render --out $work/out" "$BASELINE lint $reference")
fi

# one warm-up run of each (the page cache), then the runs interleaved so that load hits all alike
for command in "${commands[@]}"; do $command >/dev/null 2>&1 || true; done
for ((run = 0; run < runs; run++)); do
  for i in "${!commands[@]}"; do
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/t" ${commands[$i]} >/dev/null 2>&1 || true
    tail -n 1 "$work/t" >> "$work/times-$i" # time says "Command exited with non-zero status" first
  done
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each; $(java -version 2>&1 | head -1)"
echo
echo "| command | median wall | range | max RSS |"
echo "| --- | --- | --- | --- |"
for i in "${!commands[@]}"; do
  sort -n "$work/times-$i" | awk -v name="${names[$i]}" '
    { wall[NR] = $1; if ($2 > rss) rss = $2 }
    END { printf "| %s | %.2f s | %.2f to %.2f s | %d MiB |\n", name, wall[int((NR + 1) / 2)], wall[1], wall[NR], rss / 1024 }'
done
