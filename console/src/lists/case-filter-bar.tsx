import { Button, Form, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES } from '../../../workflows/definitions/case';
import { useDistricts } from '../api/queries';
import type { CaseFilters } from '../api/list-queries';
import { useDistrictName } from '../components/use-district-name';

interface FilterValues {
  stage?: CaseFilters['stage'];
  district?: CaseFilters['district'];
  overdue?: boolean;
}

/** The form's values as the list's filters: a cleared select or an unset switch is no filter. */
const filtersOf = ({ stage, district, overdue }: FilterValues): CaseFilters => ({
  ...(stage ? { stage } : {}),
  ...(district ? { district } : {}),
  ...(overdue ? { overdue: true } : {}),
});

/**
 * The case list's filters: stage, district (not for a district officer, who sees their own district only) and
 * overdue. Each change is applied at once; the form follows the filters when they change otherwise (back button).
 */
export function CaseFilterBar(props: {
  filters: CaseFilters;
  districtChoosable: boolean;
  onChange: (filters: CaseFilters) => void;
}) {
  const { filters, districtChoosable, onChange } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const { data: districts } = useDistricts();
  const districtName = useDistrictName();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(filters);
  }, [form, filters]);
  return (
    <Form<FilterValues>
      form={form}
      name="case-filters"
      layout="inline"
      aria-label={t('console.lists.filters.label')}
      onValuesChange={(_, values) => onChange(filtersOf(values))}
    >
      <Form.Item name="stage" label={t('console.lists.filters.stage')}>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('console.lists.filters.anyStage')}
          options={CASE_STAGES.map((stage) => ({ value: stage, label: t(`common.stages.${stage}`) }))}
        />
      </Form.Item>
      {districtChoosable && (
        <Form.Item name="district" label={t('console.lists.filters.district')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 180 }}
            placeholder={t('console.lists.filters.anyDistrict')}
            options={[...(districts?.keys() ?? [])].map((code) => ({ value: code, label: districtName(code) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="overdue" label={t('console.lists.filters.overdue')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onChange({})} disabled={Object.keys(filters).length === 0}>
          {t('console.lists.filters.clear')}
        </Button>
      </Form.Item>
    </Form>
  );
}
