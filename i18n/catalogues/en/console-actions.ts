import type { CatalogueOf } from '../../catalogue-shape';
import type { consoleActions as reference } from '../zh-CN/console-actions';

export const consoleActions: CatalogueOf<typeof reference> = {
  processing: 'Processing: the action was received; waiting for its outcome…',
  applied: 'Done',
  stillRunning: 'The action is still being processed (id {{updateId}}); reload later to see its outcome.',
  refused: 'Not done:',
  refusedAtFields: 'Not done: correct the fields as shown and submit again.',
};
