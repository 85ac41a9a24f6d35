/**
 * Assessing a practice against its framework: for each guiding question the practice is judged
 * on, a narrative, inspiring tools and a mark per checklist item. A question left out is simply
 * not assessed — it never counts as not met.
 */
import { Button, Card, Checkbox, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { type FrameworkDefinition, MARKS, type Mark } from '../../../src/modules/frameworks/model';
import type { PracticePage } from '../../../src/modules/practices/model';
import { api } from '../api';
import { useNavigate } from '../shared/router';
import { ErrorAlert } from '../shared/ui';

interface Answer {
  included: boolean;
  narrative: string;
  tools: string;
  marks: Record<string, Mark>;
}

export function AssessPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const page = useQuery({ queryKey: ['practice', id], queryFn: () => api<PracticePage>(`/practices/${id}`) });
  const frameworkKey = page.data?.framework
    ? `${page.data.framework.id}/${page.data.framework.version}`
    : 'spring/1';
  const framework = useQuery({
    queryKey: ['framework', frameworkKey],
    queryFn: () => api<FrameworkDefinition>(`/frameworks/${frameworkKey}`),
    enabled: page.isSuccess,
  });
  const [answers, setAnswers] = useState<Record<string, Answer> | null>(null);

  useEffect(() => {
    if (!framework.data || !page.data || answers) return;
    const initial: Record<string, Answer> = {};
    for (const c of framework.data.criteria) {
      for (const q of c.questions) {
        const saved = page.data.criteria.find((x) => x.id === c.id)?.questions.find((x) => x.id === q.id);
        initial[q.id] = {
          included: Boolean(saved),
          narrative: saved?.narrative ?? '',
          tools: (saved?.inspiringTools ?? []).join('\n'),
          marks: Object.fromEntries(
            q.items.map((it) => [it.id, saved?.items.find((x) => x.id === it.id)?.mark ?? 'not_assessed']),
          ),
        };
      }
    }
    setAnswers(initial);
  }, [framework.data, page.data, answers]);

  const save = useMutation({
    mutationFn: () => {
      const f = framework.data as FrameworkDefinition;
      const kept = new Map((page.data?.otherAnswers ?? []).map((a) => [a.question, a]));
      return api(`/practices/${id}/assessment`, {
        method: 'PUT',
        json: {
          framework: `${f.id}@${f.version}`,
          questions: [
            ...f.criteria.flatMap((c) =>
              c.questions
                .filter((q) => answers?.[q.id]?.included)
                .map((q) => {
                  const a = answers?.[q.id] as Answer;
                  return {
                    questionId: q.id,
                    criterion: c.name,
                    question: q.text,
                    narrative: a.narrative,
                    inspiringTools: a.tools
                      .split('\n')
                      .map((s) => s.trim())
                      .filter(Boolean),
                    items: q.items.map((it) => ({ itemId: it.id, text: it.text, mark: a.marks[it.id] })),
                  };
                }),
            ),
            // Answers to questions outside the framework, kept from the import.
            ...[...kept.values()].map((a) => ({
              questionId: null,
              criterion: a.criterion,
              question: a.question,
              narrative: a.narrative,
              inspiringTools: a.inspiringTools,
              items: a.unmatchedItems.map((u) => ({ itemId: null, text: u.text, mark: u.mark })),
            })),
          ],
        },
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      navigate(`/practices/${id}`);
    },
  });

  const error = page.error ?? framework.error;
  if (error) return <ErrorAlert error={error} />;
  if (!framework.data || !page.data || !answers) return <Text>{t('common.loading')}</Text>;
  const set = (qid: string, change: Partial<Answer>) =>
    setAnswers((a) => (a ? { ...a, [qid]: { ...a[qid], ...change } } : a));

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>{t('assess.title', { title: page.data.title })}</Title>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('assess.save')}
        </Button>
      </Group>
      <Text c="dimmed">{t('assess.intro', { framework: framework.data.name })}</Text>
      <ErrorAlert error={save.error} />
      {framework.data.criteria.map((c) => (
        <Card key={c.id} withBorder component="section" aria-label={c.name}>
          <Title order={2} size="h3">
            {c.name}
          </Title>
          {c.questions.map((q) => {
            const a = answers[q.id];
            return (
              <Stack key={q.id} gap={6} mt="md">
                <Checkbox
                  label={q.text}
                  checked={a.included}
                  onChange={(e) => set(q.id, { included: e.currentTarget.checked })}
                  fw={600}
                />
                {a.included && (
                  <Stack gap={6} pl="xl">
                    <Textarea
                      label={t('assess.narrative')}
                      autosize
                      minRows={2}
                      value={a.narrative}
                      onChange={(e) => set(q.id, { narrative: e.currentTarget.value })}
                    />
                    <Textarea
                      label={t('practice.tools')}
                      description={t('assess.toolsHint')}
                      autosize
                      value={a.tools}
                      onChange={(e) => set(q.id, { tools: e.currentTarget.value })}
                    />
                    {q.items.map((it) => (
                      <Group key={it.id} wrap="nowrap" align="flex-start">
                        <NativeSelect
                          aria-label={t('practiceImport.mark', { item: it.id })}
                          w={170}
                          value={a.marks[it.id]}
                          data={MARKS.map((m) => ({ value: m, label: t(`mark.${m}`) }))}
                          onChange={(e) => {
                            const v = e.currentTarget.value as Mark;
                            set(q.id, { marks: { ...a.marks, [it.id]: v } });
                          }}
                        />
                        <Text size="sm">
                          <b>{it.id}</b> {it.text}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                )}
              </Stack>
            );
          })}
        </Card>
      ))}
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('assess.save')}
        </Button>
      </Group>
    </Stack>
  );
}
