import type { CatalogueOf } from '../../catalogue-shape';
import type { common as reference } from '../zh-CN/common';

export const common: CatalogueOf<typeof reference> = {
  stages: {
    draft: 'draft',
    submitted: 'submitted',
    returned: 'returned',
    lapsed: 'lapsed',
    accepted: 'accepted',
    under_review: 'under review',
    rejected: 'rejected',
    designated: 'designated',
    rectifying: 'rectifying',
    revoked: 'revoked',
    closed: 'closed',
  },
  roles: {
    district: 'district bureau',
    municipal: 'municipal bureau',
    expert: 'expert',
    finance: 'finance',
  },
  deadlineKinds: {
    resubmission: 'corrected application',
    review: 'expert review',
    payment_confirmation: 'payment confirmation',
    annual_report: 'yearly report',
    evaluation: 'evaluation',
    rectification: 'rectification',
    refund: 'subsidy refund',
  },
  parkKinds: {
    regional: 'regional',
    specialised: 'specialised',
  },
  calendarDayKinds: {
    rest: 'rest day',
    working: 'make-up working day',
  },
};
