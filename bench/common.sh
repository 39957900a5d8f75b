# Sourced by the bench scripts that start what they measure against (tests/setup/20-postgres.sh among them):
# on_exit registers a cleanup command, run in reverse order when the script exits; apt_install installs missing
# Debian packages (`apt-get update` first).
CLEANUPS=()
on_exit() { CLEANUPS+=("$1"); }
run_cleanups() { local i; for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${CLEANUPS[$i]}" || true; done; }
trap run_cleanups EXIT
apt_install() {
    local missing=() p
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
# build_driver DIR/NAME.csproj: builds src/Personnel.Server and a bench driver in Release (ROOT: the repository) and sets
# TOOL to the command that runs the driver.
build_driver() {
    echo "== build (Release)"
    dotnet build -c Release -nologo -v quiet "$ROOT/src/Personnel.Server/Personnel.Server.csproj" >/dev/null
    dotnet build -c Release -nologo -v quiet "$1" >/dev/null
    TOOL="dotnet $(dirname "$1")/bin/Release/net10.0/$(basename "$1" .csproj).dll"
}
