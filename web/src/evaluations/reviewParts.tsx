/**
 * Small pieces of the review screen: warnings by the field they concern, a field's warnings under
 * it, a recommendation's warnings as a list that leads to each field, field ids and going to a field.
 */
import { Anchor, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedEvaluation, ImportWarning } from '../../../src/modules/evaluations/model';
import { useWarnings } from '../shared/warnings';

export type Rec = ImportedEvaluation['recommendations'][number];
export type Act = Rec['actions'][number];

export const orNull = (v: string) => (v.trim() === '' ? null : v);

/** Warnings by the field they concern, and the ones that concern no single field. */
export function byPath(warnings: ImportWarning[]) {
  const map = new Map<string, ImportWarning[]>();
  const general: ImportWarning[] = [];
  for (const w of warnings) {
    if (!w.path) general.push(w);
    else map.set(w.path, [...(map.get(w.path) ?? []), w]);
  }
  return { map, general };
}

/** The warnings of each recommendation (by index), in the order they came. */
export function byRecommendation(warnings: ImportWarning[], count: number): ImportWarning[][] {
  const out: ImportWarning[][] = Array.from({ length: count }, () => []);
  for (const w of warnings) {
    const m = /^recommendations\.(\d+)\./.exec(w.path ?? '');
    if (m && Number(m[1]) < count) out[Number(m[1])].push(w);
  }
  return out;
}

/** The id of the input of a field, from its path: "review-recommendations-4-actions-1-timeframe". */
export const fieldId = (path: string) => `review-${path.replaceAll('.', '-')}`;

/**
 * Scrolls to a field of the review and puts the cursor in it. A recommendation far down the matrix
 * makes its fields only once it comes near the screen: its card is scrolled to first, and the field
 * focused when it is there.
 */
export function focusField(path: string) {
  const focus = (el: HTMLElement) => {
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  };
  const el = document.getElementById(fieldId(path));
  if (el) return focus(el);
  const rec = /^recommendations\.(\d+)/.exec(path)?.[1];
  const card = rec === undefined ? null : document.querySelector(`[data-recommendation="${rec}"]`);
  if (!card) return;
  card.scrollIntoView({ block: 'start' });
  const started = performance.now();
  const wait = () => {
    const made = document.getElementById(fieldId(path));
    if (made) focus(made);
    else if (performance.now() - started < 3000) requestAnimationFrame(wait);
  };
  requestAnimationFrame(wait);
}

/** A link in a sentence: wrapped with it, from the start of the line (a button centres its text). */
export const INLINE = { display: 'inline', textAlign: 'start' } as const;

/** The value at a path ("recommendations.4.actions.1.timeframe") of an evaluation, if any. */
export function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** A field with its warnings under it; once the field has been changed, they read as checked. */
export function Warned({
  warnings,
  changed = false,
  children,
}: {
  warnings?: ImportWarning[];
  changed?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const said = useWarnings();
  return (
    <Stack gap={2}>
      {children}
      {warnings?.map((w) => (
        <Text key={w.message} size="xs" c={changed ? 'dimmed' : undefined} role="note">
          {changed ? (
            `✓ ${t('review.changed')}: `
          ) : (
            <Text span inherit c="orange.9" fw={700} aria-hidden>
              ⚠{' '}
            </Text>
          )}
          {said.text(w)}
        </Text>
      ))}
    </Stack>
  );
}

/** A recommendation's warnings, each leading to its field; the ones already changed say so. */
export function WarningList({
  warnings,
  isChanged,
}: {
  warnings: ImportWarning[];
  isChanged: (path: string) => boolean;
}) {
  const { t } = useTranslation();
  const said = useWarnings();
  if (warnings.length === 0) return null;
  return (
    <Stack
      gap={4}
      p="xs"
      bg="orange.0"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      role="group"
      aria-label={t('review.toCheck', { count: warnings.length })}
    >
      <Text size="sm" fw={600}>
        {t('review.toCheck', { count: warnings.length })}
      </Text>
      <List size="sm" spacing={2}>
        {warnings.map((w) => {
          const done = w.path ? isChanged(w.path) : false;
          return (
            <List.Item key={`${w.path}-${w.message}`} icon={done ? '✓' : '⚠'}>
              <Text size="sm" span c={done ? 'dimmed' : undefined}>
                {said.text(w)}{' '}
              </Text>
              {w.path && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  style={INLINE}
                  onClick={() => focusField(w.path!)}
                >
                  {t('review.goToField', { where: said.place(w.where) })}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
