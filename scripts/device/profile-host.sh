#!/usr/bin/env bash
# On the GPU host: where the runner's host time goes. Records a 48-layer eager run (the slowest
# host path: one launch per op) under Java Flight Recorder and writes the recording and the run's
# summary to OUTDIR; read it here with `jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample`.
# JFR=0 runs without the recorder (for timing); JAVA_OPTS adds JVM options; NAME names the outputs.
# Usage: [LAYERS=48] [BATCH=1] [JFR=1] [NAME=host] scripts/device/profile-host.sh OUTDIR   (after pack.sh)
set -uo pipefail
out="$1"
mkdir -p /tmp/fs "$out"
[[ -d /tmp/fs/bundle ]] || tar -xJf .carry/gpu-bundle.tar.xz -C /tmp/fs
name=${NAME:-host}
jfr=()
[[ "${JFR:-1}" == 1 ]] && jfr=(-XX:StartFlightRecording=filename="$out/$name.jfr",settings=profile)
b=/tmp/fs/bundle
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
export FUSESCOPE_CACHE=/tmp/fusescope-cache
rm -f /tmp/fs-profile.sqlite
"$b/jre/bin/java" -Xmx64g "${jfr[@]}" ${JAVA_OPTS:-} \
    -cp "$b/fusescope-app.jar$(printf ':%s' "$b"/lib/*.jar)" org.fusescope.runner.cli.FuseScopeCli run \
    --preset qwen3-next-80b-a3b --mixers all --layers "${LAYERS:-48}" --batch "${BATCH:-1}" \
    --variants unfused,fused --mode eager --iters 30 --warmup 2 --progress none \
    --out /tmp/fs-profile.sqlite >"$out/$name.txt" 2>&1
echo "run exit $?" >>"$out/$name.txt"
cat "$out/$name.txt"
