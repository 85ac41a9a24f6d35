/** A record's audit trail: who changed what, when, from which value to which, and why. */
import { Button, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../src/modules/audit/model';
import { api } from '../api';
import { ErrorAlert } from './ui';

const RESTORABLE = new Set(['action', 'evaluation', 'practice']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Fields whose values are codes of a vocabulary the app names in words. */
const VOCABULARY: Record<string, string> = {
  status: 'status',
  statusFrom: 'status',
  statusTo: 'status',
  proposedStatus: 'status',
  response: 'response',
  role: 'roles',
};

/** A recorded value in the reader's words: statuses and roles named, dates as their language writes them. */
function useValueInWords() {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const inWords = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'history.value.yes' : 'history.value.no');
    if (Array.isArray(v)) return v.map((x) => inWords(key, x)).join(', ') || '—';
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('recordedOn' in o && 'author' in o) {
        const parts = [
          t('history.value.progressSentence', {
            author: o.author,
            date: inWords('recordedOn', o.recordedOn),
          }),
        ];
        if (o.proposedStatus)
          parts.push(t('history.value.progressStatus', { status: inWords('status', o.proposedStatus) }));
        if (o.comment) parts.push(t('history.value.progressComment', { comment: o.comment }));
        if (o.state === 'reported') parts.push(t('history.value.progressWaiting'));
        return parts.join(' · ');
      }
      if ('name' in o && typeof o.name === 'string') return o.name;
      return Object.entries(o)
        .map(([k, x]) => `${t(`history.field.${k}`, { defaultValue: k })}: ${inWords(k, x)}`)
        .join('; ');
    }
    const text = String(v);
    if (VOCABULARY[key]) return t(`${VOCABULARY[key]}.${text}`, { defaultValue: text });
    if (key === 'state' || key === 'report') return t(`history.value.state.${text}`, { defaultValue: text });
    if (key === 'language') return languages.of(text) ?? text;
    if (ISO_DATE.test(text)) return day.format(new Date(`${text}T00:00:00Z`));
    if (ISO_MOMENT.test(text)) return moment.format(new Date(text));
    return text;
  };
  return inWords;
}

function Changes({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const inWords = useValueInWords();
  const keys = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  return (
    <Stack gap={2}>
      {keys.map((k) => (
        <Text size="xs" key={k}>
          <Text span fw={600} size="xs">
            {t(`history.field.${k}`, { defaultValue: k })}:
          </Text>{' '}
          {event.operation === 'update' ? `${inWords(k, event.before?.[k])} → ` : ''}
          {inWords(k, event.operation === 'delete' ? event.before?.[k] : event.after?.[k])}
        </Text>
      ))}
    </Stack>
  );
}

/** The history of an evaluation, action or practice (and their parts), shown on demand. */
export function HistoryPanel({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const restore = useMutation({
    mutationFn: (e: AuditEvent) => api(`/${e.entity}s/${e.entityId}/restore`, { method: 'POST', json: {} }),
    onSuccess: () => qc.invalidateQueries(),
  });
  const history = useQuery({
    queryKey: ['history', path],
    queryFn: () => api<{ events: AuditEvent[] }>(`${path}/history`),
    enabled: open,
  });
  if (!open) {
    return (
      <Button variant="subtle" size="xs" onClick={() => setOpen(true)}>
        {t('history.show')}
      </Button>
    );
  }
  return (
    <Stack gap="xs" aria-label={t('history.title')}>
      <Text fw={600}>{t('history.title')}</Text>
      <ErrorAlert error={history.error ?? restore.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('history.when')}</Table.Th>
            <Table.Th>{t('history.who')}</Table.Th>
            <Table.Th>{t('history.what')}</Table.Th>
            <Table.Th>{t('history.changes')}</Table.Th>
            <Table.Th>{t('history.reason')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data?.events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
                  new Date(e.at),
                )}
              </Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>
                {t(`history.entity.${e.entity}`, { defaultValue: e.entity })} ·{' '}
                {t(`history.op.${e.operation}`)}
              </Table.Td>
              <Table.Td>
                <Changes event={e} />
              </Table.Td>
              <Table.Td>{e.reason}</Table.Td>
              <Table.Td>
                {e.operation === 'delete' && RESTORABLE.has(e.entity) && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => restore.mutate(e)}
                    loading={restore.isPending}
                  >
                    {t('trash.restore')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {history.data?.events.length === 0 && <Text c="dimmed">{t('history.none')}</Text>}
    </Stack>
  );
}
