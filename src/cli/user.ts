/** `integra user create`: the first administrator (or another person) without the web app. */

import { newUserSchema, roleSchema } from '../modules/accounts/model.js';
import {
  createFirstAdmin,
  createOrganisationWithAdmin,
  createUser,
  ensureDefaultOrganisation,
} from '../modules/accounts/service.js';
import { fieldIssues, Invalid } from '../server/errors.js';
import { out, say, withDatabase } from './io.js';

export async function createUserCommand(opts: {
  email: string;
  name: string;
  password?: string;
  admin?: boolean;
  role?: string;
  unit?: string;
}): Promise<void> {
  // The password from the environment keeps it out of the shell history and the process list.
  const password = opts.password ?? process.env.INTEGRA_PASSWORD ?? '';
  const input = newUserSchema.safeParse({ name: opts.name, email: opts.email, password });
  if (!input.success) throw new Invalid('Some fields are invalid.', fieldIssues(input.error.issues));
  const role = roleSchema.safeParse(opts.admin ? 'admin' : (opts.role ?? 'viewer'));
  if (!role.success)
    throw new Invalid(`Unknown role ${opts.role}: use admin, editor, contributor, reviewer or viewer.`);
  const id = await withDatabase(async (database) => {
    if (opts.admin) {
      try {
        return await createFirstAdmin(database.db, input.data);
      } catch (err) {
        if (!(err instanceof Error) || !/already has an administrator/.test(err.message)) throw err;
      }
    }
    const organisationId = await ensureDefaultOrganisation(database.db);
    return createUser(database.db, {
      ...input.data,
      organisationId,
      role: role.data,
      unit: opts.unit ?? null,
    });
  });
  out(id);
  say(`Created ${input.data.email} (${role.data}). They can sign in now.`);
}

export async function createOrganisationCommand(name: string, opts: { admin: string }): Promise<void> {
  const id = await withDatabase((database) => createOrganisationWithAdmin(database.db, name, opts.admin));
  out(id);
  say(`Created the organisation ${name}, administered by ${opts.admin}.`);
}
