/**
 * The organisation's settings: its name, and the language the app and its emails use for members
 * who chose none (and for focal points without an account). Administrators change them; other
 * members read them.
 */
import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OrganisationSettings } from '../../../src/modules/accounts/model';
import { api } from '../api';
import { LANGUAGES } from '../i18n';
import { ErrorAlert, fieldError } from '../shared/ui';
import { can, useSession } from './session';

export function OrganisationPage() {
  const { t } = useTranslation();
  const organisation = useQuery({
    queryKey: ['organisation'],
    queryFn: () => api<OrganisationSettings>('/organisation'),
  });
  return (
    <Stack maw={720}>
      <Title order={1}>{t('organisation.settings.title')}</Title>
      <ErrorAlert error={organisation.error} />
      {organisation.data ? (
        <OrganisationForm key={organisation.data.id} saved={organisation.data} />
      ) : (
        !organisation.error && <Text>{t('common.loading')}</Text>
      )}
    </Stack>
  );
}

function OrganisationForm({ saved }: { saved: OrganisationSettings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const may = can(useSession().data);
  const [name, setName] = useState(saved.name);
  const [language, setLanguage] = useState<string>(saved.language);
  const save = useMutation({
    mutationFn: () =>
      api<OrganisationSettings>('/organisation', { method: 'PATCH', json: { name, language } }),
    onSuccess: async (next) => {
      qc.setQueryData(['organisation'], next);
      // The header names the organisation, and the session carries its language.
      await qc.invalidateQueries({ queryKey: ['session'] });
    },
  });
  const changed = name !== saved.name || language !== saved.language;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Card withBorder>
        <Stack>
          <TextInput
            label={t('organisation.settings.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              save.reset();
            }}
            error={fieldError(save.error, 'name')}
            disabled={!may.manage}
            required
          />
          <Select
            label={t('organisation.settings.language')}
            description={t('organisation.settings.languageHint')}
            data={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
            value={language}
            onChange={(v) => {
              if (v) setLanguage(v);
              save.reset();
            }}
            allowDeselect={false}
            error={fieldError(save.error, 'language')}
            disabled={!may.manage}
          />
          <ErrorAlert error={save.error} />
          {save.isSuccess && !changed && (
            <Text c="green.8" role="status">
              {t('organisation.settings.saved')}
            </Text>
          )}
          {may.manage ? (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!changed}>
                {t('common.save')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('organisation.settings.adminsOnly')}
            </Text>
          )}
        </Stack>
      </Card>
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/settings/follow-up">
          {t('organisation.settings.followup')}
        </Anchor>
        {may.manage && (
          <>
            {' · '}
            <Anchor component={Link} to="/members">
              {t('organisation.settings.members')}
            </Anchor>
          </>
        )}
      </Text>
    </form>
  );
}
