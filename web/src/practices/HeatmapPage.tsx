/**
 * Checklist items × practices: which items the field most often does not meet. Each column is named
 * by its practice's title, each row by its item and criterion; a mark is a symbol on a colour that
 * readers with colour-blindness tell apart (blue ✓, orange ✗), explained in a legend.
 */
import { Anchor, Group, NativeSelect, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { ErrorAlert, ScrollTable } from '../shared/ui';
import css from './HeatmapPage.module.css';

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

/** Okabe–Ito blue and orange, apart for every kind of colour-blindness; each with its symbol. */
const MARKS: Record<string, { background: string; color: string; symbol: string }> = {
  met: { background: '#0072B2', color: '#ffffff', symbol: '✓' },
  not_met: { background: '#E69F00', color: '#000000', symbol: '✗' },
  not_applicable: { background: '#dee2e6', color: '#343a40', symbol: '–' },
  not_assessed: { background: '#ffffff', color: '#495057', symbol: '·' },
};

function Swatch({ mark }: { mark: string }) {
  const { background, color, symbol } = MARKS[mark];
  return (
    <span className={css.swatch} style={{ background, color }} aria-hidden>
      {symbol}
    </span>
  );
}

export function HeatmapPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('published');
  const heat = useQuery({
    queryKey: ['heatmap', status],
    queryFn: () => api<Heatmap>(`/practices/heatmap?status=${status}`),
  });
  const practices = heat.data?.practices ?? [];
  return (
    <Stack>
      <Title order={1}>{t('heatmap.title')}</Title>
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
      <Group component="ul" gap="md" className={css.legend} aria-label={t('heatmap.legend')}>
        {Object.keys(MARKS).map((m) => (
          <Group component="li" key={m} gap={6} wrap="nowrap">
            <Swatch mark={m} />
            <Text size="sm">{t(`mark.${m}`)}</Text>
          </Group>
        ))}
      </Group>
      <ErrorAlert error={heat.error} />
      {heat.data && practices.length === 0 && <Text>{t('heatmap.noPractices')}</Text>}
      {heat.data && practices.length > 0 && (
        <ScrollTable label={t('heatmap.title')} minWidth={360 + practices.length * 32}>
          <Table withTableBorder aria-label={t('heatmap.title')} fz="xs" data-testid="heatmap">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ verticalAlign: 'bottom' }}>{t('heatmap.item')}</Table.Th>
                <Table.Th style={{ verticalAlign: 'bottom' }}>{t('heatmap.notMet')}</Table.Th>
                {practices.map((p) => (
                  <Table.Th
                    key={p.id}
                    className={css.practice}
                    px={2}
                    py={4}
                    scope="col"
                    data-practice={p.id}
                  >
                    <Anchor component={Link} to={`/practices/${p.id}`} className={css.title} title={p.title}>
                      {p.title}
                    </Anchor>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {heat.data.items.map((it) => (
                <Table.Tr key={it.itemId} data-item={it.itemId}>
                  <Table.Th scope="row" fw={400} maw={480} miw={220}>
                    <b>{it.itemId}</b> {it.text}
                    <Text size="xs" c="dimmed">
                      {it.criterion}
                    </Text>
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {it.notMetShare === null
                      ? '—'
                      : `${Math.round(it.notMetShare * 100)}% (${it.notMet}/${it.assessed})`}
                  </Table.Td>
                  {it.marks.map((m, i) => {
                    const mark = MARKS[m ?? 'not_assessed'] ? (m ?? 'not_assessed') : 'not_assessed';
                    const { background, color, symbol } = MARKS[mark];
                    const label = `${practices[i].title}: ${t(`mark.${mark}`)}`;
                    return (
                      <Table.Td
                        key={practices[i].id}
                        className={css.cell}
                        p={0}
                        style={{ background, color }}
                        title={label}
                        data-mark={mark}
                      >
                        <span aria-hidden>{symbol}</span>
                        <VisuallyHidden>{t(`mark.${mark}`)}</VisuallyHidden>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
