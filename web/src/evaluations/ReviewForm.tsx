/**
 * The review screen of every import: the evaluation as read, every field editable, each part
 * beside its original (the PDF page drawn, or the Word/text lines), warnings next to the fields
 * they concern. Nothing is saved until the user confirms.
 */
import {
  Alert,
  Card,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedEvaluation, ImportResult } from '../../../src/modules/evaluations/model';
import { STATUS_VOCABULARY } from '../../../src/modules/evaluations/model';
import { fieldError } from '../shared/ui';
import { useWarnings } from '../shared/warnings';
import { Original, OriginalProvider } from './Original';
import { OriginalBeside } from './OriginalBeside';
import { markedPages } from './originalModel';
import { ReviewRecommendation } from './ReviewRecommendation';
import { ReviewSummary } from './ReviewSummary';
import { byPath, byRecommendation, fieldId, orNull, type Rec, valueAt, Warned } from './reviewParts';

interface Props {
  result: ImportResult;
  evaluation: ImportedEvaluation;
  /** The file the evaluation was read from (kept in the browser), if one was uploaded. */
  original: File | null;
  /** Applies a change to the evaluation under review (as React's state updater does). */
  onChange: (change: (current: ImportedEvaluation) => ImportedEvaluation) => void;
  /** The error of a failed save, whose details name fields. */
  saveError: unknown;
}

/** As wide as Mantine's `md`: the original beside the fields from here on, above them below. */
const WIDE = '(min-width: 62em)';

export function ReviewForm({ result, evaluation, original, onChange, saveError }: Props) {
  const { t } = useTranslation();
  const said = useWarnings();
  const wide = useMediaQuery(WIDE, window.matchMedia(WIDE).matches, { getInitialValueInEffect: false });
  const warnings = useMemo(() => byPath(result.warnings), [result.warnings]);
  const perRec = useMemo(
    () => byRecommendation(result.warnings, evaluation.recommendations.length),
    [result.warnings, evaluation.recommendations.length],
  );
  const statuses = STATUS_VOCABULARY[evaluation.statusTemplate];
  const err = useCallback(
    (path: string) => fieldError(saveError, `evaluation.${path}`) ?? fieldError(saveError, path),
    [saveError],
  );
  const sources = result.sources;
  const headerPages = useMemo(() => markedPages(sources?.headerLines).map((p) => p.page), [sources]);

  const update = (change: (draft: ImportedEvaluation) => void) =>
    onChange((current) => {
      const next = { ...current };
      change(next);
      return next;
    });
  const changeRec = useCallback(
    (i: number, change: (r: Rec) => Rec) =>
      onChange((current) => ({
        ...current,
        recommendations: current.recommendations.map((r, k) => (k === i ? change(r) : r)),
      })),
    [onChange],
  );
  const isChanged = (path: string) =>
    JSON.stringify(valueAt(evaluation, path)) !== JSON.stringify(valueAt(result.evaluation, path));
  const warned = (path: string) => ({
    warnings: warnings.map.get(path),
    changed: JSON.stringify(valueAt(evaluation, path)) !== JSON.stringify(valueAt(result.evaluation, path)),
  });
  const text = (field: 'title' | 'period' | 'evaluators' | 'owner' | 'publishedOn' | 'overallComment') => ({
    id: fieldId(field),
    value: evaluation[field] ?? '',
    error: err(field),
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value;
      update((d) => {
        if (field === 'title') d.title = v;
        else d[field] = orNull(v);
      });
    },
  });

  const headerFields = (
    <Stack gap="xs">
      <Warned {...warned('title')}>
        <TextInput label={t('evaluation.title')} {...text('title')} />
      </Warned>
      <Group grow align="flex-start">
        <Warned {...warned('year')}>
          <NumberInput
            id={fieldId('year')}
            label={t('evaluation.year')}
            value={evaluation.year ?? ''}
            error={err('year')}
            onChange={(v) =>
              update((d) => {
                d.year = v === '' ? null : Number(v);
              })
            }
          />
        </Warned>
        <TextInput label={t('evaluation.period')} {...text('period')} />
      </Group>
      <NativeSelect
        id={fieldId('statusTemplate')}
        label={t('review.template')}
        value={evaluation.statusTemplate}
        data={[
          { value: 'classic', label: t('template.classic') },
          { value: '2022', label: t('template.2022') },
        ]}
        onChange={(e) => {
          const v = e.currentTarget.value as ImportedEvaluation['statusTemplate'];
          update((d) => {
            d.statusTemplate = v;
            // Statuses of the other vocabulary do not carry over.
            d.recommendations = d.recommendations.map((r) => ({
              ...r,
              status: v === 'classic' ? null : r.status,
              actions: r.actions.map((a) =>
                a.status && !STATUS_VOCABULARY[v].includes(a.status) ? { ...a, status: null } : a,
              ),
            }));
          });
        }}
      />
      <TextInput label={t('evaluation.evaluators')} {...text('evaluators')} />
      <TextInput label={t('evaluation.owner')} {...text('owner')} />
      <Warned {...warned('publishedOn')}>
        <TextInput type="date" label={t('evaluation.publishedOn')} {...text('publishedOn')} />
      </Warned>
      <Textarea label={t('evaluation.overallComment')} autosize {...text('overallComment')} />
      <Warned {...warned('notes')}>
        {evaluation.notes.length > 0 && (
          <Textarea
            id={fieldId('notes')}
            label={t('review.notes')}
            autosize
            value={evaluation.notes.join('\n')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              update((d) => {
                d.notes = v.split('\n').filter((n) => n.trim());
              });
            }}
          />
        )}
      </Warned>
    </Stack>
  );

  return (
    <OriginalProvider file={original} document={sources?.document}>
      <Stack>
        {warnings.general.length > 0 && (
          <Alert
            color="yellow"
            title={t('review.general')}
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            <List size="sm">
              {warnings.general.map((w) => (
                <List.Item key={`${w.where}-${w.message}`}>
                  <b>{said.place(w.where)}</b>: {said.text(w)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}

        <ReviewSummary
          warnings={result.warnings.filter((w) => w.path)}
          recommendations={evaluation.recommendations}
          isChanged={isChanged}
        />

        <Card withBorder component="section" aria-label={t('review.evaluation')}>
          <Title order={3} size="h4" mb="xs">
            {t('review.evaluation')}
          </Title>
          <OriginalBeside wide={wide} pages={headerPages} fields={headerFields}>
            <Original
              lines={sources?.headerLines}
              text={sources?.header ?? ''}
              subject={t('original.header')}
            />
          </OriginalBeside>
        </Card>

        {evaluation.recommendations.map((r, i) => (
          <ReviewRecommendation
            // biome-ignore lint/suspicious/noArrayIndexKey: recommendations keep their place while reviewed
            key={i}
            index={i}
            rec={r}
            imported={result.evaluation.recommendations[i]}
            template={evaluation.statusTemplate}
            year={evaluation.year}
            statuses={statuses}
            warnings={perRec[i] ?? []}
            byPath={warnings.map}
            lines={sources?.recommendationLines?.[i]}
            sourceText={sources?.recommendations[i] ?? ''}
            wide={wide}
            err={err}
            onChange={changeRec}
            unitProposals={result.unitProposals}
            saveError={saveError}
          />
        ))}
      </Stack>
    </OriginalProvider>
  );
}
