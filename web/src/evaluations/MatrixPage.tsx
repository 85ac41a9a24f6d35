/**
 * One evaluation shown as its matrix: each recommendation with its response and key actions,
 * where progress is recorded, fields are edited, and the matrix is exported.
 */

import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import type { Matrix } from '../../../src/modules/evaluations/model';
import { STATUS_VOCABULARY } from '../../../src/modules/evaluations/model';
import { can, mayRecordOn as mayRecordOnAction, useSession } from '../accounts/session';
import { ActionEditModal } from '../actions/ActionEditModal';
import { ProgressModal } from '../actions/ProgressModal';
import { api } from '../api';
import { evaluationRights, MatrixFollowup } from '../followup/MatrixFollowup';
import { ActionabilityNotes } from '../portfolio/ActionabilityNotes';
import { PracticesForRecommendation } from '../portfolio/PracticesForRecommendation';
import { PublishResponse } from '../portfolio/PublishResponse';
import { SimilarRecommendations } from '../portfolio/SimilarRecommendations';
import { HistoryPanel } from '../shared/History';
import { useNavigate } from '../shared/router';
import { DeleteButton } from '../shared/Trash';
import {
  DueText,
  ErrorAlert,
  FormButtons,
  fieldError,
  NoActionBadge,
  OverdueBadge,
  PriorityBadge,
  ResponseBadge,
  ScrollTable,
  StatusBadge,
  useFormatDate,
} from '../shared/ui';
import { useDialog } from '../shared/useDialog';
import { LinkedUnits } from '../units/LinkedUnits';

type Rec = Matrix['recommendations'][number];
type Action = Rec['actions'][number];

