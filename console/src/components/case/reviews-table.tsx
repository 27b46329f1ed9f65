import { Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { STATUS_COLOURS } from '../../theme';
import { Section } from './section';
import { useOfficerLabel } from './use-officer-label';

type CaseView = Schema<'CaseView'>;
type Review = CaseView['reviews'][number];

/** A panel expert beside their review (absent while they have not submitted it). */
interface ExpertRow {
  expertId: string;
  review?: Review;
}

/** The panel's experts first, in its order, then any reviewer no longer on it. */
function rowsOf(panel: CaseView['panel'], reviews: Review[]): ExpertRow[] {
  const ids = [...new Set([...(panel?.expertIds ?? []), ...reviews.map((review) => review.expertId)])];
  return ids.map((expertId) => ({ expertId, review: reviews.find((review) => review.expertId === expertId) }));
}

/** 专家评审 (§5.1): the panel (formed, review window end) and each expert's scores, conclusion and comments. */
export function ReviewsTable({ panel, reviews }: { panel: CaseView['panel']; reviews: Review[] }) {
  const { t } = useTranslation();
  const officer = useOfficerLabel();
  const pending = <Typography.Text type="secondary">{t('console.casePage.reviews.pending')}</Typography.Text>;
  return (
    <Section title={t('console.casePage.reviews.heading')}>
      {panel ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('console.casePage.reviews.formedAt')}>
              {t('console.day', { at: panel.formedAt })}
            </Descriptions.Item>
            <Descriptions.Item label={t('console.casePage.reviews.reviewDueAt')}>
              {t('console.day', { at: panel.reviewDueAt })}
            </Descriptions.Item>
          </Descriptions>
          <Table<ExpertRow>
            aria-label={t('console.casePage.reviews.heading')}
            rowKey="expertId"
            dataSource={rowsOf(panel, reviews)}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('console.casePage.reviews.expert'), key: 'expert', render: (_, row) => officer(row.expertId) },
              {
                title: t('console.casePage.reviews.necessity'),
                key: 'necessity',
                align: 'right',
                render: (_, row) => row.review?.necessity ?? pending,
              },
              {
                title: t('console.casePage.reviews.feasibility'),
                key: 'feasibility',
                align: 'right',
                render: (_, row) => row.review?.feasibility,
              },
              {
                title: t('console.casePage.reviews.recommend'),
                key: 'recommend',
                render: (_, row) =>
                  row.review && (
                    <Tag color={row.review.recommend ? STATUS_COLOURS.done : STATUS_COLOURS.attention}>
                      {t(`console.casePage.history.details.${row.review.recommend ? 'recommend' : 'notRecommend'}`)}
                    </Tag>
                  ),
              },
              {
                title: t('console.casePage.reviews.comments'),
                key: 'comments',
                render: (_, row) => row.review?.comments,
              },
              {
                title: t('console.casePage.reviews.submittedAt'),
                key: 'submittedAt',
                render: (_, row) => row.review && t('console.day', { at: row.review.submittedAt }),
              },
            ]}
          />
        </Space>
      ) : (
        <Empty description={t('console.casePage.reviews.noPanel')} />
      )}
    </Section>
  );
}
