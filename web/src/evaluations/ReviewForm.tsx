/**
 * The review screen of every import: the evaluation as read, every field editable, each
 * recommendation beside its source text, warnings next to the fields they concern. Nothing is
 * saved until the user confirms.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  List,
  NativeSelect,
  NumberInput,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTimeframe } from '../../../src/lib/parseTimeframe';
import type { ImportedEvaluation, ImportResult, ImportWarning } from '../../../src/modules/evaluations/model';
import { STATUS_VOCABULARY } from '../../../src/modules/evaluations/model';
import { fieldError } from '../shared/ui';
import { UnitLinks } from './UnitLinks';

type Rec = ImportedEvaluation['recommendations'][number];
type Act = Rec['actions'][number];

interface Props {
  result: ImportResult;
  evaluation: ImportedEvaluation;
  onChange: (next: ImportedEvaluation) => void;
  /** The error of a failed save, whose details name fields. */
  saveError: unknown;
}

/** Warnings by the field they concern, and the ones that concern no single field. */
function byPath(warnings: ImportWarning[]) {
  const map = new Map<string, ImportWarning[]>();
  const general: ImportWarning[] = [];
  for (const w of warnings) {
    if (!w.path) general.push(w);
    else map.set(w.path, [...(map.get(w.path) ?? []), w]);
  }
  return { map, general };
}

function Warned({ warnings, children }: { warnings?: ImportWarning[]; children: ReactNode }) {
  return (
    <Stack gap={2}>
      {children}
      {warnings?.map((w) => (
        <Text key={w.message} size="xs" c="orange.8" role="note">
          ⚠ {w.message}
        </Text>
      ))}
    </Stack>
  );
}

const orNull = (v: string) => (v.trim() === '' ? null : v);

