/**
 * Pieces the follow-up screens share: moments and due dates in words, a link with a copy button,
 * a unit's report (status change, comment, evidence) and the office's Validate / Return buttons.
 */
import {
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, Report } from '../../../src/modules/followup/model';
import { api } from '../api';
import { ErrorAlert, fieldError, useFormatDate } from '../shared/ui';

/** A report as the office's list gives it: with the action and evaluation it is about. */
export type ReportRow = Report & {
  actionNumber: string;
  actionText: string;
  evaluationId: string;
  evaluationTitle: string;
};

/** Today as YYYY-MM-DD in the browser's time zone. */
export const todayIso = () => new Date().toLocaleDateString('sv-SE');

/** A moment (an ISO timestamp) in words: "12 Mar 2026, 09:30". */
export function useFormatMoment() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (iso: string) => {
    const at = new Date(iso);
    // PostgreSQL's text form ("2026-11-26 13:17:34.59+00") is not ISO: read it as ISO.
    const when = Number.isNaN(at.getTime())
      ? new Date(iso.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))
      : at;
    return Number.isNaN(when.getTime()) ? iso : fmt.format(when);
  };
}

/** Days from today to a YYYY-MM-DD date (negative: in the past). */
export function daysUntil(iso: string): number {
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  return Math.round(day(iso) - day(todayIso()));
}

/** "12 Mar 2026 (in 5 days)", "12 Mar 2026 (today)", "12 Mar 2026 (3 days ago)". */
export function useDueInWords() {
  const { i18n } = useTranslation();
  const date = useFormatDate();
  const rel = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  return (iso: string) => `${date(iso)} (${rel.format(daysUntil(iso), 'day')})`;
}

/** A link shown in full (so it can be selected by hand) with a button copying it. */
export function CopyLink({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: 1, minWidth: 0 }}
        data-testid={testId}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
            {copied ? t('followup.copied') : t('followup.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** "Not initiated → Completed", or the one status reported, or nothing. */
export function StatusChange({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useTranslation();
  if (!to) return null;
  return (
    <Text size="sm" fw={600}>
      {from && from !== to ? `${t(`status.${from}`)} → ${t(`status.${to}`)}` : t(`status.${to}`)}
    </Text>
  );
}

const STATE_COLOURS = { reported: 'blue', validated: 'green', returned: 'orange' } as const;

export function ReportStateBadge({ state }: { state: Report['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" styles={{ root: { flexShrink: 0 } }}>
      {t(`followup.reportState.${state}`)}
    </Badge>
  );
}

/** Evidence of a report: links as they are, files through `fileHref` (members' or the link's route). */
export function EvidenceList({
  evidence,
  fileHref,
}: {
  evidence: Report['evidence'];
  fileHref: (id: string) => string;
}) {
  const { t } = useTranslation();
  if (evidence.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t('followup.evidence')}
      </Text>
      {evidence.map((e) =>
        e.url ? (
          <Anchor
            key={e.id}
            href={e.url}
            target="_blank"
            rel="noreferrer"
            size="sm"
            style={{ wordBreak: 'break-all' }}
          >
            {e.url}
          </Anchor>
        ) : (
          <Anchor key={e.id} href={fileHref(e.id)} size="sm" download style={{ wordBreak: 'break-all' }}>
            {t('followup.evidenceFile', { name: e.fileName ?? e.id, size: formatSize(e.size) })}
          </Anchor>
        ),
      )}
    </Stack>
  );
}

export function formatSize(bytes: number | null): string {
  if (bytes === null) return '?';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** What a unit reported: who, when, the status change, the comment and evidence. */
export function ReportBody({ report, fileHref }: { report: Report; fileHref: (id: string) => string }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t('followup.reportedBy', {
          author: report.author,
          date: date(report.recordedOn),
          unit: report.unitName ?? '—',
        })}
      </Text>
      <StatusChange from={report.statusFrom} to={report.statusTo} />
      {report.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {report.comment}
        </Text>
      )}
      <EvidenceList evidence={report.evidence} fileHref={fileHref} />
    </Stack>
  );
}

/** Validate and Return (with the comment the unit will read) for a report waiting for the office. */
export function ReviewButtons({ report, number }: { report: { id: string }; number: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const validate = useMutation({
    mutationFn: () => api(`/progress-updates/${report.id}/validate`, { method: 'POST', json: {} }),
    onSuccess: () => qc.invalidateQueries(),
  });
  const send = useMutation({
    mutationFn: () => api(`/progress-updates/${report.id}/return`, { method: 'POST', json: { comment } }),
    onSuccess: async () => {
      setReturning(false);
      setComment('');
      await qc.invalidateQueries();
    },
  });
  return (
    <Stack gap="xs">
      <ErrorAlert error={validate.error} />
      <Group gap="xs">
        <Button
          color="green.9"
          onClick={() => validate.mutate()}
          loading={validate.isPending}
          aria-label={t('followup.validateFor', { n: number })}
        >
          {t('followup.validate')}
        </Button>
        <Button
          variant="default"
          onClick={() => setReturning(true)}
          aria-label={t('followup.returnFor', { n: number })}
        >
          {t('followup.return')}
        </Button>
      </Group>
      <Modal
        opened={returning}
        onClose={() => setReturning(false)}
        title={t('followup.returnTitle', { n: number })}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <Stack>
            <Textarea
              label={t('followup.returnComment')}
              description={t('followup.returnHint')}
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={fieldError(send.error, 'comment')}
              required
              data-autofocus
            />
            <ErrorAlert error={send.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={send.isPending}>
                {t('followup.returnSend')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** The deliveries of a unit's emails; failed and interrupted ones in words, not only in red. */
export function Deliveries({ deliveries }: { deliveries: Delivery[] }) {
  const { t } = useTranslation();
  const moment = useFormatMoment();
  if (deliveries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('followup.delivery.none')}
      </Text>
    );
  return (
    <Stack gap={2}>
      {deliveries.map((d) => {
        const failed = d.status === 'failed' || d.status === 'interrupted';
        return (
          <Text key={d.id} size="sm" c={failed ? 'red.8' : undefined} fw={failed ? 600 : undefined}>
            {t(`followup.kind.${d.kind}`)} · {d.to.join(', ')} ·{' '}
            {failed
              ? t('followup.delivery.notDelivered', {
                  error: d.error ?? t(`followup.delivery.${d.status}`),
                })
              : d.status === 'sent' && d.sentAt
                ? t('followup.delivery.sentAt', { date: moment(d.sentAt) })
                : t(`followup.delivery.${d.status}`)}
          </Text>
        );
      })}
    </Stack>
  );
}
