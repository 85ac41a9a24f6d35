/**
 * Shapes of the unit directory, shared by the server and the web app: responsible units, their
 * other names, their focal points, and the links an import proposes from "Responsible unit(s)".
 */
import { z } from 'zod';

// The web app matches unit names as the server does (web/ reaches modules through model.ts).
export { normaliseUnitText } from './match.js';

export const EMAIL_LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

export const focalPointInputSchema = z.union([
  z.object({ userId: z.string().uuid() }).strict(),
  z
    .object({
      email: z.string().trim().toLowerCase().email('not an email address').max(320),
      name: z.string().trim().max(200).nullish(),
      language: z.enum(EMAIL_LANGUAGES).nullish(),
    })
    .strict(),
]);
export type FocalPointInput = z.infer<typeof focalPointInputSchema>;

const unitName = z.string().trim().min(1, 'a unit needs a name').max(300);

export const unitInputSchema = z
  .object({
    name: unitName,
    aliases: z.array(unitName).max(50).default([]),
    focalPoints: z.array(focalPointInputSchema).max(50).default([]),
  })
  .strict();
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitPatchSchema = z
  .object({
    name: unitName,
    aliases: z.array(unitName).max(50),
    focalPoints: z.array(focalPointInputSchema).max(50),
    reason: z.string().trim().max(2_000).optional(),
  })
  .partial()
  .strict();
export type UnitPatch = z.infer<typeof unitPatchSchema>;

export const focalPointSchema = z.object({
  id: z.string(),
  /** A member of the organisation, or null for an address without an account. */
  userId: z.string().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  language: z.enum(EMAIL_LANGUAGES).nullable(),
});
export type FocalPoint = z.infer<typeof focalPointSchema>;

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  focalPoints: z.array(focalPointSchema),
  /** Actions linked to the unit that are not closed. */
  openActions: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitListSchema = z.object({ items: z.array(unitSchema) });

/** A unit the text of "Responsible unit(s)" may mean: exact (name or alias) or close. */
export const unitMatchSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  exact: z.boolean(),
});

/** For one part of a "Responsible unit(s)" text ("PSD/HRM, Regional Offices" → two parts). */
export const unitProposalSchema = z.object({
  part: z.string(),
  matches: z.array(unitMatchSchema),
});
export type UnitProposal = z.infer<typeof unitProposalSchema>;

export const actionUnitsInputSchema = z
  .object({ unitIds: z.array(z.string().uuid()).max(50), reason: z.string().trim().max(2_000).optional() })
  .strict();

/** A unit as actions and lists carry it. */
export const unitRefSchema = z.object({ id: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof unitRefSchema>;

export const unitMatchInputSchema = z.object({ texts: z.array(z.string().max(2_000)).max(2_000) }).strict();

/** The parts of each "Responsible unit(s)" text with the units they may mean. */
export const unitMatchResultSchema = z.object({
  items: z.array(z.object({ text: z.string(), proposals: z.array(unitProposalSchema) })),
});
export type UnitMatchResult = z.infer<typeof unitMatchResultSchema>;
