import { List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/client';
import { STATUS_COLOURS } from '../../theme';
import { Section } from './section';

type CaseView = Schema<'CaseView'>;
type Report = CaseView['reports'][number];
type SubsidyUse = keyof Report['subsidyUse'];

/** R-SUB-2's headings in the policy's order, then `other`. */
const USES: SubsidyUse[] = ['rent', 'renovation', 'propertyManagement', 'publicFacilities', 'operations', 'other'];

/**
 * 年度报告 (§5.3 R-RPT-1, R-SUB-2): each year's figures, the subsidy's use by heading, and whether it came in time;
 * beneath, the checks against the targets (R-RPT-2..4), already in the reader's language.
 */
export function ReportsTable({ reports, findings }: { reports: Report[]; findings: CaseView['findings'] }) {
  const { t } = useTranslation();
  const count = (value: number) => t('console.casePage.quantity', { value });
  return (
    <Section title={t('console.casePage.reports.heading')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Table<Report>
          aria-label={t('console.casePage.reports.heading')}
          rowKey="year"
          dataSource={[...reports].sort((a, b) => b.year - a.year)}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('console.casePage.reports.empty') }}
          columns={[
            {
              title: t('console.casePage.reports.year'),
              key: 'year',
              render: (_, report) => t('console.casePage.reports.yearValue', { year: report.year }),
            },
            {
              title: t('console.casePage.reports.agencies'),
              key: 'agencies',
              align: 'right',
              render: (_, report) => count(report.agencies),
            },
            {
              title: t('console.casePage.reports.revenue'),
              key: 'revenue',
              align: 'right',
              render: (_, report) => t('console.casePage.money', { amount: report.revenue }),
            },
            {
              title: t('console.casePage.reports.staff'),
              key: 'staff',
              align: 'right',
              render: (_, r) => count(r.staff),
            },
            {
              title: t('console.casePage.reports.floorArea'),
              key: 'floorArea',
              align: 'right',
              render: (_, report) => count(report.floorAreaSqm),
            },
            {
              title: t('console.casePage.reports.subsidyUse'),
              key: 'subsidyUse',
              render: (_, report) => (
                <Space direction="vertical" size={0}>
                  {USES.filter((heading) => report.subsidyUse[heading] !== undefined).map((heading) => (
                    <span key={heading}>
                      {t('console.casePage.reports.use', { heading, amount: report.subsidyUse[heading] })}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('console.casePage.reports.submittedAt'),
              key: 'submittedAt',
              render: (_, report) => (
                <Space wrap size="small">
                  {t('console.day', { at: report.submittedAt })}
                  <Tag color={report.late ? STATUS_COLOURS.overdue : STATUS_COLOURS.done}>
                    {t(report.late ? 'console.casePage.reports.late' : 'console.casePage.reports.onTime')}
                  </Tag>
                </Space>
              ),
            },
            {
              title: t('console.casePage.reports.dueAt'),
              key: 'dueAt',
              render: (_, report) => t('console.day', { at: report.dueAt }),
            },
          ]}
        />
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t('console.casePage.reports.findings')}
        </Typography.Title>
        <List
          dataSource={findings}
          locale={{ emptyText: t('console.casePage.reports.noFindings') }}
          renderItem={(finding) => (
            <List.Item>
              <Space align="start">
                <Typography.Text strong>{finding.rule}</Typography.Text>
                <span>{t('console.casePage.reports.yearValue', { year: finding.year })}</span>
                <span>{finding.message}</span>
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Section>
  );
}
