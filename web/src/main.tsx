import '@mantine/core/styles.css';
import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Center,
  type CSSVariablesResolver,
  createTheme,
  DirectionProvider,
  defaultVariantColorsResolver,
  Group,
  Loader,
  MantineProvider,
  NativeSelect,
  parseThemeColor,
  Stack,
  Text,
} from '@mantine/core';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import {
  BrowserRouter,
  Navigate,
  NavLink,
  Outlet,
  type RouteObject,
  useNavigate,
  useRoutes,
} from 'react-router';
import { can, MembersOnly, useSession } from './accounts/session';
import { api, chooseOrganisation } from './api';
import i18n, { englishInFull, LANGUAGES, ready } from './i18n';

/**
 * Each page is its own chunk, fetched when first opened: a visitor's first load carries the
 * app's frame and the page they came for, not every screen of the app. A page waits for the rest
 * of English too (i18n.ts), but for the `first` ones, whose words come with the frame.
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  { first = false }: { first?: boolean } = {},
) {
  return lazy(() =>
    Promise.all([load(), first ? undefined : englishInFull()]).then(([m]) => ({ default: m[name] })),
  );
}
const accounts = () => import('./accounts/AccountPages');
const ForgotPasswordPage = page(accounts, 'ForgotPasswordPage', { first: true });
const InvitationPage = page(accounts, 'InvitationPage', { first: true });
const MembersPage = page(() => import('./accounts/MembersPage'), 'MembersPage');
const ResetPasswordPage = page(accounts, 'ResetPasswordPage', { first: true });
const SetupPage = page(accounts, 'SetupPage', { first: true });
const SignInPage = page(accounts, 'SignInPage', { first: true });
const ActionsPage = page(() => import('./actions/ActionsPage'), 'ActionsPage');
const EvaluationsPage = page(() => import('./evaluations/EvaluationsPage'), 'EvaluationsPage');
const ImportPage = page(() => import('./evaluations/ImportPage'), 'ImportPage');
const MatrixPage = page(() => import('./evaluations/MatrixPage'), 'MatrixPage');
const MyFollowupPage = page(() => import('./followup/MyFollowupPage'), 'MyFollowupPage');
const NewRoundPage = page(() => import('./followup/NewRoundPage'), 'NewRoundPage');
const RespondPage = page(() => import('./followup/RespondPage'), 'RespondPage');
const RoundPage = page(() => import('./followup/RoundPage'), 'RoundPage');
const RoundsPage = page(() => import('./followup/RoundsPage'), 'RoundsPage');
const FollowupSettingsPage = page(() => import('./followup/SettingsPage'), 'SettingsPage');
const OrganisationPage = page(() => import('./accounts/OrganisationPage'), 'OrganisationPage');
const DashboardPage = page(() => import('./portfolio/DashboardPage'), 'DashboardPage');
const ThemesPage = page(() => import('./portfolio/ThemesPage'), 'ThemesPage');
const AssessPage = page(() => import('./practices/AssessPage'), 'AssessPage');
const CataloguePage = page(() => import('./practices/CataloguePage'), 'CataloguePage', { first: true });
const ComparePage = page(() => import('./practices/ComparePage'), 'ComparePage');
const HeatmapPage = page(() => import('./practices/HeatmapPage'), 'HeatmapPage');
const PracticeImportPage = page(() => import('./practices/PracticeImportPage'), 'PracticeImportPage');
const PracticePage = page(() => import('./practices/PracticePage'), 'PracticePage');
const UnitsPage = page(() => import('./units/UnitsPage'), 'UnitsPage');

/** The narrow screens' menu (a modal with its scroll area and focus trap), loaded when first opened. */
const Drawer = lazy(() => import('./MenuDrawer'));

/** Shown while a page's chunk arrives. */
const loading = (
  <Center py="xl">
    <Loader size="sm" />
  </Center>
);

/**
 * Colours readable by everyone (WCAG AA, 4.5:1): links and buttons a shade darker than Mantine's
 * default, black text on light filled colours, and dimmed text darker than Mantine's grey 6.
 */
