import type { CatalogueOf } from '../../catalogue-shape';
import type { consoleCase as reference } from '../zh-CN/console-case';

export const consoleCase: CatalogueOf<typeof reference> = {
  back: 'Back to the workbench',
  stage: 'Stage',
  district: 'District',
  openedAt: 'Filed',
  deadlines: 'Deadlines',
  noDeadlines: 'Nothing is due',
  deadlineKind: 'What',
  remaining: 'Time left',
  deficiencies: 'Deficiencies to correct',
  noDeficiencies: 'None',
  flags: 'Flags (requirements met in principle only)',
  notFound: 'No such case, or it is not yours to see.',
};
