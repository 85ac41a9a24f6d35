/**
 * Recurring themes: what the organisation's evaluations recommend again and again, largest first,
 * each with the years it was made in, how many of its recommendations are still open, and the
 * recommendations themselves leading to their matrices.
 */
import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { RecurringTheme } from '../../../src/modules/portfolio/model';
import { api } from '../api';
import { ErrorAlert } from '../shared/ui';
import { fate } from './SimilarRecommendations';

export function ThemesPage() {
  const { t, i18n } = useTranslation();
  const themes = useQuery({
    queryKey: ['portfolio', 'themes'],
    queryFn: () => api<{ items: RecurringTheme[] }>('/portfolio/themes'),
  });
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const items = themes.data?.items ?? [];
  return (
    <Stack maw={1000}>
      <Title order={1}>{t('themes.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('themes.intro')}
      </Text>
      <Anchor component={Link} to="/portfolio" size="sm">
        {t('themes.back')}
      </Anchor>
      <ErrorAlert error={themes.error} />
      {themes.isPending && <Text>{t('common.loading')}</Text>}
      {themes.data && items.length === 0 && <Text>{t('themes.none')}</Text>}
      {items.map((theme, i) => (
        <Card
          key={theme.recommendations[0]?.id ?? i}
          withBorder
          component="section"
          aria-labelledby={`theme-${i}`}
        >
          <Stack gap="xs">
            <Title order={2} size="h4" id={`theme-${i}`}>
              {theme.text}
            </Title>
            <Group gap="xs">
              <Badge variant="light">{t('themes.evaluations', { count: theme.evaluations })}</Badge>
              {theme.stillOpen > 0 ? (
                <Badge variant="light" color="orange">
                  {t('themes.stillOpen', { count: theme.stillOpen })}
                </Badge>
              ) : (
                <Badge variant="light" color="green">
                  {t('themes.noneOpen')}
                </Badge>
              )}
            </Group>
            {theme.years.length > 0 && (
              <Text size="sm">{t('themes.madeIn', { years: list.format(theme.years.map(String)) })}</Text>
            )}
            <List size="sm" spacing={4}>
              {theme.recommendations.map((r) => (
                <List.Item key={r.id}>
                  <Anchor component={Link} to={`/evaluations/${r.evaluationId}`}>
                    {r.evaluationTitle}
                    {r.year ? ` (${r.year})` : ''}
                  </Anchor>
                  {' — '}
                  {t('similar.item', { n: r.number, text: r.text })}{' '}
                  <Text span size="sm" c="dimmed">
                    {t(`similar.fate.${fate(r)}`, { completed: r.completed, actions: r.actions })}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
