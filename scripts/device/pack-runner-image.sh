#!/usr/bin/env bash
# Builds the headless runner image (installer profile) and puts its tar.xz into .carry/ (git-ignored;
# the device tool carries .carry) for scripts/device/runner-image-check.sh on the GPU host.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
mvn -B -q -o -pl installer -am package -Pinstaller -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
mkdir -p .carry
cp installer/target/fusescope-runner-linux-x64.tar.xz .carry/
ls -la .carry/fusescope-runner-linux-x64.tar.xz
