#!/usr/bin/env bash
# On the GPU host: the runner's GPU tests, then the recordings of issue 4 — the bundled sample
# (batches 1, 16, 64; both variants; graph and eager; verified) and the MoE-block benchmark
# (batches 1..256, more steps) — then report/compare on both and NVIDIA's nsys stats on the sample.
# Usage: scripts/device/record-suite.sh OUTDIR   (after pack.sh; run with carry .carry)
set -uo pipefail
out="$1"
work=/tmp/fs-work; mkdir -p "$work" "$out"
tests=${TESTS:-org.fusescope.runner.cli,org.fusescope.runner.record,org.fusescope.runner.verify,org.fusescope.profiler.cupti}
TEST_LIMIT=${TEST_LIMIT:-240} scripts/device/gpu-suite.sh "$work" "$tests"
b=/tmp/fs/bundle
java="$b/jre/bin/java"
cp="$b/fusescope-app.jar$(printf ':%s' "$b"/lib/*.jar)"
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
export FUSESCOPE_CACHE=/tmp/fusescope-cache
fs() { "$java" -Xmx48g -cp "$cp" org.fusescope.runner.cli.FuseScopeCli "$@"; }
nsys=/opt/nvidia/nsight-compute/2025.3.1/host/target-linux-x64/nsys
if [[ -n "${KERNEL_BENCH:-}" ]]; then # e.g. KERNEL_BENCH=1,16,64,256: the per-kernel table first
    fs bench kernels --tokens "$KERNEL_BENCH" --out "$work/kernels.md" >"$work/kernels.txt" 2>&1
    fs bench kernels --tokens "$KERNEL_BENCH" --shared-as-expert --out "$work/kernels-shared.md" >>"$work/kernels.txt" 2>&1
fi
{
    echo "== sample"; time fs run --preset qwen3-next-80b-a3b --batch 1,16,64 --variants unfused,fused \
        --mode graph,eager --iters 20 --warmup 3 --verify --progress lines --out "$work/h100-moe.sqlite"
    echo "== bench"; time fs run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused \
        --mode graph,eager --iters 50 --warmup 5 --progress lines --out "$work/bench.sqlite"
} >"$work/record.txt" 2>&1
{
    fs info "$work/h100-moe.sqlite"
    fs report "$work/h100-moe.sqlite"
    fs compare "$work/h100-moe.sqlite"
} >"$work/sample-report.txt" 2>&1
{
    fs info "$work/bench.sqlite"
    fs compare "$work/bench.sqlite"
    fs report "$work/bench.sqlite" --section step-summary
} >"$work/bench-report.txt" 2>&1
"$nsys" stats --report cuda_gpu_kern_sum --format csv "$work/h100-moe.sqlite" >"$work/nsys-stats.csv" 2>&1
tail -30 "$work/record.txt"
cp "$work/h100-moe.sqlite" "$out/" 2>/dev/null
xz -k -T0 "$work/bench.sqlite" 2>/dev/null && cp "$work/bench.sqlite.xz" "$out/"
tar -C "$work" -czf "$out/logs.tgz" --exclude='*.sqlite' --exclude='*.xz' --exclude=junit .
cp "$work/record.txt" "$work/sample-report.txt" "$work/bench-report.txt" "$out/"
fs bench moe --from "$work/bench.sqlite" --out "$out/moe-block.md" >/dev/null 2>&1
ls -la "$out"
