/**
 * The key actions of one recommendation on the review screen, each a box of labelled fields laid out
 * by the width they have: the action's text wide on a desktop, one field a line on a phone.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseTimeframe } from '../../../src/lib/parseTimeframe';
import type { ImportResult, ImportWarning } from '../../../src/modules/evaluations/model';
import css from './ReviewActions.module.css';
import { type Act, fieldId, orNull, type Rec, Warned } from './reviewParts';
import { UnitLinks } from './UnitLinks';

interface Props {
  index: number;
  rec: Rec;
  year: number | null;
  statuses: readonly string[];
  /** Warnings by field path. */
  warnings: Map<string, ImportWarning[]>;
  isChanged: (path: string) => boolean;
  err: (path: string) => string | undefined;
  change: (change: (r: Rec) => Rec) => void;
  unitProposals: ImportResult['unitProposals'];
  saveError: unknown;
}

export function ReviewActions({
  index: i,
  rec: r,
  year,
  statuses,
  warnings,
  isChanged,
  err,
  change,
  unitProposals,
  saveError,
}: Props) {
  const { t } = useTranslation();
  const setAct = (j: number, patch: Partial<Act>) =>
    change((rec) => ({ ...rec, actions: rec.actions.map((a, k) => (k === j ? { ...a, ...patch } : a)) }));
  /** A new timeframe gives a new due window, read as on import. */
  const setTimeframe = (j: number, timeframe: string) => {
    const reading = parseTimeframe(timeframe, { year });
    setAct(j, {
      timeframe: orNull(timeframe),
      due: reading.due,
      fundingConditional: reading.fundingConditional,
    });
  };

  return (
    <>
      {r.actions.length === 0 ? (
        <Text size="sm" mt="sm">
          {t('review.noActions')}
        </Text>
      ) : (
        <Stack
          gap="sm"
          mt="sm"
          className={css.list}
          role="group"
          aria-label={t('matrix.actionsOf', { n: r.number })}
        >
          {r.actions.map((a, j) => {
            const ap = (field: string) => `recommendations.${i}.actions.${j}.${field}`;
            const warned = (field: string) => ({
              warnings: warnings.get(ap(field)),
              changed: isChanged(ap(field)),
            });
            // Each field names its action for screen readers ("Action 2.1: Due by"), and shows its own name.
            const label = (what: string) => t('review.actionField', { n: a.number, field: what });
            return (
              <Fieldset
                // biome-ignore lint/suspicious/noArrayIndexKey: actions keep their place while reviewed
                key={j}
                legend={t('review.actionLegend', { n: a.number })}
                data-action={a.number}
                p="sm"
              >
                <div className={css.action}>
                  <div className={css.number}>
                    <Warned {...warned('number')}>
                      <TextInput
                        id={fieldId(ap('number'))}
                        label={t('action.number')}
                        aria-label={label(t('action.number'))}
                        value={a.number}
                        error={err(ap('number'))}
                        onChange={(e) => setAct(j, { number: e.currentTarget.value })}
                      />
                    </Warned>
                  </div>
                  <div className={css.text}>
                    <Warned {...warned('text')}>
                      <Textarea
                        id={fieldId(ap('text'))}
                        label={t('action.text')}
                        aria-label={label(t('action.text'))}
                        autosize
                        minRows={2}
                        value={a.text}
                        error={err(ap('text'))}
                        onChange={(e) => setAct(j, { text: e.currentTarget.value })}
                      />
                      <Checkbox
                        size="xs"
                        mt={4}
                        label={t('action.noActionNeeded')}
                        description={t('action.noActionNeededHint')}
                        checked={a.noActionNeeded ?? false}
                        onChange={(e) => setAct(j, { noActionNeeded: e.currentTarget.checked })}
                      />
                    </Warned>
                  </div>
                  <div className={css.comments}>
                    <Textarea
                      id={fieldId(ap('comments'))}
                      label={t('action.comments')}
                      aria-label={label(t('action.comments'))}
                      autosize
                      minRows={2}
                      value={a.comments ?? ''}
                      onChange={(e) => setAct(j, { comments: orNull(e.currentTarget.value) })}
                    />
                  </div>
                  <div className={css.timeframe}>
                    <Warned {...warned('timeframe')}>
                      <TextInput
                        id={fieldId(ap('timeframe'))}
                        label={t('action.timeframe')}
                        aria-label={label(t('action.timeframe'))}
                        value={a.timeframe ?? ''}
                        onChange={(e) => setTimeframe(j, e.currentTarget.value)}
                      />
                      <Group gap={4}>
                        {a.due?.inferred && (
                          <Badge size="xs" variant="outline">
                            {t('action.inferred')}
                          </Badge>
                        )}
                        <Checkbox
                          size="xs"
                          label={t('action.funding')}
                          checked={a.fundingConditional}
                          onChange={(e) => setAct(j, { fundingConditional: e.currentTarget.checked })}
                        />
                      </Group>
                    </Warned>
                  </div>
                  <TextInput
                    className={css.from}
                    type="date"
                    id={fieldId(ap('due.from'))}
                    label={t('action.dueFrom')}
                    aria-label={label(t('action.dueFrom'))}
                    value={a.due?.from ?? ''}
                    error={err(ap('due.from'))}
                    onChange={(e) => {
                      const from = orNull(e.currentTarget.value);
                      setAct(j, {
                        due: a.due
                          ? { ...a.due, from, inferred: false }
                          : from
                            ? { from, to: from, inferred: false }
                            : null,
                      });
                    }}
                  />
                  <TextInput
                    className={css.to}
                    type="date"
                    id={fieldId(ap('due.to'))}
                    label={t('action.dueTo')}
                    aria-label={label(t('action.dueTo'))}
                    value={a.due?.to ?? ''}
                    error={err(ap('due.to')) ?? err(ap('due'))}
                    onChange={(e) => {
                      const to = e.currentTarget.value;
                      setAct(j, { due: to ? { from: a.due?.from ?? null, to, inferred: false } : null });
                    }}
                  />
                  <div className={css.responsible}>
                    <Warned {...warned('responsible')}>
                      <TextInput
                        id={fieldId(ap('responsible'))}
                        label={t('action.responsible')}
                        aria-label={label(t('action.responsible'))}
                        value={a.responsible ?? ''}
                        onChange={(e) => setAct(j, { responsible: orNull(e.currentTarget.value) })}
                      />
                    </Warned>
                    <UnitLinks
                      responsible={a.responsible}
                      unitIds={a.unitIds ?? []}
                      onChange={(unitIds) => setAct(j, { unitIds })}
                      known={unitProposals}
                      saveError={saveError}
                      path={`recommendations.${i}.actions.${j}`}
                    />
                  </div>
                  <div className={css.status}>
                    <Warned {...warned('status')}>
                      <NativeSelect
                        id={fieldId(ap('status'))}
                        label={t('action.status')}
                        aria-label={label(t('action.status'))}
                        value={a.status ?? ''}
                        error={err(ap('status'))}
                        data={[
                          {
                            value: '',
                            label: t('review.defaultStatus', { status: t(`status.${statuses[0]}`) }),
                          },
                          ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
                        ]}
                        onChange={(e) =>
                          setAct(j, { status: (e.currentTarget.value || null) as Act['status'] })
                        }
                      />
                    </Warned>
                  </div>
                  <ActionIcon
                    className={css.remove}
                    variant="subtle"
                    color="red"
                    aria-label={t('review.removeAction', { n: a.number })}
                    onClick={() =>
                      change((rec) => ({ ...rec, actions: rec.actions.filter((_, k) => k !== j) }))
                    }
                  >
                    ✕
                  </ActionIcon>
                </div>
              </Fieldset>
            );
          })}
        </Stack>
      )}
      <Group mt="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() =>
            change((rec) => ({
              ...rec,
              actions: [
                ...rec.actions,
                {
                  number: `${rec.number}.${rec.actions.length + 1}`,
                  text: '',
                  timeframe: null,
                  due: null,
                  responsible: null,
                  fundingConditional: false,
                  noActionNeeded: false,
                  status: null,
                  comments: null,
                },
              ],
            }))
          }
        >
          {t('action.add')}
        </Button>
      </Group>
    </>
  );
}
