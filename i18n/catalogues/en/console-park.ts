import type { CatalogueOf } from '../../catalogue-shape';
import type { consolePark as reference } from '../zh-CN/console-park';

export const consolePark: CatalogueOf<typeof reference> = {
  profile: {
    heading: 'Kind of park and private capital',
    lead: 'The kind of park and how private capital takes part (R-APP-9) are recorded only: never a reason to return.',
    kind: 'Kind of park',
    specialism: 'Specialism',
    specialismHelp: 'a specialised park names the industry or service line it serves',
    capital: 'Private capital',
    capitalForms: {
      sole: 'sole',
      joint_venture: 'joint venture',
      equity_stake: 'equity stake',
      alliance: 'alliance',
      other: 'other',
      none: 'none',
    },
    operator: 'Operator',
    description: 'How it takes part',
    notStated: 'not stated',
    kindWithSpecialism: '{{kind}} ({{specialism}})',
    formDescribed: '{{form}} ({{description}})',
    capitalWithOperator: '{{form}}; operator: {{operator}}',
  },
  opinions: {
    heading: 'Department opinions',
    empty: 'No department opinion recorded yet',
    department: 'Department',
    departmentHelp: 'e.g. 市财政局, 市发展改革委',
    position: 'Position',
    positions: { support: 'support', conditional: 'support with conditions', object: 'object' },
    opinion: 'Opinion',
    date: 'Dated',
    recordedAt: 'Recorded',
    objection:
      '{{departments}} objected: the designation’s reason must answer the objection, naming the department (R-REV-3).',
    submit: 'Record the opinion',
  },
};
