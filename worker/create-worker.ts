import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../activities';

export interface ParkflowWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** A prebuilt bundle (tests share one); by default the workflows are bundled from source. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/** The parkflow worker: the case workflows and the activities that persist and notify. */
export function createParkflowWorker(deps: ParkflowWorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    activities: createActivities({ dataSource: deps.dataSource }),
  });
}
