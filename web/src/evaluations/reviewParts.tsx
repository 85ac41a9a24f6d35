/**
 * Small pieces of the review screen: warnings by the field they concern, a field's warnings under
 * it, a recommendation's warnings as a list that leads to each field, and field ids.
 */
import { Anchor, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedEvaluation, ImportWarning } from '../../../src/modules/evaluations/model';

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
          {w.message}
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
  if (warnings.length === 0) return null;
  const focus = (path: string) => {
    const el = document.getElementById(fieldId(path));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  };
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
                {w.message}{' '}
              </Text>
              {w.path && (
                <Anchor component="button" type="button" size="sm" onClick={() => focus(w.path!)}>
                  {t('review.goToField', { where: w.where })}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
