#!/bin/sh
# with-env.sh <file> <command…>: runs the command with the `export` lines of the file (a caller's Temporal identity,
# scripts/lib/temporal-access.sh) — so secrets reach a process through a file, never its command line.
set -eu
. "$1"
shift
exec "$@"
