import { Form, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLICY } from '../../../../workflows/definitions/policy';
import { useExperts, type Officer } from '../../api/action-queries';
import { LoadFailure } from '../../components/load-failure';
import { ActionForm } from './action-form';
import { useActionForm, type ActionFormProps } from './use-action-form';

interface PanelValues {
  expertIds: string[];
}

/** §5.1: a panel of 3–7 distinct experts (policy defaults; the case's own policy is checked by the API). */
const { panelMinExperts: min, panelMaxExperts: max } = DEFAULT_POLICY;

/**
 * 组建专家组 (§5.1): the experts of the officer directory, found by name or email. While the review runs the current
 * panel is the starting point, so replacing an expert who has not reviewed is one change.
 */
export function PanelForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const handle = useActionForm<'formPanel', PanelValues>('formPanel', props);
  const experts = useExperts();
  const checkSize = (count: number) =>
    count >= min && count <= max
      ? Promise.resolve()
      : Promise.reject(new Error(t('console.actions.panel.count', { count, min, max })));
  if (experts.error) return <LoadFailure error={experts.error} retry={experts.refetch} />;
  const current = props.view.panel?.expertIds ?? [];
  const listed = experts.data ?? [];
  // A panel member the directory does not list (yet) stays choosable, shown by id.
  const unlisted = current.filter((sub) => !listed.some((expert) => expert.sub === sub)).map((sub) => ({ sub }));
  const choices: Pick<Officer, 'sub' | 'name' | 'email'>[] = [...listed, ...unlisted];
  const options = choices.map((expert) => ({
    value: expert.sub,
    search: `${expert.name ?? ''} ${expert.email ?? ''} ${expert.sub}`.toLowerCase(),
    label: (
      <Space size="small">
        <span>{expert.name ?? expert.sub}</span>
        <Typography.Text type="secondary">{expert.email ?? t('console.actions.panel.noEmail')}</Typography.Text>
      </Space>
    ),
  }));
  return (
    <ActionForm handle={handle} submitText={t('console.actions.panel.submit')} onFinish={handle.send}>
      <Form.Item
        name="expertIds"
        label={t('console.actions.panel.experts')}
        extra={t('console.actions.panel.size', { min, max })}
        initialValue={current}
        // A count rule rather than `required`: Ant Design puts `aria-required` on a multiple select's plain div (axe).
        rules={[{ validator: (_, ids?: string[]) => checkSize(ids?.length ?? 0) }]}
      >
        <Select
          mode="multiple"
          loading={experts.isPending}
          options={options}
          placeholder={t('console.actions.panel.search')}
          filterOption={(input, option) => !!option?.search.includes(input.trim().toLowerCase())}
          style={{ maxWidth: 720 }}
        />
      </Form.Item>
    </ActionForm>
  );
}
