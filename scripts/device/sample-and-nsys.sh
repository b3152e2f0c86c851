#!/usr/bin/env bash
# On the GPU host, after gpu-suite.sh unpacked the bundle: re-records the bundled MoE sample with the
# command in assets/.../samples/README.md, reads it with NVIDIA's nsys stats (kernel summary and the NVTX
# GPU projection, as CSV for the agreement tests), and wraps a --trace none run in nsys profile.
# Usage: scripts/device/sample-and-nsys.sh OUTDIR
set -uo pipefail
out="$1"
b=/tmp/fs/bundle
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
fs() { timeout "${FS_LIMIT:-200}" "$b/jre/bin/java" -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" org.fusescope.runner.cli.FuseScopeCli "$@"; }
nsys_bin=$(command -v nsys || ls /opt/nvidia/nsight-systems*/*/bin/nsys /opt/nvidia/nsight-compute/*/host/target-linux-x64/nsys 2>/dev/null | head -1)
echo "nsys: $nsys_bin $("$nsys_bin" --version 2>&1 | head -1)"
rm -f /tmp/h100-moe.sqlite
fs run --preset qwen3-next-80b-a3b --batch 1,16,64 --variants unfused,fused --mode graph,eager --iters 20 \
    --warmup 3 --verify --progress lines --out /tmp/h100-moe.sqlite >"$out/sample-run.txt" 2>&1
echo "== sample run: exit $?"; tail -16 "$out/sample-run.txt"
cp /tmp/h100-moe.sqlite "$out/h100-moe.sqlite"
for report in cuda_gpu_kern_sum nvtx_gpu_proj_sum nvtx_gpu_proj_trace; do
    "$nsys_bin" stats --report "$report" --format csv --output "$out/sample" /tmp/h100-moe.sqlite >/dev/null 2>"$out/nsys-$report.err"
    echo "== nsys $report: exit $?, $(wc -l <"$out/sample_$report.csv" 2>/dev/null) lines"; head -4 "$out/sample_$report.csv" 2>/dev/null
done
echo "== nsys profile wrapping fusescope run --trace none"
"$nsys_bin" profile --trace=cuda,nvtx --cuda-graph-trace=node -o /tmp/wrapped --force-overwrite true \
    "$b/jre/bin/java" -cp "$b/fusescope-app.jar:$b/lib/*" org.fusescope.runner.cli.FuseScopeCli run \
    --preset qwen3-next-80b-a3b --batch 1 --variants unfused,fused --mode graph --iters 10 --warmup 2 \
    --trace none --progress none --out /tmp/wrapped-none.sqlite >"$out/nsys-wrapped.txt" 2>&1
echo "   exit $?"; grep -E 'fusescope|wrote|b=1' "$out/nsys-wrapped.txt" | head -8
echo "== nsys profile wrapping fusescope run (default --trace full)"
"$nsys_bin" profile --trace=cuda -o /tmp/wrapped-full --force-overwrite true \
    "$b/jre/bin/java" -cp "$b/fusescope-app.jar:$b/lib/*" org.fusescope.runner.cli.FuseScopeCli run \
    --preset qwen3-next-80b-a3b --batch 1 --variants fused --mode graph --iters 5 --warmup 1 \
    --progress none --out /tmp/wrapped-full.sqlite >"$out/nsys-wrapped-full.txt" 2>&1
echo "   exit $?"; grep -E 'fusescope|wrote|b=1' "$out/nsys-wrapped-full.txt" | head -8
ls -la "$out"
