/**
 * The variable that marks every process one jest run starts (set by its global setup, inherited by the processes its
 * test files start): the global teardown stops whatever still carries it. Its own mark, not the calling script's
 * (`PARKFLOW_TEST_RUN`): the static checks `npm test` runs beside jest carry that one, and may outlast a short run.
 */
export const RUN_MARK_VARIABLE = 'PARKFLOW_JEST_RUN';
