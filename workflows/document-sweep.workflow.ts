import { proxyActivities } from '@temporalio/workflow';
import type {
  createDocumentSweepActivities,
  DocumentSweepReport,
} from '../activities/documents/document-sweep.activities';

// A few attempts, then the run fails and shows in the Temporal UI; the next hourly run sweeps again (a store that is
// down stays the readiness check's news, not a run retrying for an hour).
const { sweepStrayDocuments } = proxyActivities<ReturnType<typeof createDocumentSweepActivities>>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * One run of the document sweep (issue 25 item 5), started by the `document-sweep` Schedule: removes what interrupted
 * uploads left behind and answers what it did (shown as the run's result in the Temporal UI).
 */
export async function documentSweepWorkflow(): Promise<DocumentSweepReport> {
  return sweepStrayDocuments();
}
