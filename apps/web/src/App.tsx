import { useEffect } from 'react';
import { setTokenSource } from './api/client';
import { useAuth } from './auth/auth';
import { pagesOf } from './auth/session';
import { Link, navigate, usePath } from './components/router';
import { LANGUAGES, useI18n } from './i18n/i18n';
import type { MessageKey } from './i18n/nl';
import { CaseloadPage } from './pages/CaseloadPage';
import { DashboardPage } from './pages/DashboardPage';
import {
  CASELOAD_IMPORTS,
  COURSE_RECORD_IMPORTS,
  ImportsPage,
  PARTICIPATION_IMPORTS,
} from './pages/ImportsPage';
import { ParticipationPage } from './pages/ParticipationPage';
import { ReconciliationPage } from './pages/ReconciliationPage';
import { RegisterPage } from './pages/RegisterPage';
import { TrajectoryPage } from './pages/TrajectoryPage';
import { ViolationsPage } from './pages/ViolationsPage';

const PAGES: Record<string, { nav: MessageKey; render: () => React.ReactNode }> = {
  caseload: { nav: 'nav.caseload', render: () => <CaseloadPage /> },
  register: { nav: 'nav.register', render: () => <RegisterPage /> },
  reconciliation: { nav: 'nav.reconciliation', render: () => <ReconciliationPage /> },
  violations: { nav: 'nav.violations', render: () => <ViolationsPage /> },
  imports: { nav: 'nav.imports', render: () => <ImportsPage /> },
  'caseload-import': { nav: 'nav.caseloadImport', render: () => <ImportsPage kind={CASELOAD_IMPORTS} /> },
  dashboard: { nav: 'nav.dashboard', render: () => <DashboardPage /> },
  participation: { nav: 'nav.participation', render: () => <ParticipationPage /> },
  'participation-import': {
    nav: 'nav.participationImport',
    render: () => <ImportsPage kind={PARTICIPATION_IMPORTS} />,
  },
  'course-records-import': {
    nav: 'nav.courseRecordsImport',
    render: () => <ImportsPage kind={COURSE_RECORD_IMPORTS} />,
  },
};

export function App() {
  const { t, language, setLanguage } = useI18n();
  const { session, signIn, signOut } = useAuth();
  setTokenSource(() => session?.accessToken);
  const path = usePath().split('?')[0] ?? '';
  const allowed = session ? pagesOf(session.role) : [];
  const segment = path.replace(/^\/app\/?/, '').split('/');

  useEffect(() => {
    if (session && (segment[0] === '' || segment[0] === 'callback') && allowed[0])
      navigate(`/app/${allowed[0]}`);
  }, [session, segment[0], allowed]);

  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, [path]);

  let content: React.ReactNode;
  if (!session) {
    content = (
      <>
        <h1 id="page-title" tabIndex={-1}>
          {t('signIn.title')}
        </h1>
        <p>{t('signIn.intro')}</p>
        <button type="button" onClick={() => void signIn()}>
          {t('signIn.button')}
        </button>
      </>
    );
  } else if (segment[0] === 'trajectories' && segment[1]) {
    content = <TrajectoryPage trajectoryId={segment[1]} key={segment[1]} />;
  } else if (segment[0] && PAGES[segment[0]]) {
    content = allowed.includes(segment[0]) ? (
      PAGES[segment[0]]!.render()
    ) : (
      <p role="alert">{t('app.noAccess')}</p>
    );
  } else if (segment[0] === '' || segment[0] === 'callback') {
    content = <p role="status">{t('app.loading')}</p>;
  } else {
    content = <p role="alert">{t('app.notFound')}</p>;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        {session ? (
          <nav aria-label={t('nav.label')}>
            <ul>
              {allowed.map((page) => (
                <li key={page}>
                  <Link href={`/app/${page}`} aria-current={segment[0] === page ? 'page' : undefined}>
                    {t(PAGES[page]!.nav)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="user">
          <label htmlFor="language">{t('app.language')}</label>{' '}
          <select
            id="language"
            value={language}
            onChange={(event) => setLanguage(event.target.value as 'nl' | 'en')}
          >
            {LANGUAGES.map((value) => (
              <option key={value} value={value} lang={value}>
                {value === 'nl' ? 'Nederlands' : 'English'}
              </option>
            ))}
          </select>
          {session ? (
            <>
              <span className="who">
                {t('app.signedInAs', {
                  name: session.name,
                  role: t(`role.${session.role}` as MessageKey) ?? session.role,
                })}
              </span>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                {t('app.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main">{content}</main>
    </>
  );
}
