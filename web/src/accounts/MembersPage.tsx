/** Members and invitations (administrators): its own chunk, apart from the sign-in pages. */
import {
  Alert,
  Autocomplete,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../src/modules/accounts/model';
import { api } from '../api';
import { ErrorAlert, fieldError, ScrollTable } from '../shared/ui';
import { useUnits } from '../units/units';
import { useSession } from './session';

interface Members {
  members: { userId: string; name: string; email: string; role: string; unit: string | null }[];
  invitations: { id: string; email: string; role: string; unit: string | null; expiresAt: string }[];
}

export function MembersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const session = useSession();
  const members = useQuery({ queryKey: ['members'], queryFn: () => api<Members>('/members') });
  const units = useUnits();
  const [form, setForm] = useState({ email: '', role: 'contributor', unit: '' });
  const [link, setLink] = useState<{ link: string; emailed: boolean } | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      api<{ link: string; emailed: boolean }>('/invitations', {
        method: 'POST',
        json: { ...form, unit: form.role === 'contributor' ? form.unit : null },
      }),
    onSuccess: (res) => {
      setLink(res);
      setForm({ email: '', role: form.role, unit: '' });
      void qc.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const change = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) =>
      api(`/members/${userId}`, { method: 'PATCH', json: { role } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['members'] }),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(`/members/${userId}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['members'] }),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api(`/invitations/${id}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['members'] }),
  });
  const roles = ROLE_NAMES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <Stack>
      <Title order={1}>{t('accounts.members')}</Title>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate();
          }}
        >
          <Group align="end">
            <TextInput
              label={t('accounts.inviteEmail')}
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
              error={fieldError(invite.error, 'email')}
            />
            <NativeSelect
              label={t('accounts.role')}
              data={roles}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}
            />
            {form.role === 'contributor' && (
              // A unit of the directory, or a new name (the unit is then added).
              <Autocomplete
                label={t('accounts.unit')}
                description={t('units.inviteHint')}
                value={form.unit}
                onChange={(unit) => setForm({ ...form, unit })}
                data={[...new Set((units.data ?? []).map((u) => u.name))]}
                error={fieldError(invite.error, 'unit') ?? fieldError(invite.error, 'unitId')}
              />
            )}
            <Button type="submit" loading={invite.isPending}>
              {t('accounts.invite')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={invite.error} />
        {link && (
          <Alert
            color="green"
            mt="sm"
            title={link.emailed ? t('accounts.inviteEmailed') : t('accounts.inviteCopy')}
          >
            <Group>
              <Text size="sm" data-testid="invitation-link" style={{ wordBreak: 'break-all' }}>
                {link.link}
              </Text>
              <CopyButton value={link.link}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('accounts.copied') : t('accounts.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
      </Card>
      <ErrorAlert error={members.error ?? change.error ?? remove.error ?? withdraw.error} />
      <ScrollTable label={t('accounts.members')} minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.name')}</Table.Th>
              <Table.Th>{t('accounts.email')}</Table.Th>
              <Table.Th>{t('accounts.role')}</Table.Th>
              <Table.Th>{t('accounts.unit')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data?.members.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('accounts.roleOf', { name: m.name })}
                    data={roles}
                    value={m.role}
                    onChange={(e) => change.mutate({ userId: m.userId, role: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>{m.unit}</Table.Td>
                <Table.Td>
                  {m.userId !== session.data?.user?.id && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(m.userId)}>
                      {t('accounts.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {members.data?.invitations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Badge variant="light">{t('accounts.invited')}</Badge>
                </Table.Td>
                <Table.Td>{i.email}</Table.Td>
                <Table.Td>{t(`roles.${i.role}`)}</Table.Td>
                <Table.Td>{i.unit}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => withdraw.mutate(i.id)}
                    loading={withdraw.isPending && withdraw.variables === i.id}
                    aria-label={t('accounts.withdrawFor', { email: i.email })}
                  >
                    {t('accounts.withdraw')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
