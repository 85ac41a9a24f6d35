/** Records progress on an action: date, who reports, what was done, and the new status if it changed. */
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ErrorAlert, fieldError } from '../shared/ui';

interface Props {
  action: { id: string; number: string; text: string; status: string };
  statuses: readonly string[];
  onClose: () => void;
}

const today = () => new Date().toLocaleDateString('sv-SE');

export function ProgressModal({ action, statuses, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [recordedOn, setRecordedOn] = useState(today());
  const [author, setAuthor] = useState(localStorage.getItem('integra.author') ?? '');
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<string | null>(action.status);
  const save = useMutation({
    mutationFn: () =>
      api(`/actions/${action.id}/updates`, {
        method: 'POST',
        json: {
          recordedOn,
          author,
          comment: comment || null,
          ...(status && status !== action.status ? { status } : {}),
        },
      }),
    onSuccess: async () => {
      localStorage.setItem('integra.author', author);
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('progress.title', { n: action.number })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {action.text}
          </Text>
          <TextInput
            type="date"
            label={t('progress.date')}
            value={recordedOn}
            onChange={(e) => setRecordedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'recordedOn')}
            required
          />
          <TextInput
            label={t('progress.author')}
            value={author}
            onChange={(e) => setAuthor(e.currentTarget.value)}
            error={fieldError(save.error, 'author')}
            required
          />
          <Textarea
            label={t('progress.comment')}
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={fieldError(save.error, 'comment')}
          />
          <Select
            label={t('progress.status')}
            value={status}
            onChange={setStatus}
            data={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            allowDeselect={false}
            error={fieldError(save.error, 'status')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('progress.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
