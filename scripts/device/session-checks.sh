#!/usr/bin/env bash
# The GPU checks of this round in two device calls, each phase time-boxed, results packed into OUT/res.tgz after
# every phase (a call cut short still brings back what finished).
# Part a (≤ 10 min): the GPU test suite with the fail-instead-of-skip switch, the 4-layer sample recorded as the
# assets README says (graph and eager, --verify) with nsys's kernel summary and NVTX GPU projection on it, a
# --trace none run under ncu (raw page CSV at M = 16), a tiny --verify --dump run.
# Part b (≤ 10 min): a new one-layer sample with nsys's reports, issue 14's overhead runs (gated and direct step
# timing), nsys profile wrapping --trace none, ncu-import and `fusescope ncu` end to end.
# Part s (≤ 6 min): the suite, the ncu CSV and the tiny dump only, for a small device budget.
# Part k (≤ 8 min): issue 15's kernel benchmarks (bench kernels at M = 1, 16, 64, 256, routed only and with the
# shared expert as expert E) and the grouped GEMM GPU tests.
# Part m (≤ 10 min): the GPU suite (a JVM per module) and issue 15's block benchmark as
# benchmarks/h100/moe-block.md records it (graph and eager, M = 1..256, --verify) with `bench moe`, then the
# opt-in small-batch kernels (router_gemv, topk_wide, align_shared_counts) alone and in the block.
# Part n (≤ 6 min): issue 14's Nsight Compute path: the raw ncu CSV at M = 16 (the calibration's copy kernels
# left out) and `fusescope ncu` end to end, with `report --section ncu`.
# Part f (≤ 7 min): the block in graph mode with fused's current kernels (M = 1..256, --verify) and `bench moe`,
# then part n's Nsight Compute runs with what time is left.
# Part g (≤ 9 min): issue 15's small-batch kernels (grouped_gemm1_silu, grouped_gemm2_sum, router_gemv by M):
# their GPU tests, bench kernels at M = 1, 4, 16 (shared expert as E), the block as moe-block.md records it (graph
# and eager, M = 1..256, --verify) with `bench moe`, and fused without the small-batch kernels at M = 1, 4, 16.
# Part h (≤ 8 min): part g again after grouped_gemm2_sum's fence moved to the end of each warp's items: the
# small-batch GPU tests, bench kernels at M = 1, 4, 8, 16, the block (graph and eager, --verify), `bench moe`.
# Part p (≤ 9 min): programmatic dependent launch (switch pdl): its kernel test and the runner's GPU tests, then
# the block with fused, fused-pdl and unfused (graph and eager, M = 1..256, --verify) and `bench moe`.
# Part o (≤ 8 min): issue 14 by one method: the block's step times at M = 1 and 4 with no CUPTI client, under
# `nsys profile --cuda-graph-trace=node` (FuseScope --trace none), and FuseScope's own tracing with one record
# per graph replay (-Dfusescope.cupti.experiment=graph-trace); then ncu on --trace none (auto step timing) and
# `fusescope ncu` end to end with `report --section ncu`.
# Part y (≤ 9 min): after the last kernel change: the GPU suite (a JVM per module), the block as moe-block.md
# records it (graph and eager, M = 1..256, --verify) with `bench moe`, and each small-batch switch taken out
# at M = 1 and 4.
# Part z (≤ 6 min): issue 14 by one method: no CUPTI, nsys profile and FuseScope's levels, all timed gated;
# the raw ncu CSV of a --trace none run (auto step timing); bench kernels of the small-batch GEMMs.
# Part u (≤ 5 min): the runner's GPU tests, then part z's overhead runs without nsys (no CUPTI, full, kernels;
# M = 1 and 4, gated) and at M = 16..256. (Run once with the untraced steps of graph runs replaying a graph captured
# with CUPTI paused: no faster than the traced graph paused, so that change was taken back.)
# Part w (≤ 6 min): which CUPTI activity kind costs the unfused block's traced steps at M = 1 and 4: the overhead
# runs with no CUPTI, full, kernels, and full without each of memcpy, memset, synchronization, overhead
# (-Dfusescope.cupti.experiment=without-KIND), twice in alternating order; report --section tracing of full.
# Part v (≤ 9 min): after the counts' zeroing became a kernel (no memset in the unfused step) and programmatic
# launches reuse their native structures: the align kernel, programmatic launch
# and runner GPU tests, the overhead runs at M = 1 and 4 (no CUPTI, full, kernels; twice, alternating; nsys once),
# the block as moe-block.md records it (graph and eager, M = 1..256, --verify) with `bench moe`, report tracing.
# Part r (≤ 3 min): the overhead runs at M = 1 and 4 (graph and eager, gated) with --overhead-reference process
# (each run also recorded first in a child without CUPTI), and report --section tracing.
# Part q (≤ 10 min): after moe_align_fused's multi-block path zeroes its counts with a kernel: the align kernel and
# runner GPU tests, part r, then the per-kernel cost of CUPTI's two kernel instrumentations in graph mode (no CUPTI,
# full, full with serial-kernels, full without the runtime and driver kinds; M = 1 and 4; twice, alternating), and
# the block at M = 256 (graph and eager, --verify).
# (serial-kernels, CUPTI_ACTIVITY_KIND_KERNEL for CONCURRENT_KERNEL, was an experiment of ebe9132 only, and
# detach-paused, part x's cuptiFinalize while paused, of 244324e to d913957 only.)
# Part x (≤ 10 min): the overhead runs at M = 1 and 4 with no CUPTI, full, and full with CUPTI detached while
# paused (-Dfusescope.cupti.experiment=detach-paused), twice, alternating; issue 14's own command (M = 1..256,
# --verify) in graph mode with --overhead-reference process, then with detach-paused, then eager with the reference.
# Part e (≤ 4 min): the block as moe-block.md records it (graph and eager, M = 1..256, --verify) with `bench moe`.
# Part c (≤ 7 min): CUPTI's timestamps in page-locked host memory (-Dfusescope.cupti.experiment=host-pinned) against
# device memory and no CUPTI, graph mode at M = 1 and 4, twice, alternating; then part e.
# Part d (≤ 7 min): issue 14's overhead timed as Nsight Systems' anchor was, over 200 graph replays back to back
# (-Dfusescope.run.backToBack=200, graph mode, M = 1..256): no CUPTI and full, twice, alternating; nsys profile
# --cuda-graph-trace=node around a --trace none run with the same experiment; then the runner's GPU tests.
# Part i (≤ 6 min): part d's back-to-back replays at M = 1 and 4 (graph) with the host's time to enqueue one: no
# CUPTI, full, kernels, full without the API kinds, twice, alternating; nsys once; the full and kernels databases.
# Part j (≤ 2 min): part i's back-to-back runs after each batch got an untimed replay first: no CUPTI and full, once.
# Part l (≤ 4 min; not run yet): what Nsight Systems' kernel tracing costs each kind of kernel node: bench kernels
# at M = 1 and 4 (moe and router groups; each case 20 launches of one kernel in one graph) plain, then under
# nsys profile --cuda-graph-trace=node; a case's time under nsys minus its plain time (both per launch) is the cost
# of one traced node of that kernel.
# Part t (≤ 7 min; not run yet): why paused graph steps run at the no-CUPTI speed with --verify and ≈ 4 µs slower
# without it (overhead.md, call d): M = 1 and 4 graph, gated, no CUPTI, full, full --verify, and full with
# CUDA_MODULE_LOADING=EAGER (every kernel loaded while CUPTI traces, before any launch); then parts j and l.
# Part S (≤ 10 min): both bundled samples recorded again as the assets README records them, with
# --overhead-reference process, nsys's kernel summary and NVTX GPU projection of each, then the runner's GPU tests.
# Part F (≤ 9 min): part t's first-run question (a longer warm-up, the batches or variants in the other order), then
# issue 14's command in graph and eager mode with --verify and --overhead-reference process.
# Part P (≤ 3 min): part F's first-run question step by step (-Dfusescope.run.printSteps): unfused M = 1 first,
# graph and eager, no --verify (run once with -Dfusescope.run.settleUntraced=3, untimed paused steps before each
# paused batch, at 266dcc2: no change, taken out).
# Part G (≤ 9 min): the runner's GPU tests, then issue 14's command in graph and eager mode (--verify,
# --overhead-reference process), after the warm-up's pause and resume.
# Part H (≤ 3 min; not run yet): the host's time per eager launch with no CUPTI, traced and paused (M = 1 and 4, twice).
# Usage: scripts/device/session-checks.sh OUT H|G|P|F|S|a|b|s|k|m|n|f|g|h|p|o|y|z|u|w|v|r|q|x|e|c|d|i|j|l|t
set -uo pipefail
out="$1"; part="${2:-a}"; R=/tmp/res; mkdir -p "$R"
pack() { tar -czf "$out/res.tgz" -C /tmp res 2>/dev/null; }
b=/tmp/fs/bundle
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
J=("$b/jre/bin/java" -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" org.fusescope.runner.cli.FuseScopeCli)
fs() { local limit=$1; shift; timeout "$limit" "${J[@]}" "$@"; }
nsys_bin=$(command -v nsys || ls /opt/nvidia/nsight-systems*/*/bin/nsys /opt/nvidia/nsight-compute/*/host/target-linux-x64/nsys 2>/dev/null | head -1)
ncu_bin=$(command -v ncu || ls /usr/local/cuda/bin/ncu /opt/nvidia/nsight-compute/*/ncu 2>/dev/null | head -1)
metrics=gpu__time_duration.sum,dram__bytes_read.sum,dram__bytes_write.sum,dram__throughput.avg.pct_of_peak_sustained_elapsed,sm__throughput.avg.pct_of_peak_sustained_elapsed,sm__warps_active.avg.pct_of_peak_sustained_active,lts__t_sector_hit_rate.pct
# issue 14's overhead runs of parts u and z: the MoE block at M = 1 and 4, every step timed gated (add --trace)
ov=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode graph,eager --iters 50 --warmup 5
    --step-timing gated --progress none)
# SECONDS: the M = 16 eager run (both variants, CUPTI left to ncu) under ncu, its raw CSV into R/ncu-m16.csv
ncu_csv() {
    timeout "$1" "$ncu_bin" --target-processes all --csv --page raw --kernel-name 'regex:^(?!copy_kernel$).*' \
        --metrics "$metrics" \
        "${J[@]}" run --preset qwen3-next-80b-a3b --batch 16 --variants unfused,fused --mode eager --iters 1 \
        --warmup 0 --trace none --progress none --out /tmp/ncu-none.sqlite >"$R/ncu-m16.csv" 2>"$R/ncu-m16.err"
    echo "ncu exit $?: $(grep -c '^"' "$R/ncu-m16.csv") CSV lines"; tail -2 "$R/ncu-m16.err"
    # the child's own line on its step timing: --step-timing auto is direct when it sees CUDA_INJECTION64_PATH
    echo "child under ncu: $(grep -m1 -o 'a CUDA tool is injected.*' "$R/ncu-m16.err" \
        || echo 'no CUDA_INJECTION64_PATH line: the child timed its steps gated')"
}
# the tiny --verify --dump run, its dump into R/dump
tiny_dump() {
    fs 40 run --preset tiny --batch 4 --variants unfused,fused --mode graph --iters 3 --verify --dump "$R/dump" \
        --progress none --out /tmp/tiny.sqlite >"$R/tiny.txt" 2>&1; echo "tiny exit $?"
}
# SECONDS: the block as moe-block.md records it (graph and eager, M = 1..256, --verify) into R/bench.sqlite, then
# `bench moe` on it into R/moe-block.md
block_bench() {
    fs "$1" run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused --mode graph,eager \
        --iters 50 --warmup 5 --verify --progress none --out "$R/bench.sqlite" >"$R/record.txt" 2>&1
    echo "record exit $?"; tail -25 "$R/record.txt"; grep -ciE 'fail' "$R/record.txt"; pack
    fs 60 bench moe --from "$R/bench.sqlite" --out "$R/moe-block.md" >"$R/bench-moe.txt" 2>&1
    echo "bench moe exit $?"; head -30 "$R/bench-moe.txt"
}
# SECONDS CLASSES [NAME]: the GPU tests of CLASSES (packages or classes, comma-separated; a JVM each) with gpu-suite.sh,
# TEST_LIMIT (default SECONDS) per phase, into R/NAME.txt (default suite); prints its exit status and summary
suite() {
    local name=${3:-suite}
    TEST_LIMIT=${TEST_LIMIT:-$1} bash scripts/device/gpu-suite.sh "$R" "$2" >"$R/$name.txt" 2>&1
    echo "$name exit $?"; grep -E 'gpu-suite|== ' "$R/$name.txt" | tail -10; pack
}
# NAME SECONDS: the run ${base[@]} once per entry of ${order[@]} (a --trace level, or an experiment of
# -Dfusescope.cupti.experiment run at --trace full), twice (${rounds} times when set), the second round in reverse
# order; R/NAME-ENTRY-ROUND.txt.
# ${jprops[@]}, when set: more JVM options for every run
levels_twice() {
    local name=$1 limit=$2 round exp i; local -a seq args prop
    for ((round = 1; round <= ${rounds:-2}; round++)); do
        seq=("${order[@]}")
        if [[ $round == 2 ]]; then seq=(); for ((i = ${#order[@]} - 1; i >= 0; i--)); do seq+=("${order[i]}"); done; fi
        for exp in "${seq[@]}"; do
            case $exp in none | kernels | full) args=(--trace "$exp"); prop=() ;;
                *) args=(--trace full); prop=(-Dfusescope.cupti.experiment="$exp") ;; esac
            timeout "$limit" "$b/jre/bin/java" ${prop[@]+"${prop[@]}"} ${jprops[@]+"${jprops[@]}"} -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" \
                org.fusescope.runner.cli.FuseScopeCli "${base[@]}" "${args[@]}" --out "/tmp/$name-$exp-$round.sqlite" \
                >"$R/$name-$exp-$round.txt" 2>&1
            echo "$exp round $round exit $?"; grep -E 'b=[0-9]+ |experiment|back to back' "$R/$name-$exp-$round.txt"
        done; pack
    done
}
# SECONDS PREFIX DB REPORT...: nsys stats reports on DB as CSV files R/PREFIX_REPORT.csv
nsys_reports() {
    local limit=$1 prefix=$2 db=$3 report; shift 3
    for report in "$@"; do
        timeout "$limit" "$nsys_bin" stats --report "$report" --format csv --output "$R/$prefix" "$db" \
            >/dev/null 2>"$R/$prefix-$report.err"
        echo "nsys $prefix $report exit $?: $(wc -l <"$R/${prefix}_$report.csv" 2>/dev/null) lines"
    done
}
# issue 14's command (M = 1..256, --verify, --overhead-reference process) in graph then eager mode, its output in
# R/issue-MODE.txt and `report --section tracing` of it in R/issue-MODE-tracing.txt
issue_command() {
    local mode
    for mode in graph eager; do
        fs 240 run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused --mode "$mode" \
            --iters 50 --warmup 5 --verify --overhead-reference process --progress none \
            --out "/tmp/issue-$mode.sqlite" >"$R/issue-$mode.txt" 2>&1
        echo "issue command, $mode, exit $?"; grep -E 'b=[0-9]+ |against|--verify' "$R/issue-$mode.txt"
        fs 60 report "/tmp/issue-$mode.sqlite" --section tracing >"$R/issue-$mode-tracing.txt" 2>&1; pack
    done
}
if [[ "$part" == s ]]; then
# the short call for a small device budget: the GPU suite alone, the raw ncu CSV, the tiny --verify --dump
suite 220 org.fusescope.kernels,org.fusescope.runner,org.fusescope.profiler.cupti
ncu_csv 70; pack
tiny_dump; pack
exit 0
fi
# parts without the suite unpack the bundle themselves (gpu-suite.sh does it for the others)
[[ "$part" == f || "$part" == n || "$part" == k || "$part" == g || "$part" == h || "$part" == p || "$part" == o || "$part" == y || "$part" == z || "$part" == u || "$part" == w || "$part" == v || "$part" == r || "$part" == q || "$part" == x || "$part" == e || "$part" == c || "$part" == d || "$part" == i || "$part" == j || "$part" == l || "$part" == t || "$part" == S || "$part" == F || "$part" == P || "$part" == G || "$part" == H ]] && { mkdir -p /tmp/fs; [[ -x "$b/jre/bin/java" ]] || tar -xJf .carry/gpu-bundle.tar.xz -C /tmp/fs; }
if [[ "$part" == f ]]; then
fs 150 run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused --mode graph \
    --iters 50 --warmup 5 --verify --progress none --out "$R/bench-graph.sqlite" >"$R/record-graph.txt" 2>&1
echo "record exit $?"; tail -12 "$R/record-graph.txt"; pack
fs 60 bench moe --from "$R/bench-graph.sqlite" --out "$R/moe-block-graph.md" >/dev/null 2>&1
echo "bench moe exit $?"; cat "$R/moe-block-graph.md"; pack
part=n
fi
if [[ "$part" == n ]]; then
ncu_csv 170; pack
fs 170 ncu --out /tmp/ncu-cmd.sqlite -- --preset qwen3-next-80b-a3b --batch 16 --variants unfused,fused --mode eager \
    --iters 1 --warmup 0 >"$R/ncu-cmd.txt" 2>&1; echo "fusescope ncu exit $?"; tail -6 "$R/ncu-cmd.txt"
fs 30 report /tmp/ncu-cmd.sqlite --section ncu >>"$R/ncu-cmd.txt" 2>&1; echo "report exit $?"
cp /tmp/ncu-cmd.sqlite "$R/" 2>/dev/null; pack
exit 0
fi
if [[ "$part" == y ]]; then
suite 200 org.fusescope.kernels,org.fusescope.runner,org.fusescope.profiler.cupti
block_bench 200; pack
fs 90 run --preset qwen3-next-80b-a3b --batch 1,4 \
    --variants fused,fused-pdl,fused-gemm1_silu-gemm2_sum,fused-router_gemv,fused-pdl-gemm1_silu-gemm2_sum-router_gemv \
    --mode graph --iters 50 --warmup 5 --progress none --out "$R/ablation.sqlite" >"$R/ablation.txt" 2>&1
echo "ablation exit $?"; grep -E 'b=[14] ' "$R/ablation.txt"; pack
exit 0
fi
if [[ "$part" == u ]]; then
suite 150 org.fusescope.runner runner-suite
for level in none full kernels; do
    fs 60 "${ov[@]}" --trace $level --out /tmp/ov-$level.sqlite >"$R/ov-$level.txt" 2>&1; echo "$level exit $?"
    grep -E 'b=[14] ' "$R/ov-$level.txt"
done; pack
fs 120 run --preset qwen3-next-80b-a3b --batch 16,64,256 --variants unfused,fused --mode graph,eager --iters 50 \
    --warmup 5 --progress none --out /tmp/ov-large.sqlite >"$R/ov-large.txt" 2>&1; echo "large exit $?"
grep -E 'b=[0-9]+ ' "$R/ov-large.txt"; pack
exit 0
fi
if [[ "$part" == H ]]; then
# the host's time per eager launch without CUPTI (--trace none), traced and paused (--trace full), M = 1 and 4, twice
hb=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode eager --iters 50 --warmup 5
    --step-timing gated --progress none)
for round in 1 2; do
    for level in none full; do
        fs 60 "${hb[@]}" --trace $level --out "/tmp/h-$level-$round.sqlite" >"$R/h-$level-$round.txt" 2>&1
        echo "$level round $round exit $?"; grep -E 'b=[14] eager ' "$R/h-$level-$round.txt"
    done
done; pack
exit 0
fi
if [[ "$part" == G ]]; then
# after the warm-up's pause and resume and --verify's closing line: the runner's GPU tests, then issue 14's command
# (graph and eager, --verify, --overhead-reference process)
suite 200 org.fusescope.runner runner-suite
issue_command
exit 0
fi
if [[ "$part" == P ]]; then
# part F's first-run question, step by step (-Dfusescope.run.printSteps): unfused M = 1 first, full tracing, gated,
# no --verify, graph then eager (after the warm-up's pause and resume)
pb=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --iters 50 --warmup 5 --step-timing gated
    --progress none)
for mode in graph eager; do
    timeout 60 "$b/jre/bin/java" -Dfusescope.run.printSteps=true -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" \
        org.fusescope.runner.cli.FuseScopeCli "${pb[@]}" --mode $mode --out "/tmp/p-$mode.sqlite" \
        >"$R/p-$mode.txt" 2>&1
    echo "$mode exit $?"
done
grep -E 'b=[14] (graph|eager) |paused steps' "$R"/p-*.txt | cut -c1-400; pack
exit 0
fi
if [[ "$part" == F ]]; then
# which first run's paused graph steps run slow without --verify (part t): the M = 1 and 4 graph runs gated, full,
# as they are, with a 50-step warm-up, with the batches in the other order, and with fused first
tb=(run --preset qwen3-next-80b-a3b --mode graph --iters 50 --step-timing gated --progress none)
fs 60 "${tb[@]}" --batch 1,4 --variants unfused,fused --warmup 5 --out /tmp/f-plain.sqlite >"$R/f-plain.txt" 2>&1
echo "plain exit $?"
fs 60 "${tb[@]}" --batch 1,4 --variants unfused,fused --warmup 50 --out /tmp/f-warm.sqlite >"$R/f-warm.txt" 2>&1
echo "warm-up 50 exit $?"
fs 60 "${tb[@]}" --batch 4,1 --variants unfused,fused --warmup 5 --out /tmp/f-m4first.sqlite >"$R/f-m4first.txt" 2>&1
echo "M = 4 first exit $?"
fs 60 "${tb[@]}" --batch 1,4 --variants fused,unfused --warmup 5 --out /tmp/f-fusedfirst.sqlite \
    >"$R/f-fusedfirst.txt" 2>&1; echo "fused first exit $?"
grep -E 'b=[14] graph ' "$R"/f-*.txt; pack
# issue 14's command at this commit, graph and eager, each run also recorded by a child without CUPTI
issue_command
exit 0
fi
if [[ "$part" == S ]]; then
# both bundled samples recorded again as the assets README records them, now with --overhead-reference process
# (each run first recorded by a child without CUPTI), nsys's reports on each, then the runner's GPU tests
fs 240 run --preset qwen3-next-80b-a3b --batch 1,16,64 --variants unfused,fused --mode graph,eager --iters 20 \
    --warmup 3 --verify --overhead-reference process --progress none --out "$R/h100-moe.sqlite" >"$R/moe.txt" 2>&1
echo "h100-moe exit $?"; grep -E 'b=[0-9]+ |against|problem' "$R/moe.txt"; pack
nsys_reports 40 moe "$R/h100-moe.sqlite" cuda_gpu_kern_sum nvtx_gpu_proj_sum; pack
fs 300 run --preset qwen3-next-80b-a3b --mixers all --layers 4 --batch 1,16,64 --variants unfused,fused \
    --mode graph,eager --context 4096 --iters 10 --warmup 2 --verify --overhead-reference process --progress none \
    --out "$R/h100-layers4.sqlite" >"$R/layers4.txt" 2>&1
echo "h100-layers4 exit $?"; grep -E 'b=[0-9]+ |against|problem' "$R/layers4.txt"; pack
nsys_reports 60 layers4 "$R/h100-layers4.sqlite" cuda_gpu_kern_sum nvtx_gpu_proj_sum; pack
for db in h100-moe h100-layers4; do
    fs 60 report "$R/$db.sqlite" --section tracing >"$R/$db-tracing.txt" 2>&1
    fs 60 compare "$R/$db.sqlite" --section untraced >"$R/$db-untraced.txt" 2>&1
done; pack
suite 150 org.fusescope.runner runner-suite
exit 0
fi
if [[ "$part" == t ]]; then
tb=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode graph --iters 50 --warmup 5
    --step-timing gated --progress none)
fs 60 "${tb[@]}" --trace none --out /tmp/t-none.sqlite >"$R/t-none.txt" 2>&1; echo "none exit $?"
fs 60 "${tb[@]}" --out /tmp/t-full.sqlite >"$R/t-full.txt" 2>&1; echo "full exit $?"
fs 90 "${tb[@]}" --verify --out /tmp/t-verify.sqlite >"$R/t-verify.txt" 2>&1; echo "full --verify exit $?"
CUDA_MODULE_LOADING=EAGER fs 60 "${tb[@]}" --out /tmp/t-eager-load.sqlite >"$R/t-eager-load.txt" 2>&1
echo "full, eager module loading exit $?"; grep -E 'b=[14] ' "$R"/t-*.txt; pack
base=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode graph --iters 50 --warmup 5
    --progress none)
jprops=(-Dfusescope.run.backToBack=200); order=(none full); rounds=1 levels_twice j 60; jprops=()
part=l
fi
if [[ "$part" == l ]]; then
kb=(bench kernels --preset qwen3-next-80b-a3b --tokens 1,4 --groups moe,router)
fs 120 "${kb[@]}" --out "$R/l-plain.md" >"$R/l-plain.txt" 2>&1; echo "plain exit $?"; pack
timeout 200 "$nsys_bin" profile --trace=cuda --cuda-graph-trace=node -o /tmp/l-nsys --force-overwrite true \
    "${J[@]}" "${kb[@]}" --out "$R/l-nsys.md" >"$R/l-nsys.txt" 2>&1
echo "nsys exit $?"; paste -d'|' <(grep -E '^\|' "$R/l-plain.md") <(grep -E '^\|' "$R/l-nsys.md") | head -60; pack
exit 0
fi
if [[ "$part" == i || "$part" == j ]]; then
base=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode graph --iters 50 --warmup 5
    --progress none)
jprops=(-Dfusescope.run.backToBack=200); order=(none full kernels without-runtime,without-driver)
if [[ "$part" == j ]]; then order=(none full); rounds=1 levels_twice j 60; exit 0; fi
levels_twice "$part" 60
cp /tmp/"$part"-full-1.sqlite "$R/" 2>/dev/null; pack
timeout 120 "$nsys_bin" profile --trace=cuda --cuda-graph-trace=node -o /tmp/i-nsys --force-overwrite true \
    "$b/jre/bin/java" "${jprops[@]}" -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" org.fusescope.runner.cli.FuseScopeCli \
    "${base[@]}" --trace none --out /tmp/i-nsys.sqlite >"$R/$part-nsys.txt" 2>&1
echo "nsys profile exit $?"; grep -E 'b=[0-9]+ |back to back' "$R/$part-nsys.txt"; pack
exit 0
fi
if [[ "$part" == d ]]; then
base=(run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused --mode graph --iters 50
    --warmup 5 --verify --progress none)
jprops=(-Dfusescope.run.backToBack=200); order=(none full)
levels_twice d 90
timeout 150 "$nsys_bin" profile --trace=cuda --cuda-graph-trace=node -o /tmp/d-nsys --force-overwrite true \
    "$b/jre/bin/java" "${jprops[@]}" -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" org.fusescope.runner.cli.FuseScopeCli \
    "${base[@]}" --trace none --out /tmp/d-nsys.sqlite >"$R/d-nsys.txt" 2>&1
echo "nsys profile exit $?"; grep -E 'b=[0-9]+ |back to back' "$R/d-nsys.txt"; pack
suite 150 org.fusescope.runner runner-suite
exit 0
fi
if [[ "$part" == c ]]; then
base=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode graph --iters 50 --warmup 5
    --step-timing gated --progress none)
order=(none full host-pinned)
levels_twice c 45
part=e
fi
if [[ "$part" == e ]]; then
block_bench 200; pack
exit 0
fi
if [[ "$part" == x ]]; then
base=("${ov[@]}"); order=(none full detach-paused)
levels_twice x 60
issue=(run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused --iters 50 --warmup 5 --verify
    --progress none)
fs 200 "${issue[@]}" --mode graph --overhead-reference process --out "$R/issue-graph.sqlite" >"$R/issue-graph.txt" 2>&1
echo "issue 14's command, graph, exit $?"; grep -E 'b=[0-9]+ ' "$R/issue-graph.txt"; pack
timeout 120 "$b/jre/bin/java" -Dfusescope.cupti.experiment=detach-paused -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" \
    org.fusescope.runner.cli.FuseScopeCli "${issue[@]}" --mode graph --out "$R/issue-detach.sqlite" \
    >"$R/issue-detach.txt" 2>&1
echo "issue 14's command, graph, detach-paused, exit $?"; grep -E 'b=[0-9]+ ' "$R/issue-detach.txt"; pack
fs 200 "${issue[@]}" --mode eager --overhead-reference process --out "$R/issue-eager.sqlite" >"$R/issue-eager.txt" 2>&1
echo "issue 14's command, eager, exit $?"; grep -E 'b=[0-9]+ ' "$R/issue-eager.txt"; pack
exit 0
fi
if [[ "$part" == q ]]; then
suite 150 org.fusescope.kernels.ops.MoeAlignKernelsTest,org.fusescope.kernels.ops.MoeAlignStressTest,org.fusescope.runner
part=r; keep_going=1
fi
if [[ "$part" == r ]]; then
fs 150 "${ov[@]}" --overhead-reference process --out "$R/reference.sqlite" >"$R/reference.txt" 2>&1
echo "record exit $?"; cat "$R/reference.txt"; pack
fs 30 report "$R/reference.sqlite" --section tracing >"$R/reference-tracing.txt" 2>&1; echo "report exit $?"
grep -E '^(un)?fused b=' "$R/reference-tracing.txt"; pack
[[ -z "${keep_going:-}" ]] && exit 0
base=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode graph --iters 50 --warmup 5
    --step-timing gated --progress none)
order=(none full serial-kernels without-runtime,without-driver)
levels_twice q 45
fs 90 run --preset qwen3-next-80b-a3b --batch 256 --variants unfused,fused --mode graph,eager --iters 20 --warmup 3 \
    --verify --progress none --out "$R/m256.sqlite" >"$R/m256.txt" 2>&1
echo "M = 256 exit $?"; tail -12 "$R/m256.txt"; pack
exit 0
fi
if [[ "$part" == v ]]; then
suite 150 \
    org.fusescope.kernels.ops.MoeAlignKernelsTest,org.fusescope.kernels.ops.ProgrammaticLaunchKernelTest,org.fusescope.runner
for round in 1 2; do
    levels=(none full kernels); [[ $round == 2 ]] && levels=(kernels full none)
    for level in "${levels[@]}"; do
        fs 60 "${ov[@]}" --trace $level --out /tmp/v-$level-$round.sqlite >"$R/v-$level-$round.txt" 2>&1
        echo "$level round $round exit $?"; grep -E 'b=[14] ' "$R/v-$level-$round.txt"
    done; pack
done
timeout 120 "$nsys_bin" profile --trace=cuda --cuda-graph-trace=node -o /tmp/v-nsys --force-overwrite true \
    "${J[@]}" "${ov[@]}" --trace none --out /tmp/v-nsys.sqlite >"$R/v-nsys.txt" 2>&1
echo "nsys profile exit $?"; grep -E 'b=[14] ' "$R/v-nsys.txt"; pack
block_bench 200
fs 30 report "$R/bench.sqlite" --section tracing >"$R/report-tracing.txt" 2>&1; echo "report exit $?"
grep -E '^(un)?fused b=' "$R/report-tracing.txt"; pack
exit 0
fi
if [[ "$part" == w ]]; then
base=("${ov[@]}"); order=(none kernels full without-memset without-memcpy without-synchronization without-overhead)
levels_twice w 60
fs 30 report /tmp/w-full-1.sqlite --section tracing >"$R/w-report-tracing.txt" 2>&1; echo "report exit $?"
cat "$R/w-report-tracing.txt"; cp /tmp/w-full-1.sqlite "$R/"; pack
exit 0
fi
if [[ "$part" == z ]]; then
fs 60 "${ov[@]}" --trace none --out /tmp/ov-none.sqlite >"$R/ov-none.txt" 2>&1; echo "no CUPTI exit $?"
grep -E 'b=[14] ' "$R/ov-none.txt"
timeout 120 "$nsys_bin" profile --trace=cuda --cuda-graph-trace=node -o /tmp/ov-nsys --force-overwrite true \
    "${J[@]}" "${ov[@]}" --trace none --out /tmp/ov-nsys.sqlite >"$R/ov-nsys.txt" 2>&1
echo "nsys profile exit $?"; grep -E 'b=[14] ' "$R/ov-nsys.txt"; pack
fs 60 "${ov[@]}" --out /tmp/ov-full.sqlite >"$R/ov-full.txt" 2>&1; echo "full exit $?"; grep -E 'b=[14] ' "$R/ov-full.txt"
fs 60 "${ov[@]}" --trace kernels --out /tmp/ov-kernels.sqlite >"$R/ov-kernels.txt" 2>&1; echo "kernels exit $?"
grep -E 'b=[14] ' "$R/ov-kernels.txt"; pack
ncu_csv 120; cp /tmp/ncu-none.sqlite "$R/" 2>/dev/null; pack
fs 60 bench kernels --preset qwen3-next-80b-a3b --tokens 1,4 --groups moe --shared-as-expert \
    --out "$R/kernels-small.md" >"$R/kernels-small.txt" 2>&1; echo "bench kernels exit $?"
grep -E 'grouped_gemm1_silu|grouped_gemm1 \(CUDA|grouped_gemm2_sum|grouped_gemm2 \(CUDA|silu_and_mul|sum_reduce|\| grouped_gemm[12] \|' \
    "$R/kernels-small.md" | head -20; pack
exit 0
fi
if [[ "$part" == o ]]; then
ov=(run --preset qwen3-next-80b-a3b --batch 1,4 --variants unfused,fused --mode graph,eager --iters 50 --warmup 5
    --progress none)
fs 60 "${ov[@]}" --trace none --out /tmp/ov-none.sqlite >"$R/ov-none.txt" 2>&1; echo "no CUPTI exit $?"
cat "$R/ov-none.txt"
echo "nsys: $nsys_bin"; timeout 120 "$nsys_bin" profile --trace=cuda --cuda-graph-trace=node -o /tmp/ov-nsys \
    --force-overwrite true "${J[@]}" "${ov[@]}" --trace none --out /tmp/ov-nsys.sqlite >"$R/ov-nsys.txt" 2>&1
echo "nsys profile exit $?"; grep -E 'b=[14] ' "$R/ov-nsys.txt"; tail -3 "$R/ov-nsys.txt"; pack
fs 60 "${ov[@]}" --out /tmp/ov-full.sqlite >"$R/ov-full.txt" 2>&1; echo "full exit $?"; cat "$R/ov-full.txt"
timeout 60 "$b/jre/bin/java" -Dfusescope.cupti.experiment=graph-trace -Xmx48g -cp "$b/fusescope-app.jar:$b/lib/*" \
    org.fusescope.runner.cli.FuseScopeCli "${ov[@]}" --mode graph --out /tmp/ov-graph.sqlite >"$R/ov-graph.txt" 2>&1
echo "graph-trace exit $?"; grep -E 'b=[14] ' "$R/ov-graph.txt"; pack
ncu_csv 100; cp /tmp/ncu-none.sqlite "$R/" 2>/dev/null; pack
fs 200 ncu --out /tmp/ncu-cmd.sqlite -- --preset qwen3-next-80b-a3b --batch 16 --variants unfused,fused --mode eager \
    --iters 1 --warmup 0 >"$R/ncu-cmd.txt" 2>&1; echo "fusescope ncu exit $?"; tail -6 "$R/ncu-cmd.txt"
fs 30 report /tmp/ncu-cmd.sqlite --section ncu >"$R/ncu-report.txt" 2>&1; echo "report exit $?"
head -60 "$R/ncu-report.txt"; cp /tmp/ncu-cmd.sqlite "$R/" 2>/dev/null; pack
exit 0
fi
if [[ "$part" == p ]]; then
suite 150 org.fusescope.kernels.ops.ProgrammaticLaunchKernelTest,org.fusescope.runner pdl-suite
fs 280 run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused,fused-pdl --mode graph,eager \
    --iters 50 --warmup 5 --verify --progress none --out "$R/bench.sqlite" >"$R/record.txt" 2>&1
echo "record exit $?"; tail -32 "$R/record.txt"; pack
fs 40 bench moe --from "$R/bench.sqlite" --out "$R/moe-block.md" >"$R/bench-moe.txt" 2>&1
echo "bench moe exit $?"; head -16 "$R/bench-moe.txt"; pack
exit 0
fi
if [[ "$part" == h ]]; then
TEST_LIMIT=${TEST_LIMIT:-80} bash scripts/device/gpu-suite.sh "$R" org.fusescope.kernels.ops.GroupedGemmSmallBatchKernelsTest \
    >"$R/small-suite.txt" 2>&1; echo "small-batch suite exit $?"; grep -E 'gpu-suite' "$R/small-suite.txt" | tail -3
pack
fs 70 bench kernels --preset qwen3-next-80b-a3b --tokens 1,4,8,16 --groups moe --shared-as-expert \
    --out "$R/kernels-small.md" >"$R/kernels-small.txt" 2>&1; echo "bench kernels exit $?"
grep -E 'grouped_gemm1_silu|grouped_gemm1 \(CUDA|grouped_gemm2_sum|grouped_gemm2 \(CUDA|silu_and_mul|sum_reduce|\| grouped_gemm[12] \|' \
    "$R/kernels-small.md" | head -40; pack
block_bench 230; pack
fs 50 run --preset qwen3-next-80b-a3b --batch 1,4 --variants fused,fused-gemm1_silu-gemm2_sum-router_gemv \
    --mode graph --iters 50 --warmup 5 --progress none --out "$R/small.sqlite" >"$R/small.txt" 2>&1
echo "small exit $?"; tail -5 "$R/small.txt"; pack
exit 0
fi
if [[ "$part" == g ]]; then
TEST_LIMIT=${TEST_LIMIT:-80} bash scripts/device/gpu-suite.sh "$R" \
    org.fusescope.kernels.ops.GroupedGemmSmallBatchKernelsTest,org.fusescope.kernels.ops.RouterGemvKernelTest \
    >"$R/small-suite.txt" 2>&1; echo "small-batch suite exit $?"; grep -E 'gpu-suite|tests (successful|failed)' \
    "$R/small-suite.txt" | tail -6; grep -B2 -A12 'MethodSource\|AssertionError' "$R/small-suite.txt" | head -40; pack
block_bench 230; pack
fs 60 run --preset qwen3-next-80b-a3b --batch 1,4,16 --variants fused,fused-gemm1_silu-gemm2_sum-router_gemv \
    --mode graph --iters 50 --warmup 5 --progress none --out "$R/small.sqlite" >"$R/small.txt" 2>&1
echo "small exit $?"; tail -8 "$R/small.txt"; pack
fs 70 bench kernels --preset qwen3-next-80b-a3b --tokens 1,4,16 --groups moe --shared-as-expert \
    --out "$R/kernels-small.md" >"$R/kernels-small.txt" 2>&1; echo "bench kernels exit $?"
grep -E 'grouped_gemm|silu|sum_reduce' "$R/kernels-small.md" | head -40; pack
exit 0
fi
if [[ "$part" == m ]]; then
suite 150 org.fusescope.kernels,org.fusescope.runner,org.fusescope.profiler.cupti
block_bench 260; pack
# the opt-in small-batch kernels: alone, then in the block at M = 1 and 4
fs 90 bench kernels --preset qwen3-next-80b-a3b --tokens 1,4,16,64 --groups router,moe --out "$R/kernels-small.md" \
    >"$R/kernels-small.txt" 2>&1; echo "bench kernels small exit $?"
grep -E 'router|topk|align' "$R/kernels-small.md" | head -40; pack
fs 90 run --preset qwen3-next-80b-a3b --batch 1,4,16 --variants fused,fused+router_gemv+topk_wide+align_shared_counts \
    --mode graph --iters 50 --warmup 5 --verify --progress none --out "$R/small.sqlite" >"$R/small.txt" 2>&1
echo "small exit $?"; tail -12 "$R/small.txt"; pack
exit 0
fi
if [[ "$part" == k ]]; then
fs 200 bench kernels --preset qwen3-next-80b-a3b --tokens 1,16,64,256 --out "$R/kernels.md" >"$R/kernels.txt" 2>&1
echo "bench kernels exit $?"; grep -E 'grouped_gemm|topk|align|router|sigmoid' "$R/kernels.txt" | head -60; pack
fs 200 bench kernels --preset qwen3-next-80b-a3b --tokens 1,16,64,256 --shared-as-expert \
    --out "$R/kernels-shared.md" >"$R/kernels-shared.txt" 2>&1
echo "bench kernels shared exit $?"; grep -E 'grouped_gemm' "$R/kernels-shared.txt" | head -40; pack
TEST_LIMIT=${TEST_LIMIT:-90} bash scripts/device/gpu-suite.sh "$R" org.fusescope.kernels.ops.GroupedGemmKernelsTest \
    >"$R/gemm-suite.txt" 2>&1; echo "gemm suite exit $?"; tail -15 "$R/gemm-suite.txt"; pack
exit 0
fi
if [[ "$part" == a ]]; then
# the GPU suite, then the 4-layer sample as the assets README records it (graph and eager, verified)
TEST_LIMIT=${TEST_LIMIT:-230} COMMAND_LIMIT=150 bash scripts/device/gpu-suite.sh "$R" \
    org.fusescope.kernels,org.fusescope.runner,org.fusescope.profiler.cupti -- run --preset qwen3-next-80b-a3b \
    --mixers all --layers 4 --batch 1,16,64 --variants unfused,fused --mode graph,eager --context 4096 --iters 10 \
    --warmup 2 --verify --progress lines --out "$R/h100-layers4.sqlite" >"$R/suite.txt" 2>&1
echo "suite exit $?"; grep -E 'gpu-suite|== ' "$R/suite.txt" | tail -12; pack
nsys_reports 30 layers4 "$R/h100-layers4.sqlite" cuda_gpu_kern_sum nvtx_gpu_proj_sum nvtx_gpu_proj_trace
pack
ncu_csv 80; pack
tiny_dump; pack
exit 0
fi
# the bundled sample, as record-suite.sh records it, and nsys's reports on it
fs 150 run --preset qwen3-next-80b-a3b --batch 1,16,64 --variants unfused,fused --mode graph,eager --iters 20 \
    --warmup 3 --verify --progress none --out "$R/h100-moe.sqlite" >"$R/sample.txt" 2>&1; echo "sample exit $?"
nsys_reports 40 sample "$R/h100-moe.sqlite" cuda_gpu_kern_sum nvtx_sum nvtx_gpu_proj_sum nvtx_gpu_proj_trace
pack
fs 120 run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused --mode graph,eager \
    --iters 20 --warmup 5 --progress none --out /tmp/gated.sqlite >"$R/overhead-gated.txt" 2>&1
echo "gated exit $?"; cat "$R/overhead-gated.txt"; pack
fs 60 run --preset qwen3-next-80b-a3b --batch 1,4,16,64,256 --variants unfused,fused --mode graph \
    --iters 20 --warmup 5 --step-timing direct --progress none --out /tmp/direct.sqlite >"$R/overhead-direct.txt" 2>&1
echo "direct exit $?"; cat "$R/overhead-direct.txt"; pack
nsys_reports 30 gated /tmp/gated.sqlite cuda_gpu_kern_sum nvtx_gpu_proj_sum nvtx_gpu_proj_trace
pack
timeout 60 "$nsys_bin" profile --trace=cuda,nvtx --cuda-graph-trace=node -o /tmp/wrapped --force-overwrite true \
    "${J[@]}" run --preset qwen3-next-80b-a3b --batch 1 --variants unfused,fused --mode graph --iters 10 --warmup 2 \
    --trace none --progress none --out /tmp/wrapped-none.sqlite >"$R/nsys-wrapped.txt" 2>&1
echo "nsys profile + --trace none exit $?"; grep -E 'fusescope|b=1' "$R/nsys-wrapped.txt" | head -4; pack
ncu_csv 80; cp /tmp/ncu-none.sqlite "$R/" 2>/dev/null
pack
fs 60 ncu-import "$R/h100-moe.sqlite" --csv "$R/ncu-m16.csv" --out /tmp/sample-ncu.sqlite >"$R/ncu-import.txt" 2>&1
echo "ncu-import exit $?"; cat "$R/ncu-import.txt"
fs 30 report /tmp/sample-ncu.sqlite --section ncu >"$R/ncu-report.txt" 2>&1; echo "ncu report exit $?"
fs 200 ncu --out /tmp/ncu-cmd.sqlite -- --preset qwen3-next-80b-a3b --batch 16 --variants unfused,fused --mode eager \
    --iters 1 --warmup 0 >"$R/ncu-cmd.txt" 2>&1; echo "fusescope ncu exit $?"; tail -4 "$R/ncu-cmd.txt"
fs 30 report /tmp/ncu-cmd.sqlite --section ncu >>"$R/ncu-cmd.txt" 2>&1
pack; ls -la "$out"
