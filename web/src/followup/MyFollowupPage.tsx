/**
 * "My follow-up": what the signed-in person and their units owe — rounds waiting for an answer,
 * reports the office returned, overdue actions and those due soon — with the weekly digest and a
 * calendar feed of deadlines.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type ActionList, type ActionListRow, STATUS_VOCABULARIES } from '../../../src/modules/actions/model';
import type { MyFollowup } from '../../../src/modules/followup/model';
import { mayRecordOn, useSession } from '../accounts/session';
import { ProgressModal } from '../actions/ProgressModal';
import { api } from '../api';
import { DueText, ErrorAlert, OverdueBadge, StatusBadge } from '../shared/ui';
import { useDialog } from '../shared/useDialog';
import { CopyLink, ReportBody, useDueInWords } from './shared';

const MINE = ['followup', 'mine'];
const OPEN_SHOWN = 20;
const OPEN_QUERY = `mine=true&open=true&pageSize=${OPEN_SHOWN}`;

/** The statuses an open action can move to: its template's ("open" only exists in the 2022 one). */
const statusesOf = (status: string): readonly string[] =>
  status === 'open' || status === 'discarded' ? STATUS_VOCABULARIES['2022'] : STATUS_VOCABULARIES.classic;

export function MyFollowupPage() {
  const { t } = useTranslation();
  const due = useDueInWords();
  const mine = useQuery({ queryKey: MINE, queryFn: () => api<MyFollowup>('/followup/mine') });
  const open = useQuery({
    queryKey: ['actions', 'mine', 'open'],
    queryFn: () => api<ActionList>(`/actions?${OPEN_QUERY}`),
  });
  const m = mine.data;
  const nothing =
    m && m.rounds.length + m.returned.length + m.overdue.length + m.dueSoon.length === 0 && !open.data?.total;

  return (
    <Stack maw={1100}>
      <Title order={1}>{t('followup.my.title')}</Title>
      <ErrorAlert error={mine.error} />
      {!m && !mine.error && <Text>{t('common.loading')}</Text>}
      {m && (
        <>
          <Text c="dimmed">
            {m.units.length
              ? t('followup.my.units', { units: m.units.map((u) => u.name).join(', ') })
              : t('followup.my.noUnits')}
          </Text>
          {nothing && (
            <Alert color="green" title={t('followup.my.nothingTitle')}>
              {t('followup.my.nothing')}
            </Alert>
          )}

          {m.rounds.length > 0 && (
            <Section id="my-rounds" title={t('followup.my.rounds')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {m.rounds.map((r) => (
                  <Card key={`${r.roundId}-${r.unitName}`} withBorder>
                    <Stack gap={4}>
                      <Text fw={700}>{r.name}</Text>
                      <Text size="sm">{r.unitName}</Text>
                      <Text size="sm">{t('followup.respond.dueOn', { date: due(r.dueOn) })}</Text>
                      <Text size="sm">
                        {t('followup.my.answeredOf', { answered: r.answered, actions: r.actions })}
                      </Text>
                      <Group mt="xs">
                        <PathButton
                          to={r.respondPath}
                          label={t('followup.my.answer')}
                          aria={t('followup.my.answerFor', { round: r.name, unit: r.unitName })}
                        />
                      </Group>
                    </Stack>
                  </Card>
                ))}
              </SimpleGrid>
            </Section>
          )}

          {m.returned.length > 0 && (
            <Section id="my-returned" title={t('followup.my.returned')}>
              {m.returned.map((r) => (
                <Card key={r.id} withBorder>
                  <Stack gap="xs">
                    <Text fw={700}>
                      {t('followup.actionLabel', { n: r.actionNumber })} — {r.actionText}
                    </Text>
                    <Alert color="orange" variant="light">
                      <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
                        {t('followup.respond.returned', { comment: r.reviewComment ?? '' })}
                      </Text>
                    </Alert>
                    <ReportBody report={r} fileHref={(id) => `/api/evidence/${id}`} />
                    {r.respondPath && (
                      <Group>
                        <PathButton
                          to={r.respondPath}
                          label={t('followup.my.correct')}
                          aria={t('followup.my.correctFor', { n: r.actionNumber })}
                        />
                      </Group>
                    )}
                  </Stack>
                </Card>
              ))}
            </Section>
          )}

          {m.overdue.length > 0 && (
            <Section id="my-overdue" title={t('followup.my.overdue', { count: m.overdue.length })}>
              <ActionRows rows={m.overdue} />
            </Section>
          )}
          {m.dueSoon.length > 0 && (
            <Section id="my-due-soon" title={t('followup.my.dueSoon', { count: m.dueSoon.length })}>
              <ActionRows rows={m.dueSoon} />
            </Section>
          )}

          {open.data && m.units.length > 0 && (
            <Section id="my-open" title={t('followup.my.openTitle', { count: open.data.total })}>
              {open.data.total === 0 ? (
                <Text size="sm">{t('followup.my.openNone')}</Text>
              ) : (
                <ActionRows rows={open.data.items} />
              )}
              {open.data.total > OPEN_SHOWN && (
                <Anchor component={Link} to="/actions?mine=true&open=true">
                  {t('followup.my.seeAll', { count: open.data.total })}
                </Anchor>
              )}
            </Section>
          )}
          <ErrorAlert error={open.error} />

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DigestCard enabled={m.digest} />
            <CalendarCard url={m.calendarUrl} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A button to a path of this app, or to an address elsewhere. */
function PathButton({ to, label, aria }: { to: string; label: string; aria: string }) {
  return to.startsWith('/') ? (
    <Button component={Link} to={to} aria-label={aria}>
      {label}
    </Button>
  ) : (
    <Button component="a" href={to} aria-label={aria}>
      {label}
    </Button>
  );
}

function ActionRows({ rows }: { rows: ActionListRow[] }) {
  const { t } = useTranslation();
  const session = useSession().data;
  const [progressFor, setProgressFor, closeProgress] = useDialog<ActionListRow>();
  return (
    <Stack gap="xs">
      {progressFor && (
        <ProgressModal
          action={progressFor}
          statuses={statusesOf(progressFor.status)}
          onClose={closeProgress}
        />
      )}
      {rows.map((a) => {
        const to = a.evaluationId
          ? `/evaluations/${a.evaluationId}`
          : a.practiceId
            ? `/practices/${a.practiceId}`
            : null;
        return (
          <Paper key={a.id} withBorder p="sm" data-action={a.number}>
            <Stack gap={4}>
              <Group justify="space-between" align="flex-start">
                <Text fw={600}>
                  {t('followup.actionLabel', { n: a.number })}
                  {a.responsible ? ` · ${a.responsible}` : ''}
                </Text>
                <Group gap={4}>
                  <StatusBadge status={a.status} />
                  <OverdueBadge overdue={a.overdue} />
                </Group>
              </Group>
              <Text size="sm" lineClamp={3}>
                {a.text}
              </Text>
              <DueText due={a.due} />
              <Group justify="space-between" gap="xs">
                {to && (
                  <Anchor component={Link} to={to} size="sm">
                    {t('followup.my.openMatrix', { title: a.evaluationTitle ?? a.practiceTitle ?? '' })}
                  </Anchor>
                )}
                {mayRecordOn(session, a) && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setProgressFor(a)}
                    aria-label={t('followup.my.recordFor', { n: a.number })}
                  >
                    {t('followup.my.record')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function DigestCard({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (on: boolean) => api('/followup/digest', { method: 'PUT', json: { enabled: on } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: MINE }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="my-digest">
      <Stack gap="sm">
        <Title order={2} size="h3" id="my-digest">
          {t('followup.my.digestTitle')}
        </Title>
        <Switch
          size="md"
          label={t('followup.my.digest')}
          description={t('followup.my.digestHint')}
          checked={save.isPending ? Boolean(save.variables) : enabled}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
        />
        <ErrorAlert error={save.error} />
      </Stack>
    </Card>
  );
}

function CalendarCard({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: () => api<{ url: string }>('/followup/calendar', { method: 'POST', json: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: MINE }),
  });
  const stop = useMutation({
    mutationFn: () => api('/followup/calendar', { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: MINE }),
  });
  const current = create.data?.url ?? url;
  return (
    <Card withBorder component="section" aria-labelledby="my-calendar">
      <Stack gap="sm">
        <Title order={2} size="h3" id="my-calendar">
          {t('followup.my.calendarTitle')}
        </Title>
        <Text size="sm">{t('followup.my.calendarIntro')}</Text>
        {current && !stop.isSuccess ? (
          <>
            <CopyLink label={t('followup.my.calendarUrl')} value={current} testId="calendar-url" />
            <Text size="sm" c="dimmed">
              {t('followup.my.calendarHint')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('followup.my.calendarReplaceHint')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => create.mutate()} loading={create.isPending}>
                {t('followup.my.calendarReplace')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                onClick={() => stop.mutate(undefined, { onSuccess: () => create.reset() })}
                loading={stop.isPending}
              >
                {t('followup.my.calendarStop')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button
              onClick={() => {
                stop.reset();
                create.mutate();
              }}
              loading={create.isPending}
            >
              {t('followup.my.calendarCreate')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={create.error ?? stop.error} />
      </Stack>
    </Card>
  );
}
