#!/bin/bash
# A long fuzzing run of ManifestReader_fuzz_Test (docs/fuzzing.md): Jazzer's own driver, a 256 MiB
# heap, each input timed, every distinct crash kept. Usage: scripts/fuzz.sh [SECONDS] [WORKDIR]
set -euo pipefail
seconds=${1:-1200}
work=${2:-target/fuzz}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -B -o -q test-compile -pl core -am
mvn -B -o -q dependency:build-classpath -pl core -Dmdep.includeScope=test -Dmdep.outputFile="$root/core/target/fuzz-classpath.txt"
mkdir -p "$work/corpus" "$work/crashes"
cp core/src/test/resources/io/gpushare/core/yaml/ManifestReader_fuzz_TestInputs/should_judge_and_render_or_refuse_when_any_bytes_are_read/* "$work/corpus/"
java -Xmx256m -XX:-OmitStackTraceInFastThrow \
  -cp "core/target/classes:core/target/test-classes:$(cat core/target/fuzz-classpath.txt)" \
  com.code_intelligence.jazzer.Jazzer \
  --target_class=io.gpushare.core.yaml.ManifestReader_fuzz_Test \
  --target_method=should_judge_and_render_or_refuse_when_any_bytes_are_read \
  --instrumentation_includes='io.gpushare.**:org.yaml.**' \
  --keep_going=100000 \
  -timeout=10 -report_slow_units=2 -rss_limit_mb=2560 -max_len=16384 -print_final_stats=1 \
  -artifact_prefix="$work/crashes/" -max_total_time="$seconds" \
  "$work/corpus"
