/**
 * A unit's standing link, for its focal points without an account: action reminders carry it when
 * no open round asks the unit. Editors copy it, or replace it when it reached the wrong person.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { CopyLink } from '../followup/shared';
import { ErrorAlert } from '../shared/ui';

export function UnitLink({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['unit-link', unitId];
  const link = useQuery({ queryKey: key, queryFn: () => api<{ link: string }>(`/units/${unitId}/link`) });
  const replace = useMutation({
    mutationFn: () => api<{ link: string }>(`/units/${unitId}/link/replace`, { method: 'POST' }),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('units.linkHint')}
      </Text>
      {link.data && <CopyLink label={t('units.link', { unit: unitName })} value={link.data.link} />}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={replace.isPending}
          onClick={() => {
            if (window.confirm(t('units.replaceLinkConfirm'))) replace.mutate();
          }}
        >
          {t('units.replaceLink')}
        </Button>
        {replace.isSuccess && (
          <Text size="sm" role="status">
            {t('units.linkReplaced')}
          </Text>
        )}
      </Group>
      <ErrorAlert error={link.error ?? replace.error} />
    </Stack>
  );
}
