import { Button, Form } from 'antd';
import { ActionStatus } from '../../actions/action-status';
import { useKeptForm } from '../../actions/kept-form';
import type { PostPath } from '../../actions/send-action';
import { useAction } from '../../actions/use-action';
import type { Schema } from '../../api/client';
import { FormTheme } from '../form-theme';
import { noImplicitSubmit } from '../no-implicit-submit';
import { AgenciesSection } from './agencies-section';
import { DocumentsSection } from './documents-section';
import { EligibilityCheck } from './eligibility-check';
import { NoteRulesProvider } from './note-rules';
import type { FiledFinding } from './notes';
import { OfficeSection } from './office-section';
import { ParkSection } from './park-section';
import { ProfileSection } from './profile-section';
import { RevenueSection } from './revenue-section';
import { applicationOf, type ApplicationValues } from './values';

/** What a filing answers (201 for a new application, 200 for a resubmission): the case, its stage and findings. */
export type FilingOutcome = Schema<'SubmissionOutcomeView'>;

const NONE_FILED: FiledFinding[] = [];

/**
 * The application form (§5.1, R-APP-1..9), for a new application and for the resubmission of a returned one. R-APP
 * shortfalls are shown at their fields as the officer types — by the workflow's own `checkEligibility` — and never
 * stop the filing: the API decides (a deficient filing becomes a returned case). A half-filled form is kept in the
 * tab under `keptKey` until it is filed; 409/422 refusals land at the fields they name.
 */
export function ApplicationForm({
  path,
  pathParams = {},
  keptKey,
  district,
  initialValues,
  filed,
  submitText,
  onFiled,
}: {
  path: PostPath;
  pathParams?: Record<string, string>;
  keptKey: string;
  district: string;
  initialValues: ApplicationValues;
  /**
   * A resubmission's: the last filing's deficiencies and flags, shown at their fields (all of them at once) until the
   * officer changes something.
   */
  filed?: FiledFinding[];
  submitText: string;
  /** After the API has applied the filing: the case it was filed on (unknown only if the answer was lost). */
  onFiled?: (caseId: string | undefined) => void;
}) {
  const [form] = Form.useForm<ApplicationValues>();
  const kept = useKeptForm(form, keptKey);
  const action = useAction<FilingOutcome>(path, form, (answer) => {
    kept.forget();
    onFiled?.(answer?.caseId);
  });
  const send = () => void action.submit(pathParams, applicationOf(form.getFieldsValue(true), district));
  return (
    <FormTheme>
      <NoteRulesProvider form={form} district={district} filed={filed ?? NONE_FILED}>
        <Form<ApplicationValues>
          form={form}
          name="application"
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={kept.keep}
          onFinish={send}
          onKeyDown={noImplicitSubmit}
          scrollToFirstError
        >
          <ParkSection district={district} />
          <ProfileSection />
          <AgenciesSection />
          <OfficeSection />
          <RevenueSection />
          <DocumentsSection />
          <EligibilityCheck form={form} district={district} checkAtOnce={filed !== undefined} />
          <ActionStatus state={action.state} />
          <Button type="primary" htmlType="submit" loading={action.busy} style={{ marginTop: 16 }}>
            {submitText}
          </Button>
        </Form>
      </NoteRulesProvider>
    </FormTheme>
  );
}
