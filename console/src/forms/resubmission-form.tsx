import { Alert, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../api/client';
import { DeadlineBadge } from '../components/deadline-badge';
import type { ParkApplication } from '../../../workflows/definitions/application';
import { ApplicationForm } from './application/application-form';
import { NEW_APPLICATION, valuesOf } from './application/values';

/**
 * 补正申报 (§5.1): the application of a returned case as last filed, with its deficiencies at their fields, corrected
 * and filed again (`POST /v1/cases/{caseId}/resubmission`) before the resubmission deadline. The reasons that name
 * no field (a return at acceptance) are listed above the form. Mounted by the case page while `allowedActions`
 * includes `submitApplication` (under its own title); `onApplied` once the API has applied the resubmission.
 */
export function ResubmissionForm({ view, onApplied }: { view: Schema<'CaseView'>; onApplied?: () => void }) {
  const { t } = useTranslation();
  const filed = useMemo(() => [...view.deficiencies, ...view.flags], [view.deficiencies, view.flags]);
  // The case view types the filed application loosely (an open object); it is the workflow's ParkApplication.
  const application = view.application as unknown as ParkApplication | null;
  const initialValues = useMemo(() => (application ? valuesOf(application) : NEW_APPLICATION), [application]);
  const reasons = view.deficiencies.filter((deficiency) => !deficiency.field);
  const deadline = view.deadlines.find((due) => due.kind === 'resubmission');
  return (
    <>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Typography.Text>{t('console.application.resubmission.lead')}</Typography.Text>
        {deadline && <DeadlineBadge deadline={deadline} showKind />}
        {reasons.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('console.application.resubmission.reasons')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {reasons.map((reason) => (
                  <li key={`${reason.rule}-${reason.message}`}>
                    {t('console.application.note', { text: reason.message, rule: reason.rule })}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
      <ApplicationForm
        path="/v1/cases/{caseId}/resubmission"
        pathParams={{ caseId: view.caseId }}
        keptKey={`resubmission.${view.caseId}`}
        district={view.district}
        initialValues={initialValues}
        filed={filed}
        submitText={t('console.application.resubmission.submit')}
        onFiled={onApplied}
      />
    </>
  );
}
