/**
 * "Practices that can help": on a recommendation, the catalogue's published practices whose words
 * match it, and those an editor linked as inspiration — asked for when the reader opens it.
 */
import { Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { PracticeSuggestionRow } from '../../../src/modules/portfolio/model';
import { api } from '../api';
import { ErrorAlert } from '../shared/ui';

export function PracticesForRecommendation({
  recommendationId,
  number,
  mayEdit,
}: {
  recommendationId: string;
  number: string;
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const key = ['inspiration', recommendationId];
  const practices = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: PracticeSuggestionRow[] }>(`/recommendations/${recommendationId}/practices`),
    enabled: open,
  });
  const link = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) =>
      api(`/recommendations/${recommendationId}/practices/${id}`, { method: on ? 'PUT' : 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
  const items = practices.data?.items ?? [];
  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('inspiration.toggle', { n: number })}
      </Button>
      {open && (
        <div aria-live="polite">
          <ErrorAlert error={practices.error ?? link.error} />
          {practices.isPending && <Text size="sm">{t('common.loading')}</Text>}
          {practices.data && items.length === 0 && <Text size="sm">{t('inspiration.none')}</Text>}
          {items.length > 0 && (
            <List size="sm" spacing={6}>
              {items.map((p) => (
                <List.Item key={p.id}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/practices/${p.id}`}>
                      {p.title}
                    </Anchor>
                    {p.country && (
                      <Text span size="sm" c="dimmed">
                        {p.country}
                      </Text>
                    )}
                    {p.linked && (
                      <Text span size="sm" fw={600}>
                        {t('inspiration.linked')}
                      </Text>
                    )}
                    {mayEdit && (
                      <Button
                        size="compact-xs"
                        variant={p.linked ? 'subtle' : 'light'}
                        onClick={() => link.mutate({ id: p.id, on: !p.linked })}
                        aria-label={t(p.linked ? 'inspiration.unlinkFor' : 'inspiration.linkFor', {
                          title: p.title,
                          n: number,
                        })}
                      >
                        {t(p.linked ? 'inspiration.unlink' : 'inspiration.link')}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      )}
    </Stack>
  );
}

/** On a practice: the recommendations it was taken as inspiration for (members only). */
export function InspiredRecommendations({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['inspired', practiceId],
    queryFn: () =>
      api<{
        items: {
          id: string;
          number: string;
          text: string;
          evaluationId: string;
          evaluationTitle: string;
          year: number | null;
        }[];
      }>(`/practices/${practiceId}/recommendations`),
  });
  if (!list.data?.items.length) return null;
  return (
    <Stack component="section" aria-labelledby="inspired" gap="xs">
      <Text id="inspired" fw={700} component="h2" fz="lg">
        {t('inspiration.inspiredTitle')}
      </Text>
      <List size="sm" spacing={4}>
        {list.data.items.map((r) => (
          <List.Item key={r.id}>
            <Anchor component={Link} to={`/evaluations/${r.evaluationId}`}>
              {r.evaluationTitle}
              {r.year ? ` (${r.year})` : ''}
            </Anchor>{' '}
            — {t('similar.item', { n: r.number, text: r.text })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
