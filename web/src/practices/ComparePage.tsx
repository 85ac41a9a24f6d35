/** Two to four practices side by side: coverage per criterion, then every checklist item's mark. */
import { Anchor, Box, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { PracticePage } from '../../../src/modules/practices/model';
import { api } from '../api';
import { ErrorAlert, ScrollTable } from '../shared/ui';
import { CoverageRadar, MarkBadge, useCriterionName } from './parts';

export function ComparePage() {
  const { t } = useTranslation();
  const criterionName = useCriterionName();
  const [params] = useSearchParams();
  const ids = params.get('ids') ?? '';
  const cmp = useQuery({
    queryKey: ['compare', ids],
    queryFn: () => api<{ practices: PracticePage[] }>(`/practices/compare?ids=${encodeURIComponent(ids)}`),
  });
  if (cmp.error) return <ErrorAlert error={cmp.error} />;
  if (!cmp.data) return <Text>{t('common.loading')}</Text>;
  const ps = cmp.data.practices;
  const rows = ps[0].criteria.flatMap((c) =>
    c.questions.length === 0 && ps.every((p) => p.criteria.find((x) => x.id === c.id)?.questions.length === 0)
      ? []
      : [c],
  );
  const allItems = ps[0].framework
    ? ps.flatMap((p) =>
        p.criteria.flatMap((c) =>
          c.questions.flatMap((q) => q.items.map((it) => ({ criterion: c.name, ...it }))),
        ),
      )
    : [];
  const items = [...new Map(allItems.map((it) => [it.id, it])).values()];
  const markOf = (p: PracticePage, itemId: string) =>
    p.criteria.flatMap((c) => c.questions.flatMap((q) => q.items)).find((it) => it.id === itemId)?.mark ??
    null;
  return (
    <Stack>
      <Title order={1}>{t('compare.title')}</Title>
      <ScrollTable label={t('compare.title')} minWidth={560}>
        <Table withTableBorder aria-label={t('compare.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>{t('compare.criterion')}</VisuallyHidden>
              </Table.Th>
              {ps.map((p) => (
                <Table.Th key={p.id}>
                  <Anchor component={Link} to={`/practices/${p.id}`}>
                    {p.title}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('practice.coverage')}</Table.Td>
              {ps.map((p) => (
                <Table.Td key={p.id}>
                  <Box w={{ base: 260, sm: 380 }}>
                    <CoverageRadar coverage={p.coverage} size={200} />
                  </Box>
                </Table.Td>
              ))}
            </Table.Tr>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Th scope="row">{criterionName(c.id, c.name)}</Table.Th>
                {ps.map((p) => {
                  const cv = p.coverage.find((x) => x.criterionId === c.id);
                  return (
                    <Table.Td key={p.id}>
                      {!cv || cv.coverage === null
                        ? t('practice.notAssessed')
                        : t('practice.metOf', { met: cv.met, assessed: cv.assessed })}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
            {items.map((it) => (
              <Table.Tr key={it.id}>
                <Table.Td>
                  <Text size="xs">
                    <b>{it.id}</b> {it.text}
                  </Text>
                </Table.Td>
                {ps.map((p) => (
                  <Table.Td key={p.id}>
                    <MarkBadge mark={markOf(p, it.id)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
