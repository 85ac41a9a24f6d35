/** The units an action is linked to, as small badges (or a note that it is linked to none). */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WRAPPING_BADGE } from '../shared/ui';

export function LinkedUnits({ units }: { units: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  if (units.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-units="none">
        {t('units.notLinked')}
      </Text>
    );
  }
  return (
    <Group gap={4} mt={2} aria-label={t('units.linked')}>
      {units.map((u) => (
        <Badge key={u.id} size="sm" variant="outline" tt="none" styles={WRAPPING_BADGE}>
          {u.name}
        </Badge>
      ))}
    </Group>
  );
}
