/** How the organisation's follow-up reminders are timed (administrators change it). */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FollowupSettings } from '../../../src/modules/followup/model';
import { can, useSession } from '../accounts/session';
import { api } from '../api';
import { ErrorAlert, fieldError } from '../shared/ui';

const COMMON_ZONES = [
  'UTC',
  'Europe/Rome',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Brussels',
  'Europe/Geneva',
  'Europe/Vienna',
  'Europe/Athens',
  'Europe/Istanbul',
  'Africa/Nairobi',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Africa/Cairo',
  'Asia/Amman',
  'Asia/Beirut',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Bangkok',
  'Asia/Manila',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/New_York',
  'America/Chicago',
  'America/Bogota',
  'America/Sao_Paulo',
  'America/Los_Angeles',
];

const SETTINGS = ['followup', 'settings'];

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: SETTINGS,
    queryFn: () => api<FollowupSettings>('/followup/settings'),
  });
  return (
    <Stack maw={900}>
      <Title order={1}>{t('followup.settings.title')}</Title>
      <Text c="dimmed">{t('followup.settings.intro')}</Text>
      <ErrorAlert error={settings.error} />
      {settings.data ? (
        <SettingsForm initial={settings.data} />
      ) : (
        !settings.error && <Text>{t('common.loading')}</Text>
      )}
    </Stack>
  );
}

function SettingsForm({ initial }: { initial: FollowupSettings }) {
  const { t, i18n } = useTranslation();
  const may = can(useSession().data);
  const qc = useQueryClient();
  const [form, setForm] = useState<FollowupSettings>(initial);
  const set = <K extends keyof FollowupSettings>(k: K, v: FollowupSettings[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    save.reset();
  };
  const save = useMutation({
    mutationFn: () => api<FollowupSettings>('/followup/settings', { method: 'PUT', json: form }),
    onSuccess: (saved) => {
      qc.setQueryData(SETTINGS, saved);
      setForm(saved);
    },
  });
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday: ISO weekday n is 2024-01-0n.
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
    value: String(n),
    label: weekday.format(new Date(Date.UTC(2024, 0, n))),
  }));
  const languageNames = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const number = (k: keyof FollowupSettings, min: number, max: number) => ({
    value: form[k] as number,
    onChange: (v: string | number) => set(k, (typeof v === 'number' ? v : Number(v) || 0) as never),
    min,
    max,
    allowDecimal: false,
    error: fieldError(save.error, k),
    disabled: !may.manage,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {!may.manage && <Alert color="gray">{t('followup.settings.adminsOnly')}</Alert>}
        <Card withBorder>
          <Stack>
            <Title order={2} size="h3">
              {t('followup.settings.when')}
            </Title>
            <Switch
              size="md"
              label={t('followup.settings.remindersEnabled')}
              description={t('followup.settings.remindersHint')}
              checked={form.remindersEnabled}
              onChange={(e) => set('remindersEnabled', e.currentTarget.checked)}
              disabled={!may.manage}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('followup.settings.timeZone')}
                description={t('followup.settings.timeZoneHint')}
                list="integra-time-zones"
                value={form.timeZone}
                onChange={(e) => set('timeZone', e.currentTarget.value)}
                error={fieldError(save.error, 'timeZone')}
                disabled={!may.manage}
                required
              />
              <Select
                label={t('followup.settings.sendHour')}
                data={Array.from({ length: 24 }, (_, h) => ({
                  value: String(h),
                  label: `${String(h).padStart(2, '0')}:00`,
                }))}
                value={String(form.sendHour)}
                onChange={(v) => v !== null && set('sendHour', Number(v))}
                allowDeselect={false}
                error={fieldError(save.error, 'sendHour')}
                disabled={!may.manage}
              />
            </SimpleGrid>
            <datalist id="integra-time-zones">
              {COMMON_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack>
            <Title order={2} size="h3">
              {t('followup.settings.reminders')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t('followup.settings.roundDueSoonDays')}
                {...number('roundDueSoonDays', 0, 90)}
              />
              <NumberInput
                label={t('followup.settings.roundOverdueEveryDays')}
                {...number('roundOverdueEveryDays', 1, 90)}
              />
              <NumberInput
                label={t('followup.settings.actionDueSoonDays')}
                {...number('actionDueSoonDays', 0, 180)}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('followup.settings.digestWeekday')}
                data={weekdays}
                value={String(form.digestWeekday)}
                onChange={(v) => v !== null && set('digestWeekday', Number(v))}
                allowDeselect={false}
                error={fieldError(save.error, 'digestWeekday')}
                disabled={!may.manage}
              />
              <NumberInput
                label={t('followup.settings.closureMonths')}
                {...number('closureMonths', 1, 120)}
              />
              <Text size="sm">
                {t('followup.settings.languageIs', {
                  language: languageNames.of(form.language) ?? form.language,
                })}{' '}
                <Anchor component={Link} to="/settings/organisation">
                  {t('organisation.settings.title')}
                </Anchor>
              </Text>
            </SimpleGrid>
          </Stack>
        </Card>
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert color="green" role="status">
            {t('followup.settings.saved')}
          </Alert>
        )}
        {may.manage && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('followup.settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
