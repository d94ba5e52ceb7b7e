#!/usr/bin/env bash
# Whole-process benchmark of the kubelint command (not part of the tests; timing never decides a test).
#
#   bench/process-bench.sh [RUNS]
#
# Publishes kubelint twice, as a Native AOT executable and as a framework-dependent (JIT) app, then for each:
#   - lints ../shared/corpus/real in one process: documents per second, wall time, peak memory (/usr/bin/time -v),
#     and the time share of loading and of each analysis pass (kubelint --timings);
#   - start-up: median wall time of RUNS (default 20) runs on one small file.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
corpus=../shared/corpus/real
small=examples/configmap.yaml
out=${KUBELINT_BENCH_OUT:-$(mktemp -d)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "publishing to $out" >&2
dotnet publish src/Cli -c Release -r linux-x64 -o "$out/aot" -nologo -clp:ErrorsOnly >&2
dotnet publish src/Cli -c Release -p:PublishAot=false -o "$out/jit" -nologo -clp:ErrorsOnly >&2

# Sarif.Sdk serializes through Newtonsoft.Json reflection: the native build must write exactly what the JIT build writes.
"$out/aot/kubelint" examples/ --format sarif --output "$out/aot.sarif" --fail-level none
"$out/jit/kubelint" examples/ --format sarif --output "$out/jit.sarif" --fail-level none
cmp "$out/aot.sarif" "$out/jit.sarif" || { echo "native SARIF differs from JIT SARIF" >&2; exit 1; }
../shared/tools/validate-sarif "$out/aot.sarif" >&2 || { echo "native SARIF is not valid" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

median_startup() {
  local bin=$1 times=() i start
  for ((i = 0; i < runs; i++)); do
    start=$(now_ms)
    "$bin" "$small" --fail-level none >/dev/null
    times+=($(( $(now_ms) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

measure() {
  local name=$1 bin=$2
  local stats="$out/$name.time" timings="$out/$name.timings"
  # Warm the file cache so both builds read the corpus from memory.
  "$bin" "$corpus" --format json --output /dev/null --fail-level none >/dev/null 2>&1 || true
  /usr/bin/time -v -o "$stats" "$bin" "$corpus" --format json --output /dev/null --fail-level none --timings 2>"$timings"
  local wall docs rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$stats")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$stats")
  docs=$(awk '/^timings: [0-9]+ documents/ { print $2 }' "$timings")
  echo "== $name ($bin)"
  echo "corpus: $docs documents in ${wall}s wall = $(awk -v d="$docs" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? d / w : 0) }') documents/s, peak memory $((rss / 1024)) MB"
  echo "start-up on $small: median $(median_startup "$bin") ms over $runs runs"
  echo "time share (kubelint --timings):"
  sed -n 's/^timings: /  /p' "$timings" | head -25
}

measure aot "$out/aot/kubelint"
measure jit "$out/jit/kubelint"
