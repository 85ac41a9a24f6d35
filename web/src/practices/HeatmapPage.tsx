/** Checklist items × practices: which items the field most often does not meet. */
import { Anchor, NativeSelect, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { ErrorAlert } from '../shared/ui';

interface Heatmap {
  practices: { id: string; title: string }[];
  items: {
    itemId: string;
    criterion: string;
    text: string;
    met: number;
    notMet: number;
    assessed: number;
    notMetShare: number | null;
    marks: (string | null)[];
  }[];
}

const CELL: Record<string, string> = {
  met: '#51cf66',
  not_met: '#fa5252',
  not_applicable: '#ced4da',
  not_assessed: '#f1f3f5',
};

export function HeatmapPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('published');
  const heat = useQuery({
    queryKey: ['heatmap', status],
    queryFn: () => api<Heatmap>(`/practices/heatmap?status=${status}`),
  });
  return (
    <Stack>
      <Title order={2}>{t('heatmap.title')}</Title>
      <Text c="dimmed">{t('heatmap.intro')}</Text>
      <NativeSelect
        label={t('practices.status')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value)}
        maw={240}
        data={['published', 'in_review', 'draft', 'all'].map((s) => ({
          value: s,
          label: t(`practiceStatus.${s}`),
        }))}
      />
      <ErrorAlert error={heat.error} />
      {heat.data && (
        <Table withTableBorder aria-label={t('heatmap.title')} style={{ fontSize: 12 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('heatmap.item')}</Table.Th>
              <Table.Th>{t('heatmap.notMet')}</Table.Th>
              {heat.data.practices.map((p, i) => (
                <Table.Th key={p.id} p={2}>
                  <Tooltip label={p.title}>
                    <Anchor component={Link} to={`/practices/${p.id}`} size="xs">
                      {i + 1}
                    </Anchor>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {heat.data.items.map((it) => (
              <Table.Tr key={it.itemId} data-item={it.itemId}>
                <Table.Td maw={480}>
                  <b>{it.itemId}</b> {it.text}
                </Table.Td>
                <Table.Td>
                  {it.notMetShare === null
                    ? '—'
                    : `${Math.round(it.notMetShare * 100)}% (${it.notMet}/${it.assessed})`}
                </Table.Td>
                {it.marks.map((m, i) => (
                  <Table.Td
                    key={heat.data.practices[i].id}
                    p={0}
                    w={18}
                    bg={m ? CELL[m] : CELL.not_assessed}
                    title={`${heat.data.practices[i].title}: ${m ? t(`mark.${m}`) : t('mark.not_assessed')}`}
                  />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
