import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCasePage, type CaseFilters, type CaseRow } from '../api/list-queries';
import { DeadlineBadge } from '../components/deadline-badge';
import { LoadFailure } from '../components/load-failure';
import { StageTag } from '../components/stage-tag';
import { useDistrictName } from '../components/use-district-name';
import { FILING_STAGES } from '../../../workflows/definitions/case';

/**
 * One page of the filtered case list, with 上一页 / 下一页. Keyset paging has no page numbers to jump to: the cursors
 * of the pages passed are kept as a stack (the first page has none), so 上一页 asks for the page before again. Give
 * the component a new `key` when the filters change: the stack starts over.
 */
export function CaseTable({ filters }: { filters: CaseFilters }) {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = useCasePage(filters, cursors[cursors.length - 1]);
  if (page.error) return <LoadFailure error={page.error} retry={page.refetch} />;
  const nextCursor = page.isPlaceholderData ? null : (page.data?.nextCursor ?? null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<CaseRow>
        rowKey="caseId"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('console.lists.cases.empty') }}
        columns={[
          {
            title: t('console.lists.cases.parkName'),
            key: 'parkName',
            render: (_, row) => <Link to={`/cases/${row.caseId}`}>{row.parkName}</Link>,
          },
          { title: t('console.lists.cases.district'), key: 'district', render: (_, row) => districtName(row.district) },
          { title: t('console.lists.cases.stage'), key: 'stage', render: (_, row) => <StageTag stage={row.stage} /> },
          {
            title: t('console.lists.cases.nextDeadline'),
            key: 'nextDeadline',
            render: (_, row) => row.nextDeadline && <DeadlineBadge deadline={row.nextDeadline} showKind />,
          },
          {
            // R-DOC-1: which applications can be accepted now — only a submitted or returned case is checked.
            title: t('console.lists.cases.papers'),
            key: 'papers',
            render: (_, row) => <PapersTag row={row} />,
          },
          {
            title: t('console.lists.cases.updatedAt'),
            key: 'updatedAt',
            render: (_, row) => t('console.day', { at: row.updatedAt }),
          },
        ]}
      />
      <Space>
        <Button disabled={cursors.length === 1} onClick={() => setCursors((stack) => stack.slice(0, -1))}>
          {t('console.lists.cases.previous')}
        </Button>
        <Typography.Text>{t('console.lists.cases.page', { count: cursors.length })}</Typography.Text>
        <Button disabled={!nextCursor} onClick={() => nextCursor && setCursors((stack) => [...stack, nextCursor])}>
          {t('console.lists.cases.next')}
        </Button>
      </Space>
    </Space>
  );
}

/** R-DOC-1: a filed application's papers — the ones acceptance still needs, or complete; nothing in other stages. */
function PapersTag({ row }: { row: CaseRow }) {
  const { t } = useTranslation();
  if (!(FILING_STAGES as readonly string[]).includes(row.stage)) return null;
  const missing = row.missingPapers;
  return missing.length > 0 ? (
    <Tag color="warning">{t('console.lists.cases.papersMissing', { count: missing.length, purposes: missing })}</Tag>
  ) : (
    <Tag color="success">{t('console.lists.cases.papersComplete')}</Tag>
  );
}
