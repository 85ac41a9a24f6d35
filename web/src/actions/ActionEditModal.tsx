/** Edits an action's text, timeframe, due window, responsible units (as written and linked) and comments. */

import { Checkbox, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueWindowInput } from '../../../src/modules/actions/model';
import { api } from '../api';
import { DeleteButton } from '../shared/Trash';
import { ErrorAlert, FormButtons, fieldError } from '../shared/ui';
import { useUnits } from '../units/units';

interface Props {
  action: {
    id: string;
    number: string;
    text: string;
    timeframe: string | null;
    due: DueWindowInput | null;
    responsible: string | null;
    fundingConditional: boolean;
    noActionNeeded: boolean;
    comments: string | null;
    /** The units of the directory it is linked to. */
    units?: { id: string; name: string }[];
  };
  onClose: () => void;
}

export function ActionEditModal({ action, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    number: action.number,
    text: action.text,
    timeframe: action.timeframe ?? '',
    dueFrom: action.due?.from ?? '',
    dueTo: action.due?.to ?? '',
    responsible: action.responsible ?? '',
    comments: action.comments ?? '',
    reason: '',
  });
  const [funding, setFunding] = useState(action.fundingConditional);
  const [noAction, setNoAction] = useState(action.noActionNeeded);
  const units = useUnits();
  const linkedBefore = (action.units ?? []).map((u) => u.id);
  const [linked, setLinked] = useState(linkedBefore);
  const save = useMutation({
    mutationFn: async () => {
      const relinked = [...linked].sort().join() !== [...linkedBefore].sort().join();
      if (relinked) {
        await api(`/actions/${action.id}/units`, {
          method: 'PUT',
          json: { unitIds: linked, ...(form.reason.trim() ? { reason: form.reason.trim() } : {}) },
        });
      }
      const dueChanged = form.dueFrom !== (action.due?.from ?? '') || form.dueTo !== (action.due?.to ?? '');
      return api(`/actions/${action.id}`, {
        method: 'PATCH',
        json: {
          number: form.number,
          text: form.text,
          timeframe: form.timeframe || null,
          responsible: form.responsible || null,
          comments: form.comments || null,
          fundingConditional: funding,
          noActionNeeded: noAction,
          ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
          ...(dueChanged
            ? {
                due:
                  form.dueTo || form.dueFrom
                    ? { from: form.dueFrom || null, to: form.dueTo, inferred: false }
                    : null,
              }
            : {}),
        },
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      onClose();
    },
  });
  const field = (k: keyof typeof form, errorPath: string = k) => ({
    value: form[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value;
      setForm((f) => ({ ...f, [k]: v }));
    },
    error: fieldError(save.error, errorPath),
  });
  return (
    <Modal opened onClose={onClose} title={t('action.editTitle', { n: action.number })} size="lg">
      <Stack>
        <TextInput label={t('action.number')} {...field('number')} />
        <Textarea label={t('action.text')} autosize minRows={2} {...field('text')} />
        <TextInput
          label={t('action.timeframe')}
          description={t('action.timeframeHint')}
          {...field('timeframe')}
        />
        <Group grow>
          <TextInput type="date" label={t('action.dueFrom')} {...field('dueFrom', 'due.from')} />
          <TextInput type="date" label={t('action.dueTo')} {...field('dueTo', 'due.to')} />
        </Group>
        <Checkbox
          label={t('action.funding')}
          checked={funding}
          onChange={(e) => setFunding(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('action.noActionNeeded')}
          description={t('action.noActionNeededHint')}
          checked={noAction}
          onChange={(e) => setNoAction(e.currentTarget.checked)}
        />
        <TextInput label={t('action.responsible')} {...field('responsible')} />
        <MultiSelect
          label={t('units.linkedUnits')}
          description={t('units.linkedUnitsHint')}
          searchable
          value={linked}
          onChange={setLinked}
          data={[
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
            // Linked units are shown by name even before the directory has loaded.
            ...(action.units ?? [])
              .filter((u) => !units.data?.some((d) => d.id === u.id))
              .map((u) => ({ value: u.id, label: u.name })),
          ]}
          error={fieldError(save.error, 'unitIds.0')}
        />
        <Textarea label={t('action.comments')} autosize {...field('comments')} />
        <TextInput label={t('action.reason')} description={t('action.reasonHint')} {...field('reason')} />
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          <DeleteButton
            path={`/actions/${action.id}`}
            title={`${action.number} ${action.text}`}
            onDeleted={onClose}
          />
          <FormButtons onCancel={onClose} onSave={() => save.mutate()} saving={save.isPending} />
        </Group>
      </Stack>
    </Modal>
  );
}
