/**
 * One follow-up round: each unit asked (emails, link, what it answered) with Re-send and Revoke
 * link, closing the round, and the reports waiting for the office.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { RoundDetail, RoundUnit } from '../../../src/modules/followup/model';
import { can, useSession } from '../accounts/session';
import { api } from '../api';
import { ErrorAlert, OverdueBadge, useFormatDate } from '../shared/ui';
import { ReportsToCheck } from './ReportsToCheck';
import { RoundStateBadges } from './RoundsPage';
import { CopyLink, Deliveries, useDueInWords, useFormatMoment } from './shared';

export function RoundPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const may = can(useSession().data);
  const due = useDueInWords();
  const date = useFormatDate();
  const moment = useFormatMoment();
  const qc = useQueryClient();
  const [closing, setClosing] = useState(false);
  const round = useQuery({ queryKey: ['round', id], queryFn: () => api<RoundDetail>(`/rounds/${id}`) });
  const close = useMutation({
    mutationFn: () => api<RoundDetail>(`/rounds/${id}/close`, { method: 'POST', json: {} }),
    onSuccess: async () => {
      setClosing(false);
      await qc.invalidateQueries();
    },
  });

  if (round.error) return <ErrorAlert error={round.error} />;
  if (!round.data) return <Text>{t('common.loading')}</Text>;
  const r = round.data;
  const open = !r.closedAt;

  return (
    <Stack maw={1400}>
      <Anchor component={Link} to="/rounds" size="sm">
        ← {t('followup.rounds.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{r.name}</Title>
          <RoundStateBadges round={r} />
          <Text>{t('followup.round.dueOn', { date: r.closedAt ? date(r.dueOn) : due(r.dueOn) })}</Text>
          <Text size="sm" c="dimmed">
            {t('followup.round.openedBy', { who: r.openedBy, date: moment(r.openedAt) })}
            {r.closedAt ? ` · ${t('followup.round.closedAt', { date: moment(r.closedAt) })}` : ''}
          </Text>
          <Group gap="xs">
            <Text size="sm">{t('followup.rounds.evaluations')}:</Text>
            {r.evaluations.map((e) => (
              <Anchor key={e.id} component={Link} to={`/evaluations/${e.id}`} size="sm">
                {e.title}
              </Anchor>
            ))}
          </Group>
          <Text size="sm">{t('followup.rounds.answeredOf', { answered: r.answered, units: r.units })}</Text>
        </Stack>
        {may.edit && open && (
          <Button variant="outline" color="red" onClick={() => setClosing(true)}>
            {t('followup.round.close')}
          </Button>
        )}
      </Group>
      {r.message && (
        <Alert color="gray" title={t('followup.round.message')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.message}
          </Text>
        </Alert>
      )}
      {!r.mail && open && (
        <Alert color="yellow" title={t('followup.noMailTitle')}>
          {t('followup.noMail')}
        </Alert>
      )}

      <Title order={2}>{t('followup.round.units', { count: r.unitsAsked.length })}</Title>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {r.unitsAsked.map((u) => (
          <UnitCard key={u.unitId} roundId={r.id} unit={u} manage={may.edit && open} mail={r.mail} />
        ))}
      </SimpleGrid>

      <ReportsToCheck roundId={r.id} />

      <Modal opened={closing} onClose={() => setClosing(false)} title={t('followup.round.close')}>
        <Stack>
          <Text>{t('followup.round.closeConfirm', { name: r.name })}</Text>
          <ErrorAlert error={close.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={close.isPending} onClick={() => close.mutate()}>
              {t('followup.round.closeSure')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function UnitCard({
  roundId,
  unit: u,
  manage,
  mail,
}: {
  roundId: string;
  unit: RoundUnit;
  manage: boolean;
  /** Whether email can go out: without it, links are copied and there is nothing to re-send. */
  mail: boolean;
}) {
  const { t } = useTranslation();
  const moment = useFormatMoment();
  const qc = useQueryClient();
  const [revoking, setRevoking] = useState(false);
  const path = `/rounds/${roundId}/units/${u.unitId}`;
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ['round', roundId] });
    await qc.invalidateQueries({ queryKey: ['rounds'] });
  };
  const resend = useMutation({
    mutationFn: () => api<RoundUnit>(`${path}/resend`, { method: 'POST', json: {} }),
    onSuccess: done,
  });
  const revoke = useMutation({
    mutationFn: () => api<RoundUnit>(`${path}/revoke`, { method: 'POST', json: {} }),
    onSuccess: async () => {
      setRevoking(false);
      await done();
    },
  });
  const when = (iso: string | null) => (iso ? moment(iso) : t('followup.round.notYet'));
  return (
    <Card withBorder component="section" aria-label={u.name} data-unit={u.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4">
            {u.name}
          </Title>
          <Group gap={4} justify="flex-end">
            {u.answeredAt && u.reported + u.validated + u.returned >= u.actions && (
              <Badge color="green" variant="light">
                {t('followup.round.answered')}
              </Badge>
            )}
            <OverdueBadge overdue={u.overdue} />
          </Group>
        </Group>
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {t('followup.recipients')}: {u.recipients.length ? u.recipients.join(', ') : '—'}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing={4}>
          <Text size="sm">
            <b>{t('followup.round.asked')}:</b> {when(u.askedAt)}
          </Text>
          <Text size="sm">
            <b>{t('followup.round.opened')}:</b> {when(u.openedAt)}
          </Text>
          <Text size="sm">
            <b>{t('followup.round.answeredAt')}:</b> {when(u.answeredAt)}
          </Text>
        </SimpleGrid>
        <Text size="sm">
          {t('followup.round.counts', {
            count: u.actions,
            reported: u.reported,
            validated: u.validated,
            returned: u.returned,
          })}
        </Text>
        <Deliveries deliveries={u.deliveries} />
        {u.revoked && (
          <Text size="sm" c="dimmed">
            {t('followup.round.replaced')}
          </Text>
        )}
        {manage && u.link && <CopyLink label={t('followup.round.link', { unit: u.name })} value={u.link} />}
        <ErrorAlert error={resend.error} />
        {manage && (
          <Group gap="xs">
            {mail && (
              <Button
                variant="default"
                onClick={() => resend.mutate()}
                loading={resend.isPending}
                aria-label={t('followup.round.resendTo', { unit: u.name })}
              >
                {t('followup.round.resend')}
              </Button>
            )}
            <Button
              variant="subtle"
              color="red"
              onClick={() => setRevoking(true)}
              aria-label={t('followup.round.revokeFor', { unit: u.name })}
            >
              {t('followup.round.revoke')}
            </Button>
          </Group>
        )}
        {resend.isSuccess && (
          <Text size="sm" role="status">
            {t('followup.round.resent')}
          </Text>
        )}
      </Stack>
      <Modal opened={revoking} onClose={() => setRevoking(false)} title={t('followup.round.revoke')}>
        <Stack>
          <Text>{t('followup.round.revokeConfirm', { unit: u.name })}</Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('followup.round.revokeSure')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
