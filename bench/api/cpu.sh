# CPU accounting from /proc shared by the bench/api scripts (sourced, not run).
#   ticks PID     user + system clock ticks the process has spent
#   pg_ticks      the same for PostgreSQL: the postmaster of $PG_DIR (its reaped children included) and its live children
# Divide by `getconf CLK_TCK` for seconds.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() {
    local main t p
    main=$(head -n 1 "$PG_DIR/data/postmaster.pid")
    t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$main/stat")
    for p in $(pgrep -P "$main"); do t=$((t + $(ticks "$p" 2>/dev/null || echo 0))); done
    echo "$t"
}
