#!/usr/bin/env bash
# Whole-process benchmark of the kubelint command (not part of the tests; timing never decides a test).
#
#   bench/process-bench.sh [RUNS] [COPIES]
#
# Publishes kubelint twice, as a Native AOT executable and as a framework-dependent (JIT) app, then for each:
#   - lints ../shared/corpus/real in one process, with simulation off and on: documents per second, wall time, CPU
#     time (user + system), peak memory (/usr/bin/time -v), the time share and allocations of loading and of each
#     analysis pass, and the garbage collector's figures (kubelint --timings);
#   - start-up: median wall time of RUNS (default 20) runs on one small file;
# then lints COPIES (default 10) copies of the corpus with the native build: the copies are made in a temporary
# folder at run time (never committed) and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
copies=${2:-10}
corpus=../shared/corpus/real
small=examples/configmap.yaml
out=${KUBELINT_BENCH_OUT:-$(mktemp -d)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "publishing to $out" >&2
dotnet publish src/Cli -c Release -r linux-x64 -o "$out/aot" -nologo -clp:ErrorsOnly >&2
dotnet publish src/Cli -c Release -p:PublishAot=false -o "$out/jit" -nologo -clp:ErrorsOnly >&2

# The native build must write exactly what the JIT build writes, and valid SARIF.
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

# Lints $2 with $1 once (after a warm-up run that brings the files into the page cache) and prints the figures.
corpus_run() {
  local bin=$1 input=$2 label=$3
  shift 3
  local stats="$out/run.time" timings="$out/run.timings"
  "$bin" "$input" "$@" --format json --output /dev/null --fail-level none >/dev/null 2>&1 || true
  /usr/bin/time -v -o "$stats" "$bin" "$input" "$@" --format json --output /dev/null --fail-level none --timings 2>"$timings"
  local wall cpu docs rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$stats")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$stats")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$stats")
  docs=$(awk '/^timings: [0-9]+ documents/ { print $2 }' "$timings")
  echo "$label: $docs documents in ${wall}s wall, ${cpu}s CPU = $(awk -v d="$docs" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? d / w : 0) }') documents/s, peak memory $((rss / 1024)) MB"
  echo "  time share and allocations (kubelint --timings):"
  sed -n 's/^timings: /    /p' "$timings" | grep -v 'memory:' | head -12
  sed -n 's/^timings: memory: /    memory: /p' "$timings"
}

measure() {
  local name=$1 bin=$2
  echo "== $name ($bin)"
  corpus_run "$bin" "$corpus" "corpus, simulation off" --no-simulate
  corpus_run "$bin" "$corpus" "corpus, simulation on"
  echo "start-up on $small: median $(median_startup "$bin") ms over $runs runs"
}

measure aot "$out/aot/kubelint"
measure jit "$out/jit/kubelint"

if ((copies > 0)); then
  many="$out/corpus-x$copies"
  for ((i = 1; i <= copies; i++)); do
    mkdir -p "$many/$i"
    cp -r "$corpus/." "$many/$i/"
  done
  echo "== aot on $copies copies of the corpus ($(du -sm "$many" | cut -f1) MB)"
  corpus_run "$out/aot/kubelint" "$many" "$copies copies, simulation off" --no-simulate
  rm -rf "$many"
fi
