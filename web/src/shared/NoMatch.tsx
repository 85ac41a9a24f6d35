/** What a filtered list shows when nothing matches: says so, and offers the way back to the whole list. */
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NoMatch({ message, onClear }: { message?: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="xs" py="sm" data-testid="no-match">
      <Text>{message ?? t('common.noMatch')}</Text>
      <Button variant="light" onClick={onClear}>
        {t('common.clearFilters')}
      </Button>
    </Stack>
  );
}
