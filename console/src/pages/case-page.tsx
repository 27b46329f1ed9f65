import { Col, Row, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Schema } from '../api/client';
import { ApplicationMaterials } from '../components/case/application-materials';
import { CaseActions } from '../components/case/case-actions';
import { CaseHeader } from '../components/case/case-header';
import { CaseNotices } from '../components/case/case-notices';
import { CaseOverview } from '../components/case/case-overview';
import { DepartmentOpinionsTable } from '../components/case/department-opinions-table';
import { EvaluationsTable } from '../components/case/evaluations-table';
import { HistoryTimeline } from '../components/case/history-timeline';
import { PaymentsLedger } from '../components/case/payments-ledger';
import { RefundCard } from '../components/case/refund-card';
import { ReportsTable } from '../components/case/reports-table';
import { ReviewsTable } from '../components/case/reviews-table';
import { WithCase } from '../components/case/with-case';
import { PapersSection } from '../documents/papers-section';

const SECTIONS = ['overview', 'materials', 'history', 'money', 'reviews', 'reports', 'notices'] as const;
type SectionName = (typeof SECTIONS)[number];
const isSection = (name: string | null): name is SectionName => (SECTIONS as readonly (string | null)[]).includes(name);

/**
 * One case (案件详情): its head, the actions the officer may take now beside (or, on a narrow screen, above) the
 * case's sections — what it waits on, the application's materials and papers, its history, money, review, reports and
 * evaluations, notices. The open section is kept in the address (`?section=`), so a reload or a shared link opens it.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const back = <Link to="/">{t('console.casePage.back')}</Link>;
  return (
    <WithCase caseId={caseId} back={back}>
      {(view) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {back}
          <CaseHeader view={view} />
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={{ span: 8, order: 2 }}>
              <CaseActions view={view} />
            </Col>
            <Col xs={24} xl={{ span: 16, order: 1 }}>
              <CaseSections view={view} />
            </Col>
          </Row>
        </Space>
      )}
    </WithCase>
  );
}

/** The case's sections as tabs; a section's reads (history, notices) start when it is first opened. */
function CaseSections({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const open = search.get('section');
  const stacked = (...parts: JSX.Element[]) => (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {parts}
    </Space>
  );
  const content: Record<SectionName, JSX.Element> = {
    overview: <CaseOverview view={view} />,
    materials: stacked(
      <PapersSection key="papers" view={view} />,
      <ApplicationMaterials key="application" view={view} />,
    ),
    history: <HistoryTimeline caseId={view.caseId} />,
    money: stacked(
      <PaymentsLedger key="payments" payments={view.payments} />,
      <RefundCard key="refund" demand={view.refundDemand} />,
    ),
    reviews: stacked(
      <ReviewsTable key="reviews" panel={view.panel} reviews={view.reviews} />,
      <DepartmentOpinionsTable key="opinions" opinions={view.departmentOpinions} />,
    ),
    reports: stacked(
      <ReportsTable key="reports" reports={view.reports} findings={view.findings} />,
      <EvaluationsTable key="evaluations" view={view} />,
    ),
    notices: <CaseNotices caseId={view.caseId} />,
  };
  return (
    <Tabs
      activeKey={isSection(open) ? open : 'overview'}
      onChange={(section) => setSearch({ section }, { replace: true })}
      items={SECTIONS.map((section) => ({
        key: section,
        label: t(`console.casePage.sections.${section}`),
        children: content[section],
      }))}
    />
  );
}
