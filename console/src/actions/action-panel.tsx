import { Alert, Card, Space, Typography } from 'antd';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerActionName } from '../../../workflows/definitions/officer-actions';
import type { Schema } from '../api/client';
import { AttachDocumentNote } from '../documents/attach-document-note';
import { AnnualReportForm } from '../forms/annual-report-form';
import { ResubmissionForm } from '../forms/resubmission-form';
import { AcceptanceForm } from './forms/acceptance-form';
import { ConfirmPaymentForm } from './forms/confirm-payment-form';
import { DepartmentOpinionForm } from './forms/department-opinion-form';
import { DesignationForm } from './forms/designation-form';
import { EvaluationForm } from './forms/evaluation-form';
import { IncubationBaseForm } from './forms/incubation-base-form';
import { PanelForm } from './forms/panel-form';
import { RefundPaymentForm } from './forms/refund-payment-form';
import { RefundWriteOffForm } from './forms/refund-write-off-form';
import { ReviewForm } from './forms/review-form';
import type { ActionFormProps } from './forms/use-action-form';

/**
 * Each officer action's form, keyed by the one table of officer actions (workflows/definitions/officer-actions.ts):
 * an action added to the table without its form does not compile. The filing's resubmission and the yearly report are
 * the district's forms; an upload (R-DOC-1) is made in the papers section, to which its card leads.
 */
const FORMS: Record<OfficerActionName, ComponentType<ActionFormProps>> = {
  submitApplication: ResubmissionForm,
  acceptance: AcceptanceForm,
  formPanel: PanelForm,
  submitReview: ReviewForm,
  departmentOpinion: DepartmentOpinionForm,
  designation: DesignationForm,
  incubationBase: IncubationBaseForm,
  confirmPayment: ConfirmPaymentForm,
  annualReport: AnnualReportForm,
  evaluation: EvaluationForm,
  refundPayment: RefundPaymentForm,
  refundWriteOff: RefundWriteOffForm,
  attachDocument: AttachDocumentNote,
};

/**
 * The forms of the actions the officer may take on the case now, in the table's order. Which actions apply is the
 * API's answer (`allowedActions`: stage, role and what the case holds), never decided again here. Once an action is
 * applied the case is read again and its form may leave; the panel says it was done.
 */
export function ActionPanel({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  const [applied, setApplied] = useState<OfficerActionName>();
  if (view.allowedActions.length === 0 && !applied) return null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {applied && (
        <Alert
          type="success"
          showIcon
          closable
          role="status"
          message={t('console.actions.appliedAction', { action: t(`console.actions.titles.${applied}`) })}
          onClose={() => setApplied(undefined)}
        />
      )}
      {view.allowedActions.map((name) => {
        const FormOfAction = FORMS[name];
        return (
          <Card
            key={name}
            size="small"
            title={
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                {t(`console.actions.titles.${name}`)}
              </Typography.Title>
            }
          >
            <FormOfAction view={view} onApplied={() => setApplied(name)} />
          </Card>
        );
      })}
    </Space>
  );
}
