#!/usr/bin/env bash
# On the GPU host (no Java there): unpacks .carry/gpu-bundle.tar.xz (made by pack.sh), checks the
# GPU with `fusescope doctor`, runs the GPU test suite with the JUnit console launcher and then the
# fusescope command given after `--` (e.g. a benchmark), writing everything under OUTDIR. A phase
# that outlives its time limit gets a thread dump (SIGQUIT) in its log, then is killed.
# A GPU is required here: the tests run with -Dfusescope.requireGpu=true and FUSESCOPE_REQUIRE_GPU=1,
# so a missing driver or CUDA library fails them instead of skipping them.
# Each comma-separated package or class runs in a JVM of its own. Every phase runs and prints its
# exit status; the last line is the launchers' summary, summed,
# "gpu-suite: N tests successful, F failed, A aborted, S skipped" (plus ", C containers failed" when
# a class fails as a whole, e.g. in @BeforeAll). Exits 1 when a phase exits non-zero, a test or
# container fails, or the launcher printed no summary; else 0.
# Usage: scripts/device/gpu-suite.sh OUTDIR [PACKAGES_OR_CLASSES_TO_TEST,comma-separated] [-- FUSESCOPE ARGS...]
set -uo pipefail

failed_phases=()

# PHASE SECONDS LOG COMMAND...: runs COMMAND, dumps its threads and kills it after SECONDS; a non-zero
# exit is remembered in failed_phases
phase() {
    local name=$1 limit=$2 log=$3; shift 3
    echo "== $name (limit ${limit}s)" | tee -a "$log"
    "$@" >>"$log" 2>&1 &
    local pid=$! waited=0 status
    while kill -0 "$pid" 2>/dev/null && ((waited < limit)); do sleep 1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
        echo "== $name: still running after ${limit}s, thread dump follows" >>"$log"
        kill -QUIT "$pid"; sleep 2; kill -9 "$pid"
    fi
    wait "$pid"; status=$?
    echo "== $name: exit $status" | tee -a "$log"
    ((status == 0)) || failed_phases+=("$name")
}

# JUnit selectors: an entry whose last dot-separated part starts upper-case is a class, else a package
selectors() {
    local e
    for e in ${1//,/ }; do
        if [[ "${e##*.}" =~ ^[A-Z] ]]; then printf -- "--select-class %s " "$e"; else printf -- "--select-package %s " "$e"; fi
    done
}

# COUNT "tests failed" FILE: the number on that line of the launcher's summary boxes
# ("[         0 tests failed          ]"), summed over every box in FILE (one per test JVM); empty when
# there is none
count() {
    sed -nE "s/^\[ *([0-9]+) $1 *\]\$/\1/p" "$2" | awk '{ s += $1 } END { if (NR) print s }'
}

# SUMMARY FILE: prints the launcher's summary in FILE as the suite's last line; returns 1 when a test
# or container failed or there is no summary
summary() {
    local ok failed aborted skipped containers
    ok=$(count "tests successful" "$1"); failed=$(count "tests failed" "$1")
    aborted=$(count "tests aborted" "$1"); skipped=$(count "tests skipped" "$1")
    containers=$(count "containers failed" "$1")
    if [[ -z "$ok" || -z "$failed" ]]; then
        echo "gpu-suite: no JUnit summary in $1"
        return 1
    fi
    echo "gpu-suite: $ok tests successful, $failed failed, ${aborted:-0} aborted, ${skipped:-0} skipped$(
        ((${containers:-0} > 0)) && echo ", $containers containers failed")"
    ((failed == 0 && ${containers:-0} == 0))
}

main() {
    local out="$1"; shift
    local package="${1:-org.fusescope.kernels}"; shift || true
    [[ "${1:-}" == "--" ]] && shift
    mkdir -p /tmp/fs "$out" && tar -xJf .carry/gpu-bundle.tar.xz -C /tmp/fs || failed_phases+=("unpack")
    local b=/tmp/fs/bundle
    export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
    export FUSESCOPE_CACHE=/tmp/fusescope-cache
    export FUSESCOPE_REQUIRE_GPU=1
    local java="$b/jre/bin/java"
    local cp="$b/test-classes:$b/fusescope-app.jar$(printf ':%s' "$b"/lib/*.jar "$b"/test-lib/*.jar)"

    nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,memory.total --format=csv | tee "$out/gpu.txt" \
        || failed_phases+=("nvidia-smi")
    phase doctor 90 "$out/doctor.txt" "$java" -cp "$cp" org.fusescope.runner.cli.FuseScopeCli doctor
    tail -20 "$out/doctor.txt"
    # one JVM per entry, as Maven runs one per module: CUDA and CUPTI state never leaks from one module's
    # tests into another's. The test classes are on the JVM's own class path (not the launcher's
    # --class-path), so a test that starts a child JVM with java.class.path finds them.
    local entry n=0
    for entry in ${package//,/ }; do
        n=$((n + 1))
        # shellcheck disable=SC2046 # the selectors are separate words
        phase "tests $entry" "${TEST_LIMIT:-300}" "$out/gpu-tests.txt" "$java" -Dfusescope.requireGpu=true \
            -cp "$b/junit-platform-console-standalone.jar:$cp" org.junit.platform.console.ConsoleLauncher \
            execute $(selectors "$entry") --details=verbose --disable-banner --disable-ansi-colors \
            --config junit.jupiter.execution.timeout.default=120s --reports-dir "$out/junit/$n"
    done
    grep -E "tests (successful|failed|aborted|skipped)|✘|MethodSource" "$out/gpu-tests.txt" | tail -40
    if (($#)); then
        phase command "${COMMAND_LIMIT:-300}" "$out/command.txt" "$java" -cp "$cp" org.fusescope.runner.cli.FuseScopeCli "$@"
        tail -60 "$out/command.txt"
    fi
    local status=0
    if ((${#failed_phases[@]})); then
        echo "gpu-suite: failed phases: ${failed_phases[*]}"
        status=1
    fi
    summary "$out/gpu-tests.txt" || status=1
    return "$status"
}

# sourced (by the script's test), only the functions are defined
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
