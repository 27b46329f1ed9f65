import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SIGNED_IN_PATH, useSession } from './auth/session';
import { Shell } from './components/shell';
import { SignedInPage } from './pages/signed-in';
import { SignInPage } from './pages/sign-in';
import { WorkbenchPage } from './pages/workbench';

// Every page but the workbench is loaded when first opened: the workbench's first paint does not wait for them.
const CasePage = lazy(() => import('./pages/case-page'));
const CertificatePage = lazy(() => import('./pages/certificate-page'));
const ApplicationPage = lazy(() => import('./pages/application-page'));
const CaseListPage = lazy(() => import('./pages/case-list-page'));
const DeadlineCalendarPage = lazy(() => import('./pages/deadline-calendar-page'));
const StatsPage = lazy(() => import('./pages/stats-page'));
const PublicParksPage = lazy(() => import('./pages/public-parks-page'));

/** The console's pages: the provider's return, then — signed in — the workbench and the case pages. */
export function App() {
  return (
    <BrowserRouter>
      <Shell>
        <Routes>
          <Route path={SIGNED_IN_PATH} element={<SignedInPage />} />
          <Route
            path="/public/parks"
            element={
              <Suspense fallback={<Spin />}>
                <PublicParksPage />
              </Suspense>
            }
          />
          <Route path="*" element={<SignedInOnly />} />
        </Routes>
      </Shell>
    </BrowserRouter>
  );
}

function SignedInOnly() {
  const { user } = useSession();
  if (user === undefined) return <Spin />;
  if (user === null) return <SignInPage />;
  return (
    <Suspense fallback={<Spin />}>
      <Routes>
        <Route path="/" element={<WorkbenchPage />} />
        <Route path="/applications/new" element={<ApplicationPage />} />
        <Route path="/cases" element={<CaseListPage />} />
        <Route path="/cases/:caseId" element={<CasePage />} />
        <Route path="/cases/:caseId/certificate" element={<CertificatePage />} />
        <Route path="/calendar" element={<DeadlineCalendarPage />} />
        <Route path="/stats" element={<StatsPage />} />
      </Routes>
    </Suspense>
  );
}
