/**
 * Reports waiting for the office, for a round or an evaluation: what each unit proposes, with
 * Validate and Return (editors).
 */
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { can, useSession } from '../accounts/session';
import { ApiError, api, toQuery } from '../api';
import { ErrorAlert } from '../shared/ui';
import { ReportBody, type ReportRow, ReportStateBadge, ReviewButtons } from './shared';

export function ReportsToCheck({
  roundId,
  evaluationId,
  headingOrder = 2,
  hideWhenEmpty = false,
}: {
  roundId?: string;
  evaluationId?: string;
  headingOrder?: 2 | 3;
  /** Say nothing at all when no report waits (on pages about something else). */
  hideWhenEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const may = can(useSession().data);
  const query = { state: 'reported', roundId, evaluationId };
  const reports = useQuery({
    queryKey: ['reports', query],
    queryFn: () => api<{ items: ReportRow[] }>(`/reports${toQuery(query)}`),
  });
  // Members without the right to see reports simply do not get this section.
  if (reports.error instanceof ApiError && reports.error.status === 403) return null;
  // Only reports still waiting: validated and returned ones are done with.
  const items = (reports.data?.items ?? []).filter((r) => r.state === 'reported');
  if (hideWhenEmpty && !reports.error && items.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="reports-to-check" gap="sm">
      <Title order={headingOrder} id="reports-to-check">
        {t('followup.reports.title')}
      </Title>
      <ErrorAlert error={reports.error} />
      {reports.data && items.length === 0 && <Text c="dimmed">{t('followup.reports.none')}</Text>}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {items.map((r) => {
          const label = t('followup.actionLabel', { n: r.actionNumber });
          return (
            <Card key={r.id} withBorder data-report={r.actionNumber}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Text fw={700}>{label}</Text>
                  <ReportStateBadge state={r.state} />
                </Group>
                <Text size="sm">{r.actionText}</Text>
                {!evaluationId && (
                  <Anchor component={Link} to={`/evaluations/${r.evaluationId}`} size="sm">
                    {r.evaluationTitle}
                  </Anchor>
                )}
                <ReportBody report={r} fileHref={(id) => `/api/evidence/${id}`} />
                {may.edit && <ReviewButtons report={r} number={r.actionNumber} />}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
