import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { useOfficerLabel } from '../../components/case/use-officer-label';

type CaseView = Schema<'CaseView'>;
type Review = CaseView['reviews'][number];

/**
 * The panel's findings put before the designation decision (§5.1): each expert's scores, recommendation and
 * comments side by side, and the means the review closed with.
 */
export function ReviewScores({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const officer = useOfficerLabel();
  const summary = view.panel?.summary;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Typography.Text strong>{t('console.actions.designation.scores')}</Typography.Text>
      <Table<Review>
        size="small"
        aria-label={t('console.actions.designation.scores')}
        rowKey="expertId"
        dataSource={view.reviews}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('console.actions.designation.noReviews') }}
        columns={[
          { title: t('console.actions.designation.expert'), key: 'expert', render: (_, r) => officer(r.expertId) },
          { title: t('console.actions.designation.necessity'), dataIndex: 'necessity', align: 'right' },
          { title: t('console.actions.designation.feasibility'), dataIndex: 'feasibility', align: 'right' },
          {
            title: t('console.actions.designation.recommend'),
            key: 'recommend',
            render: (_, r) => t(`console.actions.designation.${r.recommend ? 'yes' : 'no'}`),
          },
          { title: t('console.actions.designation.comments'), dataIndex: 'comments' },
        ]}
      />
      {summary && (
        <Typography.Text>
          {t('console.actions.designation.summary', {
            necessity: summary.meanNecessity,
            feasibility: summary.meanFeasibility,
            recommendFor: summary.recommendFor,
            recommendAgainst: summary.recommendAgainst,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}
