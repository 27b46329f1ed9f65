import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { STATUS_COLOURS } from '../../theme';
import { Section } from './section';
import { useOfficerLabel } from './use-officer-label';

type Opinion = Schema<'CaseView'>['departmentOpinions'][number];

/** How each position shows: support as done, conditions as waiting on them, an objection as needing attention. */
const POSITION_COLOURS: Record<Opinion['position'], string> = {
  support: STATUS_COLOURS.done,
  conditional: STATUS_COLOURS.waiting,
  object: STATUS_COLOURS.attention,
};

/** 相关部门意见 (R-REV-3): each department's opinion, beside the experts' reviews, in the order recorded. */
export function DepartmentOpinionsTable({ opinions }: { opinions: Opinion[] }) {
  const { t } = useTranslation();
  const officer = useOfficerLabel();
  const heading = t('console.park.opinions.heading');
  return (
    <Section title={heading}>
      {opinions.length === 0 ? (
        <Empty description={t('console.park.opinions.empty')} />
      ) : (
        <Table<Opinion>
          aria-label={heading}
          rowKey={(opinion) => `${opinion.recordedAt}:${opinion.department}`}
          dataSource={opinions}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('console.park.opinions.department'), dataIndex: 'department' },
            {
              title: t('console.park.opinions.position'),
              key: 'position',
              render: (_, opinion) => (
                <Tag color={POSITION_COLOURS[opinion.position]}>
                  {t(`console.park.opinions.positions.${opinion.position}`)}
                </Tag>
              ),
            },
            { title: t('console.park.opinions.opinion'), dataIndex: 'opinion' },
            {
              title: t('console.park.opinions.date'),
              key: 'date',
              render: (_, opinion) => t('console.day', { at: opinion.date }),
            },
            {
              title: t('console.park.opinions.recordedAt'),
              key: 'recordedAt',
              render: (_, opinion) => `${t('console.day', { at: opinion.recordedAt })} ${officer(opinion.recordedBy)}`,
            },
          ]}
        />
      )}
    </Section>
  );
}
