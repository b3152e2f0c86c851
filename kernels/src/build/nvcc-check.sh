#!/usr/bin/env bash
# Compile-checks every CUDA C source of the kernels module with nvcc for sm_90 (H100).
#
# The kernels are compiled at run time by NVRTC; this check catches syntax and type errors at build
# time wherever nvcc is on the PATH (CI has it). Without nvcc it prints one skip line and succeeds.
# A compile error fails the build (exit status 1).
#
# Usage: nvcc-check.sh [cuda-source-dir]   (default: the directory next to this script's parent)
set -euo pipefail

src_dir="${1:-$(cd "$(dirname "$0")/../main/cuda" && pwd)}"

if ! command -v nvcc >/dev/null 2>&1; then
    echo "nvcc-check: skipped, nvcc is not on the PATH (the CUDA sources are compiled by NVRTC at run time)"
    exit 0
fi

# The -D constants, in one place. DEFAULT is valid for every file (Qwen3-Next-80B-A3B sizes);
# EXTRA are further sets (the Qwen3.5 preset and the tiny CPU-test preset) that the files which need
# compile-time constants (those with an `#error ... needs -D...` guard) are also compiled with, so
# size-dependent code paths (masked lanes, several vectors per thread) are checked too.
# A source whose sizes are not the MoE block's names its own sets instead, one line each:
# `// nvcc-check-defs: -DQ_HEADS=16 ...` (the attention kernels do).
DEFAULT_DEFS="-DHIDDEN=2048 -DEXPERTS=512 -DTOPK=10 -DINTER=512"
EXTRA_DEFS=(
    "-DHIDDEN=2048 -DEXPERTS=256 -DTOPK=8 -DINTER=512"
    "-DHIDDEN=256 -DEXPERTS=16 -DTOPK=4 -DINTER=64"
)
# gated-delta-net layer sizes (LinearAttentionDims): QWEN3_NEXT (both presets) and TINY with the tiny set
DEFAULT_DEFS+=" -DKEY_HEADS=16 -DVALUE_HEADS=32 -DKEY_DIM=128 -DVALUE_DIM=128 -DCONV_KERNEL=4"
EXTRA_DEFS[0]+=" -DKEY_HEADS=16 -DVALUE_HEADS=32 -DKEY_DIM=128 -DVALUE_DIM=128 -DCONV_KERNEL=4"
EXTRA_DEFS[1]+=" -DKEY_HEADS=2 -DVALUE_HEADS=4 -DKEY_DIM=32 -DVALUE_DIM=32 -DCONV_KERNEL=4"

arch="${NVCC_CHECK_ARCH:-sm_90}"
jobs="$(nproc 2>/dev/null || echo 2)"
log_dir="$(mktemp -d)"
trap 'rm -rf "$log_dir"' EXIT

shopt -s nullglob
sources=("$src_dir"/*.cu)
if [ "${#sources[@]}" -eq 0 ]; then
    echo "nvcc-check: no .cu files under $src_dir" >&2
    exit 1
fi

# One compilation per (source, constant set), run $jobs at a time; each writes its log and, on
# failure, a .failed marker.
n=0
running=0
for cu in "${sources[@]}"; do
    sets=("$DEFAULT_DEFS")
    if grep -q '^#error' "$cu"; then
        sets+=("${EXTRA_DEFS[@]}")
    fi
    mapfile -t own_sets < <(sed -n 's|^// nvcc-check-defs: *||p' "$cu")
    if [ "${#own_sets[@]}" -gt 0 ]; then
        sets=("${own_sets[@]}")
    fi
    for defs in "${sets[@]}"; do
        n=$((n + 1))
        (
            # shellcheck disable=SC2086
            if ! nvcc -arch="$arch" -cubin -std=c++17 $defs -o /dev/null "$cu" >"$log_dir/$n.log" 2>&1; then
                echo "nvcc-check: FAILED $(basename "$cu") with $defs" >>"$log_dir/$n.log"
                touch "$log_dir/$n.failed"
            fi
        ) &
        running=$((running + 1))
        if [ "$running" -ge "$jobs" ]; then
            wait -n || true
            running=$((running - 1))
        fi
    done
done
wait

if compgen -G "$log_dir/*.failed" >/dev/null; then
    for f in "$log_dir"/*.failed; do
        cat "${f%.failed}.log" >&2
    done
    exit 1
fi
echo "nvcc-check: $n compilations of ${#sources[@]} sources for $arch OK"
