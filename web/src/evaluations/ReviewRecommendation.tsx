/**
 * One recommendation on the review screen: its warnings, its fields beside its original, then its
 * key actions. Drawn again only when the recommendation itself changes, so a long matrix stays
 * quick to edit.
 */
import { Card, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { memo, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportWarning, SourceLine } from '../../../src/modules/evaluations/model';
import { Original } from './Original';
import { OriginalBeside } from './OriginalBeside';
import { markedPages } from './originalModel';
import { ReviewActions } from './ReviewActions';
import { fieldId, orNull, type Rec, valueAt, Warned, WarningList } from './reviewParts';

interface Props {
  index: number;
  rec: Rec;
  /** The recommendation as imported, to tell the fields changed since. */
  imported: Rec | undefined;
  template: 'classic' | '2022';
  year: number | null;
  statuses: readonly string[];
  /** This recommendation's warnings, and all warnings by field path. */
  warnings: ImportWarning[];
  byPath: Map<string, ImportWarning[]>;
  lines: SourceLine[] | undefined;
  sourceText: string;
  wide: boolean;
  err: (path: string) => string | undefined;
  onChange: (index: number, change: (r: Rec) => Rec) => void;
  unitProposals: ImportResult['unitProposals'];
  saveError: unknown;
}

/**
 * Whether the element has come near the screen (and so its fields are made): a matrix of 100
 * recommendations shows at once, each card filled in as the reader scrolls towards it.
 */
function useNear(ref: RefObject<HTMLElement | null>, initially: boolean) {
  const [near, setNear] = useState(initially);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const io = new IntersectionObserver(
      ([e]) => {
        if (e.isIntersecting) setNear(true);
      },
      { rootMargin: '1500px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near, ref]);
  return near;
}

export const ReviewRecommendation = memo(function ReviewRecommendation({
  index: i,
  rec: r,
  imported,
  template,
  year,
  statuses,
  warnings,
  byPath,
  lines,
  sourceText,
  wide,
  err,
  onChange,
  unitProposals,
  saveError,
}: Props) {
  const { t } = useTranslation();
  const change = useCallback((c: (r: Rec) => Rec) => onChange(i, c), [onChange, i]);
  const set = (patch: Partial<Rec>) => change((rec) => ({ ...rec, ...patch }));
  const path = (field: string) => `recommendations.${i}.${field}`;
  const isChanged = (p: string) => {
    const rest = p.slice(`recommendations.${i}.`.length);
    return JSON.stringify(valueAt(r, rest) ?? null) !== JSON.stringify(valueAt(imported, rest) ?? null);
  };
  const warned = (field: string) => ({ warnings: byPath.get(path(field)), changed: isChanged(path(field)) });
  const pages = useMemo(() => markedPages(lines).map((p) => p.page), [lines]);
  const heading = t('recommendation.heading', { n: r.number });
  const cardRef = useRef<HTMLDivElement>(null);
  const near = useNear(cardRef, i < 3);

  const fields = (
    <Stack gap="xs">
      <Warned {...warned('text')}>
        <Textarea
          id={fieldId(path('text'))}
          label={t('recommendation.text')}
          autosize
          minRows={2}
          value={r.text}
          error={err(path('text'))}
          onChange={(e) => set({ text: e.currentTarget.value })}
        />
      </Warned>
      <Warned {...warned('addressedTo')}>
        <TextInput
          id={fieldId(path('addressedTo'))}
          label={t('recommendation.addressedTo')}
          value={r.addressedTo ?? ''}
          onChange={(e) => set({ addressedTo: orNull(e.currentTarget.value) })}
        />
      </Warned>
      <Group grow align="flex-start">
        <Warned {...warned('priority')}>
          <NativeSelect
            id={fieldId(path('priority'))}
            label={t('recommendation.priority')}
            value={r.priority ? String(r.priority) : ''}
            error={err(path('priority'))}
            data={[{ value: '', label: t('recommendation.noPriority') }, '1', '2', '3']}
            onChange={(e) => set({ priority: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
          />
        </Warned>
        <TextInput
          id={fieldId(path('priorityJustification'))}
          label={t('recommendation.priorityJustification')}
          value={r.priorityJustification ?? ''}
          onChange={(e) => set({ priorityJustification: orNull(e.currentTarget.value) })}
        />
      </Group>
      <Warned {...warned('response')}>
        <NativeSelect
          id={fieldId(path('response'))}
          label={t('recommendation.responseKind')}
          value={r.response ?? ''}
          data={[
            { value: '', label: t('response.none') },
            ...['accepted', 'partially_accepted', 'rejected'].map((v) => ({
              value: v,
              label: t(`response.${v}`),
            })),
          ]}
          onChange={(e) => set({ response: (e.currentTarget.value || null) as Rec['response'] })}
        />
      </Warned>
      <Textarea
        id={fieldId(path('responseText'))}
        label={t('recommendation.responseText')}
        autosize
        value={r.responseText ?? ''}
        onChange={(e) => set({ responseText: orNull(e.currentTarget.value) })}
      />
      {template === '2022' && (
        <Warned {...warned('status')}>
          <NativeSelect
            id={fieldId(path('status'))}
            label={t('recommendation.status')}
            value={r.status ?? ''}
            data={[
              { value: '', label: t('recommendation.noStatus') },
              ...['open', 'discarded', 'completed'].map((v) => ({ value: v, label: t(`status.${v}`) })),
            ]}
            onChange={(e) => set({ status: (e.currentTarget.value || null) as Rec['status'] })}
          />
        </Warned>
      )}
      <Textarea
        id={fieldId(path('comments'))}
        label={t('recommendation.comments')}
        autosize
        value={r.comments ?? ''}
        onChange={(e) => set({ comments: orNull(e.currentTarget.value) })}
      />
      <Warned {...warned('notes')}>
        {r.notes.length > 0 && (
          <Textarea
            id={fieldId(path('notes'))}
            label={t('review.notes')}
            autosize
            value={r.notes.join('\n')}
            onChange={(e) => set({ notes: e.currentTarget.value.split('\n').filter((n) => n.trim()) })}
          />
        )}
      </Warned>
    </Stack>
  );

  return (
    <Card
      ref={cardRef}
      withBorder
      component="section"
      aria-label={heading}
      data-recommendation={i}
      // A long matrix: cards off screen are neither laid out nor painted until scrolled to.
      style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 900px' }}
    >
      {!near ? (
        <>
          <Title order={3} size="h4">
            {heading}
          </Title>
          <div style={{ height: 800 }} />
        </>
      ) : (
        <>
          <Stack gap="xs">
            <Group>
              <Title order={3} size="h4">
                {heading}
              </Title>
              <Warned {...warned('number')}>
                <TextInput
                  id={fieldId(path('number'))}
                  aria-label={t('review.recNumber', { n: r.number })}
                  value={r.number}
                  w={80}
                  error={err(path('number'))}
                  onChange={(e) => set({ number: e.currentTarget.value })}
                />
              </Warned>
            </Group>
            <WarningList warnings={warnings} isChanged={isChanged} />
            <OriginalBeside wide={wide} pages={pages} fields={fields}>
              <Original
                lines={lines}
                text={sourceText}
                subject={t('original.recommendation', { n: r.number })}
              />
            </OriginalBeside>
          </Stack>
          <ReviewActions
            index={i}
            rec={r}
            year={year}
            statuses={statuses}
            warnings={byPath}
            isChanged={isChanged}
            err={err}
            change={change}
            unitProposals={unitProposals}
            saveError={saveError}
          />
        </>
      )}
    </Card>
  );
});
