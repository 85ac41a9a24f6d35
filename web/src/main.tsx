import '@mantine/core/styles.css';
import {
  Anchor,
  Badge,
  Box,
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
import { type ComponentType, lazy, type ReactNode, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { can, MembersOnly, useSession } from './accounts/session';
import { api, chooseOrganisation } from './api';
import i18n, { LANGUAGES, ready, withAllWords } from './i18n';
import { useNavigate } from './shared/router';

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
  const loadWithWords = first ? load : withAllWords(load);
  return lazy(() => loadWithWords().then((m) => ({ default: m[name] })));
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
      <Anchor component={Link} to="/sign-in">
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
  const [path] = useLocation();
  // A link is the current page's (bold, and so for screen readers) at its path or below it.
  const current = (to: string) => path === to || path.startsWith(`${to}/`);
  const link = (to: string) => ({
    component: Link,
    to,
    onClick: onNavigate,
    'aria-current': current(to) ? ('page' as const) : undefined,
    fw: current(to) ? 700 : 400,
    fz: 'sm',
    style: { whiteSpace: 'nowrap' as const },
  });
  return (
    <>
      {may.read && <Anchor {...link('/my')}>{t('nav.my')}</Anchor>}
      {may.read && <Anchor {...link('/evaluations')}>{t('nav.evaluations')}</Anchor>}
      {may.read && <Anchor {...link('/rounds')}>{t('nav.rounds')}</Anchor>}
      {may.read && <Anchor {...link('/actions')}>{t('nav.actions')}</Anchor>}
      {may.read && <Anchor {...link('/portfolio')}>{t('nav.portfolio')}</Anchor>}
      {may.read && <Anchor {...link('/units')}>{t('nav.units')}</Anchor>}
      <Anchor {...link('/practices')}>{t('nav.practices')}</Anchor>
      {may.edit && <Anchor {...link('/import')}>{t('nav.import')}</Anchor>}
      {may.manage && <Anchor {...link('/members')}>{t('nav.members')}</Anchor>}
      {may.manage && <Anchor {...link('/settings/organisation')}>{t('nav.organisation')}</Anchor>}
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

const HEADER = {
  position: 'sticky',
  top: 0,
  zIndex: 100,
  height: 56,
  background: 'var(--mantine-color-body)',
  borderBottom: '1px solid var(--mantine-color-gray-3)',
} as const;

/** Links, account and language in the header on wide screens, behind a menu button on narrow ones. */
function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState(false);
  // The menu's drawer arrives on the first tap of the menu button, and then stays for its transitions.
  const [menuUsed, setMenuUsed] = useState(false);
  return (
    <>
      {/* The header stays at the top as the page scrolls (a plain header and main: Mantine's AppShell
          carries navbar, aside and footer code this app does not use). */}
      <Box component="header" style={HEADER}>
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
      </Box>
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
      <Box component="main" p="md">
        <Suspense fallback={loading}>{children}</Suspense>
      </Box>
    </>
  );
}

const members = (page: ReactNode) => <MembersOnly>{page}</MembersOnly>;

/** The app's routes (wouter: a few KB, where the first load counts every one). */
function Routes() {
  return (
    <Switch>
      {/* The page behind a unit's emailed link: public, phone-first, without the app's navigation. */}
      <Route path="/respond/:token">
        <Suspense fallback={loading}>
          <RespondPage />
        </Suspense>
      </Route>
      <Route>
        <Layout>
          {/* The first that matches shows: fixed paths before those with a parameter. */}
          <Switch>
            <Route path="/">{members(<Redirect to="/my" replace />)}</Route>
            <Route path="/my">{members(<MyFollowupPage />)}</Route>
            <Route path="/evaluations">{members(<EvaluationsPage />)}</Route>
            <Route path="/rounds">{members(<RoundsPage />)}</Route>
            <Route path="/rounds/new">{members(<NewRoundPage />)}</Route>
            <Route path="/rounds/:id">{members(<RoundPage />)}</Route>
            <Route path="/settings/follow-up">{members(<FollowupSettingsPage />)}</Route>
            <Route path="/settings/organisation">{members(<OrganisationPage />)}</Route>
            <Route path="/portfolio">{members(<DashboardPage />)}</Route>
            <Route path="/portfolio/themes">{members(<ThemesPage />)}</Route>
            <Route path="/import">{members(<ImportPage />)}</Route>
            <Route path="/evaluations/:id">{members(<MatrixPage />)}</Route>
            <Route path="/actions">{members(<ActionsPage />)}</Route>
            <Route path="/units">{members(<UnitsPage />)}</Route>
            <Route path="/members">{members(<MembersPage />)}</Route>
            <Route path="/setup">
              <SetupPage />
            </Route>
            <Route path="/sign-in">
              <SignInPage />
            </Route>
            <Route path="/forgot-password">
              <ForgotPasswordPage />
            </Route>
            <Route path="/reset-password">
              <ResetPasswordPage />
            </Route>
            <Route path="/invitations/:token">
              <InvitationPage />
            </Route>
            <Route path="/practices">
              <CataloguePage />
            </Route>
            <Route path="/practices/import">{members(<PracticeImportPage />)}</Route>
            <Route path="/practices/compare">
              <ComparePage />
            </Route>
            <Route path="/practices/heatmap">
              <HeatmapPage />
            </Route>
            <Route path="/practices/:id">
              <PracticePage />
            </Route>
            <Route path="/practices/:id/assess">{members(<AssessPage />)}</Route>
          </Switch>
        </Layout>
      </Route>
    </Switch>
  );
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
            <Routes />
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </StrictMode>,
  ),
);
