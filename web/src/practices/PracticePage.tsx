/**
 * A practice's page: its description, review workflow, coverage per criterion (radar chart), and
 * each guiding question with narrative, inspiring tools and checklist marks; an unmet item can
 * become an improvement action in the shared tracker.
 */

import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { PracticePage as Page } from '../../../src/modules/practices/model';
import { AREAS } from '../../../src/modules/practices/model';
import { can, useSession } from '../accounts/session';
import { api } from '../api';
import { InspiredRecommendations } from '../portfolio/PracticesForRecommendation';
import { HistoryPanel } from '../shared/History';
import { useNavigate } from '../shared/router';
import { DeleteButton } from '../shared/Trash';
import { ErrorAlert, FormButtons, fieldError } from '../shared/ui';
import { CoverageRadar, CoverageTable, MarkBadge } from './parts';

export function PracticePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const page = useQuery({ queryKey: ['practice', id], queryFn: () => api<Page>(`/practices/${id}`) });
  const [comment, setComment] = useState('');
  const [actionFor, setActionFor] = useState<{ id: string; text: string } | null>(null);
  const [editing, setEditing] = useState(false);
  const may = can(useSession().data);
  const navigate = useNavigate();
  const move = useMutation({
    mutationFn: (to: string) =>
      api(`/practices/${id}/workflow`, { method: 'POST', json: { to, comment: comment || undefined } }),
    onSuccess: async () => {
      setComment('');
      await queryClient.invalidateQueries();
    },
  });

  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <Text>{t('common.loading')}</Text>;
  const p = page.data;
  const facts: [string, string][] = (
    [
      [t('practice.organisations'), p.organisations.join(', ')],
      [t('practice.place'), [p.region, p.country].filter(Boolean).join(', ')],
      [t('practice.targetGroups'), p.targetGroups.join(', ')],
      [t('practice.areas'), p.areas.map((a) => t(`area.${a}`)).join(', ')],
      [t('practice.period'), p.period ?? ''],
      [t('practice.funding'), p.fundingSources.join(', ')],
      [t('practice.partners'), p.partners.join(', ')],
      [t('practice.contact'), p.contact ?? ''],
    ] as [string, string][]
  ).filter(([, v]) => v);

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{p.title}</Title>
          <Group gap="xs">
            <Badge color={p.status === 'published' ? 'green' : p.status === 'in_review' ? 'yellow' : 'gray'}>
              {t(`practiceStatus.${p.status}`)}
            </Badge>
            {p.framework && <Badge variant="outline">{p.framework.name}</Badge>}
          </Group>
        </Stack>
        <Group>
          {may.edit && (
            <DeleteButton
              path={`/practices/${p.id}`}
              title={p.title}
              onDeleted={() => navigate('/practices')}
            />
          )}
          {may.edit && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {may.edit && (
            <Button component={Link} to={`/practices/${p.id}/assess`} variant="default">
              {t('assess.open')}
            </Button>
          )}
          <Anchor href={`/api/practices/${p.id}/export?format=docx`} download>
            {t('practice.sheetDocx')}
          </Anchor>
          <Anchor href={`/api/practices/${p.id}/export?format=pdf`} download>
            {t('practice.sheetPdf')}
          </Anchor>
        </Group>
      </Group>
      {p.reviewComment && (
        <Alert color="yellow" title={t('practice.reviewComment')}>
          {p.reviewComment}
        </Alert>
      )}
      {may.workflow && (
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>{t('practice.workflow')}</Text>
            <Textarea
              label={t('practice.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              maw={600}
            />
            <Group>
              {p.status === 'draft' && (
                <Button onClick={() => move.mutate('in_review')}>{t('practice.submit')}</Button>
              )}
              {p.status === 'in_review' && (
                <Button color="green" onClick={() => move.mutate('published')}>
                  {t('practice.publish')}
                </Button>
              )}
              {p.status === 'in_review' && (
                <Button variant="default" onClick={() => move.mutate('draft')}>
                  {t('practice.return')}
                </Button>
              )}
              {p.status === 'published' && (
                <Button variant="default" onClick={() => move.mutate('draft')}>
                  {t('practice.unpublish')}
                </Button>
              )}
            </Group>
            <ErrorAlert error={move.error} />
          </Stack>
        </Card>
      )}
      {p.summary && <Text style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</Text>}
      {facts.length > 0 && (
        <Table withTableBorder maw={800}>
          <Table.Tbody>
            {facts.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={200}>{k}</Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {p.coverage.length > 0 && (
        <Group align="center">
          <Box w={{ base: '100%', xs: 480 }}>
            <CoverageRadar coverage={p.coverage} />
          </Box>
          <CoverageTable coverage={p.coverage} />
        </Group>
      )}
      {p.criteria
        .filter((c) => c.questions.length > 0)
        .map((c) => (
          <Card key={c.id} withBorder component="section" aria-label={c.name}>
            <Title order={2} size="h3">
              {c.name}
            </Title>
            {c.questions.map((q) => (
              <Stack key={q.id} gap={6} mt="md">
                <Title order={3} size="h5">
                  {q.text}
                </Title>
                {q.narrative
                  .split(/\n+/)
                  .filter(Boolean)
                  .map((para) => (
                    <Text key={para} size="sm">
                      {para}
                    </Text>
                  ))}
                {q.inspiringTools.length > 0 && (
                  <Text size="sm">
                    <b>{t('practice.tools')}:</b> {q.inspiringTools.join('; ')}
                  </Text>
                )}
                <Table>
                  <Table.Tbody>
                    {q.items.map((it) => (
                      <Table.Tr key={it.id} data-item={it.id}>
                        <Table.Td w={130}>
                          <MarkBadge mark={it.mark} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{it.text}</Text>
                        </Table.Td>
                        <Table.Td w={220}>
                          {it.mark === 'not_met' && may.edit && (
                            <Group gap={4}>
                              <Button
                                size="xs"
                                variant="light"
                                onClick={() => setActionFor({ id: it.id, text: it.text })}
                                aria-label={t('practice.planFor', { id: it.id })}
                              >
                                {t('practice.plan')}
                              </Button>
                              {it.actions > 0 && (
                                <Anchor component={Link} to={`/actions?q=`} size="xs">
                                  {t('practice.actionsCount', { count: it.actions })}
                                </Anchor>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ))}
          </Card>
        ))}
      {actionFor && (
        <ImprovementModal practiceId={p.id} item={actionFor} onClose={() => setActionFor(null)} />
      )}
      {editing && <EditModal page={p} onClose={() => setEditing(false)} />}
      {may.read && <InspiredRecommendations practiceId={p.id} />}
      {may.read && <HistoryPanel path={`/practices/${p.id}`} />}
    </Stack>
  );
}

function ImprovementModal({
  practiceId,
  item,
  onClose,
}: {
  practiceId: string;
  item: { id: string; text: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueTo, setDueTo] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api(`/practices/${practiceId}/items/${item.id}/actions`, {
        method: 'POST',
        json: {
          text,
          responsible: responsible || null,
          due: dueTo ? { from: null, to: dueTo, inferred: false } : null,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('practice.planTitle', { id: item.id })} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {item.text}
        </Text>
        <Textarea
          label={t('action.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={fieldError(save.error, 'text')}
        />
        <TextInput
          label={t('action.responsible')}
          value={responsible}
          onChange={(e) => setResponsible(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('action.dueTo')}
          value={dueTo}
          onChange={(e) => setDueTo(e.currentTarget.value)}
          error={fieldError(save.error, 'due.to')}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!text.trim()}>
            {t('practice.createAction')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EditModal({ page, onClose }: { page: Page; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const listText = (l: string[]) => l.join(', ');
  const [form, setForm] = useState({
    title: page.title,
    summary: page.summary ?? '',
    country: page.country ?? '',
    region: page.region ?? '',
    organisations: listText(page.organisations),
    targetGroups: listText(page.targetGroups),
    period: page.period ?? '',
    fundingSources: listText(page.fundingSources),
    partners: listText(page.partners),
    links: listText(page.links),
    contact: page.contact ?? '',
  });
  const [areas, setAreas] = useState<string[]>(page.areas);
  const split = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const save = useMutation({
    mutationFn: () =>
      api(`/practices/${page.id}`, {
        method: 'PATCH',
        json: {
          title: form.title,
          summary: form.summary || null,
          country: form.country || null,
          region: form.region || null,
          organisations: split(form.organisations),
          targetGroups: split(form.targetGroups),
          areas,
          period: form.period || null,
          fundingSources: split(form.fundingSources),
          partners: split(form.partners),
          links: split(form.links),
          contact: form.contact || null,
        },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  const field = (k: keyof typeof form, labelKey: string, hint?: string) => (
    <TextInput
      label={t(labelKey)}
      description={hint}
      value={form[k]}
      error={fieldError(save.error, k)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setForm((f) => ({ ...f, [k]: v }));
      }}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('practice.edit')} size="lg">
      <Stack>
        {field('title', 'evaluation.title')}
        <Textarea
          label={t('practice.summary')}
          autosize
          minRows={3}
          value={form.summary}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setForm((f) => ({ ...f, summary: v }));
          }}
        />
        <Group grow>
          {field('country', 'practice.country')}
          {field('region', 'practice.region')}
        </Group>
        {field('organisations', 'practice.organisations', t('practice.commas'))}
        {field('targetGroups', 'practice.targetGroups', t('practice.commas'))}
        <MultiSelect
          label={t('practice.areas')}
          data={AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
          value={areas}
          onChange={setAreas}
        />
        {field('period', 'practice.period')}
        {field('fundingSources', 'practice.funding', t('practice.commas'))}
        {field('partners', 'practice.partners', t('practice.commas'))}
        {field('links', 'practice.links', t('practice.commas'))}
        {field('contact', 'practice.contact')}
        <ErrorAlert error={save.error} />
        <FormButtons onCancel={onClose} onSave={() => save.mutate()} saving={save.isPending} />
      </Stack>
    </Modal>
  );
}
