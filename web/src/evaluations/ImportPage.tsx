/**
 * Bringing a matrix in: paste its text or upload a .txt, .docx or .pdf (with upload progress),
 * review what was read — every field editable, each recommendation beside its original (the
 * picked file stays in the browser: PDF pages are drawn here) — and only then save.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  Loader,
  Progress,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedEvaluation, ImportResult } from '../../../src/modules/evaluations/model';
import { ApiError, api, currentOrganisation, type ErrorBody } from '../api';
import { useNavigate } from '../shared/router';
import { ErrorAlert } from '../shared/ui';

/** The review screen (and pdf.js after it) loads only when there is something to review. */
const ReviewForm = lazy(() => import('./ReviewForm').then((m) => ({ default: m.ReviewForm })));

/** Uploads a file for a dry-run import, reporting the share sent so far. */
function uploadForReview(file: File, onProgress: (share: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/evaluations/import/file?dryRun=true');
    const organisation = currentOrganisation();
    if (organisation) xhr.setRequestHeader('x-organisation', organisation);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportResult);
      reject(ApiError.from(xhr.status, xhr.statusText, (body as { error?: ErrorBody } | null)?.error));
    };
    xhr.onerror = () => reject(new Error('The upload failed: check the connection and try again.'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tab, setTab] = useState<string | null>('paste');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [evaluation, setEvaluation] = useState<ImportedEvaluation | null>(null);
  const [sourceName, setSourceName] = useState<string | null>(null);
  /** The file the review was read from, kept in the browser to show beside the reading. */
  const [original, setOriginal] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const read = useMutation({
    mutationFn: async () => {
      if (tab === 'file') {
        if (!file) throw new Error(t('import.chooseFile'));
        setSourceName(file.name);
        setOriginal(file);
        setProgress(0);
        return uploadForReview(file, setProgress);
      }
      setSourceName(null);
      setOriginal(null);
      return api<ImportResult>('/evaluations/import?dryRun=true', { method: 'POST', json: { text } });
    },
    onSuccess: (r) => {
      setResult(r);
      setEvaluation(r.evaluation);
    },
    onSettled: () => setProgress(null),
  });

  const save = useMutation({
    mutationFn: () =>
      api<{ id: string }>('/evaluations', { method: 'POST', json: { evaluation, sourceName } }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries();
      navigate(`/evaluations/${id}`);
    },
  });

  const changeEvaluation = useCallback(
    (change: (current: ImportedEvaluation) => ImportedEvaluation) =>
      setEvaluation((current) => (current ? change(current) : current)),
    [],
  );

  const actionCount = evaluation?.recommendations.reduce((n, r) => n + r.actions.length, 0) ?? 0;

  if (result && evaluation) {
    return (
      <Stack maw={1500}>
        <Group justify="space-between">
          <Title order={1}>{t('import.review')}</Title>
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setResult(null);
                setEvaluation(null);
                save.reset();
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button color="green" onClick={() => save.mutate()} loading={save.isPending}>
              {t('import.save')}
            </Button>
          </Group>
        </Group>
        <Text>
          {t('import.summary', {
            recommendations: evaluation.recommendations.length,
            actions: actionCount,
            template: t(`template.${evaluation.statusTemplate}`),
          })}{' '}
          {result.warnings.length > 0
            ? t('import.warnings', { count: result.warnings.length })
            : t('import.noWarnings')}
        </Text>
        <ErrorAlert error={save.error} />
        <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
          <ReviewForm
            result={result}
            evaluation={evaluation}
            original={original}
            onChange={changeEvaluation}
            saveError={save.error}
          />
        </Suspense>
        <Group justify="flex-end">
          <Button color="green" onClick={() => save.mutate()} loading={save.isPending}>
            {t('import.save')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack maw={1000}>
      <Title order={1}>{t('import.title')}</Title>
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
            description={t('import.fileHint')}
            accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
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
      {progress !== null && (
        <Stack gap={4}>
          <Progress value={progress * 100} animated={progress >= 1} aria-label={t('import.progress')} />
          <Text size="sm" c="dimmed">
            {progress < 1
              ? t('import.uploading', { share: Math.round(progress * 100) })
              : t('import.reading')}
          </Text>
        </Stack>
      )}
      <ErrorAlert error={read.error} />
      {!read.error && (
        <Alert color="blue" variant="light">
          {t('import.limits')}
        </Alert>
      )}
    </Stack>
  );
}
