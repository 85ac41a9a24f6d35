/** Deleting softly (with an optional reason) and restoring what was deleted. */
import { Anchor, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../api';
import { ErrorAlert } from './ui';

/** A Delete button asking for confirmation and a reason; `path` is the record's API path. */
export function DeleteButton({
  path,
  title,
  onDeleted,
}: {
  path: string;
  title: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () => api(`${path}${toQuery({ reason })}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setOpen(false);
      await qc.invalidateQueries();
      onDeleted();
    },
  });
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        {t('trash.delete')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('trash.delete')}>
        <Stack>
          <Text>{t('trash.confirmDelete', { title })}</Text>
          <TextInput
            label={t('trash.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('trash.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Recently deleted records with a Restore button each. */
export function DeletedList({
  listPath,
  restorePath,
}: {
  listPath: string;
  restorePath: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const deleted = useQuery({
    queryKey: ['deleted', listPath],
    queryFn: async () => {
      const res = await api<{ items: DeletedRow[] } | DeletedRow[]>(listPath);
      return Array.isArray(res) ? res : res.items;
    },
    enabled: open,
  });
  const restore = useMutation({
    mutationFn: (id: string) => api(restorePath(id), { method: 'POST', json: {} }),
    onSuccess: () => qc.invalidateQueries(),
  });
  if (!open) {
    return (
      <Anchor component="button" size="sm" onClick={() => setOpen(true)}>
        {t('trash.showDeleted')}
      </Anchor>
    );
  }
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('trash.showDeleted')}</Text>
      <ErrorAlert error={deleted.error ?? restore.error} />
      {deleted.data?.length === 0 && <Text c="dimmed">{t('trash.none')}</Text>}
      <Table>
        <Table.Tbody>
          {deleted.data?.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>
                {t('trash.deleted')} {d.deletedAt ? new Date(d.deletedAt).toLocaleString(i18n.language) : ''}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => restore.mutate(d.id)}>
                  {t('trash.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

interface DeletedRow {
  id: string;
  title: string;
  deletedAt: string | null;
}
