#!/bin/bash
# An entrypoint compatible with the official postgres image's, for an image
# whose cluster was initialised at build time (superuser postgres, local
# trust, host scram-sha-256). When the command is `postgres ...`, it starts a
# temporary server on the Unix socket only, applies POSTGRES_USER /
# POSTGRES_PASSWORD / POSTGRES_DB, runs /docker-entrypoint-initdb.d/*.sh and
# *.sql once, stops it and execs the real server: like the official image, it
# logs "database system is ready to accept connections" twice.
set -Eeuo pipefail

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"

if [[ ${1:-} == -* ]]; then
	set -- postgres "$@"
fi
if [[ ${1:-} != postgres ]]; then
	exec "$@"
fi

if [[ -z ${POSTGRES_PASSWORD:-} && ${POSTGRES_HOST_AUTH_METHOD:-} != trust ]]; then
	cat >&2 <<-'MSG'
		Error: Database is uninitialized and superuser password is not specified.
		       You must specify POSTGRES_PASSWORD to a non-empty value for the
		       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
	MSG
	exit 1
fi

psql_socket() { psql -v ON_ERROR_STOP=1 --no-psqlrc --username postgres --dbname "${1:-postgres}" -q; }

# sql_literal / sql_ident quote a value for SQL.
sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }
sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }

marker="$PGDATA/.mallbots-initialised"
if [[ ! -e $marker ]]; then
	pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c fsync=off" -w start
	user=$(sql_ident "$POSTGRES_USER")
	{
		if [[ $POSTGRES_USER != postgres ]]; then
			echo "CREATE ROLE $user WITH SUPERUSER LOGIN;"
		fi
		if [[ -n ${POSTGRES_PASSWORD:-} ]]; then
			echo "ALTER ROLE $user WITH PASSWORD $(sql_literal "$POSTGRES_PASSWORD");"
		fi
		if [[ $POSTGRES_DB != postgres ]]; then
			echo "CREATE DATABASE $(sql_ident "$POSTGRES_DB") OWNER $user;"
		fi
	} | psql_socket postgres
	if [[ ${POSTGRES_HOST_AUTH_METHOD:-} == trust ]]; then
		echo "host all all all trust" >"$PGDATA/pg_hba.conf.trust"
		cat "$PGDATA/pg_hba.conf" >>"$PGDATA/pg_hba.conf.trust"
		mv "$PGDATA/pg_hba.conf.trust" "$PGDATA/pg_hba.conf"
	fi
	shopt -s nullglob
	for f in /docker-entrypoint-initdb.d/*; do
		case $f in
		*.sh) echo "$0: running $f"; . "$f" ;;
		*.sql) echo "$0: running $f"; psql_socket "$POSTGRES_DB" <"$f" ;;
		*.sql.gz) echo "$0: running $f"; gunzip -c "$f" | psql_socket "$POSTGRES_DB" ;;
		*) echo "$0: ignoring $f" ;;
		esac
	done
	pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
	touch "$marker"
	echo
	echo 'PostgreSQL init process complete; ready for start up.'
	echo
fi

exec "$@"
