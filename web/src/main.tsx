import '@mantine/core/styles.css';
import { Anchor, AppShell, Group, MantineProvider, NativeSelect, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, NavLink, Outlet, RouterProvider } from 'react-router';
import { ActionsPage } from './actions/ActionsPage';
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

function Layout() {
  const { t } = useTranslation();
  const link = ({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 700 : 400 });
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="lg" component="nav" aria-label={t('nav.label')}>
            <Title order={3} c="blue.8">
              Integra
            </Title>
            <Anchor component={NavLink} to="/" end style={link}>
              {t('nav.evaluations')}
            </Anchor>
            <Anchor component={NavLink} to="/actions" style={link}>
              {t('nav.actions')}
            </Anchor>
            <Anchor component={NavLink} to="/practices" style={link}>
              {t('nav.practices')}
            </Anchor>
            <Anchor component={NavLink} to="/import" style={link}>
              {t('nav.import')}
            </Anchor>
          </Group>
          <NativeSelect
            aria-label={t('nav.language')}
            value={i18n.language}
            onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
            data={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <EvaluationsPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'evaluations/:id', element: <MatrixPage /> },
      { path: 'actions', element: <ActionsPage /> },
      { path: 'practices', element: <CataloguePage /> },
      { path: 'practices/import', element: <PracticeImportPage /> },
      { path: 'practices/compare', element: <ComparePage /> },
      { path: 'practices/heatmap', element: <HeatmapPage /> },
      { path: 'practices/:id', element: <PracticePage /> },
      { path: 'practices/:id/assess', element: <AssessPage /> },
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
