#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs and starts what the tests need,
# runs every test project, and stops what it started. CI (.ci/run) calls exactly this.
#
# Each file in tests/setup/*.sh is sourced in name order. A setup file installs what it needs
# and may register a cleanup command with `on_exit "command"`; cleanups run in reverse order.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export ROOT

CLEANUPS=()
on_exit() { CLEANUPS+=("$1"); }
run_cleanups() {
    local i
    for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
        eval "${CLEANUPS[$i]}" || true
    done
}
trap run_cleanups EXIT

APT_UPDATED=0
apt_install() {
    # Installs Debian packages that are missing; `apt-get update` once, first.
    local missing=()
    local p
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$APT_UPDATED" -eq 0 ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

shopt -s nullglob
for setup in tests/setup/*.sh; do
    echo "== setup: $setup"
    # shellcheck source=/dev/null
    source "$setup"
done
shopt -u nullglob

mkdir -p .tmp/test-results
rm -f .tmp/test-results/*.trx
dotnet build Personnel.sln -c Release -nologo -v quiet
set +e
dotnet test Personnel.sln -c Release --no-build -nologo \
    --logger "trx" --results-directory .tmp/test-results "$@"
status=$?
set -e

# One plain closing line over every project: "N passed, N failed, N skipped".
total_passed=0; total_failed=0; total_skipped=0
for trx in .tmp/test-results/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
    total_passed=$((total_passed + ${p:-0}))
    total_failed=$((total_failed + ${f:-0}))
    total_skipped=$((total_skipped + ${n:-0}))
done
echo "Tests: ${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
exit $status
