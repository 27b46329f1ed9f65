import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SIGNED_IN_PATH, useSession } from './auth/session';
import { Shell } from './components/shell';
import { SignedInPage } from './pages/signed-in';
import { SignInPage } from './pages/sign-in';
import { WorkbenchPage } from './pages/workbench';

/** The case page is loaded when first opened: the workbench's first paint does not wait for it. */
const CasePage = lazy(() => import('./pages/case-page'));

/** The console's pages: the provider's return, then — signed in — the workbench and the case pages. */
export function App() {
  return (
    <BrowserRouter>
      <Shell>
        <Routes>
          <Route path={SIGNED_IN_PATH} element={<SignedInPage />} />
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
        <Route path="/cases/:caseId" element={<CasePage />} />
      </Routes>
    </Suspense>
  );
}
