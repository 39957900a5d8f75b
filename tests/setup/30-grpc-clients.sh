# Other languages' gRPC clients, run by the suite against the real server: Google's C core (Debian python3-grpcio,
# called as /usr/bin/python3) and @grpc/grpc-js (npm, pinned by tests/node/package-lock.json).
# Sourced by test.sh, which provides apt_install and ROOT.
apt_install python3-grpcio python3-protobuf
# Node may come from Debian (nodejs + npm) or from a vendor package that bundles npm: install only what is missing.
command -v node >/dev/null || apt_install nodejs
command -v npm >/dev/null || apt_install npm
(cd "$ROOT/tests/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
export PERSONNEL_NODE_DIR="$ROOT/tests/node"
