/** Shapes of the accounts module, shared by the server and the web app. */
import { z } from 'zod';

export const ROLE_NAMES = ['admin', 'editor', 'contributor', 'reviewer', 'viewer'] as const;
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
  /** The responsible unit a contributor speaks for, as written in the matrices. */
  unit: z.string().trim().max(300).nullish(),
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

export const memberPatchSchema = z.object({
  role: roleSchema.optional(),
  unit: z.string().trim().max(300).nullable().optional(),
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
  unit: z.string().nullable(),
  memberships: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      role: roleSchema,
      unit: z.string().nullable(),
    }),
  ),
  setupNeeded: z.boolean(),
  mail: z.boolean(),
  oidc: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;
