#!/usr/bin/env bash
# On the GPU host (no Java there): unpacks .carry/gpu-bundle.tar.xz (made by pack.sh), checks the
# GPU with `fusescope doctor`, runs the GPU test suite with the JUnit console launcher and then the
# fusescope command given after `--` (e.g. a benchmark), writing everything under OUTDIR. A phase
# that outlives its time limit gets a thread dump (SIGQUIT) in its log, then is killed.
# Usage: scripts/device/gpu-suite.sh OUTDIR [PACKAGES_OR_CLASSES_TO_TEST,comma-separated] [-- FUSESCOPE ARGS...]
set -uo pipefail
out="$1"; shift
package="${1:-org.fusescope.kernels}"; shift || true
[[ "${1:-}" == "--" ]] && shift
mkdir -p /tmp/fs && tar -xJf .carry/gpu-bundle.tar.xz -C /tmp/fs
b=/tmp/fs/bundle
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
export FUSESCOPE_CACHE=/tmp/fusescope-cache
java="$b/jre/bin/java"
cp="$b/test-classes:$b/fusescope-app.jar$(printf ':%s' "$b"/lib/*.jar "$b"/test-lib/*.jar)"

# PHASE SECONDS LOG COMMAND...: runs COMMAND, dumps its threads and kills it after SECONDS
phase() {
    local name=$1 limit=$2 log=$3; shift 3
    echo "== $name (limit ${limit}s)" | tee -a "$log"
    "$@" >>"$log" 2>&1 &
    local pid=$! waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < limit)); do sleep 1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
        echo "== $name: still running after ${limit}s, thread dump follows" >>"$log"
        kill -QUIT "$pid"; sleep 2; kill -9 "$pid"
    fi
    wait "$pid"; echo "== $name: exit $?" | tee -a "$log"
}

# JUnit selectors: an entry whose last dot-separated part starts upper-case is a class, else a package
selectors() {
    local e
    for e in ${1//,/ }; do
        if [[ "${e##*.}" =~ ^[A-Z] ]]; then printf -- "--select-class %s " "$e"; else printf -- "--select-package %s " "$e"; fi
    done
}

nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,memory.total --format=csv | tee "$out/gpu.txt"
phase doctor 90 "$out/doctor.txt" "$java" -cp "$cp" org.fusescope.runner.cli.FuseScopeCli doctor
tail -20 "$out/doctor.txt"
phase tests "${TEST_LIMIT:-300}" "$out/gpu-tests.txt" "$java" -jar "$b/junit-platform-console-standalone.jar" \
    execute --class-path "$cp" $(selectors "$package") --details=verbose --disable-banner \
    --config junit.jupiter.execution.timeout.default=120s --reports-dir "$out/junit"
grep -E "tests (successful|failed|aborted|skipped)|✘|MethodSource" "$out/gpu-tests.txt" | tail -40
if (($#)); then
    phase command "${COMMAND_LIMIT:-300}" "$out/command.txt" "$java" -cp "$cp" org.fusescope.runner.cli.FuseScopeCli "$@"
    tail -60 "$out/command.txt"
fi
