/**
 * The portfolio for management: how many key actions were implemented, by which units, how late —
 * overall and by unit, evaluation year, priority and management response, with the ageing of what
 * is overdue. Each chart has its figures in a table beside it; every figure links to the actions
 * behind it. The period lives in the address, so a view can be shared.
 */
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { Dashboard, PortfolioRow } from '../../../src/modules/portfolio/model';
import { api, toQuery } from '../api';
import { useNavigate } from '../shared/router';
import { ErrorAlert, ScrollTable } from '../shared/ui';

type Cut = 'unit' | 'year' | 'priority' | 'response';

/** One evaluation's figures: an evaluation found by the words of its title, asked of the server as typed. */
function EvaluationFilter({
  value,
  current,
  onChange,
}: {
  value: string;
  current: { id: string; title: string }[] | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['evaluations', 'search', search],
    queryFn: () =>
      api<{ items: { id: string; title: string }[] }>(`/evaluations${toQuery({ q: search, pageSize: 20 })}`),
    placeholderData: (previous) => previous,
  });
  const options = new Map((found.data?.items ?? []).map((e) => [e.id, e.title]));
  const chosen = current?.find((e) => e.id === value);
  if (chosen) options.set(chosen.id, chosen.title);
  return (
    <Select
      label={t('portfolio.evaluation')}
      placeholder={t('portfolio.allEvaluations')}
      searchable
      clearable
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      onSearchChange={setSearch}
      data={[...options].map(([id, title]) => ({ value: id, label: title }))}
      nothingFoundMessage={t('portfolio.noEvaluation')}
      w={{ base: '100%', sm: 360 }}
    />
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    evaluationId: params.get('evaluationId') ?? '',
  };
  const figures = useQuery({
    queryKey: ['portfolio', period],
    queryFn: () => api<Dashboard>(`/portfolio${toQuery(period)}`),
  });
  const setPeriod = (key: 'from' | 'to' | 'evaluationId', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const d = figures.data;
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t('portfolio.title')}</Title>
        <Anchor component={Link} to="/portfolio/themes">
          {t('themes.nav')}
        </Anchor>
      </Group>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('portfolio.from')}
          value={period.from}
          onChange={(e) => setPeriod('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('portfolio.to')}
          value={period.to}
          onChange={(e) => setPeriod('to', e.currentTarget.value)}
        />
        <EvaluationFilter
          value={period.evaluationId}
          current={figures.data?.actionability.byEvaluation}
          onChange={(id) => setPeriod('evaluationId', id)}
        />
      </Group>
      <Group gap="xs" role="group" aria-label={t('report.download')}>
        <Text size="sm">{t('report.download')}</Text>
        {(['docx', 'xlsx', 'pdf'] as const)
          // The PDF writes the Latin alphabet only: Arabic readers get Word and Excel.
          .filter((f) => f !== 'pdf' || i18n.dir() === 'ltr')
          .map((f) => (
            <Anchor
              key={f}
              size="sm"
              href={`/api/portfolio/report${toQuery({ ...period, format: f, lang: i18n.language })}`}
              download
            >
              {t(`portfolio.reportFormat.${f}`)}
            </Anchor>
          ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t('portfolio.howCounted')}
      </Text>
      <ErrorAlert error={figures.error} />
      {!d && !figures.error && <Text>{t('common.loading')}</Text>}
      {d && <Figures d={d} />}
    </Stack>
  );
}

function Figures({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const links = useLinks(d);
  const o = d.overall;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label={t('portfolio.rate')} value={percent(o.rate)} />
        <Figure label={t('portfolio.actions')} value={o.actions} to="/actions" />
        <Figure label={t('portfolio.due')} value={o.due} />
        <Figure label={t('portfolio.completed')} value={o.completed} to="/actions?status=completed" />
        <Figure label={t('portfolio.overdue')} value={o.overdue} to="/actions?overdue=true" />
      </SimpleGrid>

      <Section id="portfolio-ageing" title={t('portfolio.ageing')}>
        <BarChart
          h={200}
          data={d.ageing.map((b) => ({ band: t(`portfolio.bands.${b.band}`), overdue: b.overdue }))}
          dataKey="band"
          series={[{ name: 'overdue', label: t('portfolio.overdue'), color: 'red.8' }]}
          yAxisProps={{ allowDecimals: false }}
          // The figures are in the table below, reachable by keyboard; the chart is for the eye.
          barChartProps={{ accessibilityLayer: false }}
          aria-hidden
        />
        <Table withTableBorder aria-labelledby="portfolio-ageing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portfolio.overdueFor')}</Table.Th>
              <Table.Th ta="end">{t('portfolio.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.ageing.map((b) => (
              <Table.Tr key={b.band}>
                <Table.Td>{t(`portfolio.bands.${b.band}`)}</Table.Td>
                <Table.Td ta="end">{b.overdue}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <ActionabilitySection a={d.actionability} />

      <CutSection cut="unit" rows={d.byUnit} links={links} chart />
      <CutSection cut="year" rows={d.byYear} links={links} />
      <CutSection cut="priority" rows={d.byPriority} links={links} />
      <CutSection cut="response" rows={d.byResponse} links={links} />
    </>
  );
}

function Figure({ label, value, to }: { label: string; value: string | number; to?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} fz={28} fw={700} aria-label={`${label}: ${value}`}>
          {value}
        </Anchor>
      ) : (
        <Text fz={28} fw={700}>
          {value}
        </Text>
      )}
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

type Links = ReturnType<typeof useLinks>;

/** Where the actions behind a row are: the action list filtered as the row is cut. */
function useLinks(d: Dashboard) {
  const ids = new Map(d.units.map((u) => [u.name, u.id]));
  const filter = (cut: Cut, key: PortfolioRow['key']): Record<string, string> | null => {
    if (cut === 'unit') {
      const id = key === null ? undefined : ids.get(String(key));
      return id ? { unitId: id } : null;
    }
    if (cut === 'year') return { year: key === null ? '0' : String(key) };
    if (cut === 'priority') return { priority: key === null ? '0' : String(key) };
    return { response: key === null ? 'none' : String(key) };
  };
  return (cut: Cut, key: PortfolioRow['key'], extra: Record<string, string> = {}) => {
    const f = filter(cut, key);
    return f ? `/actions${toQuery({ ...f, ...extra })}` : null;
  };
}

function usePercent() {
  const { i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (rate: number | null) => (rate === null ? '–' : fmt.format(rate));
}

function CutSection({
  cut,
  rows,
  links,
  chart,
}: {
  cut: Cut;
  rows: PortfolioRow[];
  links: Links;
  chart?: boolean;
}) {
  const { t } = useTranslation();
  const percent = usePercent();
  const navigate = useNavigate();
  const name = (key: PortfolioRow['key']) =>
    key === null
      ? t(`portfolio.none.${cut}`)
      : cut === 'response'
        ? t(`response.${key}`)
        : cut === 'priority'
          ? t('portfolio.priorityN', { n: key })
          : String(key);
  const id = `portfolio-by-${cut}`;
  return (
    <Section id={id} title={t(`portfolio.by.${cut}`)}>
      {rows.length === 0 ? (
        <Text size="sm">{t('portfolio.nothing')}</Text>
      ) : (
        <>
          {chart && (
            <BarChart
              h={Math.max(160, rows.length * 36)}
              orientation="vertical"
              data={rows.map((r) => ({
                name: name(r.key),
                completed: r.completed,
                overdue: r.overdue,
                key: r.key,
              }))}
              dataKey="name"
              type="stacked"
              withLegend
              // Every unit named in full, counts in whole numbers.
              yAxisProps={{ width: 140, interval: 0 }}
              xAxisProps={{ allowDecimals: false }}
              barChartProps={{ accessibilityLayer: false }}
              series={[
                { name: 'completed', label: t('portfolio.completed'), color: 'teal.8' },
                { name: 'overdue', label: t('portfolio.overdue'), color: 'red.8' },
              ]}
              barProps={(series) => ({
                cursor: 'pointer',
                onClick: (entry: { payload?: { key: PortfolioRow['key'] } }) => {
                  const to = links(
                    cut,
                    entry.payload?.key ?? null,
                    series.name === 'overdue' ? { overdue: 'true' } : { status: 'completed' },
                  );
                  if (to) navigate(to);
                },
              })}
              aria-hidden
            />
          )}
          <ScrollTable label={t(`portfolio.by.${cut}`)} minWidth={560}>
            <Table withTableBorder striped aria-labelledby={id}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`portfolio.cut.${cut}`)}</Table.Th>
                  <Table.Th ta="end">{t('portfolio.actions')}</Table.Th>
                  <Table.Th ta="end">{t('portfolio.due')}</Table.Th>
                  <Table.Th ta="end">{t('portfolio.completed')}</Table.Th>
                  <Table.Th ta="end">{t('portfolio.overdue')}</Table.Th>
                  <Table.Th ta="end">{t('portfolio.rate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const all = links(cut, r.key);
                  const overdue = links(cut, r.key, { overdue: 'true' });
                  return (
                    <Table.Tr key={String(r.key)} data-key={String(r.key)}>
                      <Table.Td>
                        {all ? (
                          <Anchor component={Link} to={all}>
                            {name(r.key)}
                          </Anchor>
                        ) : (
                          name(r.key)
                        )}
                      </Table.Td>
                      <Table.Td ta="end">{r.actions}</Table.Td>
                      <Table.Td ta="end">{r.due}</Table.Td>
                      <Table.Td ta="end">{r.completed}</Table.Td>
                      <Table.Td ta="end">
                        {overdue && r.overdue > 0 ? (
                          <Anchor
                            component={Link}
                            to={overdue}
                            aria-label={t('portfolio.overdueOf', { count: r.overdue, name: name(r.key) })}
                          >
                            {r.overdue}
                          </Anchor>
                        ) : (
                          r.overdue
                        )}
                      </Table.Td>
                      <Table.Td ta="end">{percent(r.rate)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Section>
  );
}

/** How many actions could be followed at all: a linked unit and a due window. */
function ActionabilitySection({ a }: { a: Dashboard['actionability'] }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const share = (x: { actions: number; actionable: number }) =>
    percent(x.actions === 0 ? null : x.actionable / x.actions);
  const table = (
    label: string,
    rows: { key: string; name: React.ReactNode; actions: number; actionable: number }[],
  ) => (
    <ScrollTable label={label} minWidth={420}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{label}</Table.Th>
            <Table.Th ta="end">{t('portfolio.actions')}</Table.Th>
            <Table.Th ta="end">{t('portfolio.actionable')}</Table.Th>
            <Table.Th ta="end">{t('portfolio.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td ta="end">{r.actions}</Table.Td>
              <Table.Td ta="end">{r.actionable}</Table.Td>
              <Table.Td ta="end">{share(r)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
  return (
    <Section id="portfolio-actionable" title={t('portfolio.actionability')}>
      <Text>
        {t('portfolio.actionableSummary', { share: share(a), actionable: a.actionable, actions: a.actions })}
      </Text>
      {a.byEvaluation.length > 0 &&
        table(
          t('portfolio.evaluation'),
          a.byEvaluation.map((e) => ({
            ...e,
            key: e.id,
            name: (
              <Anchor component={Link} to={`/evaluations/${e.id}`}>
                {e.title}
              </Anchor>
            ),
          })),
        )}
      {a.byUnit.length > 0 &&
        table(
          t('portfolio.cut.unit'),
          a.byUnit.map((u) => ({ ...u, name: u.key })),
        )}
    </Section>
  );
}
