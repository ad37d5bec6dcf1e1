#!/usr/bin/env bash
# s3.sh: object storage beside local disk. Puts COUNT photos (default 2,000) from FOLDER into a local S3 server
# (moto, which `./run test` installs into target/s3-server), runs four shards of shrinkray-cli at once from the
# bucket into the bucket, then the same four shards from a local folder into a local folder, and prints for each
# the wall time, images per second and input megabytes per second, and the S3 run's requests by method (from
# the server's log). Then an --update of the whole bucket, which should put nothing but its manifest.
#
# usage: benches/s3.sh FOLDER [COUNT]      (FOLDER: photos, searched recursively, e.g. /tmp/k10)
# The shards run with one thread each (--threads 1), four at once: what four array tasks on one machine do.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 FOLDER [COUNT]" >&2; exit 2; }
folder=$(realpath "$1")
count=${2:-2000}
cd "$(dirname "$0")/.."
venv=${SHRINKRAY_S3_SERVER:-target/s3-server}
[ -x "$venv/bin/moto_server" ] || { echo "no moto in $venv: run ./run test once (it installs it)" >&2; exit 2; }
cargo build --release --features cloud --bin shrinkray-cli
cli=$PWD/target/release/shrinkray-cli
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" 2>"$work/server.log" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null; do sleep 0.2; done
endpoint=http://127.0.0.1:$port
s3py() { "$venv/bin/python" tests/common/s3.py "$endpoint" "$@"; }
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_ENDPOINT_URL=$endpoint AWS_ALLOW_HTTP=true

mkdir -p "$work/photos"
find "$folder" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) | sort | awk -v n="$count" 'NR <= n' |
  while read -r f; do ln -s "$f" "$work/photos/$(echo "${f#"$folder"/}" | tr / _)"; done
n=$(find "$work/photos" -type l | wc -l)
bytes=$(find -L "$work/photos" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "s3.sh: $n photos, $((bytes / 1000000)) MB, into moto at $endpoint"
s3py mkbucket lib
start=$(date +%s.%N)
s3py upload lib photos "$work/photos"
echo "s3.sh: uploaded in $(echo "$(date +%s.%N) - $start" | bc) s (not counted below)"

shards() { # shards SOURCE OUT: four shards at once; prints the wall time in seconds
  local start pids=()
  start=$(date +%s.%N)
  for k in 1 2 3 4; do
    "$cli" "$1" --out "$2" --long-edge 800 --threads 1 --shard "$k/4" --report "$work/report-$k-$(basename "$2").jsonl" \
      >"$work/shard-$k.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { echo "a shard failed:" >&2; cat "$work"/shard-*.log >&2; exit 1; }; done
  echo "$(date +%s.%N) - $start" | bc
}
summary() { # summary NAME SECONDS
  awk -v name="$1" -v s="$2" -v n="$n" -v b="$bytes" \
    'BEGIN {printf "%-12s %4d photos in %6.1f s: %6.1f photos/s, %6.1f MB/s of input\n", name, n, s, n / s, b / s / 1e6}'
}

before=$(wc -l <"$work/server.log")
s3_time=$(shards s3://lib/photos s3://lib/web)
tail -n +"$((before + 1))" "$work/server.log" >"$work/requests.log"
copies=$(s3py list lib web/ | grep -vc '/.shrinkray/')
[ "$copies" = "$n" ] || { echo "s3.sh: $copies copies in the bucket, not $n" >&2; exit 1; }
mkdir -p "$work/local"
cp -rL "$work/photos" "$work/local/photos"
sync
local_time=$(shards "$work/local/photos" "$work/local/web")
echo
summary "S3 -> S3" "$s3_time"
summary "disk -> disk" "$local_time"
echo
echo "requests of the S3 run, by method (per photo):"
sed 's/\x1b\[[0-9;]*m//g' "$work/requests.log" | grep -oE '"(GET|HEAD|PUT|POST|DELETE) ' | tr -d '" ' | sort | uniq -c |
  awk -v n="$n" '{printf "  %-6s %6d  (%.2f)\n", $2, $1, $1 / n}'
echo "  LIST   $(grep -cE '"GET /lib/?\?' "$work/requests.log") of the GETs are listings"
before=$(wc -l <"$work/server.log")
start=$(date +%s.%N)
"$cli" s3://lib/photos --out s3://lib/web --long-edge 800 --update >"$work/update.log" 2>&1
echo
echo "--update of all $n: $(echo "$(date +%s.%N) - $start" | bc) s, $(tail -1 "$work/update.log")"
tail -n +"$((before + 1))" "$work/server.log" | sed 's/\x1b\[[0-9;]*m//g' | grep -oE '"(GET|HEAD|PUT|POST|DELETE) ' | tr -d '" ' | sort | uniq -c |
  awk '{printf "  %-6s %6d\n", $2, $1}'
