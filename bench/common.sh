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
