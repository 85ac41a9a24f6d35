/** The key actions of one recommendation on the review screen: a row of fields each. */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  ScrollArea,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseTimeframe } from '../../../src/lib/parseTimeframe';
import type { ImportResult, ImportWarning } from '../../../src/modules/evaluations/model';
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
        <ScrollArea mt="sm" type="auto">
          <Table withTableBorder miw={1000} aria-label={t('matrix.actionsOf', { n: r.number })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('action.number')}</Table.Th>
                <Table.Th>{t('action.text')}</Table.Th>
                <Table.Th w={170}>{t('action.timeframe')}</Table.Th>
                <Table.Th w={140}>{t('action.dueFrom')}</Table.Th>
                <Table.Th w={140}>{t('action.dueTo')}</Table.Th>
                <Table.Th w={240}>{t('action.responsible')}</Table.Th>
                <Table.Th w={150}>{t('action.status')}</Table.Th>
                <Table.Th>{t('action.comments')}</Table.Th>
                <Table.Th w={40}>
                  <VisuallyHidden>{t('review.remove')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.actions.map((a, j) => {
                const ap = (field: string) => `recommendations.${i}.actions.${j}.${field}`;
                const warned = (field: string) => ({
                  warnings: warnings.get(ap(field)),
                  changed: isChanged(ap(field)),
                });
                const label = (what: string) => t('review.actionField', { n: a.number, field: what });
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: actions keep their place while reviewed
                  <Table.Tr key={j} data-action={a.number}>
                    <Table.Td>
                      <Warned {...warned('number')}>
                        <TextInput
                          id={fieldId(ap('number'))}
                          aria-label={label(t('action.number'))}
                          value={a.number}
                          error={err(ap('number'))}
                          onChange={(e) => setAct(j, { number: e.currentTarget.value })}
                        />
                      </Warned>
                    </Table.Td>
                    <Table.Td>
                      <Warned {...warned('text')}>
                        <Textarea
                          id={fieldId(ap('text'))}
                          aria-label={label(t('action.text'))}
                          autosize
                          value={a.text}
                          error={err(ap('text'))}
                          onChange={(e) => setAct(j, { text: e.currentTarget.value })}
                        />
                      </Warned>
                    </Table.Td>
                    <Table.Td>
                      <Warned {...warned('timeframe')}>
                        <TextInput
                          id={fieldId(ap('timeframe'))}
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
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        type="date"
                        id={fieldId(ap('due.from'))}
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
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        type="date"
                        id={fieldId(ap('due.to'))}
                        aria-label={label(t('action.dueTo'))}
                        value={a.due?.to ?? ''}
                        error={err(ap('due.to')) ?? err(ap('due'))}
                        onChange={(e) => {
                          const to = e.currentTarget.value;
                          setAct(j, { due: to ? { from: a.due?.from ?? null, to, inferred: false } : null });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Warned {...warned('responsible')}>
                        <TextInput
                          id={fieldId(ap('responsible'))}
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
                    </Table.Td>
                    <Table.Td>
                      <Warned {...warned('status')}>
                        <NativeSelect
                          id={fieldId(ap('status'))}
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
                    </Table.Td>
                    <Table.Td>
                      <Textarea
                        id={fieldId(ap('comments'))}
                        aria-label={label(t('action.comments'))}
                        autosize
                        value={a.comments ?? ''}
                        onChange={(e) => setAct(j, { comments: orNull(e.currentTarget.value) })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('review.removeAction', { n: a.number })}
                        onClick={() =>
                          change((rec) => ({ ...rec, actions: rec.actions.filter((_, k) => k !== j) }))
                        }
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
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
