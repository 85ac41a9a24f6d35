/**
 * Opening a follow-up round: name, due date, message and evaluations, then a check of who will
 * be asked (and what stops a unit from being asked) before anything is sent.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationSummary } from '../../../src/modules/evaluations/model';
import type { RoundDetail, RoundInput, RoundPreview } from '../../../src/modules/followup/model';
import { api } from '../api';
import { useNavigate } from '../shared/router';
import { ErrorAlert, fieldError } from '../shared/ui';

export function NewRoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [message, setMessage] = useState('');
  const [evaluationIds, setEvaluationIds] = useState<string[]>([]);
  const evaluations = useQuery({
    queryKey: ['evaluations', 'all'],
    queryFn: () => api<{ items: EvaluationSummary[]; total: number }>('/evaluations?pageSize=200'),
  });
  const input = (): RoundInput => ({ name, dueOn, message: message.trim() || null, evaluationIds });
  const preview = useMutation({
    mutationFn: () => api<RoundPreview>('/rounds/preview', { method: 'POST', json: input() }),
  });
  const open = useMutation({
    mutationFn: () => api<RoundDetail>('/rounds', { method: 'POST', json: input() }),
    onSuccess: (round) => navigate(`/rounds/${round.id}`),
  });
  // Any change of the form makes the check stale: it has to be done again.
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      preview.reset();
      open.reset();
    };
  const error = open.error ?? preview.error;

  return (
    <Stack maw={960}>
      <Title order={1}>{t('followup.newRound.title')}</Title>
      <Text c="dimmed">{t('followup.newRound.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          preview.mutate();
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('followup.newRound.name')}
              placeholder={t('followup.newRound.namePlaceholder')}
              value={name}
              onChange={(e) => change(setName)(e.currentTarget.value)}
              error={fieldError(error, 'name')}
              required
            />
            <TextInput
              type="date"
              label={t('followup.newRound.dueOn')}
              value={dueOn}
              onChange={(e) => change(setDueOn)(e.currentTarget.value)}
              error={fieldError(error, 'dueOn')}
              required
            />
          </SimpleGrid>
          <MultiSelect
            label={t('followup.newRound.evaluations')}
            description={t('followup.newRound.evaluationsHint')}
            searchable
            data={(evaluations.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }))}
            value={evaluationIds}
            onChange={change(setEvaluationIds)}
            error={fieldError(error, 'evaluationIds')}
            nothingFoundMessage={t('followup.newRound.noEvaluation')}
            required
          />
          <Textarea
            label={t('followup.newRound.message')}
            description={t('followup.newRound.messageHint')}
            autosize
            minRows={3}
            value={message}
            onChange={(e) => change(setMessage)(e.currentTarget.value)}
            error={fieldError(error, 'message')}
          />
          <ErrorAlert error={evaluations.error} />
          <Group>
            <Button type="submit" variant={preview.data ? 'default' : 'filled'} loading={preview.isPending}>
              {t('followup.newRound.check')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ErrorAlert error={error} />
      {preview.data && (
        <PreviewView preview={preview.data} opening={open.isPending} onOpen={() => open.mutate()} />
      )}
    </Stack>
  );
}

function PreviewView({
  preview,
  opening,
  onOpen,
}: {
  preview: RoundPreview;
  opening: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const askable = preview.units.filter((u) => u.problems.length === 0).length;
  // The server opens a round only when every unit can be asked and nothing else is wrong.
  const blocked = preview.problems.length > 0 || askable < preview.units.length || askable === 0;
  return (
    <Stack component="section" aria-labelledby="round-check">
      <Title order={2} id="round-check">
        {t('followup.newRound.checkTitle')}
      </Title>
      {!preview.mail && (
        <Alert color="yellow" title={t('followup.noMailTitle')}>
          {t('followup.noMail')}
        </Alert>
      )}
      {preview.problems.length > 0 && (
        <Alert color="red" title={t('followup.newRound.problems')} role="alert">
          <List size="sm">
            {preview.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text>{t('followup.newRound.unitsCount', { count: preview.units.length, askable })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {preview.units.map((u) => (
          <Card key={u.unitId} withBorder data-unit={u.name}>
            <Stack gap={4}>
              <Title order={3} size="h4">
                {u.name}
              </Title>
              <Text size="sm">{t('followup.actionsCount', { count: u.actions })}</Text>
              {u.recipients.length > 0 && (
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {t('followup.recipients')}: {u.recipients.join(', ')}
                </Text>
              )}
              {u.problems.map((p) => (
                <Text key={p} size="sm" c="red.8" fw={600}>
                  {t('followup.newRound.problem', { problem: p })}
                </Text>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {preview.unlinkedActions.length > 0 && (
        <Alert
          color="yellow"
          title={t('followup.newRound.unlinked', { count: preview.unlinkedActions.length })}
        >
          <Text size="sm">{t('followup.newRound.unlinkedHint')}</Text>
          <List size="sm" mt="xs">
            {preview.unlinkedActions.map((a) => (
              <List.Item key={a.id}>
                {a.evaluationTitle} — {t('followup.actionLabel', { n: a.number })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {blocked && (
        <Text c="red.8" fw={600} role="status">
          {askable === 0 && preview.units.length === 0
            ? t('followup.newRound.nobody')
            : t('followup.newRound.blocked')}
        </Text>
      )}
      <Group>
        <Button onClick={onOpen} loading={opening} disabled={blocked}>
          {preview.mail
            ? t('followup.newRound.openAndEmail', { count: askable })
            : t('followup.newRound.openNoMail', { count: askable })}
        </Button>
      </Group>
    </Stack>
  );
}
