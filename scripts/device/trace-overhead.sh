#!/usr/bin/env bash
# On the GPU host, after gpu-suite.sh unpacked the bundle: the tracing overhead of issue 14's command, with the
# steps timed at the gate (the default) and directly, in one call; then the same runs at M = 16 under Nsight
# Compute (--trace none), its raw page as CSV for the ncu import.
# Usage: scripts/device/trace-overhead.sh OUTDIR [ITERS]
set -uo pipefail
out="$1"; iters="${2:-50}"
b=/tmp/fs/bundle
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
java=("$b/jre/bin/java" -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" org.fusescope.runner.cli.FuseScopeCli)
for timing in gated direct; do
    rm -f "/tmp/overhead-$timing.sqlite"
    timeout "${RUN_LIMIT:-170}" "${java[@]}" run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused \
        --mode graph,eager --iters "$iters" --warmup 5 --step-timing "$timing" --progress none \
        --out "/tmp/overhead-$timing.sqlite" >"$out/overhead-$timing.txt" 2>&1
    echo "== step timing $timing: exit $?"; cat "$out/overhead-$timing.txt"
done
ncu_bin=$(command -v ncu || ls /usr/local/cuda/bin/ncu /opt/nvidia/nsight-compute/*/ncu 2>/dev/null | head -1)
echo "== ncu: $ncu_bin"
metrics=gpu__time_duration.sum,dram__bytes_read.sum,dram__bytes_write.sum,dram__throughput.avg.pct_of_peak_sustained_elapsed,sm__throughput.avg.pct_of_peak_sustained_elapsed,sm__warps_active.avg.pct_of_peak_sustained_active,lts__t_sector_hit_rate.pct
rm -f /tmp/ncu-none.sqlite
timeout "${NCU_LIMIT:-200}" "$ncu_bin" --target-processes all --csv --page raw --metrics "$metrics" \
    "${java[@]}" run --preset qwen3-next-80b-a3b --batch 16 --variants unfused,fused --mode eager --iters 1 \
    --warmup 0 --trace none --progress none --out /tmp/ncu-none.sqlite >"$out/ncu-m16.csv" 2>"$out/ncu-m16.err"
echo "   ncu exit $?: $(grep -c '^"' "$out/ncu-m16.csv") CSV lines"; tail -3 "$out/ncu-m16.err"
cp /tmp/overhead-gated.sqlite /tmp/ncu-none.sqlite "$out/" 2>/dev/null
ls -la "$out"
