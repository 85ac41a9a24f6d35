/** Shapes of the accounts module, shared by the server and the web app. */
import { z } from 'zod';
import { reasonField } from '../audit/model.js';
import { ROLE_NAMES } from './roles.js';

export { ROLE_NAMES };
export const roleSchema = z.enum(ROLE_NAMES);

export const newUserSchema = z.object({
  name: z.string().trim().min(1, 'give a name').max(200),
  email: z.string().trim().email('not an email address').max(320),
  password: z.string().max(256),
});
export type NewUserInput = z.infer<typeof newUserSchema>;

export const invitationInputSchema = z.object({
  email: z.string().trim().email('not an email address').max(320),
  role: roleSchema,
  /** The responsible unit a contributor speaks for: its name (a new name adds the unit) or its id. */
  unit: z.string().trim().max(300).nullish(),
  unitId: z.string().uuid('not a valid id').nullish(),
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

export const memberPatchSchema = z.object({
  role: roleSchema.optional(),
  /** The unit by name (a new name adds the unit) or by id; null: none. */
  unit: z.string().trim().max(300).nullable().optional(),
  unitId: z.string().uuid('not a valid id').nullable().optional(),
  reason: z.string().max(2_000).optional(),
});
export type MemberPatch = z.infer<typeof memberPatchSchema>;

export const acceptInvitationSchema = z.object({
  name: z.string().trim().max(200).optional(),
  password: z.string().max(256).optional(),
});

export const sessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  organisationId: z.string(),
  role: roleSchema.nullable(),
  unitId: z.string().nullable(),
  /** The name of the unit a contributor speaks for. */
  unit: z.string().nullable(),
  /** Every unit the person answers for here: their membership's and those they are a focal point of. */
  unitIds: z.array(z.string()),
  memberships: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      role: roleSchema,
      unitId: z.string().nullable(),
      unit: z.string().nullable(),
    }),
  ),
  /** The language the person chose (their emails are written in it); null: not chosen yet. */
  language: z.string().nullable(),
  /** The organisation's language, for a person who chose none. */
  organisationLanguage: z.string(),
  setupNeeded: z.boolean(),
  mail: z.boolean(),
  oidc: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

/** Languages a person may choose for the app; their emails are written in it too. */
export const PERSON_LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export const languageInputSchema = z.object({ language: z.enum(PERSON_LANGUAGES) }).strict();

/** An organisation's settings page: its name, and its language for members who chose none. */
export const organisationSettingsSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.enum(PERSON_LANGUAGES),
});
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;
export const organisationPatchSchema = z
  .object({
    name: z.string().trim().min(1, 'an organisation needs a name').max(200),
    language: z.enum(PERSON_LANGUAGES),
    reason: reasonField,
  })
  .partial()
  .strict();
export type OrganisationPatch = z.infer<typeof organisationPatchSchema>;

// ---- replies: members, invitations, signing in ----

export const membersSchema = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      role: roleSchema,
      unitId: z.string().nullable(),
      unit: z.string().nullable(),
      since: z.string(),
    }),
  ),
  /** Invitations not accepted yet and not expired. */
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      role: roleSchema,
      unitId: z.string().nullable(),
      unit: z.string().nullable(),
      expiresAt: z.string(),
    }),
  ),
});

export const invitationCreatedSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  unitId: z.string().nullable(),
  unit: z.string().nullable(),
  expiresAt: z.string(),
  /** The link to send; it carries the invitation's token. */
  link: z.string(),
  emailed: z.boolean(),
});

export const invitationOfferSchema = z.object({
  organisationName: z.string(),
  email: z.string(),
  role: roleSchema,
  unit: z.string().nullable(),
  expiresAt: z.string(),
  /** Whether someone with this email has an account already (they join instead of signing up). */
  hasAccount: z.boolean(),
});

/** better-auth's answer to a password sign-in (the session cookie comes with it). */
export const signedInSchema = z.looseObject({
  user: z.looseObject({ id: z.string(), email: z.string(), name: z.string() }),
});
