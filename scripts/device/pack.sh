#!/usr/bin/env bash
# Packs what the GPU host needs into .carry/gpu-bundle.tar.xz (git-ignored; the device tool carries
# .carry). The host has no Java, so the bundle holds a jlinked runtime, the application jars, the
# kernels module's test classes with their test libraries, and the JUnit console launcher.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"
mvn -B -q -o install -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
stage=$(mktemp -d)/bundle
mkdir -p "$stage/lib" "$stage/test-lib" "$stage/test-classes"
cp app/target/fusescope-app.jar "$stage/"
cp app/target/lib/*.jar "$stage/lib/"
# the GPU host runs the command line (FuseScopeCli), never the workbench: leave the UI libraries out
rm -f "$stage"/lib/javafx-*.jar "$stage"/lib/controlsfx-*.jar "$stage"/lib/atlantafx-*.jar \
    "$stage"/lib/ikonli-*.jar "$stage"/lib/openjfx-monocle-*.jar
# Drop what the Linux x86-64 host never loads: JCuda's PTX compiler JNI library (24 MB unpacked; we
# compile with NVRTC through JavaCPP) and sqlite-jdbc's natives for other platforms.
strip_jar() { # JAR PYTHON-REGEX-OF-ENTRIES-TO-DROP
    python3 - "$1" "$2" <<'PY'
import re, shutil, sys, zipfile
src, drop = sys.argv[1], re.compile(sys.argv[2])
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(src + ".tmp", "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        if not drop.search(item.filename):
            zout.writestr(item, zin.read(item.filename))
shutil.move(src + ".tmp", src)
PY
}
for jar in "$stage"/lib/jcuda-natives-*.jar; do strip_jar "$jar" 'JNvPTXCompiler'; done
for jar in "$stage"/lib/sqlite-jdbc-*.jar; do strip_jar "$jar" '^org/sqlite/native/(?!Linux/x86_64/)'; done
cp -r kernels/target/test-classes/. profiler/core/target/test-classes/. profiler/cupti/target/test-classes/. model-runner/target/test-classes/. "$stage/test-classes/"
mvn -B -q -o -pl kernels dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$stage/cp.txt"
tr ':' '\n' <"$stage/cp.txt" | grep -E '/assertj-core[^/]*\.jar$' | xargs -r -I{} cp {} "$stage/test-lib/"
rm "$stage/cp.txt"
mvn -B -q -o dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.1 \
    -DoutputDirectory="$stage" -Dmdep.stripVersion=true
modules=java.base,java.sql,java.logging,java.management,jdk.unsupported,jdk.zipfs,jdk.jfr # jdk.jfr: profile-host.sh
jlink --add-modules "$modules" --strip-debug --no-man-pages \
    --no-header-files --compress=2 --output "$stage/jre"
mkdir -p .carry
tar -C "$(dirname "$stage")" -cJf .carry/gpu-bundle.tar.xz bundle
ls -la .carry/gpu-bundle.tar.xz
echo "modules: $modules"
