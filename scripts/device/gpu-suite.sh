#!/usr/bin/env bash
# On the GPU host (no Java there): unpacks .carry/gpu-bundle.tar.xz (made by pack.sh), runs the GPU
# test suite with the JUnit console launcher and then the command given after the options (e.g.
# a benchmark), writing everything under OUTDIR.
# Usage: scripts/device/gpu-suite.sh OUTDIR [PACKAGE_TO_TEST] [-- FUSESCOPE ARGS...]
set -uo pipefail
out="$1"; shift
package="${1:-org.fusescope.kernels}"; shift || true
[[ "${1:-}" == "--" ]] && shift
mkdir -p /tmp/fs && tar -xJf .carry/gpu-bundle.tar.xz -C /tmp/fs
b=/tmp/fs/bundle
export LD_LIBRARY_PATH=/usr/local/cuda/targets/x86_64-linux/lib:${LD_LIBRARY_PATH:-}
export FUSESCOPE_CACHE=/tmp/fusescope-cache
java="$b/jre/bin/java"
cp="$b/test-classes:$b/fusescope-app.jar$(printf ':%s' "$b"/lib/*.jar "$b"/test-lib/*.jar)"
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,memory.total --format=csv | tee "$out/gpu.txt"
"$java" -jar "$b/junit-platform-console-standalone.jar" execute --class-path "$cp" \
    --select-package "$package" --details=tree --disable-banner --reports-dir "$out/junit" 2>&1 \
    | tee "$out/gpu-tests.txt" | tail -60
if (($#)); then
    "$java" -cp "$cp" org.fusescope.app.Launcher "$@" 2>&1 | tee "$out/command.txt"
fi
