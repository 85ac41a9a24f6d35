/** Evaluations open long after publication, proposed for closure (on the evaluations list). */
import { Alert, Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';

interface Proposal {
  id: string;
  title: string;
  publishedOn: string | null;
  monthsOpen: number;
  openActions: number;
}

export function ClosureProposals() {
  const { t } = useTranslation();
  const proposals = useQuery({
    queryKey: ['evaluations', 'closure-proposals'],
    queryFn: () => api<{ items: Proposal[] }>('/evaluations/closure-proposals'),
    retry: false,
  });
  // A hint, not the page's point: said only when there is something to propose.
  const items = proposals.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="blue" variant="light" title={t('followup.closure.title')} component="section">
      <Text size="sm">{t('followup.closure.intro')}</Text>
      <List size="sm" mt="xs">
        {items.map((p) => (
          <List.Item key={p.id}>
            <Anchor component={Link} to={`/evaluations/${p.id}`} size="sm">
              {p.title}
            </Anchor>{' '}
            — {t('followup.closure.months', { count: p.monthsOpen })},{' '}
            {t('followup.closure.openActions', { count: p.openActions })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