export function MatrixPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const matrix = useQuery({ queryKey: ['matrix', id], queryFn: () => api<Matrix>(`/evaluations/${id}`) });
  const session = useSession().data;
  const role = can(session);
  // Once the evaluation is closed, nothing on it is edited (reopening is in MatrixFollowup).
  const may = evaluationRights(role, matrix.data);
  const navigate = useNavigate();
  const [progressFor, setProgressFor, closeProgress] = useDialog<Action>();
  const [editAction, setEditAction, closeEditAction] = useDialog<Action>();
  const [editRec, setEditRec, closeEditRec] = useDialog<Rec>();
  const [editEval, setEditEval] = useState(false);
  const [history, setHistory] = useState<Record<string, boolean>>({});
  const queryClient = useQueryClient();
  const addAction = useMutation({
    mutationFn: (recId: string) =>
      api(`/recommendations/${recId}/actions`, { method: 'POST', json: { text: '' } }),
    onSuccess: () => queryClient.invalidateQueries(),
  });

  if (matrix.error) return <ErrorAlert error={matrix.error} />;
  if (!matrix.data) return <Text>{t('common.loading')}</Text>;
  const m = matrix.data;
  const statuses = STATUS_VOCABULARY[m.statusTemplate];
  const mayRecordOn = (a: Action) => may.progress && !a.noActionNeeded && mayRecordOnAction(session, a);

  return (
    <Stack maw={1400}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{m.title}</Title>
          <Group gap="xs">
            {m.period && <Text c="dimmed">{m.period}</Text>}
            {m.year && <Badge variant="light">{m.year}</Badge>}
            <Badge variant="outline">{t(`template.${m.statusTemplate}`)}</Badge>
          </Group>
          {m.evaluators && (
            <Text size="sm">
              {t('evaluation.evaluators')}: {m.evaluators}
            </Text>
          )}
          {m.owner && (
            <Text size="sm">
              {t('evaluation.owner')}: {m.owner}
            </Text>
          )}
          {m.overallComment && (
            <Text size="sm">
              {t('evaluation.overallComment')}: {m.overallComment}
            </Text>
          )}
        </Stack>
        <Group>
          {may.edit && (
            <DeleteButton
              path={`/evaluations/${m.id}`}
              title={m.title}
              onDeleted={() => navigate('/evaluations')}
            />
          )}
          {may.edit && (
            <Button variant="default" onClick={() => setEditEval(true)}>
              {t('common.edit')}
            </Button>
          )}
          <Menu>
            <Menu.Target>
              <Button>{t('matrix.export')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['docx', 'xlsx', 'csv', 'json'] as const).map((f) => (
                <Menu.Item
                  key={f}
                  component="a"
                  href={`/api/evaluations/${m.id}/export?format=${f}&lang=${i18n.language}`}
                  download
                >
                  {t(`matrix.format.${f}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <MatrixFollowup evaluation={m} may={role} />
      <PublishResponse evaluation={m} mayEdit={role.edit} />
      {m.notes.length > 0 && (
        <Alert color="gray" title={t('matrix.notes')}>
          {m.notes.map((n) => (
            <Text key={n} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n}
            </Text>
          ))}
        </Alert>
      )}

      {m.recommendations.map((r) => (
        <Card
          key={r.id}
          withBorder
          component="section"
          aria-label={t('recommendation.heading', { n: r.number })}
        >
          <Group justify="space-between" align="flex-start">
            <Group gap="xs">
              <Title order={2} size="h4">
                {t('recommendation.heading', { n: r.number })}
              </Title>
              <PriorityBadge priority={r.priority} />
              <ResponseBadge response={r.response} />
              <RecommendationStatus rec={r} />
            </Group>
            {may.edit && (
              <Button size="xs" variant="default" onClick={() => setEditRec(r)}>
                {t('recommendation.edit')}
              </Button>
            )}
          </Group>
          <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {r.text}
          </Text>
          {r.addressedTo && (
            <Text size="sm" mt="xs">
              <b>{t('recommendation.addressedTo')}:</b> {r.addressedTo}
            </Text>
          )}
          {r.priorityJustification && (
            <Text size="sm">
              <b>{t('recommendation.priorityJustification')}:</b> {r.priorityJustification}
            </Text>
          )}
          {r.responseText && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              <b>{t('recommendation.response')}:</b> {r.responseText}
            </Text>
          )}
          {r.comments && (
            <Text size="sm" mt="xs">
              <b>{t('recommendation.comments')}:</b> {r.comments}
            </Text>
          )}
          <ActionabilityNotes rec={r} />
          <SimilarRecommendations recommendationId={r.id} number={r.number} />
          <PracticesForRecommendation recommendationId={r.id} number={r.number} mayEdit={may.edit} />
          <Box mt="sm">
            <ScrollTable label={t('matrix.actionsOf', { n: r.number })} minWidth={760}>
              <Table withTableBorder aria-label={t('matrix.actionsOf', { n: r.number })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('action.number')}</Table.Th>
                    <Table.Th>{t('action.text')}</Table.Th>
                    <Table.Th>{t('action.timeframe')}</Table.Th>
                    <Table.Th>{t('action.responsible')}</Table.Th>
                    <Table.Th>{t('action.status')}</Table.Th>
                    <Table.Th>{t('action.comments')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.actions.map((a) => (
                    <Fragment key={a.id}>
                      <Table.Tr data-action={a.number}>
                        <Table.Td>{a.number}</Table.Td>
                        <Table.Td>{a.text}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.timeframe}</Text>
                          <DueText due={a.due} />
                          {a.fundingConditional && (
                            <Badge size="xs" color="grape">
                              {t('action.funding')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.responsible}</Text>
                          <LinkedUnits units={a.units} />
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4}>
                            {a.noActionNeeded ? <NoActionBadge /> : <StatusBadge status={a.status} />}
                            <OverdueBadge overdue={a.overdue} />
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.comments}</Text>
                          {a.updates.length > 0 && (
                            <Anchor
                              component="button"
                              size="xs"
                              onClick={() => setHistory((h) => ({ ...h, [a.id]: !h[a.id] }))}
                            >
                              {t('action.historyCount', { count: a.updates.length })}
                            </Anchor>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {mayRecordOn(a) && (
                              <Button
                                size="xs"
                                onClick={() => setProgressFor(a)}
                                aria-label={t('action.recordProgressFor', { n: a.number })}
                              >
                                {t('action.recordProgress')}
                              </Button>
                            )}
                            {may.edit && (
                              <Button
                                size="xs"
                                variant="default"
                                onClick={() => setEditAction(a)}
                                aria-label={t('action.editFor', { n: a.number })}
                              >
                                {t('common.edit')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                      {history[a.id] && (
                        <Table.Tr>
                          <Table.Td />
                          <Table.Td colSpan={6}>
                            <History updates={a.updates} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Box>
          {may.edit && (
            <Group mt="xs">
              <Button
                size="xs"
                variant="subtle"
                onClick={() => addAction.mutate(r.id)}
                loading={addAction.isPending}
              >
                {t('action.add')}
              </Button>
            </Group>
          )}
        </Card>
      ))}

      <HistoryPanel path={`/evaluations/${m.id}`} />

      {progressFor && <ProgressModal action={progressFor} statuses={statuses} onClose={closeProgress} />}
      {editAction && <ActionEditModal action={editAction} onClose={closeEditAction} />}
      {editRec && <RecommendationModal rec={editRec} onClose={closeEditRec} />}
      {editEval && <EvaluationModal matrix={m} onClose={() => setEditEval(false)} />}
    </Stack>
  );
}

/** The recommendation's status: set by hand with a reason, or the one its key actions give it. */
function RecommendationStatus({ rec }: { rec: Rec }) {
  const { t } = useTranslation();
  const byHand = Boolean(rec.statusReason && rec.status);
  const status = byHand ? rec.status : rec.followedStatus;
  if (!status) return null;
  return (
    <Group gap={4}>
      <StatusBadge status={status} />
      <Text size="xs" c="dimmed">
        {byHand
          ? t('recommendation.statusSetBecause', { reason: rec.statusReason })
          : t('recommendation.statusFollows')}
      </Text>
    </Group>
  );
}

function History({ updates }: { updates: Action['updates'] }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  return (
    <Stack gap={2} aria-label={t('action.history')}>
      {updates.map((u) => (
        <Text size="sm" key={u.id}>
          <b>{date(u.recordedOn)}</b> — {u.author}
          {u.statusTo ? ` (${t(`status.${u.statusFrom}`)} → ${t(`status.${u.statusTo}`)})` : ''}
          {u.comment ? `: ${u.comment}` : ''}
          {u.state !== 'validated' && ` — ${t(`followup.reportState.${u.state}`)}`}
          {u.state === 'returned' && u.reviewComment ? `: ${u.reviewComment}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

function RecommendationModal({ rec, onClose }: { rec: Rec; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    text: rec.text,
    addressedTo: rec.addressedTo ?? '',
    priority: rec.priority ? String(rec.priority) : '',
    priorityJustification: rec.priorityJustification ?? '',
    response: rec.response ?? '',
    responseText: rec.responseText ?? '',
    // '' = the status follows the key actions; a status set by hand keeps its reason.
    status: rec.statusReason ? (rec.status ?? '') : '',
    statusReason: rec.statusReason ?? '',
    comments: rec.comments ?? '',
  });
  const statusChanged = form.status !== (rec.statusReason ? (rec.status ?? '') : '');
  const save = useMutation({
    mutationFn: () =>
      api(`/recommendations/${rec.id}`, {
        method: 'PATCH',
        json: {
          text: form.text,
          addressedTo: form.addressedTo || null,
          priority: form.priority ? Number(form.priority) : null,
          priorityJustification: form.priorityJustification || null,
          response: form.response || null,
          responseText: form.responseText || null,
          comments: form.comments || null,
          ...(statusChanged ? { status: form.status || null, reason: form.statusReason || undefined } : {}),
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  const set = (k: keyof typeof form) => (v: string | null) => setForm((f) => ({ ...f, [k]: v ?? '' }));
  return (
    <Modal opened onClose={onClose} title={t('recommendation.edit')} size="lg">
      <Stack>
        <Textarea
          label={t('recommendation.text')}
          autosize
          minRows={3}
          value={form.text}
          onChange={(e) => set('text')(e.currentTarget.value)}
          error={fieldError(save.error, 'text')}
        />
        <TextInput
          label={t('recommendation.addressedTo')}
          value={form.addressedTo}
          onChange={(e) => set('addressedTo')(e.currentTarget.value)}
        />
        <Select
          label={t('recommendation.priority')}
          value={form.priority}
          onChange={set('priority')}
          data={[
            { value: '', label: t('recommendation.noPriority') },
            ...['1', '2', '3'].map((p) => ({ value: p, label: p })),
          ]}
          error={fieldError(save.error, 'priority')}
        />
        <TextInput
          label={t('recommendation.priorityJustification')}
          value={form.priorityJustification}
          onChange={(e) => set('priorityJustification')(e.currentTarget.value)}
        />
        <Select
          label={t('recommendation.responseKind')}
          value={form.response}
          onChange={set('response')}
          data={[
            { value: '', label: t('response.none') },
            ...['accepted', 'partially_accepted', 'rejected'].map((r) => ({
              value: r,
              label: t(`response.${r}`),
            })),
          ]}
        />
        <Textarea
          label={t('recommendation.responseText')}
          autosize
          minRows={2}
          value={form.responseText}
          onChange={(e) => set('responseText')(e.currentTarget.value)}
        />
        <Select
          label={t('recommendation.status')}
          value={form.status}
          onChange={set('status')}
          data={[
            {
              value: '',
              label: rec.followedStatus
                ? t('recommendation.statusAuto', { status: t(`status.${rec.followedStatus}`) })
                : t('recommendation.statusAutoNone'),
            },
            ...['open', 'discarded', 'completed'].map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        {form.status !== '' && statusChanged && (
          <Textarea
            label={t('recommendation.statusReason')}
            description={t('recommendation.statusReasonHint')}
            required
            autosize
            value={form.statusReason}
            onChange={(e) => set('statusReason')(e.currentTarget.value)}
            error={fieldError(save.error, 'reason')}
          />
        )}
        <Textarea
          label={t('recommendation.comments')}
          autosize
          value={form.comments}
          onChange={(e) => set('comments')(e.currentTarget.value)}
        />
        <ErrorAlert error={save.error} />
        <FormButtons onCancel={onClose} onSave={() => save.mutate()} saving={save.isPending} />
      </Stack>
    </Modal>
  );
}

function EvaluationModal({ matrix, onClose }: { matrix: Matrix; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    title: matrix.title,
    year: matrix.year as number | string | null,
    period: matrix.period ?? '',
    evaluators: matrix.evaluators ?? '',
    owner: matrix.owner ?? '',
    publishedOn: matrix.publishedOn ?? '',
    overallComment: matrix.overallComment ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      api(`/evaluations/${matrix.id}`, {
        method: 'PATCH',
        json: {
          title: form.title,
          year: form.year === '' || form.year === null ? null : Number(form.year),
          period: form.period || null,
          evaluators: form.evaluators || null,
          owner: form.owner || null,
          publishedOn: form.publishedOn || null,
          overallComment: form.overallComment || null,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  const text = (k: Exclude<keyof typeof form, 'year'>) => ({
    value: form[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value;
      setForm((f) => ({ ...f, [k]: v }));
    },
    error: fieldError(save.error, k),
  });
  return (
    <Modal opened onClose={onClose} title={t('evaluation.edit')} size="lg">
      <Stack>
        <TextInput label={t('evaluation.title')} {...text('title')} />
        <NumberInput
          label={t('evaluation.year')}
          value={form.year ?? ''}
          onChange={(v) => setForm((f) => ({ ...f, year: v }))}
          error={fieldError(save.error, 'year')}
        />
        <TextInput label={t('evaluation.period')} {...text('period')} />
        <TextInput label={t('evaluation.evaluators')} {...text('evaluators')} />
        <TextInput label={t('evaluation.owner')} {...text('owner')} />
        <TextInput label={t('evaluation.publishedOn')} type="date" {...text('publishedOn')} />
        <Textarea label={t('evaluation.overallComment')} autosize {...text('overallComment')} />
        <ErrorAlert error={save.error} />
        <FormButtons onCancel={onClose} onSave={() => save.mutate()} saving={save.isPending} />
      </Stack>
    </Modal>
  );
}
