#!/usr/bin/env bash
# Runs the server: h2c on http://127.0.0.1:5000, SQLite under ./data/ (see docs/api.md for options).
# Set PERSONNEL_ADMIN_KEY before the first start to make that value an admin key on the new database.
# Extra arguments go to the server, e.g. ./run.sh --urls http://127.0.0.1:6000 --Policy:Profile yangshahu-2020
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/Personnel.Server -c Release -- "$@"
