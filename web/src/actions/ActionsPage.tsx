/**
 * Every action across evaluations, filtered by responsible unit, status, priority and due date:
 * "what does my unit owe, and by when?". Filters live in the address, so a view can be shared.
 */
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { ACTION_STATUSES, type ActionList } from '../../../src/modules/actions/model';
import { api, toQuery } from '../api';
import { NoMatch } from '../shared/NoMatch';
import { DueText, ErrorAlert, NoActionBadge, OverdueBadge, ScrollTable, StatusBadge } from '../shared/ui';
import { LinkedUnits } from '../units/LinkedUnits';
import { useUnits } from '../units/units';

const PAGE_SIZE = 50;
const FILTERS = [
  'unitId',
  'responsible',
  'status',
  'priority',
  'dueBefore',
  'dueAfter',
  'overdue',
  'open',
  'mine',
  // Set by links from the portfolio: the evaluation's year and the recommendation's response.
  'year',
  'response',
  'sort',
] as const;

export function ActionsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const page = Number(params.get('page') ?? 1);
  const [responsible, setResponsible] = useState(filters.responsible);
  const units = useUnits();
  // On a phone each action is a card; wider screens get the table.
  const narrow = useMediaQuery('(max-width: 48em)');

  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  // Typing in the unit filter asks the server once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (responsible !== (params.get('responsible') ?? '')) setFilter('responsible', responsible);
    }, 300);
    return () => clearTimeout(timer);
  });

  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: ['actions', query],
    queryFn: () => api<ActionList>(`/actions${toQuery(query)}`),
  });
  const exportQuery = toQuery({ ...filters, sort: undefined });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('actions.title')}</Title>
        <Group>
          <Button
            component="a"
            variant="default"
            href={`/api/actions/export${exportQuery}${exportQuery ? '&' : '?'}format=xlsx&lang=${i18n.language}`}
            download
          >
            {t('actions.exportXlsx')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={`/api/actions/export${exportQuery}${exportQuery ? '&' : '?'}format=csv&lang=${i18n.language}`}
            download
          >
            {t('actions.exportCsv')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('units.filter')}
          value={filters.unitId || null}
          onChange={(v) => setFilter('unitId', v)}
          clearable
          searchable
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextInput
          label={t('actions.filter.responsible')}
          value={responsible}
          onChange={(e) => setResponsible(e.currentTarget.value)}
        />
        <Select
          label={t('actions.filter.status')}
          value={filters.status || null}
          onChange={(v) => setFilter('status', v)}
          clearable
          data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          label={t('actions.filter.priority')}
          value={filters.priority || null}
          onChange={(v) => setFilter('priority', v)}
          clearable
          data={[
            { value: '1', label: '1' },
            { value: '2', label: '2' },
            { value: '3', label: '3' },
            { value: '0', label: t('recommendation.noPriority') },
          ]}
        />
        <TextInput
          type="date"
          label={t('actions.filter.dueAfter')}
          value={filters.dueAfter}
          onChange={(e) => setFilter('dueAfter', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('actions.filter.dueBefore')}
          value={filters.dueBefore}
          onChange={(e) => setFilter('dueBefore', e.currentTarget.value)}
        />
        <Select
          label={t('actions.filter.sort')}
          value={filters.sort || 'due'}
          onChange={(v) => setFilter('sort', v === 'due' ? null : v)}
          allowDeselect={false}
          data={['due', '-due', 'priority', 'evaluation', 'status'].map((s) => ({
            value: s,
            label: t(`actions.sort.${s}`),
          }))}
        />
        {(['overdue', 'open', 'mine'] as const).map((key) => (
          <Checkbox
            key={key}
            label={t(`actions.filter.${key}`)}
            checked={filters[key] === 'true'}
            onChange={(e) => setFilter(key, e.currentTarget.checked ? 'true' : null)}
            mb={8}
          />
        ))}
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('actions.count', { count: list.data.total })}
        </Text>
      )}
      {list.data?.total === 0 && [...params.keys()].some((k) => k !== 'sort' && k !== 'page') && (
        <NoMatch
          message={t('actions.noMatch')}
          onClear={() => {
            // The unit text too, or its pending filter would come back.
            setResponsible('');
            setParams(new URLSearchParams());
          }}
        />
      )}
      {list.data && list.data.items.length > 0 && narrow && <ActionCards items={list.data.items} />}
      {list.data && list.data.items.length > 0 && !narrow && (
        <ScrollTable label={t('actions.title')} minWidth={720}>
          <Table striped aria-label={t('actions.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('actions.evaluation')}</Table.Th>
                <Table.Th>{t('action.number')}</Table.Th>
                <Table.Th>{t('action.text')}</Table.Th>
                <Table.Th>{t('recommendation.priority')}</Table.Th>
                <Table.Th>{t('action.due')}</Table.Th>
                <Table.Th>{t('action.responsible')}</Table.Th>
                <Table.Th>{t('action.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id} data-action={a.number}>
                  <Table.Td>
                    {a.evaluationId ? (
                      <Anchor component={Link} to={`/evaluations/${a.evaluationId}`} size="sm">
                        {a.evaluationTitle}
                      </Anchor>
                    ) : a.practiceId ? (
                      <Anchor component={Link} to={`/practices/${a.practiceId}`} size="sm">
                        {a.practiceTitle} ({a.itemId})
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{a.number}</Table.Td>
                  <Table.Td>{a.text}</Table.Td>
                  <Table.Td>{a.priority ?? '—'}</Table.Td>
                  <Table.Td>
                    <DueText due={a.due} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.responsible}</Text>
                    <LinkedUnits units={a.units} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {a.noActionNeeded ? <NoActionBadge /> : <StatusBadge status={a.status} />}
                      <OverdueBadge overdue={a.overdue} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(list.data.total / PAGE_SIZE)}
          value={page}
          onChange={(p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          }}
        />
      )}
    </Stack>
  );
}

/** The actions as cards, for narrow screens: what, by when, who, and where they come from. */
function ActionCards({ items }: { items: ActionList['items'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {items.map((a) => (
        <Paper key={a.id} withBorder p="sm" data-action={a.number}>
          <Stack gap={4}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={600}>{t('followup.actionLabel', { n: a.number })}</Text>
              <Group gap={4} justify="flex-end">
                {a.noActionNeeded ? <NoActionBadge /> : <StatusBadge status={a.status} />}
                <OverdueBadge overdue={a.overdue} />
              </Group>
            </Group>
            <Text size="sm">{a.text}</Text>
            <DueText due={a.due} />
            {a.responsible && <Text size="sm">{a.responsible}</Text>}
            <LinkedUnits units={a.units} />
            {a.evaluationId ? (
              <Anchor component={Link} to={`/evaluations/${a.evaluationId}`} size="sm">
                {a.evaluationTitle}
              </Anchor>
            ) : (
              a.practiceId && (
                <Anchor component={Link} to={`/practices/${a.practiceId}`} size="sm">
                  {a.practiceTitle} ({a.itemId})
                </Anchor>
              )
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
