import { Alert, Button, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionStatus } from '../actions/action-status';
import { useKeptForm } from '../actions/kept-form';
import { useAction } from '../actions/use-action';
import type { Schema } from '../api/client';
import { required } from './required';
import { FormTheme } from './form-theme';
import { MoneyInput } from './money-input';
import { noImplicitSubmit } from './no-implicit-submit';
import { dueReports } from './report-years';
import { SubsidyUseFields } from './subsidy-use-fields';

type AnnualReport = Schema<'AnnualReportDto'>;

/** The report's counts: whole numbers the API requires (R-RPT-4 judges agencies and floor area). */
const COUNTS = ['agencies', 'staff', 'floorAreaSqm'] as const;
const COUNT_LABELS = { agencies: 'agencies', staff: 'staff', floorAreaSqm: 'floorArea' } as const;

/**
 * 年度报告 (§5.3, R-RPT-1..5, R-SUB-2): the district reports a reporting year of a designated park — agencies,
 * revenue (代收代付 included), staff, floor area and the subsidy's use by heading — to
 * `POST /v1/cases/{caseId}/annual-reports`. The years offered are those the case waits on (from the first reporting
 * year, not yet reported). Mounted by the case page while `allowedActions` includes `annualReport` (under its own
 * title); the API judges the figures against the targets (R-RPT-2..4) and the case shows its findings. `onApplied`
 * once the API has applied the report.
 */
export function AnnualReportForm({ view, onApplied }: { view: Schema<'CaseView'>; onApplied?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Partial<AnnualReport>>();
  const kept = useKeptForm(form, `annualReport.${view.caseId}`);
  const action = useAction('/v1/cases/{caseId}/annual-reports', form, () => {
    kept.forget();
    form.resetFields();
    onApplied?.();
  });
  const due = dueReports(view);
  if (due.length === 0) return <Alert type="info" showIcon message={t('console.application.report.noYears')} />;
  const label = (key: 'year' | 'revenue' | (typeof COUNT_LABELS)[keyof typeof COUNT_LABELS]) =>
    t(`console.application.report.${key}`);
  return (
    <FormTheme>
      <Form<Partial<AnnualReport>>
        form={form}
        name="annualReport"
        layout="vertical"
        initialValues={{ year: due[0].year }}
        onValuesChange={kept.keep}
        onKeyDown={noImplicitSubmit}
        onFinish={() => void action.submit({ caseId: view.caseId }, form.getFieldsValue(true))}
        scrollToFirstError
      >
        {/* Always one of the years due (no blank to choose): a required mark would put aria-required on Select's
              wrapper, which axe refuses. */}
        <Form.Item name="year" label={label('year')}>
          <Select
            style={{ maxWidth: 320 }}
            options={due.map(({ year, deadline }) => ({
              value: year,
              label: t('console.application.report.yearOption', { year, at: deadline.dueDate }),
            }))}
          />
        </Form.Item>
        <Form.Item name="revenue" label={label('revenue')} rules={[required(t, label('revenue'))]}>
          <MoneyInput />
        </Form.Item>
        {COUNTS.map((count) => (
          <Form.Item
            key={count}
            name={count}
            label={label(COUNT_LABELS[count])}
            rules={[required(t, label(COUNT_LABELS[count]))]}
          >
            <InputNumber<number> min={0} precision={0} style={{ width: '100%', maxWidth: 320 }} />
          </Form.Item>
        ))}
        <SubsidyUseFields />
        <ActionStatus state={action.state} />
        <Button type="primary" htmlType="submit" loading={action.busy} style={{ marginTop: 16 }}>
          {t('console.application.report.submit')}
        </Button>
      </Form>
    </FormTheme>
  );
}
