#!/usr/bin/env bash
# Renders every example with the built jar and checks each Kubernetes document against the
# Kubernetes OpenAPI schemas, with the independent checker in ../shared/tools/k8s-schema-check
# (npm package kubernetes-models). Needs: the jar (mvn install), node and npm.
# Usage: scripts/schema-check.sh [PATH-TO-k8s-schema-check]
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-../shared/tools/k8s-schema-check}
if [ ! -f "$tool/check.mjs" ]; then
  echo "schema check: no checker at $tool (it lives in the project's shared/ folder)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the shared folder is read-only: install the checker's dependencies in a copy
cp -r "$tool" "$work/checker"
chmod -R u+w "$work/checker"
(cd "$work/checker" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
files=()
for example in timeslicing mps mig exclusive multi-gpu production timeslicing-corrected; do
  java -jar cli/target/gpushare.jar render --example "$example" --out "$work/out/$example" 2>/dev/null
  # every file render writes is a Kubernetes manifest (the driver's values only with --driver-values)
  files+=("$work/out/$example"/*.yaml)
done
node "$work/checker/check.mjs" "${files[@]}"
