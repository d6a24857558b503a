#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on loopback, owned by an unprivileged user.
#   scripts/pg-cluster.sh start DIR   → initdb in DIR, start on a free port, print the connection URL
#   scripts/pg-cluster.sh restart DIR → stop it at once (as a crash would) and start it again, same port
#   scripts/pg-cluster.sh stop DIR    → stop it and remove DIR
# As root, the cluster runs as the user `postgres` (Debian's package creates it); otherwise as the
# caller. Debian's server binaries are in /usr/lib/postgresql/<version>/bin, not on PATH.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?a directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "pg-cluster: no PostgreSQL server found in /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $cmd in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 restart >/dev/null
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "pg-cluster: start or stop, not $cmd" >&2; exit 2 ;;
esac
