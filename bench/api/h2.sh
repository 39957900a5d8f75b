# One round of h2load, shared by the bench/api scripts (sourced, not run). Needs WORK, REQUESTS, CLIENTS, STREAMS
# and ticks (cpu.sh).
#
#   h2 NAME PID PATH PORT BODY [h2load options...]
#       -> "NAME req/s p99-µs server-CPU-µs-per-request h2load-CPU-µs-per-request"
#
# h2load counts any HTTP 200 as a success, and a gRPC refusal (UNIMPLEMENTED for a wrong path, UNAUTHENTICATED for a
# wrong key) is an HTTP 200 with no message. So a round also fails unless every response carried a message: at
# least 5 bytes of DATA per request (a gRPC frame header), which a trailers-only refusal never has.
h2() {
    local name=$1 pid=$2 path=$3 port=$4 body=$5 log="$WORK/h2.$RANDOM.log" t0 t1 TIMEFORMAT='%U %S'
    shift 5
    t0=$(ticks "$pid")
    { time h2load -n "$REQUESTS" -c "$CLIENTS" -m "$STREAMS" -t 1 -d "$body" -H 'content-type: application/grpc' -H 'te: trailers' "$@" \
        --log-file="$log" "http://127.0.0.1:$port$path" >"$WORK/h2load.out"; } 2>"$WORK/h2load.time"
    t1=$(ticks "$pid")
    grep -q " $REQUESTS succeeded, 0 failed" "$WORK/h2load.out" || { cat "$WORK/h2load.out" >&2; return 1; }
    /usr/bin/python3 - "$name" "$log" "$WORK/h2load.out" "$t0" "$t1" "$(getconf CLK_TCK)" "$REQUESTS" "$path" "$WORK/h2load.time" <<'PY'
import re, sys
name, log, out, t0, t1, hz, n, path, client = sys.argv[1:10]
text = open(out).read()
data = int(re.search(r"traffic: .*? \((\d+)\) data", text).group(1))
if data < 5 * int(n):
    sys.exit(f"{path}: {data} bytes of DATA for {n} requests: responses without a message (a gRPC error such as "
             "UNIMPLEMENTED or UNAUTHENTICATED?); check the path and the key")
rps = float(re.search(r"finished in [\d.]+(?:us|ms|s), ([\d.]+) req/s", text).group(1))
times = sorted(int(float(line.split()[2])) for line in open(log) if line.strip())
cpu = (int(t1) - int(t0)) / int(hz) * 1e6 / int(n)
client_cpu = sum(float(x) for x in open(client).read().split()) * 1e6 / int(n)
print(f"{name} {rps:.0f} {times[min(len(times) - 1, int(0.99 * len(times)))]} {cpu:.1f} {client_cpu:.1f}")
PY
}
