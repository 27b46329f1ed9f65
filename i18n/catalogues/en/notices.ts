import type { CatalogueOf } from '../../catalogue-shape';
import type { notices as reference } from '../zh-CN/notices';

export const notices: CatalogueOf<typeof reference> = {
  paymentKinds: {
    subsidy_tranche_1: 'subsidy tranche 1',
    subsidy_tranche_2: 'subsidy tranche 2',
    incubation_grant: 'incubation-base grant',
  },
  inbox: {
    resubmission_reminder:
      'the corrected application for {{parkName}} is due by {{dueAt, day}}, or the application lapses',
    application_lapsed:
      'no corrected application for {{parkName}} arrived by {{dueAt, day}}: the application has lapsed',
    panel_invitation:
      'you are named to the expert panel reviewing the application of {{parkName}}; ' +
      'your review is due by {{dueAt, day}}',
    review_reminder: 'your review of {{parkName}} is due by {{dueAt, day}}',
    review_overdue:
      'the review window of {{parkName}} closed on {{dueAt, day}} with {{count}} review(s) missing ' +
      '({{experts, list}}); replace the expert(s) to continue',
    payment_confirmation_reminder:
      'payment {{paymentId}} ($t(notices.paymentKinds.{{paymentKind}}), {{amount, cny}}) to {{parkName}} ' +
      'awaits confirmation since {{dueAt, day}}',
    annual_report_reminder: 'the {{year}} yearly report of {{parkName}} is due by {{dueAt, day}}',
    annual_report_overdue:
      'the yearly report(s) of {{parkName}} for {{years, list}} have not arrived ' +
      '(the earliest was due by {{dueAt, day}})',
    evaluation_due: 'the periodic evaluation of {{parkName}} is due ({{dueAt, day}})',
    re_evaluation_due: 'the rectification deadline of {{parkName}} ({{dueAt, day}}) has passed: re-evaluate the park',
    refund_reminder: '{{amount, cny}} of the subsidy of {{parkName}} must be refunded by {{dueAt, day}}',
    refund_escalated: 'the refund demand on {{parkName}} is unpaid past {{dueAt, day}}: {{amount, cny}} outstanding',
  },
  inboxAfterDeadline: {
    refund_reminder: '{{amount, cny}} of the subsidy of {{parkName}} is overdue since {{dueAt, day}}',
  },
  email: {
    policyDocument: 'Yu Ren She Fa [2019] No. 120',
    deadline: '{{at, day}}, {{time}} China Standard Time (UTC+8)',
    addressees: {
      district: 'the {{districtName}} Human Resources and Social Security Bureau',
      municipal: 'the Municipal Human Resources and Social Security Bureau',
      expert: 'the panel expert',
      namedExpert: '{{name}}, panel expert',
      finance: 'the finance desk of the Municipal Human Resources and Social Security Bureau',
    },
    subject: '$t(notices.email.kinds.{{kind}}.title): {{parkName}} ({{districtName}})',
    subjectWithDeadline: '$t(notices.email.kinds.{{kind}}.title): {{parkName}} ({{districtName}}), due {{deadline}}',
    greeting: 'To {{addressee}},',
    park: 'Park: {{parkName}}',
    district: 'District: {{districtName}} ({{districtCode}})',
    what: 'What: $t(notices.email.kinds.{{kind}}.title). $t(notices.email.kinds.{{kind}}.action)',
    details: 'Details: {{details}}',
    deadlineLine: 'Deadline: {{deadline}}',
    policy: 'Policy: $t(notices.email.policyDocument), {{clause}}',
    footer: 'Sent automatically by parkflow; please do not reply. Notice {{key}}',
    kinds: {
      resubmission_reminder: {
        title: 'Corrected application due',
        action: 'Please file the corrected application before the deadline; otherwise the application lapses.',
      },
      application_lapsed: {
        title: 'Application lapsed',
        action: 'No corrected application arrived before the deadline; the application has lapsed.',
      },
      panel_invitation: {
        title: 'Invitation to review',
        action:
          'You are named to the expert panel for this application; please submit your review ' +
          '(necessity and feasibility scores, recommendation) before the deadline.',
      },
      review_reminder: { title: 'Expert review due', action: 'Please submit your review before the deadline.' },
      review_overdue: {
        title: 'Review window closed',
        action: 'The review window closed with reviews missing; replace the expert(s) to continue.',
      },
      payment_confirmation_reminder: {
        title: 'Subsidy payment awaits confirmation',
        action: 'A subsidy payment was instructed; please confirm that it was paid.',
      },
      annual_report_reminder: {
        title: 'Yearly report due',
        action:
          "Please send the park's yearly report on its construction " +
          'and development to the municipal bureau before the deadline.',
      },
      annual_report_overdue: {
        title: 'Yearly report overdue',
        action: "The deadline has passed and the park's yearly report has not arrived; please send it without delay.",
      },
      evaluation_due: {
        title: 'Periodic evaluation due',
        action: 'The park is due for its periodic evaluation; please carry it out.',
      },
      re_evaluation_due: {
        title: 'Rectification deadline passed',
        action: "The park's rectification deadline has passed; please re-evaluate the park.",
      },
      refund_reminder: {
        title: 'Subsidy refund due',
        action: 'Please refund the subsidy demanded before the deadline.',
      },
      refund_escalated: {
        title: 'Subsidy refund overdue',
        action: 'The refund deadline has passed and the subsidy has not been refunded in full; please follow up.',
      },
    },
  },
};
