/** The workflows this worker registers (the bundle's entry point). */
export { parkCaseWorkflow } from './park-case.workflow';
export { noticeDeliveryWorkflow } from './notice-delivery.workflow';
