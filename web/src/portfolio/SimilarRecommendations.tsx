/**
 * "Made before": the recommendations of the organisation's other evaluations that read like this
 * one, with what became of them — asked for when the reader opens it, not with every matrix.
 */
import { Anchor, Button, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SimilarRecommendation } from '../../../src/modules/portfolio/model';
import { api } from '../api';
import { ErrorAlert } from '../shared/ui';

/** What became of a recommendation, from its key actions. */
export function fate(
  r: Pick<SimilarRecommendation, 'actions' | 'closed' | 'completed'>,
): 'noActions' | 'completed' | 'closed' | 'open' {
  if (r.actions === 0) return 'noActions';
  if (r.closed < r.actions) return 'open';
  return r.completed > 0 ? 'completed' : 'closed';
}

export function SimilarRecommendations({
  recommendationId,
  number,
}: {
  recommendationId: string;
  number: string;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const similar = useQuery({
    queryKey: ['similar', recommendationId],
    queryFn: () => api<{ items: SimilarRecommendation[] }>(`/recommendations/${recommendationId}/similar`),
    enabled: open,
  });
  const items = similar.data?.items ?? [];
  const years = [...new Set(items.map((i) => i.year).filter((y): y is number => y !== null))].sort();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const fates = new Set(items.map(fate));
  return (
    <Stack gap={4} mt="xs">
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('similar.toggle', { n: number })}
      </Button>
      {open && (
        <div aria-live="polite">
          <ErrorAlert error={similar.error} />
          {similar.isPending && <Text size="sm">{t('common.loading')}</Text>}
          {similar.data && items.length === 0 && <Text size="sm">{t('similar.none')}</Text>}
          {items.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {years.length > 0 ? `${t('similar.madeIn', { years: list.format(years.map(String)) })} ` : ''}
                {t(`similar.all.${fates.size === 1 ? [...fates][0] : 'mixed'}`)}
              </Text>
              <List size="sm" spacing={4}>
                {items.map((s) => (
                  <List.Item key={s.id}>
                    <Anchor component={Link} to={`/evaluations/${s.evaluationId}`}>
                      {s.evaluationTitle}
                      {s.year ? ` (${s.year})` : ''}
                    </Anchor>
                    {' — '}
                    {t('similar.item', { n: s.number, text: s.text })}{' '}
                    <Text span size="sm" c="dimmed">
                      {t(`similar.fate.${fate(s)}`, { completed: s.completed, actions: s.actions })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </div>
      )}
    </Stack>
  );
}
