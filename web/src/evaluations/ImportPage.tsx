/**
 * Bringing a matrix in: paste its text or upload a .txt, see what was read and every warning,
 * correct the title, and only then save.
 */
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportResult } from '../../../src/modules/evaluations/model';
import { api } from '../api';
import { DueText, ErrorAlert, PriorityBadge, ResponseBadge } from '../shared/ui';

export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tab, setTab] = useState<string | null>('paste');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [sourceName, setSourceName] = useState<string | null>(null);

  const read = useMutation({
    mutationFn: async () => {
      if (tab === 'file') {
        if (!file) throw new Error(t('import.chooseFile'));
        const form = new FormData();
        form.append('file', file);
        setSourceName(file.name);
        return api<ImportResult>('/evaluations/import/file?dryRun=true', { method: 'POST', body: form });
      }
      setSourceName(null);
      return api<ImportResult>('/evaluations/import?dryRun=true', { method: 'POST', json: { text } });
    },
    onSuccess: setResult,
  });

  const save = useMutation({
    mutationFn: () =>
      api<{ id: string }>('/evaluations', {
        method: 'POST',
        json: { evaluation: result!.evaluation, sourceName },
      }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries();
      navigate(`/evaluations/${id}`);
    },
  });

  const actionCount = result?.evaluation.recommendations.reduce((n, r) => n + r.actions.length, 0) ?? 0;

  return (
    <Stack maw={1200}>
      <Title order={2}>{t('import.title')}</Title>
      <Text c="dimmed">{t('import.intro')}</Text>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="paste">{t('import.paste')}</Tabs.Tab>
          <Tabs.Tab value="file">{t('import.upload')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="paste" pt="sm">
          <Textarea
            label={t('import.textLabel')}
            autosize
            minRows={8}
            maxRows={20}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="file" pt="sm">
          <FileInput
            label={t('import.fileLabel')}
            accept=".txt,text/plain"
            value={file}
            onChange={setFile}
            clearable
          />
        </Tabs.Panel>
      </Tabs>
      <Group>
        <Button onClick={() => read.mutate()} loading={read.isPending}>
          {t('import.read')}
        </Button>
      </Group>
      <ErrorAlert error={read.error} />

      {result && (
        <Stack>
          <Title order={3}>{t('import.review')}</Title>
          <TextInput
            label={t('evaluation.title')}
            value={result.evaluation.title}
            onChange={(e) => {
              const title = e.currentTarget.value;
              setResult((r) => (r ? { ...r, evaluation: { ...r.evaluation, title } } : r));
            }}
          />
          <Text>
            {t('import.summary', {
              recommendations: result.evaluation.recommendations.length,
              actions: actionCount,
              template: t(`template.${result.evaluation.statusTemplate}`),
            })}
          </Text>
          {result.warnings.length > 0 ? (
            <Alert color="yellow" title={t('import.warnings', { count: result.warnings.length })}>
              <List size="sm">
                {result.warnings.map((w, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id and never reorder
                  <List.Item key={i}>
                    <b>{w.where}</b>: {w.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Alert color="green">{t('import.noWarnings')}</Alert>
          )}
          <Table withTableBorder aria-label={t('import.review')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('action.number')}</Table.Th>
                <Table.Th>{t('action.text')}</Table.Th>
                <Table.Th>{t('action.timeframe')}</Table.Th>
                <Table.Th>{t('action.due')}</Table.Th>
                <Table.Th>{t('action.responsible')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.evaluation.recommendations.flatMap((r) => [
                <Table.Tr key={`r${r.number}`} bg="gray.0">
                  <Table.Td>
                    <b>{r.number}</b>
                  </Table.Td>
                  <Table.Td colSpan={4}>
                    <Group gap="xs" mb={4}>
                      <PriorityBadge priority={r.priority} />
                      <ResponseBadge response={r.response} />
                    </Group>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.text}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
                ...r.actions.map((a) => (
                  <Table.Tr key={`a${r.number}-${a.number}`}>
                    <Table.Td>{a.number}</Table.Td>
                    <Table.Td>{a.text}</Table.Td>
                    <Table.Td>
                      {a.timeframe}
                      {a.fundingConditional && (
                        <Badge ml={4} size="xs" color="grape">
                          {t('action.funding')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <DueText due={a.due} />
                    </Table.Td>
                    <Table.Td>{a.responsible}</Table.Td>
                  </Table.Tr>
                )),
              ])}
            </Table.Tbody>
          </Table>
          <ErrorAlert error={save.error} />
          <Group>
            <Button color="green" onClick={() => save.mutate()} loading={save.isPending}>
              {t('import.save')}
            </Button>
            <Button variant="default" onClick={() => setResult(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