const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.25,
  components: {
    // A badge shows its whole label: a cut "3 OVERD…" hides what it says. It keeps to one line and
    // does not shrink (a table widens its column, a group moves it to the next line).
    Badge: Badge.extend({
      styles: {
        root: { overflow: 'visible', flexShrink: 0 },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
  // Coloured text on white or light backgrounds (badges, alerts, light and outline buttons) dark enough for 4.5:1.
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input);
    if (!['light', 'outline', 'subtle', 'transparent'].includes(input.variant ?? '')) return colors;
    const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
    if (!parsed.isThemeColor) return colors;
    const text = `color-mix(in srgb, var(--mantine-color-${parsed.color}-9), black 35%)`;
    return input.variant === 'outline'
      ? { ...colors, color: text, border: `1px solid ${text}` }
      : { ...colors, color: text };
  },
});
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } });

/** Who is signed in, the organisation they work in, and signing out; or a sign-in link. */
/** `header`: in the header's one line, where the organisation's name gives way on narrower screens. */
function Account({ header = false }: { header?: boolean }) {
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
    <Group gap="sm" wrap={header ? 'nowrap' : 'wrap'}>
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
        <Text size="sm" c="dimmed" visibleFrom={header ? 'xl' : undefined}>
          {s.memberships[0]?.organisationName}
        </Text>
      )}
      <Text size="sm" data-testid="signed-in-as" style={{ whiteSpace: 'nowrap' }}>
        {s.user.name}
        {s.role ? ` · ${t(`roles.${s.role}`)}` : ''}
        {s.unit ? ` (${s.unit})` : ''}
      </Text>
      <Button
        size="xs"
        variant="default"
        onClick={async () => {
          await api('/auth/sign-out', { method: 'POST', json: {} });
          // Every member's data goes; the session is asked again, so every part of the page (the
          // header's links too) sees the visitor at once.
          qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
          await qc.refetchQueries({ queryKey: ['session'] });
          navigate('/practices');
        }}
      >
        {t('accounts.signOut')}
      </Button>
    </Group>
  );
}

/** The app's links; members see more, editors and administrators more again. */
function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const may = can(useSession().data);
  const link = ({ isActive }: { isActive: boolean }) => ({
    fontWeight: isActive ? 700 : 400,
    fontSize: 'var(--mantine-font-size-sm)',
    whiteSpace: 'nowrap' as const,
  });
  return (
    <>
      {may.read && (
        <Anchor component={NavLink} to="/my" style={link} onClick={onNavigate}>
          {t('nav.my')}
        </Anchor>
      )}
      {may.read && (
        <Anchor component={NavLink} to="/evaluations" style={link} onClick={onNavigate}>
          {t('nav.evaluations')}
        </Anchor>
      )}
      {may.read && (
        <Anchor component={NavLink} to="/rounds" style={link} onClick={onNavigate}>
          {t('nav.rounds')}
        </Anchor>
      )}
      {may.read && (
        <Anchor component={NavLink} to="/actions" style={link} onClick={onNavigate}>
          {t('nav.actions')}
        </Anchor>
      )}
      {may.read && (
        <Anchor component={NavLink} to="/portfolio" style={link} onClick={onNavigate}>
          {t('nav.portfolio')}
        </Anchor>
      )}
      {may.read && (
        <Anchor component={NavLink} to="/units" style={link} onClick={onNavigate}>
          {t('nav.units')}
        </Anchor>
      )}
      <Anchor component={NavLink} to="/practices" style={link} onClick={onNavigate}>
        {t('nav.practices')}
      </Anchor>
      {may.edit && (
        <Anchor component={NavLink} to="/import" style={link} onClick={onNavigate}>
          {t('nav.import')}
        </Anchor>
      )}
      {may.manage && (
        <Anchor component={NavLink} to="/members" style={link} onClick={onNavigate}>
          {t('nav.members')}
        </Anchor>
      )}
      {may.manage && (
        <Anchor component={NavLink} to="/settings/organisation" style={link} onClick={onNavigate}>
          {t('nav.organisation')}
        </Anchor>
      )}
    </>
  );
}

