#!/usr/bin/env bash
# Fig. 5 (or 6, 7) on a 256 x 256 grid as a Slurm job array.
#
# Task i of N computes the grid points k with k mod N = i (`cogenesis scan --shard i/N`) and
# writes them, row by row, to its own CSV in $OUT; a task that is re-run (requeued, timed
# out) skips the points its CSV already holds. The merge step draws the maps from every
# shard and exits 1, naming the missing points, until all n x n are there.
#
#   export COGENESIS_CACHE_DIR=$PWD/.cogenesis-cache   # shared by every task
#   bash examples/cluster/fig5_slurm.sh prepare       # once, on the login node (see below)
#   mkdir -p logs
#   jid=$(sbatch --parsable examples/cluster/fig5_slurm.sh)
#   sbatch --dependency=afterok:$jid --array=0 examples/cluster/fig5_slurm.sh merge
#
# `prepare` derives the chemistry and the Table 2 kernels once (Symbolica, which without a
# licence allows one process per user at a time) into $COGENESIS_CACHE_DIR; the tasks then
# read them from there and run plain Rust, any number at once.
#
# Without Slurm, the same shards with GNU parallel (8 jobs of one thread each):
#   seq 0 7 | parallel -j 8 cogenesis scan --figure 5 --n 256 --shard {}/8 --threads 1 --quiet \
#     && cogenesis scan --figure 5 --n 256 --merge
#
# Variables: COGENESIS (the program, default `cogenesis`), FIGURE (5), N (256),
# OUT (reports/figures); Slurm's SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, SLURM_CPUS_PER_TASK.
#
#SBATCH --job-name=cogenesis-fig5
#SBATCH --array=0-31
#SBATCH --cpus-per-task=2
#SBATCH --time=00:10:00
#SBATCH --output=logs/fig5-%A_%a.out
set -euo pipefail

COGENESIS=${COGENESIS:-cogenesis}
FIGURE=${FIGURE:-5}
N=${N:-256}
OUT=${OUT:-reports/figures}

case "${1:-shard}" in
prepare)
    # one point of a 1 x 1 grid: enough to derive and cache what every task reads
    tmp=$(mktemp -d)
    "$COGENESIS" scan --figure "$FIGURE" --n 1 --out "$tmp" --quiet >/dev/null
    rm -rf "$tmp"
    echo "derived inputs cached in ${COGENESIS_CACHE_DIR:-the default cache directory}"
    ;;
merge)
    exec "$COGENESIS" scan --figure "$FIGURE" --n "$N" --out "$OUT" --merge
    ;;
shard)
    : "${SLURM_ARRAY_TASK_ID:?run as a Slurm job array (sbatch), or set SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT}"
    count=${SLURM_ARRAY_TASK_COUNT:?set SLURM_ARRAY_TASK_COUNT (Slurm sets it for a job array)}
    exec "$COGENESIS" scan --figure "$FIGURE" --n "$N" --shard "$SLURM_ARRAY_TASK_ID/$count" \
        --threads "${SLURM_CPUS_PER_TASK:-1}" --out "$OUT" --quiet
    ;;
*)
    echo "usage: $0 [prepare|shard|merge]" >&2
    exit 2
    ;;
esac
