# The start both test commands share (scripts/test.sh, scripts/test-heavy.sh): the summary helpers, the run's mark on
# every process it starts, the sweep of what is left of them on the way out (Ctrl-C included), and the set-up.
source scripts/lib/leftovers.sh
source scripts/lib/test-summary.sh

# begin_test_run LABEL: marks the run (keeping a mark the caller set), sweeps its leftovers at exit, provisions.
begin_test_run() {
  export PARKFLOW_TEST_RUN="${PARKFLOW_TEST_RUN:-$1-$$-$(date +%s)}"
  test_run_label=$1
  trap 'stop_leftovers "PARKFLOW_TEST_RUN=$PARKFLOW_TEST_RUN" $$ | sed "s/^/[$test_run_label] stopped a leftover: /" >&2' EXIT
  bash scripts/ensure-setup.sh --cluster
}
