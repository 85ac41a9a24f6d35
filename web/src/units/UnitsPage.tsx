/**
 * The organisation's responsible units: the other names each is written as, its focal points, and
 * how many of its actions are open. Editors add, edit and delete units. Cards stack on a phone.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Unit } from '../../../src/modules/units/model';
import { normaliseUnitText } from '../../../src/modules/units/model';
import { can, useSession } from '../accounts/session';
import { api, toQuery } from '../api';
import { NoMatch } from '../shared/NoMatch';
import { ErrorAlert, WRAPPING_BADGE } from '../shared/ui';
import { UnitModal } from './UnitModal';
import { useUnits } from './units';

const wrap = { overflowWrap: 'anywhere' } as const;

export function UnitsPage() {
  const { t } = useTranslation();
  const may = can(useSession().data);
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const words = normaliseUnitText(search);
  const shown = (units.data ?? []).filter(
    (u) => !words || [u.name, ...u.aliases].some((n) => normaliseUnitText(n).includes(words)),
  );
  return (
    <Stack maw={1400}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('units.title')}</Title>
          <Text size="sm" c="dimmed" maw={700}>
            {t('units.intro')}
          </Text>
        </Stack>
        {may.edit && <Button onClick={() => setEditing('new')}>{t('units.add')}</Button>}
      </Group>
      <TextInput
        label={t('units.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={400}
      />
      <ErrorAlert error={units.error} />
      {units.data && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('units.count', { count: shown.length })}
        </Text>
      )}
      {units.data && units.data.length > 0 && shown.length === 0 && words && (
        <NoMatch message={t('units.noMatch')} onClear={() => setSearch('')} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {shown.map((u) => (
          <Card key={u.id} withBorder component="section" aria-label={u.name} data-unit={u.name}>
            <Stack gap="xs">
              <Title order={2} size="h4" style={wrap}>
                {u.name}
              </Title>
              {u.aliases.length > 0 && (
                <Group gap={4}>
                  <Text size="xs" c="dimmed">
                    {t('units.alsoWritten')}
                  </Text>
                  {u.aliases.map((a) => (
                    <Badge key={a} variant="light" color="gray" tt="none" styles={WRAPPING_BADGE}>
                      {a}
                    </Badge>
                  ))}
                </Group>
              )}
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('units.focalPoints')}
                </Text>
                {u.focalPoints.length === 0 && (
                  <Text size="sm" c="orange.8">
                    {t('units.noFocalPoint')}
                  </Text>
                )}
                {u.focalPoints.map((f) => (
                  <Text key={f.id} size="sm" style={wrap}>
                    {f.name ? `${f.name} <${f.email}>` : f.email}
                    {f.userId ? '' : ` · ${t('units.noAccount')}`}
                    {f.language ? ` · ${t(`units.languages.${f.language}`)}` : ''}
                  </Text>
                ))}
              </Stack>
              <Anchor component={Link} to={`/actions${toQuery({ unitId: u.id })}`} size="sm">
                {t('units.openActions', { count: u.openActions })}
              </Anchor>
              {may.edit && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(u)}
                    aria-label={t('units.editFor', { name: u.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setDeleting(u)}
                    aria-label={t('units.deleteFor', { name: u.name })}
                  >
                    {t('trash.delete')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {units.data?.length === 0 && <Text c="dimmed">{t('units.none')}</Text>}
      {editing && <UnitModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteUnit unit={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

/** Deleting a unit ends its links to actions; the server refuses once a round asked the unit. */
function DeleteUnit({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () => api(`/units/${unit.id}${toQuery({ reason })}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await qc.invalidateQueries();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('trash.delete')}>
      <Stack>
        <Text>{t('units.confirmDelete', { name: unit.name, count: unit.openActions })}</Text>
        <TextInput
          label={t('trash.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('trash.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