/** The language choice, remembered for the person when signed in (their emails follow it too). */
function LanguageSelect() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  // A person signed in on another device gets the language they chose there; one who chose none,
  // their organisation's.
  const chosen = session.data?.language ?? (signedIn ? session.data?.organisationLanguage : null);
  useEffect(() => {
    if (chosen && chosen !== i18n.language && Object.hasOwn(LANGUAGES, chosen))
      void i18n.changeLanguage(chosen);
  }, [chosen]);
  return (
    <NativeSelect
      aria-label={t('nav.language')}
      value={i18n.language}
      onChange={(e) => {
        const language = e.currentTarget.value;
        void i18n.changeLanguage(language);
        if (signedIn)
          void api('/session/language', { method: 'PUT', json: { language } }).catch(() => undefined);
      }}
      data={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
    />
  );
}

/** Links, account and language in the header on wide screens, behind a menu button on narrow ones. */
function Layout() {
  const { t } = useTranslation();
  const [menu, setMenu] = useState(false);
  // The menu's drawer arrives on the first tap of the menu button, and then stays for its transitions.
  const [menuUsed, setMenuUsed] = useState(false);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Text fw={700} fz="xl" c="blue.8">
              Integra
            </Text>
            <Group gap="sm" component="nav" aria-label={t('nav.label')} visibleFrom="lg" wrap="nowrap">
              <NavLinks />
            </Group>
          </Group>
          <Group gap="md" visibleFrom="lg" wrap="nowrap">
            <Account header />
            <LanguageSelect />
          </Group>
          <Burger
            hiddenFrom="lg"
            opened={menu}
            onClick={() => {
              setMenuUsed(true);
              setMenu((m) => !m);
            }}
            aria-label={t('nav.menu')}
            aria-expanded={menu}
          />
        </Group>
      </AppShell.Header>
      {menuUsed && (
        <Suspense fallback={null}>
          <Drawer
            opened={menu}
            onClose={() => setMenu(false)}
            position="right"
            title="Integra"
            hiddenFrom="lg"
          >
            <Stack>
              <Stack gap="sm" component="nav" aria-label={t('nav.label')}>
                <NavLinks onNavigate={() => setMenu(false)} />
              </Stack>
              <Account />
              <LanguageSelect />
            </Stack>
          </Drawer>
        </Suspense>
      )}
      <AppShell.Main>
        <Suspense fallback={loading}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

const members = (page: React.ReactNode) => <MembersOnly>{page}</MembersOnly>;

/**
 * The routes, in declarative mode (`useRoutes` under `BrowserRouter`): the app loads its data
 * with TanStack Query, not route loaders, so the data router's code stays out of the bundle.
 */
const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: members(<Navigate to="/my" replace />) },
      { path: 'my', element: members(<MyFollowupPage />) },
      { path: 'evaluations', element: members(<EvaluationsPage />) },
      { path: 'rounds', element: members(<RoundsPage />) },
      { path: 'rounds/new', element: members(<NewRoundPage />) },
      { path: 'rounds/:id', element: members(<RoundPage />) },
      { path: 'settings/follow-up', element: members(<FollowupSettingsPage />) },
      { path: 'settings/organisation', element: members(<OrganisationPage />) },
      { path: 'portfolio', element: members(<DashboardPage />) },
      { path: 'portfolio/themes', element: members(<ThemesPage />) },
      { path: 'import', element: members(<ImportPage />) },
      { path: 'evaluations/:id', element: members(<MatrixPage />) },
      { path: 'actions', element: members(<ActionsPage />) },
      { path: 'units', element: members(<UnitsPage />) },
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
  // The page behind a unit's emailed link: public, phone-first, without the app's navigation.
  {
    path: '/respond/:token',
    element: (
      <Suspense fallback={loading}>
        <RespondPage />
      </Suspense>
    ),
  },
];

function Routes() {
  return useRoutes(routes);
}

// After the first language is there (i18n.ts): English at once, another once its chunk has arrived.
void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {/* Mantine lays its components out right to left when `<html dir>` says so (i18n.ts sets it
          from the language, and the provider follows its changes). */}
      <DirectionProvider initialDirection={i18n.dir()}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <Routes />
            </BrowserRouter>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </StrictMode>,
  ),
);
