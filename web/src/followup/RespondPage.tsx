/**
 * The page behind a unit's emailed link, public and phone-first: the round, each action the unit
 * is asked about, what it last reported (and what the office returned), and a form to report.
 */
import {
  Alert,
  Button,
  Card,
  Container,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  type RespondPage as RespondData,
} from '../../../src/modules/followup/model';
import { useSession } from '../accounts/session';
import { ApiError, api } from '../api';
import i18n, { LANGUAGES } from '../i18n';
import { DueText, ErrorAlert, fieldError, OverdueBadge, StatusBadge } from '../shared/ui';
import { formatSize, ReportBody, ReportStateBadge, useDueInWords } from './shared';

type RespondAction = RespondData['actions'][number];

const LINK_PROBLEMS = ['link_invalid', 'link_expired', 'link_revoked'];
const ACCEPT = Object.keys(EVIDENCE_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

export function RespondPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const due = useDueInWords();
  const signedIn = Boolean(useSession().data?.user);
  const [author, setAuthor] = useState(() => localStorage.getItem('integra.author') ?? '');
  const page = useQuery({
    queryKey: ['respond', token],
    queryFn: () => api<RespondData>(`/respond/${encodeURIComponent(token)}`),
    retry: false,
  });

  if (page.error instanceof ApiError && LINK_PROBLEMS.includes(page.error.code)) {
    return <LinkProblem code={page.error.code} />;
  }
  const p = page.data;
  return (
    <Container size="sm" px="sm" py="md">
      <Stack>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} c="blue.8">
            {p?.organisationName ?? 'Integra'}
          </Text>
          <NativeSelect
            aria-label={t('nav.language')}
            value={i18n.language}
            onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
            data={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
          />
        </Group>
        <ErrorAlert error={page.error} />
        {!p && !page.error && <Text>{t('common.loading')}</Text>}
        {p && (
          <>
            {p.round ? (
              <Stack gap={4}>
                <Title order={1}>{p.round.name}</Title>
                <Text size="lg">{t('followup.respond.forUnit', { unit: p.unit.name })}</Text>
                <Text fw={600}>{t('followup.respond.dueOn', { date: due(p.round.dueOn) })}</Text>
              </Stack>
            ) : (
              <Title order={1}>{t('followup.respond.unitTitle', { unit: p.unit.name })}</Title>
            )}
            {p.round?.message && (
              <Paper withBorder p="sm" bg="gray.0">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {p.round.message}
                </Text>
              </Paper>
            )}
            {p.actions.length === 0 && <Text>{t('followup.respond.nothingOpen')}</Text>}
            {p.actions.length > 0 && (
              <Text size="sm">{t('followup.respond.intro', { count: p.actions.length })}</Text>
            )}
            {!signedIn && p.actions.length > 0 && (
              <TextInput
                id="respond-author"
                size="md"
                label={t('followup.respond.author')}
                description={t('followup.respond.authorHint')}
                autoComplete="name"
                value={author}
                onChange={(e) => setAuthor(e.currentTarget.value)}
                required
              />
            )}
            {p.actions.map((a) => (
              <ActionCard key={a.id} token={token} action={a} author={signedIn ? null : author} />
            ))}
          </>
        )}
      </Stack>
    </Container>
  );
}

/** A link that cannot be used, said plainly and alone on the page. */
function LinkProblem({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" px="sm" py="xl">
      <Stack role="alert">
        <Title order={1}>{t(`followup.respond.${code}.title`)}</Title>
        <Text size="lg">{t(`followup.respond.${code}.text`)}</Text>
      </Stack>
    </Container>
  );
}

/** `author`: the name typed at the top of the page, or null when the person is signed in. */
interface Props {
  token: string;
  action: RespondAction;
  author: string | null;
}

