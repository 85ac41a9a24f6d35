/**
 * The top of the review screen: every warning of the reading, and what would keep the response from
 * being followed, each with a link that takes the reader to its field.
 */
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportedEvaluation, ImportWarning } from '../../../src/modules/evaluations/model';
import { actionabilityGaps } from '../../../src/modules/portfolio/model';
import { useWarnings } from '../shared/warnings';
import { focusField, INLINE } from './reviewParts';

export function ReviewSummary({
  warnings,
  recommendations,
  isChanged,
}: {
  warnings: ImportWarning[];
  recommendations: ImportedEvaluation['recommendations'];
  isChanged: (path: string) => boolean;
}) {
  const { t } = useTranslation();
  const said = useWarnings();
  const gaps = actionabilityGaps(recommendations);
  if (warnings.length === 0 && gaps.length === 0) return null;
  const recNumber = (path: string) =>
    recommendations[Number(/^recommendations\.(\d+)/.exec(path)?.[1])]?.number;
  const actionNumber = (path: string) => {
    const m = /^recommendations\.(\d+)\.actions\.(\d+)/.exec(path);
    return m ? recommendations[Number(m[1])]?.actions[Number(m[2])]?.number : undefined;
  };
  // Gaps point at a field; "no key action" at the recommendation's list of actions: its text then.
  const target = (path: string) => (path.endsWith('.actions') ? path.replace(/\.actions$/, '.text') : path);
  return (
    <Alert
      color="yellow"
      // As many things to check as the line above the review says; the response's gaps come after.
      title={
        warnings.length > 0
          ? t('import.warnings', { count: warnings.length })
          : `${t('review.gapsTitle')} (${gaps.length})`
      }
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      data-testid="review-summary"
    >
      <Stack gap="xs">
        {warnings.length > 0 && (
          <List size="sm" spacing={2}>
            {warnings.map((w) => (
              <List.Item key={`${w.path}-${w.message}`} icon={isChanged(w.path ?? '') ? '✓' : '⚠'}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  style={INLINE}
                  onClick={() => focusField(w.path!)}
                >
                  {said.place(w.where)}
                </Anchor>
                <Text span size="sm">
                  {' '}
                  — {said.text(w)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {gaps.length > 0 && (
          <>
            {warnings.length > 0 && (
              <Text size="sm" fw={700}>
                {`${t('review.gapsTitle')} (${gaps.length})`}
              </Text>
            )}
            <List size="sm" spacing={2}>
              {gaps.map((g) => (
                <List.Item key={`${g.kind}-${g.path}`}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    style={INLINE}
                    onClick={() => focusField(target(g.path))}
                  >
                    {t('review.inRecommendation', { n: recNumber(g.path) })}
                  </Anchor>
                  <Text span size="sm">
                    {' '}
                    — {t(`actionability.kinds.${g.kind}`, { n: actionNumber(g.path) })}
                  </Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}
