import '@mantine/core/styles.css';
import { Anchor, AppShell, Button, Group, MantineProvider, NativeSelect, Text, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, NavLink, Outlet, RouterProvider, useNavigate } from 'react-router';
import {
  ForgotPasswordPage,
  InvitationPage,
  MembersPage,
  ResetPasswordPage,
  SetupPage,
  SignInPage,
} from './accounts/AccountPages';
import { can, MembersOnly, useSession } from './accounts/session';
import { ActionsPage } from './actions/ActionsPage';
import { api, chooseOrganisation } from './api';
import { EvaluationsPage } from './evaluations/EvaluationsPage';
import { ImportPage } from './evaluations/ImportPage';
import { MatrixPage } from './evaluations/MatrixPage';
import i18n, { LANGUAGES } from './i18n';
import { AssessPage } from './practices/AssessPage';
import { CataloguePage } from './practices/CataloguePage';
import { ComparePage } from './practices/ComparePage';
import { HeatmapPage } from './practices/HeatmapPage';
import { PracticeImportPage } from './practices/PracticeImportPage';
import { PracticePage } from './practices/PracticePage';

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } });

/** Who is signed in, the organisation they work in, and signing out; or a sign-in link. */
function Account() {
  const { t } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const s = session.data;
  if (!s) return null;
  if (!s.user) {
    return (
      <Anchor component={NavLink} to="/sign-in">
        {t('accounts.signIn')}
      </Anchor>
    );
  }
  return (
    <Group gap="sm">
      {s.memberships.length > 1 ? (
        <NativeSelect
          aria-label={t('accounts.organisation')}
          value={s.organisationId}
          onChange={(e) => {
            chooseOrganisation(e.currentTarget.value);
            void qc.invalidateQueries();
            navigate('/');
          }}
          data={s.memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {s.memberships[0]?.organisationName}
        </Text>
      )}
      <Text size="sm" data-testid="signed-in-as">
        {s.user.name}
        {s.role ? ` · ${t(`roles.${s.role}`)}` : ''}
        {s.unit ? ` (${s.unit})` : ''}
      </Text>
      <Button
        size="xs"
        variant="default"
        onClick={async () => {
          await api('/auth/sign-out', { method: 'POST', json: {} });
          qc.clear();
          navigate('/practices');
        }}
      >
        {t('accounts.signOut')}
      </Button>
    </Group>
  );
}

function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const may = can(session.data);
  const link = ({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 700 : 400 });
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="lg" component="nav" aria-label={t('nav.label')}>
            <Title order={3} c="blue.8">
              Integra
            </Title>
            {may.read && (
              <Anchor component={NavLink} to="/" end style={link}>
                {t('nav.evaluations')}
              </Anchor>
            )}
            {may.read && (
              <Anchor component={NavLink} to="/actions" style={link}>
                {t('nav.actions')}
              </Anchor>
            )}
            <Anchor component={NavLink} to="/practices" style={link}>
              {t('nav.practices')}
            </Anchor>
            {may.edit && (
              <Anchor component={NavLink} to="/import" style={link}>
                {t('nav.import')}
              </Anchor>
            )}
            {may.manage && (
              <Anchor component={NavLink} to="/members" style={link}>
                {t('nav.members')}
              </Anchor>
            )}
          </Group>
          <Group gap="md">
            <Account />
            <NativeSelect
              aria-label={t('nav.language')}
              value={i18n.language}
              onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
              data={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

const members = (page: React.ReactNode) => <MembersOnly>{page}</MembersOnly>;

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: members(<EvaluationsPage />) },
      { path: 'import', element: members(<ImportPage />) },
      { path: 'evaluations/:id', element: members(<MatrixPage />) },
      { path: 'actions', element: members(<ActionsPage />) },
      { path: 'members', element: members(<MembersPage />) },
      { path: 'setup', element: <SetupPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitations/:token', element: <InvitationPage /> },
      { path: 'practices', element: <CataloguePage /> },
      { path: 'practices/import', element: members(<PracticeImportPage />) },
      { path: 'practices/compare', element: <ComparePage /> },
      { path: 'practices/heatmap', element: <HeatmapPage /> },
      { path: 'practices/:id', element: <PracticePage /> },
      { path: 'practices/:id/assess', element: members(<AssessPage />) },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
