#!/usr/bin/env bash
# On the GPU host: issue 6's whole-decoder-layer GPU tests, then recordings with --mixers all and
# --verify — 4 layers (3 gated-delta-net + 1 attention) at context 4096, batches 1/16/64, both modes,
# and 48 layers (the whole Qwen3-Next stack; MoE weights shared across layers when all do not fit, see
# each run's fusescope.run.N.weights metadata) in graph mode at context 1024, batches $L48_BATCH —
# then report/compare on each and a per-layer-type table of GPU kernel time per measured step, fused
# vs unfused, to OUTDIR/layers.md. PARTS (default "tests layers4 layers48") picks the parts, so the
# suite can be split over device calls of at most 10 minutes.
# Usage: [PARTS=...] [L48_BATCH=1,4,16,64] [L48_MODE=graph] scripts/device/layers-suite.sh OUTDIR   (after pack.sh; carry .carry)
set -uo pipefail
out="$1"
work=/tmp/fs-layers; mkdir -p "$work" "$out"
rm -f "$work"/*.sqlite "$work"/*.xz # a warm host keeps the last call's files; recordings never overwrite
parts=" ${PARTS:-tests layers4 layers48} "
has() { [[ "$parts" == *" $1 "* ]]; }
tests=org.fusescope.runner.cli.RunLayersGpuTest,org.fusescope.runner.gpu.MoeWeightSetsGpuTest
if has tests; then
    TEST_LIMIT=${TEST_LIMIT:-300} scripts/device/gpu-suite.sh "$work" "${TESTS:-$tests}"
else
    mkdir -p /tmp/fs && tar -xJf .carry/gpu-bundle.tar.xz -C /tmp/fs
fi
b=/tmp/fs/bundle
java="$b/jre/bin/java"
cp="$b/fusescope-app.jar$(printf ':%s' "$b"/lib/*.jar)"
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
export FUSESCOPE_CACHE=/tmp/fusescope-cache
fs() { "$java" -Xmx64g -cp "$cp" org.fusescope.runner.cli.FuseScopeCli "$@"; }
# a recording that outlives RUN_TIMEOUT seconds is stopped (SIGTERM); the runs it finished stay in its file
fsrun() { timeout "${RUN_TIMEOUT:-36000}" "$java" -Xmx64g -cp "$cp" org.fusescope.runner.cli.FuseScopeCli run "$@"; }
{
    if has layers4; then
        echo "== layers4"; time fsrun --preset qwen3-next-80b-a3b --mixers all --layers 4 --batch 1,16,64 \
            --variants unfused,fused --mode graph,eager --context 4096 --iters 10 --warmup 2 --verify \
            --progress lines --out "$work/layers4.sqlite"
    fi
    if has layers48; then
        echo "== layers48"; time fsrun --preset qwen3-next-80b-a3b --mixers all --layers 48 \
            --batch "${L48_BATCH:-1,4,16,64}" --variants unfused,fused --mode "${L48_MODE:-graph}" --iters 5 --warmup 1 \
            --verify --progress lines --out "$work/layers48.sqlite"
    fi
} >"$work/record.txt" 2>&1
for n in layers4 layers48; do
    [[ -f "$work/$n.sqlite" ]] || continue
    {
        fs info "$work/$n.sqlite"
        fs report "$work/$n.sqlite"
        fs compare "$work/$n.sqlite"
    } >"$work/$n-report.txt" 2>&1
done
python3 - "$work" >"$out/layers.md" 2>"$work/layers-table.err" <<'PY'
import sqlite3, sys, statistics
work = sys.argv[1]
print("# Per-layer-type GPU kernel time per measured step (Qwen3-Next, H100)\n")
print("Sum of kernel durations attributed to layers of each type (layer i is attention iff (i+1) % 4 == 0),")
print("mixer + MoE block, median over measured steps; from FS_KERNEL_ATTRIBUTION of each recording.\n")
import os
for name in ("layers4", "layers48"):
    if not os.path.exists(f"{work}/{name}.sqlite"):
        continue
    db = sqlite3.connect(f"{work}/{name}.sqlite")
    strings = dict(db.execute("SELECT id, value FROM StringIds"))
    runs = {}
    cols = [r[1] for r in db.execute("PRAGMA table_info(FS_RUNS)")]
    idc = "runId" if "runId" in cols else "id"
    for rid, rname in db.execute(f"SELECT {idc}, name FROM FS_RUNS"):
        runs[rid] = rname
    q = """SELECT a.runId, a.layer, a.step, SUM(k.end - k.start)
           FROM FS_KERNEL_ATTRIBUTION a JOIN CUPTI_ACTIVITY_KIND_KERNEL k
             ON k.correlationId = a.correlationId AND COALESCE(k.graphNodeId, 0) = a.graphNodeId
           WHERE a.step >= 0 GROUP BY a.runId, a.layer, a.step"""
    per = {}
    for rid, layer, step, ns in db.execute(q):
        t = "attention" if (layer + 1) % 4 == 0 else "linear attention"
        per.setdefault((rid, t), {}).setdefault(step, 0)
        per[(rid, t)][step] += ns
    print(f"## {name}\n")
    print("| run | layer type | µs/step (median) |")
    print("|---|---|---:|")
    for (rid, t), steps in sorted(per.items(), key=lambda x: (runs.get(x[0][0], ""), x[0][1])):
        print(f"| {runs.get(rid, rid)} | {t} | {statistics.median(steps.values()) / 1e3:.1f} |")
    print()
PY
tail -40 "$work/record.txt"
cp "$work/record.txt" "$work"/*-report.txt "$out/" 2>/dev/null
cp "$work/layers4.sqlite" "$out/" 2>/dev/null
xz -k -T0 "$work/layers48.sqlite" 2>/dev/null && cp "$work/layers48.sqlite.xz" "$out/"
tar -C "$work" -czf "$out/logs.tgz" --exclude='*.sqlite' --exclude='*.xz' .
ls -la "$out"
