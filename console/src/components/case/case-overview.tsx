import { List, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import type { Deadline } from '../../api/queries';
import { DeadlineBadge } from '../deadline-badge';
import { Section } from './section';

type CaseView = Schema<'CaseView'>;
type Finding = CaseView['deficiencies'][number];

/** What the case waits on: its deadlines with the days left, and what the filing lacks (deficiencies, flags). */
export function CaseOverview({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Section title={t('console.casePage.deadlines')}>
        <Table<Deadline>
          aria-label={t('console.casePage.deadlines')}
          rowKey={(deadline) => `${deadline.kind}-${deadline.dueAt}`}
          dataSource={view.deadlines}
          pagination={false}
          locale={{ emptyText: t('console.casePage.noDeadlines') }}
          columns={[
            {
              title: t('console.casePage.deadlineKind'),
              key: 'kind',
              render: (_, deadline) => t(`common.deadlineKinds.${deadline.kind}`),
            },
            {
              title: t('console.casePage.remaining'),
              key: 'remaining',
              render: (_, deadline) => <DeadlineBadge deadline={deadline} />,
            },
          ]}
        />
      </Section>
      <Findings title={t('console.casePage.deficiencies')} items={view.deficiencies} />
      {view.flags.length > 0 && <Findings title={t('console.casePage.flags')} items={view.flags} />}
    </Space>
  );
}

/** Deficiencies or flags: each rule cited beside the message (already in the officer's language). */
function Findings({ title, items }: { title: string; items: Finding[] }) {
  const { t } = useTranslation();
  return (
    <Section title={title}>
      <List
        dataSource={items}
        locale={{ emptyText: t('console.casePage.noDeficiencies') }}
        renderItem={(finding) => (
          <List.Item>
            <Space align="start">
              <Typography.Text strong>{finding.rule}</Typography.Text>
              <span>{finding.message}</span>
            </Space>
          </List.Item>
        )}
      />
    </Section>
  );
}
