#!/usr/bin/env bash
# Checks what the installer profile built: the desktop app image (launcher --version, a real-window
# screenshot of the bundled sample under Xvfb, the child-JVM path the workbench uses for recordings),
# the .deb (control fields, desktop entry, icon, extracted launcher), the runner image as shipped in its
# tar.xz (no UI jars, the stripped JCuda natives, --version, info/report/compare/export on the sample,
# identical to the same jars on the full JDK, doctor failing cleanly without a GPU), each runtime's
# modules against jdeps, and the sizes. Every check prints PASS or FAIL; any FAIL exits 1.
# Run by `mvn verify -Pinstaller` (installer/pom.xml); by hand, after `mvn -Pinstaller package`:
#   DESKTOP_MODULES=... RUNNER_MODULES=... installer/src/test/sh/check-images.sh installer/target 0.1.0-SNAPSHOT
# Needs: Xvfb (package xvfb) and libgtk-3-0 for the screenshot, dpkg-deb, tar with xz.
set -uo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 TARGET_DIR VERSION" >&2; exit 2; }
target=$(cd "$1" && pwd) || exit 2
version=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../../.." && pwd)
jdk=${JDK_BIN:-$(dirname "$(readlink -f "$(command -v java)")")}
: "${DESKTOP_MODULES:?set DESKTOP_MODULES (installer.desktop.modules in installer/pom.xml)}"
: "${RUNNER_MODULES:?set RUNNER_MODULES (installer.runner.modules in installer/pom.xml)}"
runner_static=${RUNNER_STATIC_MODULES:-}
sample=$root/assets/src/main/resources/org/fusescope/assets/samples/h100-moe.sqlite
icon=$root/assets/src/main/icons/fusescope.png
app=$target/app-image/FuseScope
work=$target/check
rm -rf "$work" && mkdir -p "$work"
failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# CHECK WHAT COMMAND...: PASS when COMMAND succeeds
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
# PRINTS_VERSION LOG COMMAND...: COMMAND exits 0 and its first line is "FuseScope VERSION"
prints_version() {
    local log=$1; shift
    "$@" >"$log" 2>&1 && [[ "$(head -1 "$log")" == "FuseScope $version" ]] || { sed 's/^/    /' "$log" | head -5; false; }
}
exists() { compgen -G "$1" >/dev/null; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

echo "== desktop app image $app"
check "launcher bin/FuseScope exists" test -x "$app/bin/FuseScope"
check "FuseScope --version prints 'FuseScope $version'" prints_version "$work/app-version.txt" "$app/bin/FuseScope" --version
# RunProcess starts recordings as java.home/bin/java -cp <class path> org.fusescope.app.Launcher
check "runtime keeps bin/java for the workbench's child runs" \
    prints_version "$work/app-child.txt" "$app/lib/runtime/bin/java" -cp "$app/lib/app/*" org.fusescope.app.Launcher --version
check "runtime has no header files or man pages" test ! -e "$app/lib/runtime/include" -a ! -e "$app/lib/runtime/man"
check "JavaFX jars are in the image" exists "$app/lib/app/javafx-graphics-*-linux.jar"

# without a desktop session: one line, status 1, no stack trace
env -u DISPLAY -u WAYLAND_DISPLAY "$app/bin/FuseScope" >"$work/no-display.out" 2>"$work/no-display.err"
status=$?
check "FuseScope without a display prints one line and exits 1 ($(head -1 "$work/no-display.err"))" \
    bash -c "[[ $status -eq 1 && ! -s '$work/no-display.out' ]] && [[ \$(wc -l <'$work/no-display.err') -eq 1 ]] \
        && grep -q '^fusescope: the workbench needs a desktop session' '$work/no-display.err'"
# headless rendering (Monocle on the class path, JavaFX on the module path)
env -u DISPLAY -u WAYLAND_DISPLAY timeout 180 "$app/bin/FuseScope" --screenshot "$work/headless.png" "$sample" \
    >"$work/headless.log" 2>"$work/headless.err"
status=$?
check "FuseScope --screenshot without a display exits 0 with nothing on stderr" \
    bash -c "[[ $status -eq 0 && -s '$work/headless.png' && ! -s '$work/headless.err' ]] || { head -5 '$work/headless.err'; false; }"

echo "== screenshot of the bundled sample in a real window (Xvfb)"
if ! command -v Xvfb >/dev/null; then
    fail "Xvfb is not on the PATH (apt-get install xvfb libgtk-3-0)"
else
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/xvfb.display" 2>"$work/xvfb.log" &
    xvfb=$!
    for _ in $(seq 100); do [[ -s $work/xvfb.display ]] && break; sleep 0.1; done
    # a fresh preferences folder whose window size the PNG must have (the JVM takes user.home from
    # the password database, not $HOME, hence the system property)
    mkdir -p "$work/config"
    printf 'window.width=1280\nwindow.height=800\n' >"$work/config/workbench.properties"
    png=$work/workbench.png
    DISPLAY=":$(head -1 "$work/xvfb.display")" JAVA_TOOL_OPTIONS="-Dfusescope.config.dir=$work/config" \
        timeout 180 "$app/bin/FuseScope" --screenshot "$png" >"$work/screenshot.log" 2>"$work/screenshot.all-err"
    status=$?
    kill "$xvfb" 2>/dev/null
    cat "$work/screenshot.all-err" >>"$work/screenshot.log"
    # the JVM's own note on JAVA_TOOL_OPTIONS is the only line stderr may have
    grep -v '^Picked up JAVA_TOOL_OPTIONS:' "$work/screenshot.all-err" >"$work/screenshot.err"
    check "FuseScope --screenshot exits 0 on display :$(head -1 "$work/xvfb.display") (log: $work/screenshot.log)" test "$status" -eq 0
    check "it drew with GTK, not the headless Monocle fallback" bash -c "! grep -q Monocle '$work/screenshot.log'"
    check "nothing on stderr at start-up (no 'Unsupported JavaFX configuration': JavaFX on the module path)" \
        test ! -s "$work/screenshot.err"
    if [[ -s $png ]] && read -r w h colours < <("$jdk/java" "$here/../tools/PngSize.java" "$png"); then
        pass "PNG written: $(stat -c %s "$png") bytes, ${w}x${h}, $colours colours"
        check "PNG is the window size from the preferences (1280x800), got ${w}x${h}" test "$w $h" = "1280 800"
        check "PNG shows a rendered workbench (more than 50 colours), got $colours" test "$colours" -gt 50
    else
        fail "no readable PNG at $png"; tail -20 "$work/screenshot.log" | sed 's/^/    /'
    fi
fi

echo "== Debian package"
debs=("$target"/deb/fusescope_*.deb)
if [[ ${#debs[@]} -ne 1 || ! -f ${debs[0]} ]]; then
    fail "expected one $target/deb/fusescope_*.deb, found: ${debs[*]}"
else
    deb=${debs[0]}
    depends=$(dpkg-deb -f "$deb" Depends)
    echo "    Depends: $depends"
    check "Depends declares libgtk-3-0" grep -qE '(^|[ ,])libgtk-3-0([ ,(]|$)' <<<"$depends"
    pkg=$(dpkg-deb -f "$deb" Package) ver=$(dpkg-deb -f "$deb" Version)
    check "Package is fusescope ($pkg), Version starts with $version ($ver)" test "$pkg" = fusescope -a "${ver#"$version"}" != "$ver"
    dpkg-deb -c "$deb" | awk '{print $NF}' >"$work/deb-files.txt"
    for f in ./opt/fusescope/bin/FuseScope ./opt/fusescope/lib/FuseScope.png ./opt/fusescope/lib/fusescope-FuseScope.desktop; do
        check "deb contains $f" grep -qxF "$f" "$work/deb-files.txt"
    done
    dpkg-deb -x "$deb" "$work/deb-root" && dpkg-deb -e "$deb" "$work/deb-control"
    desktop=$work/deb-root/opt/fusescope/lib/fusescope-FuseScope.desktop
    check "desktop entry runs /opt/fusescope/bin/FuseScope" grep -qxF "Exec=/opt/fusescope/bin/FuseScope %F" "$desktop"
    check "desktop entry points at the icon" grep -qxF "Icon=/opt/fusescope/lib/FuseScope.png" "$desktop"
    check "icon is assets/src/main/icons/fusescope.png" cmp -s "$icon" "$work/deb-root/opt/fusescope/lib/FuseScope.png"
    check "postinst registers the desktop entry" \
        grep -q "xdg-desktop-menu install /opt/fusescope/lib/fusescope-FuseScope.desktop" "$work/deb-control/postinst"
    check "the packaged launcher prints the version" \
        prints_version "$work/deb-version.txt" "$work/deb-root/opt/fusescope/bin/FuseScope" --version
fi

echo "== runner image, unpacked from fusescope-runner-linux-x64.tar.xz"
tarball=$target/fusescope-runner-linux-x64.tar.xz
mkdir -p "$work/runner" && tar -xJf "$tarball" -C "$work/runner"
runner=$work/runner/fusescope
fs=$runner/bin/fusescope
ui=$(ls "$runner/lib/app" | grep -E '^(javafx|controlsfx|atlantafx|ikonli|openjfx-monocle|fusescope-app|fusescope-assets)-' || true)
check "no JavaFX or other UI jars${ui:+: $ui}" test -z "$ui"
check "jcuda-natives carries no JNvPTXCompiler" \
    bash -c "! '$jdk/jar' tf '$runner'/lib/app/jcuda-natives-*.jar | grep -q JNvPTXCompiler"
check "fusescope --version prints 'FuseScope $version'" prints_version "$work/runner-version.txt" "$fs" --version
"$fs" info "$sample" >"$work/info.txt" 2>&1
check "info on the sample names the H100" grep -qE '^device 0 +NVIDIA H100' "$work/info.txt"
"$fs" report "$sample" >"$work/report.txt" 2>&1
check "report on the sample exits 0" test $? -eq 0
mapfile -t reported < <(sed -n 's/^== \(.*\) ==$/\1/p' "$work/report.txt")
listed=$(grep -cE '^ +[0-9]+  ' "$work/info.txt")
check "report has a section per run that info lists (${#reported[@]} vs $listed)" test "${#reported[@]}" -eq "$listed" -a "$listed" -gt 0
unlisted=()
for name in "${reported[@]}"; do
    grep -E '^ +[0-9]+  ' "$work/info.txt" | grep -qF -- "  $name  " || unlisted+=("$name")
done
check "every reported run is one info lists${unlisted[*]:+; not listed: ${unlisted[*]}}" test ${#unlisted[@]} -eq 0
"$jdk/java" -cp "$target/runner-input/*" org.fusescope.runner.cli.FuseScopeCli report "$sample" >"$work/report-jdk.txt" 2>&1
check "report equals the same jars on the full JDK" cmp -s "$work/report.txt" "$work/report-jdk.txt"
check "compare on the sample exits 0" bash -c "'$fs' compare '$sample' >'$work/compare.txt' 2>&1"
check "export --chrome writes JSON" bash -c "'$fs' export '$sample' --chrome '$work/trace.json' >/dev/null 2>&1 && head -c1 '$work/trace.json' | grep -q '{'"
check "export --csv writes tables" bash -c "'$fs' export '$sample' --csv '$work/csv' >/dev/null 2>&1 && ls '$work/csv' | grep -q '\.csv$'"
"$fs" doctor >"$work/doctor.txt" 2>&1
status=$?
doctor_ok() {
    grep -q $'^\tat ' "$work/doctor.txt" && return 1
    if [[ $status -eq 0 ]]; then grep -q '^cuBLAS: ready' "$work/doctor.txt"; else
        [[ $status -eq 1 ]] && grep -q '^GPU: not usable' "$work/doctor.txt"; fi
}
check "doctor: ready (0) or 'GPU: not usable' (1), no stack trace" doctor_ok

echo "== runtime modules (jdeps --print-module-deps over each image's jars)"
# NAME CONFIGURED RUNTIME_DIR ALLOWED_EXTRA JARS...: jlink took every configured module, and jdeps
# finds no module in the jars beyond CONFIGURED and ALLOWED_EXTRA
modules_ok() {
    local name=$1 configured=$2 rt=$3 allowed=$4; shift 4
    local have need m
    have=$("$rt/bin/java" --list-modules | sed 's/@.*//' | paste -sd, -)
    for m in ${configured//,/ }; do
        [[ ",$have," == *",$m,"* ]] || fail "$name runtime lacks the configured module $m (has $have)"
    done
    need=$("$jdk/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$@" 2>/dev/null | tail -1)
    [[ -n $need ]] || fail "$name: jdeps printed no module list"
    for m in ${need//,/ }; do
        [[ ",$configured,$allowed," == *",$m,"* ]] || fail "$name: jdeps needs $m, which the runtime lacks (jdeps: $need)"
    done
    pass "$name: jdeps needs $need; the runtime has $have"
}
modules_ok desktop "$DESKTOP_MODULES" "$app/lib/runtime" "" "$app"/lib/app/*.jar
modules_ok runner "$RUNNER_MODULES" "$runner/lib/runtime" "$runner_static" "$runner"/lib/app/*.jar
check "runner runtime leaves out java.desktop (AWT's native libraries)" test ! -e "$runner/lib/runtime/lib/libawt.so"

echo "== sizes"
tar_bytes=$(stat -c %s "$tarball")
echo "    app image   $(mib "$(du -sb "$app" | cut -f1)") on disk"
echo "    .deb        $(mib "$(stat -c %s "${deb:-/dev/null}")")"
echo "    runner      $(mib "$(du -sb "$runner" | cut -f1)") on disk, $(mib "$tar_bytes") as tar.xz"
check "runner tar.xz fits the GPU host's 64 MiB transfer limit" test "$tar_bytes" -le $((64 * 1048576))

if ((failures)); then
    echo "check-images: $failures check(s) failed ($SECONDS s)"
    exit 1
fi
echo "check-images: all checks passed ($SECONDS s)"
