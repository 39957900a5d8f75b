# Interop tests of Personnel.Rpc: Google's C core (Debian python3-grpcio) and @grpc/grpc-js (npm).
# Sourced by test.sh, which provides apt_install and ROOT.
apt_install python3-grpcio python3-protobuf nodejs npm
(cd "$ROOT/tests/Personnel.Rpc.Interop.Node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
export PERSONNEL_RPC_NODE_DIR="$ROOT/tests/Personnel.Rpc.Interop.Node"
