#!/usr/bin/env bash
# On the GPU host: checks FuseScope databases with NVIDIA's own reader, and records a real
# `nsys export --type sqlite` database of a small CUDA program for the reader's golden tests.
# Usage: scripts/device/nsys-compat.sh OUTDIR DB...
set -uo pipefail
out="$1"; shift
nsys_bin=$(command -v nsys || ls /opt/nvidia/nsight-systems*/*/bin/nsys /opt/nvidia/nsight-compute/*/host/target-linux-x64/nsys 2>/dev/null | head -1)
echo "nsys: $nsys_bin"; "$nsys_bin" --version
for db in "$@"; do
    name=$(basename "$db" .sqlite)
    echo "== nsys stats cuda_gpu_kern_sum $db"
    "$nsys_bin" stats --report cuda_gpu_kern_sum --format csv --output "$out/$name" "$db" 2>&1 | tail -5
    "$nsys_bin" stats --report cuda_gpu_kern_sum "$db" 2>&1 | head -30
done
echo "== real nsys profile of a small CUDA program"
dir=$(dirname "$0")
nvcc -arch=sm_90 -o /tmp/nsys_sample "$dir/nsys_sample.cu" || exit 1
"$nsys_bin" profile --trace=cuda,nvtx --cuda-graph-trace=node -o /tmp/nsys_sample --force-overwrite true /tmp/nsys_sample 2>&1 | tail -5
"$nsys_bin" export --type sqlite --output "$out/nsys-sample.sqlite" --force-overwrite true /tmp/nsys_sample.nsys-rep 2>&1 | tail -3
ls -la "$out"
