/** The follow-up rounds: which are open, when they are due, how many units answered. */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { RoundSummary } from '../../../src/modules/followup/model';
import { can, useSession } from '../accounts/session';
import { api } from '../api';
import { ErrorAlert, OverdueBadge, useFormatDate } from '../shared/ui';
import { useDueInWords } from './shared';

/** The first column stays in view while a narrow screen scrolls the table sideways. */
export const STICKY = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
} as const;

export function RoundStateBadges({ round }: { round: Pick<RoundSummary, 'closedAt' | 'overdue'> }) {
  const { t } = useTranslation();
  if (round.closedAt)
    return (
      <Badge color="gray" variant="outline">
        {t('followup.rounds.closed')}
      </Badge>
    );
  return (
    <Group gap={4}>
      <Badge color="blue" variant="outline">
        {t('followup.rounds.open')}
      </Badge>
      <OverdueBadge overdue={round.overdue} />
    </Group>
  );
}

export function RoundsPage() {
  const { t } = useTranslation();
  const may = can(useSession().data);
  const due = useDueInWords();
  const date = useFormatDate();
  const rounds = useQuery({
    queryKey: ['rounds'],
    queryFn: () => api<{ items: RoundSummary[] }>('/rounds'),
  });
  const items = rounds.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('followup.rounds.title')}</Title>
        <Group>
          {may.manage && (
            <Button component={Link} to="/settings/follow-up" variant="default">
              {t('followup.settings.link')}
            </Button>
          )}
          {may.edit && (
            <Button component={Link} to="/rounds/new">
              {t('followup.rounds.openRound')}
            </Button>
          )}
        </Group>
      </Group>
      <Text c="dimmed" maw={760}>
        {t('followup.rounds.intro')}
      </Text>
      <ErrorAlert error={rounds.error} />
      {rounds.data && items.length === 0 && <Text>{t('followup.rounds.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('followup.rounds.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={STICKY}>{t('followup.rounds.name')}</Table.Th>
                <Table.Th>{t('followup.rounds.due')}</Table.Th>
                <Table.Th>{t('followup.rounds.evaluations')}</Table.Th>
                <Table.Th>{t('followup.rounds.answered')}</Table.Th>
                <Table.Th>{t('followup.rounds.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-round={r.name}>
                  <Table.Td style={STICKY}>
                    <Anchor component={Link} to={`/rounds/${r.id}`} fw={600}>
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.closedAt ? date(r.dueOn) : due(r.dueOn)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {r.evaluations.map((e) => (
                        <Anchor key={e.id} component={Link} to={`/evaluations/${e.id}`} size="sm">
                          {e.title}
                        </Anchor>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {t('followup.rounds.answeredOf', { answered: r.answered, units: r.units })}
                  </Table.Td>
                  <Table.Td>
                    <RoundStateBadges round={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
