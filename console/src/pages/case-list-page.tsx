import { Flex, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fetchAllCases } from '../api/list-queries';
import { useMe } from '../api/queries';
import { useDistrictName } from '../components/use-district-name';
import { CaseFilterBar } from '../lists/case-filter-bar';
import { filtersFrom, paramsOf } from '../lists/case-filters';
import { CaseTable } from '../lists/case-table';
import { ExportButtons } from '../lists/export-buttons';
import { caseListTable } from '../lists/list-exports';

/**
 * 案件列表 (issue 21 item 5): the cases the officer may see, filtered by stage, district and overdue — the filters in
 * the address, so a filtered list can be kept or sent — a page at a time, and exported whole to Excel or CSV.
 */
export default function CaseListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const districtName = useDistrictName();
  // A district officer sees their own district's cases only: the API scopes the list, and no district is offered.
  const districtChoosable = me.data !== undefined && me.data.role !== 'district';
  const filters = useMemo(() => filtersFrom(params, districtChoosable), [params, districtChoosable]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('console.lists.cases.title')}
      </Typography.Title>
      {me.isPending ? (
        <Spin />
      ) : (
        <>
          <Flex justify="space-between" align="start" wrap gap="middle">
            <CaseFilterBar
              filters={filters}
              districtChoosable={districtChoosable}
              onChange={(chosen) => setParams(paramsOf(chosen), { replace: true })}
            />
            <ExportButtons build={async () => caseListTable(t, districtName, await fetchAllCases(filters))} />
          </Flex>
          <CaseTable key={paramsOf(filters).toString()} filters={filters} />
        </>
      )}
    </Space>
  );
}
