#!/usr/bin/env bash
# On the GPU host (no Java there): unpacks the headless runner image from
# .carry/fusescope-runner-linux-x64.tar.xz (made by scripts/device/pack-runner-image.sh), then runs
# `fusescope doctor` twice (the environment as it is, then with the CUDA toolkit folder on
# LD_LIBRARY_PATH, which tells whether the README's "nothing to set" holds on this host), records a
# short fused-vs-unfused run and reports on it. Everything is logged under OUT_DIR; summary.txt has
# one line per step with its exit status. Exits 1 when any step failed.
# Usage: scripts/device/runner-image-check.sh OUT_DIR   (RUNNER_TARBALL overrides the tar.xz path)
set -uo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
mkdir -p "$1" && out=$(cd "$1" && pwd)
tarball=${RUNNER_TARBALL:-.carry/fusescope-runner-linux-x64.tar.xz}
[[ -f $tarball ]] || { echo "runner-image-check: no $tarball (run scripts/device/pack-runner-image.sh first)" >&2; exit 2; }
dir=/tmp/fs-runner-image
rm -rf "$dir" && mkdir -p "$dir" && tar -xJf "$tarball" -C "$dir"
fs=$dir/fusescope/bin/fusescope
toolkit=/usr/local/cuda/targets/x86_64-linux/lib
export FUSESCOPE_CACHE=/tmp/fusescope-cache
failed=0
: >"$out/summary.txt"

# STEP NAME SECONDS COMMAND...: runs COMMAND with its output in OUT/NAME.txt, killed after SECONDS
step() {
    local name=$1 limit=$2; shift 2
    echo "== $name: $*" | tee -a "$out/$name.txt"
    local start=$SECONDS
    timeout --signal=QUIT --kill-after=10 "$limit" "$@" >>"$out/$name.txt" 2>&1
    local status=$?
    echo "$name: exit $status after $((SECONDS - start)) s" | tee -a "$out/summary.txt"
    ((status == 0)) || failed=1
    return "$status"
}

{
    echo "tarball: $tarball ($(stat -c %s "$tarball") bytes)"
    echo "image on disk: $(du -sh "$dir/fusescope" | cut -f1)"
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>&1
    ls -la /usr/local/cuda 2>&1
    ls "$toolkit" 2>&1 | grep -E '^lib(cudart|nvrtc|cublas|cublasLt|cupti)\.so\.13$'
    echo "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
    echo "ldd of the launcher and libjvm (a 'not found' here means the host's glibc is too old):"
    ldd "$fs" "$dir/fusescope/lib/runtime/lib/server/libjvm.so" 2>&1
} >"$out/host.txt" 2>&1
step version 60 "$fs" --version
saved=$failed # informational: without LD_LIBRARY_PATH it may rightly fail
step doctor-as-is 120 "$fs" doctor
failed=$saved
export LD_LIBRARY_PATH=$toolkit${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
step doctor 120 "$fs" doctor
# the runner never overwrites a recording: this script owns OUT_DIR, so an earlier one goes
rm -f "$out/runner-image.sqlite"
step run "${RUN_LIMIT:-480}" "$fs" run --preset qwen3-next-80b-a3b --batch 1,16 --variants unfused,fused \
    --mode graph --iters 5 --warmup 2 --verify --progress lines --out "$out/runner-image.sqlite"
if [[ -f $out/runner-image.sqlite ]]; then # a failed run keeps what it recorded
    step info 60 "$fs" info "$out/runner-image.sqlite"
    step report 120 "$fs" report "$out/runner-image.sqlite"
    step compare 120 "$fs" compare "$out/runner-image.sqlite"
    # 2 batches x 2 variants x 1 mode
    runs=$(grep -cE '^ +[0-9]+  .* complete +measured' "$out/info.txt")
    echo "complete measured runs: $runs of 4" | tee -a "$out/summary.txt"
    ((runs == 4)) || failed=1
else
    echo "no recording written" | tee -a "$out/summary.txt"
fi
tail -5 "$out/doctor.txt" "$out/run.txt" 2>/dev/null
cat "$out/summary.txt"
exit "$failed"
