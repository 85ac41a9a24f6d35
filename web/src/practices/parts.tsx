/** Pieces of the practice pages: the coverage radar chart and the mark badges. */
import { Badge } from '@mantine/core';
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

/**
 * Coverage per criterion as a radar: one axis per criterion, met / assessed from the centre
 * (0) to the rim (100%). A criterion left out of the assessment is drawn as a gap, not as zero.
 */
export function CoverageRadar({ coverage, size = 260 }: { coverage: CriterionCoverage[]; size?: number }) {
  const { t } = useTranslation();
  const r = size / 2 - 40;
  const c = size / 2;
  const n = coverage.length;
  const point = (i: number, share: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [c + Math.cos(angle) * r * share, c + Math.sin(angle) * r * share] as const;
  };
  const polygon = coverage
    .map((cv, i) => point(i, cv.coverage ?? 0))
    .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join(' ');
  const summary = coverage
    .map(
      (cv) =>
        `${cv.name}: ${cv.coverage === null ? t('practice.notAssessed') : `${Math.round(cv.coverage * 100)}%`}`,
    )
    .join('; ');
  return (
    <svg width={size} height={size} role="img" aria-label={`${t('practice.coverage')}: ${summary}`}>
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
        const [lx, ly] = point(i, 1.18);
        return (
          <g key={cv.criterionId}>
            <line x1={c} y1={c} x2={x} y2={y} stroke="#dee2e6" />
            <text
              x={lx}
              y={ly}
              fontSize="11"
              textAnchor="middle"
              dominantBaseline="middle"
              fill={cv.coverage === null ? '#adb5bd' : '#212529'}
            >
              {cv.criterionId}
            </text>
          </g>
        );
      })}
      <polygon points={polygon} fill="rgba(34, 139, 230, 0.3)" stroke="#228be6" strokeWidth={2} />
    </svg>
  );
}
