/** First start, sign-in, password reset and invitations: the pages open to people not signed in. */
import { Alert, Anchor, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useParams, useSearchParams } from 'wouter';
import { api } from '../api';
import { useNavigate } from '../shared/router';
import { ErrorAlert, fieldError } from '../shared/ui';
import { useRefreshSession, useSession } from './session';

const narrow = { maxWidth: 420, margin: '40px auto' } as const;

/** A password being chosen: the rule beside it, the server's message under it. */
function NewPassword({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('accounts.password')}
      description={t('accounts.passwordRule')}
      required
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={fieldError(error, 'password') ?? fieldError(error, 'newPassword')}
    />
  );
}

/** Where to go after signing in: the page asked for, if it is one of ours. */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const setup = useMutation({
    mutationFn: () => api('/setup', { method: 'POST', json: form }),
    onSuccess: async () => {
      await refresh();
      navigate('/');
    },
  });
  if (session.data && !session.data.setupNeeded) return <Redirect to="/" replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate();
  };
  return (
    <Card withBorder style={narrow} component="form" onSubmit={submit}>
      <Stack>
        <Title order={1}>{t('accounts.setupTitle')}</Title>
        <Text c="dimmed">{t('accounts.setupIntro')}</Text>
        <TextInput
          label={t('accounts.name')}
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={fieldError(setup.error, 'name')}
        />
        <TextInput
          label={t('accounts.email')}
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={fieldError(setup.error, 'email')}
        />
        <NewPassword
          value={form.password}
          onChange={(password) => setForm({ ...form, password })}
          error={setup.error}
        />
        <ErrorAlert error={setup.error} />
        <Button type="submit" loading={setup.isPending}>
          {t('accounts.createAdmin')}
        </Button>
      </Stack>
    </Card>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ email: '', password: '' });
  const signIn = useMutation({
    mutationFn: () => api('/auth/sign-in/email', { method: 'POST', json: form }),
    onSuccess: async () => {
      await refresh();
      navigate(safeNext(params.get('next')));
    },
  });
  if (session.data?.setupNeeded) return <Redirect to="/setup" replace />;
  return (
    <Card
      withBorder
      style={narrow}
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        signIn.mutate();
      }}
    >
      <Stack>
        <Title order={1}>{t('accounts.signIn')}</Title>
        {params.get('error') && (
          <Alert color="red" role="alert">
            {t('accounts.providerRefused', { code: params.get('error') })}
          </Alert>
        )}
        <TextInput
          label={t('accounts.email')}
          type="email"
          required
          autoComplete="username"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
        />
        <PasswordInput
          label={t('accounts.password')}
          required
          autoComplete="current-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
        />
        <ErrorAlert error={signIn.error} />
        <Button type="submit" loading={signIn.isPending}>
          {t('accounts.signIn')}
        </Button>
        {session.data?.oidc && (
          <Button
            variant="default"
            onClick={async () => {
              const res = await api<{ url: string }>('/auth/sign-in/social', {
                method: 'POST',
                json: { provider: 'oidc', callbackURL: safeNext(params.get('next')) },
              });
              window.location.href = res.url;
            }}
          >
            {t('accounts.signInWithProvider')}
          </Button>
        )}
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('accounts.forgot')}
        </Anchor>
      </Stack>
    </Card>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () =>
      api('/auth/request-password-reset', { method: 'POST', json: { email, redirectTo: '/reset-password' } }),
  });
  return (
    <Card
      withBorder
      style={narrow}
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        request.mutate();
      }}
    >
      <Stack>
        <Title order={1}>{t('accounts.forgotTitle')}</Title>
        {session.data && !session.data.mail && <Alert color="yellow">{t('accounts.noMail')}</Alert>}
        <TextInput
          label={t('accounts.email')}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <ErrorAlert error={request.error} />
        {request.isSuccess ? (
          <Alert color="green">{t('accounts.resetSent')}</Alert>
        ) : (
          <Button type="submit" loading={request.isPending}>
            {t('accounts.sendReset')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => api('/auth/reset-password', { method: 'POST', json: { newPassword: password, token } }),
  });
  if (params.get('error')) {
    return (
      <Alert color="red" style={narrow}>
        {t('accounts.resetExpired')}
      </Alert>
    );
  }
  return (
    <Card
      withBorder
      style={narrow}
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        reset.mutate();
      }}
    >
      <Stack>
        <Title order={1}>{t('accounts.newPassword')}</Title>
        <NewPassword value={password} onChange={setPassword} error={reset.error} />
        <ErrorAlert error={reset.error} />
        {reset.isSuccess ? (
          <Alert color="green">
            {t('accounts.passwordChanged')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('accounts.signIn')}
            </Anchor>
          </Alert>
        ) : (
          <Button type="submit" loading={reset.isPending}>
            {t('accounts.savePassword')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

interface InvitationInfo {
  organisationName: string;
  email: string;
  role: string;
  unit: string | null;
  hasAccount: boolean;
}

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationInfo>(`/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  const [form, setForm] = useState({ name: '', password: '' });
  const accept = useMutation({
    mutationFn: () => api(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', json: form }),
    onSuccess: async () => {
      await refresh();
      navigate('/');
    },
  });
  if (invitation.isError) return <ErrorAlert error={invitation.error} />;
  if (!invitation.data) return null;
  const inv = invitation.data;
  const signedInAs = session.data?.user?.email;
  return (
    <Card
      withBorder
      style={narrow}
      component="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        accept.mutate();
      }}
    >
      <Stack>
        <Title order={1}>{t('accounts.invitedTo', { organisation: inv.organisationName })}</Title>
        <Text>
          {t('accounts.invitedAs', { email: inv.email, role: t(`roles.${inv.role}`) })}
          {inv.unit ? ` — ${inv.unit}` : ''}
        </Text>
        {inv.hasAccount ? (
          signedInAs === inv.email ? null : (
            <Alert color="blue">
              {t('accounts.signInFirst', { email: inv.email })}{' '}
              <Anchor component={Link} to={`/sign-in?next=/invitations/${token}`}>
                {t('accounts.signIn')}
              </Anchor>
            </Alert>
          )
        ) : (
          <>
            <TextInput
              label={t('accounts.name')}
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={fieldError(accept.error, 'name')}
            />
            <NewPassword
              value={form.password}
              onChange={(password) => setForm({ ...form, password })}
              error={accept.error}
            />
          </>
        )}
        <ErrorAlert error={accept.error} />
        <Button
          type="submit"
          loading={accept.isPending}
          disabled={inv.hasAccount && signedInAs !== inv.email}
        >
          {t('accounts.accept')}
        </Button>
      </Stack>
    </Card>
  );
}
