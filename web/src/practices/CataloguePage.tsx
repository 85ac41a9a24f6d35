/**
 * The practice catalogue: full-text search, facets with counts, sorting, pagination, and a
 * selection of two to four practices to compare. Filters live in the address.
 */

import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { Catalogue, FacetCount } from '../../../src/modules/practices/model';
import { can, useSession } from '../accounts/session';
import { api, toQuery } from '../api';
import { withAllWords } from '../i18n';
import { NoMatch } from '../shared/NoMatch';
import { useNavigate } from '../shared/router';
import { ErrorAlert } from '../shared/ui';

const PAGE_SIZE = 20;
const FACETS = [
  ['country', 'country'],
  ['targetGroup', 'targetGroup'],
  ['area', 'area'],
  ['fullyMet', 'fullyMet'],
] as const;

// What editors add to the catalogue (a new practice, the deleted ones) loads when shown: a
// visitor's first load carries neither, nor the modal they open in.
// The catalogue comes with the first words only (i18n.ts); its later parts bring the rest.
const NewPracticeModal = lazy(
  withAllWords(() => import('./NewPracticeModal').then((m) => ({ default: m.NewPracticeModal }))),
);
const DeletedList = lazy(
  withAllWords(() => import('../shared/Trash').then((m) => ({ default: m.DeletedList }))),
);

export function CataloguePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const [words, setWords] = useState(get('q'));
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const may = can(useSession().data);
  const query = {
    q: get('q'),
    country: get('country'),
    targetGroup: get('targetGroup'),
    area: get('area'),
    fullyMet: get('fullyMet'),
    status: get('status') || 'published',
    sort: get('sort') || 'relevance',
    page: Number(get('page') || 1),
    pageSize: PAGE_SIZE,
  };
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  const catalogue = useQuery({
    queryKey: ['practices', query],
    queryFn: () => api<Catalogue>(`/practices${toQuery(query)}`),
    // Keep the facets on screen while the next page loads: no flicker under the pointer.
    placeholderData: keepPreviousData,
  });
  const label = (facet: string, value: string) =>
    facet === 'area'
      ? t(`area.${value}`)
      : facet === 'fullyMet'
        ? t(`criterion.${value}`, { defaultValue: value })
        : value;
  const exportQuery = toQuery({ ...query, page: undefined, pageSize: undefined });

  return (
    <Stack>
      {creating && (
        <Suspense fallback={null}>
          <NewPracticeModal onClose={() => setCreating(false)} />
        </Suspense>
      )}
      <Group justify="space-between">
        <Title order={1}>{t('practices.title')}</Title>
        <Group>
          <Button component={Link} to="/practices/heatmap" variant="default">
            {t('practices.heatmap')}
          </Button>
          {may.edit && (
            <Button component={Link} to="/practices/import" variant="default">
              {t('practices.import')}
            </Button>
          )}
          {may.edit && <Button onClick={() => setCreating(true)}>{t('practices.new')}</Button>}
        </Group>
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          set('q', words);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('practices.search')}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            w={360}
          />
          <Button type="submit">{t('practices.find')}</Button>
          {may.read && (
            <NativeSelect
              label={t('practices.status')}
              value={query.status}
              onChange={(e) =>
                set('status', e.currentTarget.value === 'published' ? null : e.currentTarget.value)
              }
              data={['published', 'in_review', 'draft', 'all'].map((s) => ({
                value: s,
                label: t(`practiceStatus.${s}`),
              }))}
            />
          )}
          <NativeSelect
            label={t('actions.filter.sort')}
            value={query.sort}
            onChange={(e) =>
              set('sort', e.currentTarget.value === 'relevance' ? null : e.currentTarget.value)
            }
            data={['relevance', 'title', 'recent'].map((s) => ({
              value: s,
              label: t(`practices.sort.${s}`),
            }))}
          />
        </Group>
      </form>
      <ErrorAlert error={catalogue.error} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack component="aside" aria-label={t('practices.facets')}>
            {catalogue.data &&
              FACETS.map(([key, facet]) => (
                <Stack key={key} gap={4}>
                  <Text fw={600} size="sm">
                    {t(`practices.facet.${facet}`)}
                  </Text>
                  {(catalogue.data.facets[facet] as FacetCount[]).length === 0 && (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  )}
                  {(catalogue.data.facets[facet] as FacetCount[]).map((f) => (
                    <Checkbox
                      key={f.value}
                      size="xs"
                      label={`${label(facet, f.value)} (${f.count})`}
                      checked={get(key) === f.value}
                      onChange={(e) => set(key, e.currentTarget.checked ? f.value : null)}
                    />
                  ))}
                </Stack>
              ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack>
            {catalogue.data && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {t('practices.count', { count: catalogue.data.total })}
                </Text>
                <Group>
                  {(['csv', 'xlsx', 'json'] as const).map((f) => (
                    <Anchor
                      key={f}
                      size="sm"
                      href={`/api/practices/export${exportQuery}${exportQuery ? '&' : '?'}format=${f}`}
                      download
                    >
                      {t(`practices.export.${f}`)}
                    </Anchor>
                  ))}
                  <Button
                    size="xs"
                    disabled={selected.length < 2 || selected.length > 4}
                    onClick={() => navigate(`/practices/compare?ids=${selected.join(',')}`)}
                  >
                    {t('practices.compare', { count: selected.length })}
                  </Button>
                </Group>
              </Group>
            )}
            {catalogue.data?.items.map((p) => (
              <Card key={p.id} withBorder component="article" aria-label={p.title}>
                <Group justify="space-between" align="flex-start">
                  <Stack gap={4}>
                    <Anchor component={Link} to={`/practices/${p.id}`} fw={600}>
                      {p.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {[p.region, p.country].filter(Boolean).join(', ')}
                    </Text>
                    {p.summary && (
                      <Text size="sm" lineClamp={2}>
                        {p.summary}
                      </Text>
                    )}
                    <Group gap={4}>
                      {p.status !== 'published' && (
                        <Badge color="gray">{t(`practiceStatus.${p.status}`)}</Badge>
                      )}
                      {p.areas.map((a) => (
                        <Badge key={a} variant="light">
                          {t(`area.${a}`)}
                        </Badge>
                      ))}
                      {p.fullyMetCriteria.map((c) => (
                        <Badge key={c} color="green" variant="outline">
                          ✓ {t(`criterion.${c}`, { defaultValue: c })}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  <Checkbox
                    aria-label={t('practices.select', { title: p.title })}
                    checked={selected.includes(p.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected((s) => (on ? [...s, p.id] : s.filter((x) => x !== p.id)));
                    }}
                  />
                </Group>
              </Card>
            ))}
            {catalogue.data &&
              catalogue.data.total === 0 &&
              ([...params.keys()].some((k) => k !== 'sort' && k !== 'page') ? (
                <NoMatch
                  message={t('practices.noMatch')}
                  onClear={() => {
                    setWords('');
                    setParams(new URLSearchParams());
                  }}
                />
              ) : (
                <Text c="dimmed">{t('practices.none')}</Text>
              ))}
            {catalogue.data && catalogue.data.total > PAGE_SIZE && (
              <Pagination
                total={Math.ceil(catalogue.data.total / PAGE_SIZE)}
                value={query.page}
                onChange={(p) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(p));
                  setParams(next);
                }}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {may.edit && (
        <Suspense fallback={null}>
          <DeletedList listPath="/practices/deleted" restorePath={(id) => `/practices/${id}/restore`} />
        </Suspense>
      )}
    </Stack>
  );
}
