/**
 * The variable that marks every process of one test run (`scripts/test.sh` sets it; jest's global setup when run
 * directly): the global teardown stops whatever still carries it, and `.ci/run` fails on any survivor.
 */
export const RUN_MARK_VARIABLE = 'PARKFLOW_TEST_RUN';
