#!/usr/bin/env bash
# test-slurm.sh: runs packaging/cluster/shrinkray.slurm for real, as an array of 4 on a single-node Slurm brought
# up on this machine from Debian's packages (slurm-wlm, munge), and checks that every photo has exactly one copy.
#
#   sudo packaging/cluster/test-slurm.sh [PHOTOS]
#
# PHOTOS: a folder of photos (default: 200 JPEGs made here with ImageMagick). Needs root (it installs the packages
# when missing and runs munged, slurmctld and slurmd as root), no systemd and no cgroups: proctrack/linuxproc and
# task/none. Builds shrinkray-cli (release) when target/release/shrinkray-cli is missing. Leaves nothing running;
# its Slurm state, logs and copies are in a temporary folder, kept on failure (the path is printed).
# Exit 0 when every photo has one copy, the four tasks' reports hold every photo once, and a second submission
# with --update makes nothing new.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
say() { echo "test-slurm: $*" >&2; }
[ "$(id -u)" = 0 ] || { say "run as root (it starts munged, slurmctld and slurmd)"; exit 2; }

need=()
command -v slurmctld >/dev/null || need+=(slurm-wlm)
command -v munged >/dev/null || need+=(munge)
{ command -v magick >/dev/null || [ -x /usr/bin/convert ]; } || need+=(imagemagick)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null
fi
[ -x target/release/shrinkray-cli ] || cargo build --release --bin shrinkray-cli

work=$(mktemp -d /tmp/test-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  local status=$?
  [ -n "${SLURM_CONF:-}" ] && scancel --quiet --user root 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ $status = 0 ]; then rm -rf "$work"; else say "failed; its state, logs and copies are in $work"; fi
}
trap cleanup EXIT

# The photos: the given folder, or 200 made here (plasma fractals: photo-like detail, each different).
photos=${1:-}
if [ -z "$photos" ]; then
  photos=$work/photos
  mkdir -p "$photos/a" "$photos/b"
  im=/usr/bin/convert; command -v magick >/dev/null && im=magick
  say "making 200 photos in $photos"
  for i in $(seq -w 1 200); do
    sub=a; [ $((10#$i % 2)) = 0 ] && sub=b
    "$im" -size 1200x900 -seed "$i" plasma:fractal -quality 90 "$photos/$sub/photo-$i.jpg"
  done
fi
photos=$(realpath "$photos")
count=$(find "$photos" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) | wc -l)
[ "$count" -gt 0 ] || { say "no photos in $photos"; exit 2; }

# Munge: Slurm's authentication, with a key of its own for this test.
mkdir -p "$work/munge/run" "$work/munge/log" "$work/munge/lib"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/run/munge.sock" \
  --pid-file="$work/munge/run/munged.pid" --log-file="$work/munge/log/munged.log" \
  --seed-file="$work/munge/lib/munged.seed"
pids+=("$(cat "$work/munge/run/munged.pid")")

# One node: this machine, as slurmd -C describes it.
host=$(hostname -s)
node=$(slurmd -C | head -1)
mkdir -p "$work/state" "$work/spool" "$work/log"
cat >"$work/slurm.conf" <<EOF
ClusterName=shrinkray-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/run/munge.sock
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
$node
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$work/slurm.conf
slurmctld -i
pids+=("$(cat "$work/slurmctld.pid" 2>/dev/null || pgrep -n slurmctld)")
slurmd
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -qx idle && break
  sleep 1
done
sinfo -h -o %T | grep -qx idle || { say "the node never became idle: $(sinfo 2>&1)"; exit 1; }
pids+=("$(cat "$work/slurmd.pid")")
say "Slurm is up: $(sinfo -h -o '%P %D %T %c CPUs %m MB')"

# The recipe as it stands, run as an array of 4 with this machine's means instead of its 8 CPUs and 8 GB a task.
out=$work/resized
submit() {
  sbatch --wait --array=1-4 --cpus-per-task=1 --mem=1G --chdir="$work" \
    --output="$work/log/shard-%a.log" \
    --export=ALL,LIBRARY="$photos",OUT="$out",PATH="$repo/target/release:$PATH" \
    packaging/cluster/shrinkray.slurm
}
started=$(date +%s)
say "submitting packaging/cluster/shrinkray.slurm as an array of 4 over $count photos"
submit
say "the array ended after $(($(date +%s) - started)) s"
sacct_like=$(for f in "$work"/log/shard-*.log; do echo "== $f"; tail -2 "$f"; done)
echo "$sacct_like" >&2

# Every photo has exactly one copy, at <out>/<folder name>/<relative path>.
copies=$(find "$out" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) -not -path '*/reports/*' | wc -l)
[ "$copies" = "$count" ] || { say "$copies copies for $count photos"; exit 1; }
missing=0
while IFS= read -r photo; do
  rel=${photo#"$photos"/}
  [ -f "$out/$(basename "$photos")/$rel" ] || { say "no copy of $rel"; missing=$((missing + 1)); }
done < <(find "$photos" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \))
[ $missing = 0 ] || exit 1
# The four reports, concatenated, name every photo once.
reported=$(cat "$out"/reports/shard-*.jsonl | grep -c '"event":"done"' || true)
[ "$reported" = "$count" ] || { say "the reports say $reported done for $count photos"; exit 1; }
for k in 1 2 3 4; do
  n=$(grep -c '"event":"done"' "$out/reports/shard-$k.jsonl" || true)
  say "shard $k/4: $n photos"
done
# The README's one-liner: the four runs' totals, added up.
totals=$(cat "$out"/reports/shard-*.jsonl | jq -c -n 'reduce (inputs | select(.event == "finished")) as $s ({};
  reduce ("total", "done", "failed", "skipped", "input_bytes", "output_bytes") as $k (.; .[$k] += $s[$k]))')
say "totals: $totals"
[ "$(jq .done <<<"$totals")" = "$count" ] && [ "$(jq .failed <<<"$totals")" = 0 ] \
  || { say "the totals do not say $count done"; exit 1; }

# Submitted again (what an operator does after a failed task), the array finds nothing left to do.
rm -f "$out"/reports/shard-*.jsonl
submit
again=$(cat "$out"/reports/shard-*.jsonl | grep -c '"event":"done"' || true)
[ "$again" = 0 ] || { say "the second submission made $again copies again"; exit 1; }
fresh=$(cat "$out"/reports/shard-*.jsonl | grep -c '"event":"skipped"' || true)
[ "$fresh" = "$count" ] || { say "the second submission skipped $fresh of $count photos as up to date"; exit 1; }
say "ok: $count photos, one copy each, in $(($(date +%s) - started)) s with the resubmission"
