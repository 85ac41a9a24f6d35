/** Pieces of the practice pages: the coverage radar chart, its figures as a table, and the mark badges. */
import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CriterionCoverage } from '../../../src/modules/practices/model';

const MARK_COLOURS: Record<string, string> = {
  met: 'green',
  not_met: 'red',
  not_applicable: 'gray',
  not_assessed: 'gray',
};

export function MarkBadge({ mark }: { mark: string | null }) {
  const { t } = useTranslation();
  if (!mark) return null;
  return (
    <Badge
      color={MARK_COLOURS[mark]}
      variant={mark === 'met' || mark === 'not_met' ? 'filled' : 'outline'}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`mark.${mark}`)}
    </Badge>
  );
}

/** A criterion's name in the reader's language when the app knows it, else as the framework writes it. */
export function useCriterionName() {
  const { t } = useTranslation();
  return (id: string, name: string) => t(`criterion.${id}`, { defaultValue: name });
}

/** A name on lines of about `width` characters, broken between words. */
function lines(name: string, width = 14): string[] {
  const out: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = out.length - 1;
    if (last >= 0 && out[last].length + 1 + word.length <= width) out[last] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/**
 * Coverage per criterion as a radar: one axis per criterion, named, met / assessed from the centre
 * (0) to the rim (100%). A criterion left out of the assessment is drawn as a gap, not as zero. The
 * figures are in `CoverageTable` too, for whoever does not see the chart.
 */
export function CoverageRadar({ coverage, size = 260 }: { coverage: CriterionCoverage[]; size?: number }) {
  const { t } = useTranslation();
  const nameOf = useCriterionName();
  // Room around the chart for the axes' names, which run outwards from their axis.
  const padX = 110;
  const padY = 44;
  const r = size / 2 - 8;
  const cx = size / 2 + padX;
  const cy = size / 2 + padY;
  const n = coverage.length;
  const point = (i: number, share: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + Math.cos(angle) * r * share, cy + Math.sin(angle) * r * share] as const;
  };
  const polygon = coverage
    .map((cv, i) => point(i, cv.coverage ?? 0))
    .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join(' ');
  const share = (cv: CriterionCoverage) =>
    cv.coverage === null ? t('practice.notAssessed') : `${Math.round(cv.coverage * 100)}%`;
  const summary = coverage.map((cv) => `${nameOf(cv.criterionId, cv.name)}: ${share(cv)}`).join('; ');
  const width = size + 2 * padX;
  const height = size + 2 * padY;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      style={{ width: '100%', maxWidth: width, height: 'auto', direction: 'ltr' }}
      role="img"
      aria-label={`${t('practice.coverage')}: ${summary}`}
    >
      {[0.25, 0.5, 0.75, 1].map((ring) => (
        <polygon
          key={ring}
          points={coverage
            .map((_, i) =>
              point(i, ring)
                .map((v) => v.toFixed(1))
                .join(','),
            )
            .join(' ')}
          fill="none"
          stroke="#dee2e6"
        />
      ))}
      {coverage.map((cv, i) => {
        const [x, y] = point(i, 1);
        const [lx, ly] = point(i, 1.06);
        const name = nameOf(cv.criterionId, cv.name);
        const words = lines(name);
        // Names on the right start at their axis, on the left end there, at the top and bottom centre on it.
        const anchor = lx > cx + 4 ? 'start' : lx < cx - 4 ? 'end' : 'middle';
        const lineHeight = 13;
        const top =
          ly < cy - 4
            ? ly - (words.length - 1) * lineHeight
            : ly > cy + 4
              ? ly + 8
              : ly - ((words.length - 1) * lineHeight) / 2;
        return (
          <g key={cv.criterionId}>
            <line x1={cx} y1={cy} x2={x} y2={y} stroke="#dee2e6" />
            <text
              x={lx}
              y={top}
              fontSize="12"
              textAnchor={anchor}
              dominantBaseline={ly < cy - 4 ? 'auto' : 'middle'}
              fill={cv.coverage === null ? '#6b7280' : '#212529'}
            >
              <title>{`${name}: ${share(cv)}`}</title>
              {words.map((w, k) => (
                <tspan key={w} x={lx} dy={k === 0 ? 0 : lineHeight}>
                  {w}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      <polygon points={polygon} fill="rgba(34, 139, 230, 0.3)" stroke="#228be6" strokeWidth={2} />
    </svg>
  );
}

/** The radar's figures as a table: each criterion, its items met of those assessed, and the share. */
export function CoverageTable({ coverage }: { coverage: CriterionCoverage[] }) {
  const { t } = useTranslation();
  const nameOf = useCriterionName();
  return (
    <Table withTableBorder fz="sm" aria-label={t('practice.coverage')} w="auto">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('practice.criterion')}</Table.Th>
          <Table.Th>{t('practice.itemsMet')}</Table.Th>
          <Table.Th>{t('practice.share')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {coverage.map((c) => (
          <Table.Tr key={c.criterionId}>
            <Table.Th scope="row" fw={400}>
              {nameOf(c.criterionId, c.name)}
            </Table.Th>
            <Table.Td>
              {c.coverage === null
                ? t('practice.notAssessed')
                : t('practice.metOf', { met: c.met, assessed: c.assessed })}
            </Table.Td>
            <Table.Td>{c.coverage === null ? '—' : `${Math.round(c.coverage * 100)}%`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
