#!/usr/bin/env bash
# On the GPU host: where the runner's host time goes. Records a 48-layer eager run (the slowest
# host path: one launch per op) under Java Flight Recorder and writes the recording and the run's
# summary to OUTDIR; read it here with `jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample`.
# Usage: [LAYERS=48] [BATCH=1] scripts/device/profile-host.sh OUTDIR   (after pack.sh; carry .carry)
set -uo pipefail
out="$1"
mkdir -p /tmp/fs "$out" && tar -xJf .carry/gpu-bundle.tar.xz -C /tmp/fs
b=/tmp/fs/bundle
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
export FUSESCOPE_CACHE=/tmp/fusescope-cache
rm -f /tmp/fs-profile.sqlite
"$b/jre/bin/java" -Xmx64g -XX:StartFlightRecording=filename="$out/host.jfr",settings=profile \
    -cp "$b/fusescope-app.jar$(printf ':%s' "$b"/lib/*.jar)" org.fusescope.runner.cli.FuseScopeCli run \
    --preset qwen3-next-80b-a3b --mixers all --layers "${LAYERS:-48}" --batch "${BATCH:-1}" \
    --variants unfused,fused --mode eager --iters 30 --warmup 2 --progress none \
    --out /tmp/fs-profile.sqlite >"$out/run.txt" 2>&1
echo "run exit $?" >>"$out/run.txt"
cat "$out/run.txt"
