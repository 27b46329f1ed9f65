/** The workflows this worker registers (the bundle's entry point). */
export { parkCaseWorkflow } from './park-case.workflow';
export { documentSweepWorkflow } from './document-sweep.workflow';
