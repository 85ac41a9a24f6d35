/**
 * On the import review screen, the units an action will be linked to: linked units as removable
 * chips, close matches of its "Responsible unit(s)" as "Did you mean …?" to confirm, and a part
 * that names no unit as "Create unit …" (added to the directory, then linked).
 */
import { Button, Group, Pill, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitProposal } from '../../../src/modules/units/model';
import { normaliseUnitText } from '../../../src/modules/units/model';
import { ApiError, api } from '../api';
import { UNITS_KEY, useUnitProposals, useUnits } from '../units/units';

interface Props {
  /** "Responsible unit(s)" as written. */
  responsible: string | null;
  unitIds: string[];
  onChange: (unitIds: string[]) => void;
  /** What the import proposed for each text, so the first look needs no request. */
  known?: { text: string; proposals: UnitProposal[] }[];
  /** The error of a failed save and this action's field path ("recommendations.0.actions.1"). */
  saveError?: unknown;
  path: string;
}

/** A button naming a unit: on more lines when the name is long, never cut. */
const WRAPS = {
  root: { height: 'auto', minHeight: 22, paddingBlock: 2, maxWidth: '100%' },
  label: { whiteSpace: 'normal', textAlign: 'start' },
} as const;

export function UnitLinks({ responsible, unitIds, onChange, known, saveError, path }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const [text] = useDebouncedValue((responsible ?? '').trim(), 400);
  const proposals = useUnitProposals(text, known?.find((k) => k.text === text)?.proposals);
  const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
  // A unit created or renamed since the proposals were made is recognised here too.
  const byName = new Map<string, Unit>();
  for (const u of units.data ?? [])
    for (const n of [u.name, ...u.aliases]) byName.set(normaliseUnitText(n), u);
  const link = (id: string) => onChange([...new Set([...unitIds, id])]);
  const create = useMutation({
    mutationFn: (name: string) => api<Unit>('/units', { method: 'POST', json: { name } }),
    onSuccess: async (unit) => {
      link(unit.id);
      await qc.invalidateQueries({ queryKey: UNITS_KEY });
      await qc.invalidateQueries({ queryKey: ['unit-match'] });
    },
  });
  const error =
    saveError instanceof ApiError
      ? saveError.details.find((d) => d.path.includes(`${path}.unitIds`))?.message
      : undefined;

  const parts = (text ? (proposals.data ?? []) : []).map((p) => {
    const named = byName.get(normaliseUnitText(p.part));
    const matches = named
      ? [{ unitId: named.id, name: named.name, exact: true }]
      : p.matches.filter((m) => byId.has(m.unitId) || units.isPending);
    return { part: p.part, matches, settled: matches.some((m) => unitIds.includes(m.unitId)) };
  });

  return (
    <Stack gap={4} mt={4}>
      {unitIds.length > 0 && (
        <Pill.Group aria-label={t('units.linked')}>
          {unitIds.map((id) => {
            const name = byId.get(id)?.name ?? t('units.unknown');
            return (
              <Pill
                key={id}
                withRemoveButton
                onRemove={() => onChange(unitIds.filter((u) => u !== id))}
                removeButtonProps={{ 'aria-label': t('units.unlink', { name }) }}
              >
                {name}
              </Pill>
            );
          })}
        </Pill.Group>
      )}
      {parts
        .filter((p) => !p.settled)
        .map((p) => (
          <Group key={p.part} gap={4}>
            {p.matches.map((m) => (
              <Button
                key={m.unitId}
                size="compact-xs"
                variant="light"
                styles={WRAPS}
                onClick={() => link(m.unitId)}
              >
                {m.exact ? t('units.linkTo', { name: m.name }) : t('units.didYouMean', { name: m.name })}
              </Button>
            ))}
            {!p.matches.some((m) => m.exact) && (
              <Button
                size="compact-xs"
                variant="default"
                styles={WRAPS}
                loading={create.isPending && create.variables === p.part}
                onClick={() => create.mutate(p.part)}
              >
                {t('units.create', { name: p.part })}
              </Button>
            )}
          </Group>
        ))}
      <Select
        size="xs"
        aria-label={t('units.linkAnother')}
        placeholder={t('units.linkAnother')}
        searchable
        value={null}
        onChange={(id) => id && link(id)}
        data={(units.data ?? [])
          .filter((u) => !unitIds.includes(u.id))
          .map((u) => ({ value: u.id, label: u.name }))}
        nothingFoundMessage={t('units.noneFound')}
      />
      {(create.error || error) && (
        <Text size="xs" c="red" role="alert">
          {error ?? (create.error as Error).message}
        </Text>
      )}
    </Stack>
  );
}
