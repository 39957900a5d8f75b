#!/usr/bin/env bash
# Runs the server: gRPC (h2c) on http://127.0.0.1:5000, JSON and gRPC-Web (HTTP/1.1) on http://127.0.0.1:5080, SQLite
# under ./data/ (see docs/api.md for options).
# Set PERSONNEL_ADMIN_KEY before the first start to make that value an admin key on the new database (on an existing
# database it is adopted only if no live admin key exists; otherwise the log says it was not used).
# Extra arguments go to the server, e.g. ./run.sh --urls http://127.0.0.1:6000 --Policy:Profile yangshahu-2020
set -euo pipefail
cd "$(dirname "$0")"
echo "run.sh: building the server (Release; the first build takes about a minute)..." >&2
dotnet build src/Personnel.Server -c Release -nologo -v quiet -clp:ErrorsOnly
echo "run.sh: starting the server; it prints the addresses it listens on when it is ready (Ctrl+C stops it)." >&2
exec dotnet run --project src/Personnel.Server -c Release --no-build -- "$@"
