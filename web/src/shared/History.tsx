/** A record's audit trail: who changed what, when, from which value to which, and why. */
import { Button, Code, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../src/modules/audit/model';
import { api } from '../api';
import { ErrorAlert } from './ui';

const RESTORABLE = new Set(['action', 'evaluation', 'practice']);

const shown = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

function Changes({ event }: { event: AuditEvent }) {
  const keys = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  return (
    <Stack gap={2}>
      {keys.map((k) => (
        <Text size="xs" key={k}>
          <Code>{k}</Code> {event.operation === 'update' ? `${shown(event.before?.[k])} → ` : ''}
          {shown(event.operation === 'delete' ? event.before?.[k] : event.after?.[k])}
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
              <Table.Td>{new Date(e.at).toLocaleString(i18n.language)}</Table.Td>
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
