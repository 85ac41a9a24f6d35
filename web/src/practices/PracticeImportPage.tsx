/**
 * Importing practice pages: paste or upload the text, review each practice read from it (title,
 * place, areas, narratives and marks all editable, warnings listed), then save them as drafts.
 */
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  MultiSelect,
  NativeSelect,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKS } from '../../../src/modules/frameworks/model';
import { AREAS, type PracticeInput } from '../../../src/modules/practices/model';
import { api } from '../api';
import { useNavigate } from '../shared/router';
import { ErrorAlert, fieldError } from '../shared/ui';
import { useWarnings } from '../shared/warnings';

interface Reading {
  practices: PracticeInput[];
  warnings: { message: string; where: string }[];
}

export function PracticeImportPage() {
  const { t } = useTranslation();
  const said = useWarnings();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<string | null>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState<Reading | null>(null);

  const read = useMutation({
    mutationFn: async () => {
      if (tab === 'file') {
        if (!file) throw new Error(t('import.chooseFile'));
        const form = new FormData();
        form.append('file', file);
        return api<Reading>('/practices/import/file', { method: 'POST', body: form });
      }
      return api<Reading>('/practices/import?dryRun=true', { method: 'POST', json: { text } });
    },
    onSuccess: setReading,
  });
  const save = useMutation({
    mutationFn: () =>
      api<{ ids: string[] }>('/practices', { method: 'POST', json: { practices: reading?.practices } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      navigate('/practices?status=draft');
    },
  });
  const update = (i: number, change: (p: PracticeInput) => void) =>
    setReading((r) => {
      if (!r) return r;
      const next = structuredClone(r);
      change(next.practices[i]);
      return next;
    });

  if (reading) {
    return (
      <Stack maw={1200}>
        <Group justify="space-between">
          <Title order={1}>{t('practiceImport.review', { count: reading.practices.length })}</Title>
          <Group>
            <Button variant="default" onClick={() => setReading(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="green" onClick={() => save.mutate()} loading={save.isPending}>
              {t('practiceImport.save')}
            </Button>
          </Group>
        </Group>
        {reading.warnings.length > 0 && (
          <Alert color="yellow" title={t('import.warnings', { count: reading.warnings.length })}>
            <List size="sm">
              {reading.warnings.map((w) => (
                <List.Item key={`${w.where}-${w.message}`}>
                  <b>{said.place(w.where)}</b>: {said.text(w)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        {reading.practices.map((p, i) => (
          <Card
            // biome-ignore lint/suspicious/noArrayIndexKey: practices keep their place while reviewed
            key={i}
            withBorder
            component="section"
            aria-label={t('practiceImport.practiceN', { n: i + 1 })}
          >
            <Stack gap="xs">
              <TextInput
                label={t('practiceImport.titleN', { n: i + 1 })}
                value={p.title}
                error={fieldError(save.error, `practices.${i}.title`)}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update(i, (d) => {
                    d.title = v;
                  });
                }}
              />
              <Group grow>
                <TextInput
                  label={t('practice.country')}
                  value={p.country ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update(i, (d) => {
                      d.country = v || null;
                    });
                  }}
                />
                <TextInput
                  label={t('practice.region')}
                  value={p.region ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update(i, (d) => {
                      d.region = v || null;
                    });
                  }}
                />
                <TextInput
                  label={t('practice.targetGroups')}
                  description={t('practice.commas')}
                  value={p.targetGroups.join(', ')}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    update(i, (d) => {
                      d.targetGroups = v
                        .split(',')
                        .map((x) => x.trim())
                        .filter(Boolean);
                    });
                  }}
                />
              </Group>
              <MultiSelect
                label={t('practice.areas')}
                data={AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
                value={p.areas}
                onChange={(v) =>
                  update(i, (d) => {
                    d.areas = v as PracticeInput['areas'];
                  })
                }
              />
              {p.assessment?.questions.map((q, qi) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: questions keep their place while reviewed
                <Stack key={qi} gap={4} pl="md" style={{ borderLeft: '3px solid #e9ecef' }}>
                  <Text size="sm" fw={600}>
                    {q.criterion} — {q.question}
                  </Text>
                  <Textarea
                    aria-label={t('practiceImport.narrative', { q: q.question })}
                    autosize
                    maxRows={6}
                    value={q.narrative}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      update(i, (d) => {
                        if (d.assessment) d.assessment.questions[qi].narrative = v;
                      });
                    }}
                  />
                  {q.items.map((it, ii) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: items keep their place while reviewed
                    <Group key={ii} wrap="nowrap" align="flex-start">
                      <NativeSelect
                        aria-label={t('practiceImport.mark', { item: it.itemId ?? it.text })}
                        value={it.mark}
                        data={MARKS.map((m) => ({ value: m, label: t(`mark.${m}`) }))}
                        onChange={(e) => {
                          const v = e.currentTarget.value as (typeof MARKS)[number];
                          update(i, (d) => {
                            if (d.assessment) d.assessment.questions[qi].items[ii].mark = v;
                          });
                        }}
                        w={160}
                      />
                      <Text size="sm" c={it.itemId ? undefined : 'orange.8'}>
                        {it.itemId ? <b>{it.itemId} </b> : '⚠ '}
                        {it.text}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Stack maw={1000}>
      <Title order={1}>{t('practiceImport.title')}</Title>
      <Text c="dimmed">{t('practiceImport.intro')}</Text>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="paste">{t('import.paste')}</Tabs.Tab>
          <Tabs.Tab value="file">{t('import.upload')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="paste" pt="sm">
          <Textarea
            label={t('practiceImport.textLabel')}
            autosize
            minRows={8}
            maxRows={20}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="sm">
          <FileInput
            label={t('practiceImport.fileLabel')}
            accept=".txt,text/plain"
            value={file}
            onChange={setFile}
            clearable
          />
        </Tabs.Panel>
      </Tabs>
      <Group>
        <Button onClick={() => read.mutate()} loading={read.isPending}>
          {t('practiceImport.read')}
        </Button>
      </Group>
      <ErrorAlert error={read.error} />
    </Stack>
  );
}
