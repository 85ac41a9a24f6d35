import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useNavigate } from '../shared/router';
import { ErrorAlert, fieldError } from '../shared/ui';

/** A new practice starts with its title; its description and assessment follow on its pages. */
export function NewPracticeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api<{ ids: string[] }>('/practices', {
        method: 'POST',
        json: { practices: [{ title, assessment: { framework: 'spring@1', questions: [] } }] },
      }),
    onSuccess: async ({ ids }) => {
      await queryClient.invalidateQueries();
      navigate(`/practices/${ids[0]}/assess`);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('practices.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('evaluation.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={fieldError(create.error, 'title')}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('practices.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