export function ReviewForm({ result, evaluation, onChange, saveError }: Props) {
  const { t } = useTranslation();
  const warnings = useMemo(() => byPath(result.warnings), [result.warnings]);
  const statuses = STATUS_VOCABULARY[evaluation.statusTemplate];
  const err = (path: string) => fieldError(saveError, `evaluation.${path}`) ?? fieldError(saveError, path);

  const update = (change: (draft: ImportedEvaluation) => void) => {
    const next = structuredClone(evaluation);
    change(next);
    onChange(next);
  };
  const setRec = (i: number, patch: Partial<Rec>) =>
    update((d) => Object.assign(d.recommendations[i], patch));
  const setAct = (i: number, j: number, patch: Partial<Act>) =>
    update((d) => Object.assign(d.recommendations[i].actions[j], patch));
  /** A new timeframe gives a new due window, read as on import. */
  const setTimeframe = (i: number, j: number, timeframe: string) => {
    const reading = parseTimeframe(timeframe, { year: evaluation.year });
    setAct(i, j, {
      timeframe: orNull(timeframe),
      due: reading.due,
      fundingConditional: reading.fundingConditional,
    });
  };

  return (
    <Stack>
      {warnings.general.length > 0 && (
        <Alert color="yellow" title={t('review.general')}>
          <List size="sm">
            {warnings.general.map((w) => (
              <List.Item key={`${w.where}-${w.message}`}>
                <b>{w.where}</b>: {w.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Card withBorder>
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="xs">
              <Title order={4}>{t('review.evaluation')}</Title>
              <Warned warnings={warnings.map.get('title')}>
                <TextInput
                  label={t('evaluation.title')}
                  value={evaluation.title}
                  error={err('title')}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update((d) => {
                      d.title = v;
                    });
                  }}
                />
              </Warned>
              <Group grow>
                <NumberInput
                  label={t('evaluation.year')}
                  value={evaluation.year ?? ''}
                  error={err('year')}
                  onChange={(v) =>
                    update((d) => {
                      d.year = v === '' ? null : Number(v);
                    })
                  }
                />
                <TextInput
                  label={t('evaluation.period')}
                  value={evaluation.period ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update((d) => {
                      d.period = orNull(v);
                    });
                  }}
                />
                <NativeSelect
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
                      for (const r of d.recommendations) {
                        if (v === 'classic') r.status = null;
                        for (const a of r.actions)
                          if (a.status && !STATUS_VOCABULARY[v].includes(a.status)) a.status = null;
                      }
                    });
                  }}
                />
              </Group>
              <TextInput
                label={t('evaluation.evaluators')}
                value={evaluation.evaluators ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => {
                    d.evaluators = orNull(v);
                  });
                }}
              />
              <TextInput
                label={t('evaluation.owner')}
                value={evaluation.owner ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => {
                    d.owner = orNull(v);
                  });
                }}
              />
              <Warned warnings={warnings.map.get('publishedOn')}>
                <TextInput
                  type="date"
                  label={t('evaluation.publishedOn')}
                  value={evaluation.publishedOn ?? ''}
                  error={err('publishedOn')}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update((d) => {
                      d.publishedOn = orNull(v);
                    });
                  }}
                />
              </Warned>
              <Textarea
                label={t('evaluation.overallComment')}
                autosize
                value={evaluation.overallComment ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => {
                    d.overallComment = orNull(v);
                  });
                }}
              />
              <Warned warnings={warnings.map.get('notes')}>
                {evaluation.notes.length > 0 && (
                  <Textarea
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
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SourceText title={t('review.source')} text={result.sources?.header ?? ''} />
          </Grid.Col>
        </Grid>
      </Card>

      {evaluation.recommendations.map((r, i) => {
        const w = (field: string) => warnings.map.get(`recommendations.${i}.${field}`);
        const path = (field: string) => `recommendations.${i}.${field}`;
        return (
          <Card
            withBorder
            // biome-ignore lint/suspicious/noArrayIndexKey: recommendations keep their place while reviewed
            key={i}
            component="section"
            aria-label={t('recommendation.heading', { n: r.number })}
          >
            <Grid>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack gap="xs">
                  <Group>
                    <Title order={4}>{t('recommendation.heading', { n: r.number })}</Title>
                    <TextInput
                      aria-label={t('review.recNumber', { n: r.number })}
                      value={r.number}
                      w={80}
                      error={err(path('number'))}
                      onChange={(e) => setRec(i, { number: e.currentTarget.value })}
                    />
                  </Group>
                  <Warned warnings={w('text')}>
                    <Textarea
                      label={t('recommendation.text')}
                      autosize
                      minRows={2}
                      value={r.text}
                      error={err(path('text'))}
                      onChange={(e) => setRec(i, { text: e.currentTarget.value })}
                    />
                  </Warned>
                  <TextInput
                    label={t('recommendation.addressedTo')}
                    value={r.addressedTo ?? ''}
                    onChange={(e) => setRec(i, { addressedTo: orNull(e.currentTarget.value) })}
                  />
                  <Group grow align="flex-start">
                    <Warned warnings={w('priority')}>
                      <NativeSelect
                        label={t('recommendation.priority')}
                        value={r.priority ? String(r.priority) : ''}
                        error={err(path('priority'))}
                        data={[{ value: '', label: t('recommendation.noPriority') }, '1', '2', '3']}
                        onChange={(e) =>
                          setRec(i, {
                            priority: e.currentTarget.value ? Number(e.currentTarget.value) : null,
                          })
                        }
                      />
                    </Warned>
                    <TextInput
                      label={t('recommendation.priorityJustification')}
                      value={r.priorityJustification ?? ''}
                      onChange={(e) => setRec(i, { priorityJustification: orNull(e.currentTarget.value) })}
                    />
                  </Group>
                  <Warned warnings={w('response')}>
                    <NativeSelect
                      label={t('recommendation.responseKind')}
                      value={r.response ?? ''}
                      data={[
                        { value: '', label: t('response.none') },
                        ...['accepted', 'partially_accepted', 'rejected'].map((v) => ({
                          value: v,
                          label: t(`response.${v}`),
                        })),
                      ]}
                      onChange={(e) =>
                        setRec(i, { response: (e.currentTarget.value || null) as Rec['response'] })
                      }
                    />
                  </Warned>
                  <Textarea
                    label={t('recommendation.response')}
                    autosize
                    value={r.responseText ?? ''}
                    onChange={(e) => setRec(i, { responseText: orNull(e.currentTarget.value) })}
                  />
                  {evaluation.statusTemplate === '2022' && (
                    <Warned warnings={w('status')}>
                      <NativeSelect
                        label={t('recommendation.status')}
                        value={r.status ?? ''}
                        data={[
                          { value: '', label: '—' },
                          ...['open', 'discarded', 'completed'].map((v) => ({
                            value: v,
                            label: t(`status.${v}`),
                          })),
                        ]}
                        onChange={(e) =>
                          setRec(i, { status: (e.currentTarget.value || null) as Rec['status'] })
                        }
                      />
                    </Warned>
                  )}
                  <Textarea
                    label={t('recommendation.comments')}
                    autosize
                    value={r.comments ?? ''}
                    onChange={(e) => setRec(i, { comments: orNull(e.currentTarget.value) })}
                  />
                  <Warned warnings={w('notes')}>
                    {r.notes.length > 0 && (
                      <Textarea
                        label={t('review.notes')}
                        autosize
                        value={r.notes.join('\n')}
                        onChange={(e) =>
                          setRec(i, { notes: e.currentTarget.value.split('\n').filter((n) => n.trim()) })
                        }
                      />
                    )}
                  </Warned>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <SourceText title={t('review.source')} text={result.sources?.recommendations[i] ?? ''} />
              </Grid.Col>
            </Grid>
            <ScrollArea mt="sm">
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
                    <Table.Th w={40} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.actions.map((a, j) => {
                    const aw = (field: string) =>
                      warnings.map.get(`recommendations.${i}.actions.${j}.${field}`);
                    const ap = (field: string) => `recommendations.${i}.actions.${j}.${field}`;
                    const label = (what: string) => t('review.actionField', { n: a.number, field: what });
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: actions keep their place while reviewed
                      <Table.Tr key={j} data-action={a.number}>
                        <Table.Td>
                          <TextInput
                            aria-label={label(t('action.number'))}
                            value={a.number}
                            error={err(ap('number'))}
                            onChange={(e) => setAct(i, j, { number: e.currentTarget.value })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Warned warnings={aw('text')}>
                            <Textarea
                              aria-label={label(t('action.text'))}
                              autosize
                              value={a.text}
                              onChange={(e) => setAct(i, j, { text: e.currentTarget.value })}
                            />
                          </Warned>
                        </Table.Td>
                        <Table.Td>
                          <Warned warnings={aw('timeframe')}>
                            <TextInput
                              aria-label={label(t('action.timeframe'))}
                              value={a.timeframe ?? ''}
                              onChange={(e) => setTimeframe(i, j, e.currentTarget.value)}
                            />
                            <Group gap={4}>
                              {a.due?.inferred && (
                                <Badge size="xs" variant="light">
                                  {t('action.inferred')}
                                </Badge>
                              )}
                              <Checkbox
                                size="xs"
                                label={t('action.funding')}
                                checked={a.fundingConditional}
                                onChange={(e) =>
                                  setAct(i, j, { fundingConditional: e.currentTarget.checked })
                                }
                              />
                            </Group>
                          </Warned>
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            type="date"
                            aria-label={label(t('action.dueFrom'))}
                            value={a.due?.from ?? ''}
                            error={err(ap('due.from'))}
                            onChange={(e) => {
                              const from = orNull(e.currentTarget.value);
                              setAct(i, j, {
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
                            aria-label={label(t('action.dueTo'))}
                            value={a.due?.to ?? ''}
                            error={err(ap('due.to')) ?? err(ap('due'))}
                            onChange={(e) => {
                              const to = e.currentTarget.value;
                              setAct(i, j, {
                                due: to ? { from: a.due?.from ?? null, to, inferred: false } : null,
                              });
                            }}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={label(t('action.responsible'))}
                            value={a.responsible ?? ''}
                            onChange={(e) => setAct(i, j, { responsible: orNull(e.currentTarget.value) })}
                          />
                          <UnitLinks
                            responsible={a.responsible}
                            unitIds={a.unitIds ?? []}
                            onChange={(unitIds) => setAct(i, j, { unitIds })}
                            known={result.unitProposals}
                            saveError={saveError}
                            path={`recommendations.${i}.actions.${j}`}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Warned warnings={aw('status')}>
                            <NativeSelect
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
                                setAct(i, j, { status: (e.currentTarget.value || null) as Act['status'] })
                              }
                            />
                          </Warned>
                        </Table.Td>
                        <Table.Td>
                          <Textarea
                            aria-label={label(t('action.comments'))}
                            autosize
                            value={a.comments ?? ''}
                            onChange={(e) => setAct(i, j, { comments: orNull(e.currentTarget.value) })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('review.removeAction', { n: a.number })}
                            onClick={() =>
                              update((d) => {
                                d.recommendations[i].actions.splice(j, 1);
                              })
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
            <Group mt="xs">
              <Button
                size="xs"
                variant="subtle"
                onClick={() =>
                  update((d) => {
                    const rec = d.recommendations[i];
                    rec.actions.push({
                      number: `${rec.number}.${rec.actions.length + 1}`,
                      text: '',
                      timeframe: null,
                      due: null,
                      responsible: null,
                      fundingConditional: false,
                      status: null,
                      comments: null,
                    });
                  })
                }
              >
                {t('action.add')}
              </Button>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

function SourceText({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} c="dimmed">
        {title}
      </Text>
      <ScrollArea.Autosize mah={420} type="auto">
        <Text
          component="pre"
          size="xs"
          ff="monospace"
          style={{ whiteSpace: 'pre-wrap', margin: 0 }}
          bg="gray.0"
          p="xs"
        >
          {text || '—'}
        </Text>
      </ScrollArea.Autosize>
    </Stack>
  );
}
