import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { STATUS_COLOURS } from '../../theme';
import { Section } from './section';

type CaseView = Schema<'CaseView'>;
type Evaluation = CaseView['evaluations'][number];

const COLOURS: Record<Evaluation['outcome'], string> = {
  renew: STATUS_COLOURS.done,
  rectify: STATUS_COLOURS.attention,
  revoke: STATUS_COLOURS.overdue,
};

/**
 * 考评 (§5.3 R-EVL-1/2): each evaluation's outcome, findings, the rectification deadline or the grounds and refund
 * of a revocation, newest first; and when the next one falls due.
 */
export function EvaluationsTable({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const evaluations = [...view.evaluations].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return (
    <Section title={t('console.casePage.evaluations.heading')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {view.nextEvaluationDue && (
          <Typography.Text>{t('console.casePage.evaluations.nextDue', { at: view.nextEvaluationDue })}</Typography.Text>
        )}
        <Table<Evaluation>
          aria-label={t('console.casePage.evaluations.heading')}
          rowKey="decidedAt"
          dataSource={evaluations}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('console.casePage.evaluations.empty') }}
          columns={[
            {
              title: t('console.casePage.evaluations.decidedAt'),
              key: 'decidedAt',
              render: (_, evaluation) => t('console.day', { at: evaluation.decidedAt }),
            },
            {
              title: t('console.casePage.evaluations.outcome'),
              key: 'outcome',
              render: (_, evaluation) => (
                <Tag color={COLOURS[evaluation.outcome]}>
                  {t(`console.casePage.evaluations.outcomes.${evaluation.outcome}`)}
                </Tag>
              ),
            },
            { title: t('console.casePage.evaluations.findings'), dataIndex: 'findings' },
            {
              title: t('console.casePage.evaluations.rectifyBy'),
              key: 'rectifyBy',
              render: (_, evaluation) => evaluation.rectifyBy && t('console.day', { at: evaluation.rectifyBy }),
            },
            {
              title: t('console.casePage.evaluations.grounds'),
              key: 'grounds',
              render: (_, evaluation) =>
                evaluation.grounds
                  ?.map((ground) => t(`console.casePage.evaluations.groundNames.${ground}`))
                  .map((name) => <div key={name}>{name}</div>),
            },
            {
              title: t('console.casePage.evaluations.refundAmount'),
              key: 'refundAmount',
              align: 'right',
              render: (_, evaluation) =>
                evaluation.refundAmount ? t('console.casePage.money', { amount: evaluation.refundAmount }) : undefined,
            },
          ]}
        />
      </Space>
    </Section>
  );
}