function ActionCard({ token, action: a, author }: Props) {
  const { t } = useTranslation();
  const report = a.lastReport;
  const headingId = `action-${a.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-action={a.number} p="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {t('followup.actionLabel', { n: a.number })}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
        <Text size="sm" c="dimmed">
          {a.evaluationTitle} · {t('recommendation.heading', { n: a.recommendationNumber })}
        </Text>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('followup.respond.deadline')}
          </Text>
          {a.timeframe && <Text size="sm">{a.timeframe}</Text>}
          <DueText due={a.due} />
        </Stack>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('followup.respond.currentStatus')}
          </Text>
          <StatusBadge status={a.status} />
          <OverdueBadge overdue={a.overdue} />
        </Group>
        {report && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>
                  {t('followup.respond.lastReport')}
                </Text>
                <ReportStateBadge state={report.state} />
              </Group>
              {report.state === 'returned' && (
                <Alert color="orange" variant="light">
                  <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
                    {t('followup.respond.returned', { comment: report.reviewComment ?? '' })}
                  </Text>
                </Alert>
              )}
              <ReportBody
                report={report}
                fileHref={(id) => `/api/respond/${encodeURIComponent(token)}/evidence/${id}`}
              />
            </Stack>
          </Paper>
        )}
        <ReportForm token={token} action={a} author={author} />
      </Stack>
    </Card>
  );
}

function ReportForm({ token, action: a, author }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>(
    a.lastReport && a.lastReport.state !== 'validated' ? (a.lastReport.statusTo ?? a.status) : a.status,
  );
  const [comment, setComment] = useState('');
  const [link, setLink] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [noName, setNoName] = useState(false);
  const tooBig = file !== null && file.size > EVIDENCE_MAX_BYTES;
  const send = useMutation({
    mutationFn: () => {
      const body = new FormData();
      body.set('status', status);
      if (comment.trim()) body.set('comment', comment.trim());
      if (link.trim()) body.set('link', link.trim());
      if (author?.trim()) body.set('author', author.trim());
      if (file) body.set('evidence', file);
      return api<RespondData>(`/respond/${encodeURIComponent(token)}/actions/${a.id}`, {
        method: 'POST',
        body,
      });
    },
    onSuccess: (page) => {
      if (author?.trim()) localStorage.setItem('integra.author', author.trim());
      qc.setQueryData(['respond', token], page);
      setComment('');
      setLink('');
      setFile(null);
    },
  });
  const limits = t('followup.respond.fileHint', {
    size: formatSize(EVIDENCE_MAX_BYTES),
    types: Object.keys(EVIDENCE_TYPES).join(', '),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const missingName = author !== null && !author.trim();
        setNoName(missingName);
        if (missingName) document.getElementById('respond-author')?.focus();
        else if (!tooBig) send.mutate();
      }}
      aria-label={t('followup.respond.formFor', { n: a.number })}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('followup.respond.yourReport')}
        </Title>
        <NativeSelect
          size="md"
          label={t('followup.respond.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            send.reset();
          }}
          data={a.statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          error={fieldError(send.error, 'status')}
        />
        <Textarea
          size="md"
          label={t('followup.respond.comment')}
          description={t('followup.respond.commentHint')}
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={fieldError(send.error, 'comment')}
        />
        <TextInput
          size="md"
          type="url"
          inputMode="url"
          label={t('followup.respond.link')}
          placeholder="https://"
          value={link}
          onChange={(e) => setLink(e.currentTarget.value)}
          error={fieldError(send.error, 'link')}
        />
        <FileInput
          size="md"
          label={t('followup.respond.file')}
          description={limits}
          placeholder={t('followup.respond.choose')}
          accept={ACCEPT}
          value={file}
          onChange={setFile}
          clearable
          error={
            tooBig
              ? t('followup.respond.fileTooBig', { size: formatSize(EVIDENCE_MAX_BYTES) })
              : fieldError(send.error, 'evidence')
          }
        />
        {(noName || fieldError(send.error, 'author')) && (
          <Text size="sm" c="red.8" fw={600} role="alert">
            {t('followup.respond.nameFirst')}
          </Text>
        )}
        <ErrorAlert error={send.error} />
        {send.isSuccess && (
          <Alert color="green" role="status" title={t('followup.respond.sent')}>
            {t('followup.respond.sentHint')}
          </Alert>
        )}
        <Button type="submit" size="md" loading={send.isPending} disabled={tooBig} fullWidth>
          {t('followup.respond.send', { n: a.number })}
        </Button>
      </Stack>
    </form>
  );
}
