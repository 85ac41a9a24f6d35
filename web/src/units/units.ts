/** The organisation's unit directory as the screens share it (one cached query). */
import { useQuery } from '@tanstack/react-query';
import type { Unit, UnitMatchResult, UnitProposal } from '../../../src/modules/units/model';
import { api } from '../api';

export const UNITS_KEY = ['units'] as const;

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: UNITS_KEY,
    queryFn: async () => (await api<{ items: Unit[] }>('/units')).items,
    enabled,
    staleTime: 30_000,
  });
}

/** What one "Responsible unit(s)" text may mean, part by part (asked again when the text changes). */
export function useUnitProposals(text: string, known?: UnitProposal[]) {
  return useQuery({
    queryKey: ['unit-match', text],
    queryFn: async () =>
      (await api<UnitMatchResult>('/units/match', { method: 'POST', json: { texts: [text] } })).items[0]
        ?.proposals ?? [],
    enabled: known === undefined && text.trim() !== '',
    initialData: known,
    staleTime: 30_000,
  });
}
