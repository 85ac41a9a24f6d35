/**
 * Adds or edits a unit: its name, the other names it is written as in matrices, and its focal
 * points — members of the organisation and addresses of people without an account.
 */
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_LANGUAGES, type Unit } from '../../../src/modules/units/model';
import { api } from '../api';
import { HistoryPanel } from '../shared/History';
import { ErrorAlert, FormButtons, fieldError } from '../shared/ui';
import { UnitLink } from './UnitLink';

interface Address {
  email: string;
  name: string;
  language: string;
}

export function UnitModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const narrow = useMediaQuery('(max-width: 36em)');
  const people = useQuery({
    queryKey: ['unit-members'],
    queryFn: async () =>
      (await api<{ items: { userId: string; name: string; email: string }[] }>('/units/members')).items,
  });
  const [name, setName] = useState(unit?.name ?? '');
  const [aliases, setAliases] = useState<string[]>(unit?.aliases ?? []);
  const [members, setMembers] = useState<string[]>(
    unit?.focalPoints.flatMap((f) => (f.userId ? [f.userId] : [])) ?? [],
  );
  const [addresses, setAddresses] = useState<Address[]>(
    unit?.focalPoints
      .filter((f) => !f.userId)
      .map((f) => ({ email: f.email, name: f.name ?? '', language: f.language ?? '' })) ?? [],
  );
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const focalPoints = [
        ...members.map((userId) => ({ userId })),
        ...addresses
          .filter((a) => a.email.trim())
          .map((a) => ({ email: a.email.trim(), name: a.name.trim() || null, language: a.language || null })),
      ];
      const body = { name, aliases, focalPoints };
      return unit
        ? api<Unit>(`/units/${unit.id}`, {
            method: 'PATCH',
            json: { ...body, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          })
        : api<Unit>('/units', { method: 'POST', json: body });
    },
    onSuccess: async () => {
      await qc.invalidateQueries();
      onClose();
    },
  });
  // Addresses come after the members in what is sent: their errors are numbered so.
  const addressError = (i: number, field: string) =>
    fieldError(save.error, `focalPoints.${members.length + i}.${field}`);
  const setAddress = (i: number, patch: Partial<Address>) =>
    setAddresses((list) => list.map((a, k) => (k === i ? { ...a, ...patch } : a)));

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen={narrow}
      size="lg"
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.addTitle')}
    >
      <Stack>
        <TextInput
          label={t('units.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(save.error, 'name')}
        />
        <TagsInput
          label={t('units.aliases')}
          description={t('units.aliasesHint')}
          value={aliases}
          onChange={setAliases}
          splitChars={[',', ';']}
          clearable
        />
        <MultiSelect
          label={t('units.memberFocalPoints')}
          description={t('units.memberFocalPointsHint')}
          searchable
          value={members}
          onChange={setMembers}
          data={(people.data ?? []).map((p) => ({ value: p.userId, label: `${p.name} <${p.email}>` }))}
          nothingFoundMessage={t('units.noMembers')}
          error={members.map((_, i) => fieldError(save.error, `focalPoints.${i}.userId`)).find(Boolean)}
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('units.addressFocalPoints')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('units.addressFocalPointsHint')}
          </Text>
          {addresses.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows keep their place while edited
            <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput
                  type="email"
                  aria-label={t('units.email')}
                  placeholder={t('units.email')}
                  value={a.email}
                  onChange={(e) => setAddress(i, { email: e.currentTarget.value })}
                  error={addressError(i, 'email')}
                />
                <TextInput
                  aria-label={t('units.personName')}
                  placeholder={t('units.personName')}
                  value={a.name}
                  onChange={(e) => setAddress(i, { name: e.currentTarget.value })}
                />
                <NativeSelect
                  aria-label={t('units.language')}
                  value={a.language}
                  onChange={(e) => setAddress(i, { language: e.currentTarget.value })}
                  data={[
                    { value: '', label: t('units.languageDefault') },
                    ...EMAIL_LANGUAGES.map((l) => ({ value: l, label: t(`units.languages.${l}`) })),
                  ]}
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={6}
                aria-label={t('units.removeAddress', { email: a.email || '…' })}
                onClick={() => setAddresses((list) => list.filter((_, k) => k !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setAddresses((list) => [...list, { email: '', name: '', language: '' }])}
            >
              {t('units.addAddress')}
            </Button>
          </Group>
        </Stack>
        {unit && <UnitLink unitId={unit.id} unitName={unit.name} />}
        {unit && (
          <TextInput
            label={t('trash.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        <ErrorAlert error={save.error} />
        <FormButtons onCancel={onClose} onSave={() => save.mutate()} saving={save.isPending} />
        {unit && <HistoryPanel path={`/units/${unit.id}`} />}
      </Stack>
    </Modal>
  );
}
