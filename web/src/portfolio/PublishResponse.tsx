/**
 * Publishing an evaluation's management response for anyone to read (opt-in): editors switch it on
 * or off; everyone sees whether it is public and where.
 */
import { Anchor, Group, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ErrorAlert } from '../shared/ui';

export function PublishResponse({
  evaluation,
  mayEdit,
}: {
  evaluation: { id: string; responsePublishedAt: string | null };
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (on: boolean) =>
      api(`/evaluations/${evaluation.id}/public`, { method: 'PUT', json: { public: on } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['matrix', evaluation.id] }),
  });
  const published = save.isPending ? Boolean(save.variables) : Boolean(evaluation.responsePublishedAt);
  if (!mayEdit && !published) return null;
  return (
    <div>
      <Group gap="sm">
        {mayEdit && (
          <Switch
            label={t('publicResponse.switch')}
            description={t('publicResponse.hint')}
            checked={published}
            onChange={(e) => save.mutate(e.currentTarget.checked)}
          />
        )}
        {published && (
          <Text size="sm">
            <Anchor href={`/responses/${evaluation.id}`} target="_blank">
              {t('publicResponse.link')}
            </Anchor>
          </Text>
        )}
      </Group>
      <ErrorAlert error={save.error} />
    </div>
  );
}
