/** The list of evaluations with their progress: completed actions out of all, and what is overdue. */

import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { EvaluationSummary } from '../../../src/modules/evaluations/model';
import { can, useSession } from '../accounts/session';
import { api, toQuery } from '../api';
import { ClosureProposals } from '../followup/ClosureProposals';
import { NoMatch } from '../shared/NoMatch';
import { DeletedList } from '../shared/Trash';
import { ErrorAlert, ScrollTable } from '../shared/ui';

const PAGE_SIZE = 25;

export function EvaluationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const may = can(useSession().data);
  const list = useQuery({
    queryKey: ['evaluations', page, q],
    queryFn: () =>
      api<{ items: EvaluationSummary[]; total: number }>(
        `/evaluations${toQuery({ page, pageSize: PAGE_SIZE, q })}`,
      ),
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('evaluations.title')}</Title>
        {may.edit && (
          <Button component={Link} to="/import">
            {t('evaluations.import')}
          </Button>
        )}
      </Group>
      {may.edit && <ClosureProposals />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setParams(search ? { q: search } : {});
        }}
      >
        <TextInput
          label={t('evaluations.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={400}
        />
      </form>
      <ErrorAlert error={list.error} />
      {list.data &&
        list.data.total === 0 &&
        (q ? (
          <NoMatch
            message={t('evaluations.noMatch')}
            onClear={() => {
              setSearch('');
              setParams({});
            }}
          />
        ) : (
          <Text c="dimmed">{t('evaluations.empty')}</Text>
        ))}
      {list.data && list.data.total > 0 && (
        <ScrollTable label={t('evaluations.title')} minWidth={640}>
          <Table striped highlightOnHover aria-label={t('evaluations.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluation.title')}</Table.Th>
                <Table.Th>{t('evaluation.period')}</Table.Th>
                <Table.Th>{t('evaluations.recommendations')}</Table.Th>
                <Table.Th>{t('evaluations.progress')}</Table.Th>
                <Table.Th>{t('evaluations.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((e) => {
                const share = e.actionCount ? (e.completedCount / e.actionCount) * 100 : 0;
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/evaluations/${e.id}`}>
                        {e.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{e.period ?? e.year ?? '—'}</Table.Td>
                    <Table.Td>{e.recommendationCount}</Table.Td>
                    <Table.Td miw={180}>
                      <Progress value={share} aria-label={t('evaluations.progress')} />
                      <Text size="xs">
                        {t('evaluations.completedOf', { done: e.completedCount, total: e.actionCount })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e.overdueCount > 0 ? (
                        <Badge color="red">{t('evaluations.overdueCount', { count: e.overdueCount })}</Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          0
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(list.data.total / PAGE_SIZE)}
          value={page}
          onChange={(p) => setParams({ ...(q ? { q } : {}), page: String(p) })}
        />
      )}
      {may.edit && (
        <DeletedList
          listPath="/evaluations?deleted=true&pageSize=50"
          restorePath={(id) => `/evaluations/${id}/restore`}
        />
      )}
    </Stack>
  );
}
