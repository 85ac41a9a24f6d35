/** `integra unit create NAME [--alias TEXT]... [--email ADDRESS]...`: a unit of the directory. */

import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { unitInputSchema } from '../modules/units/model.js';
import { createUnit } from '../modules/units/service.js';
import { systemCaller } from '../server/caller.js';
import { fieldIssues, Invalid } from '../server/errors.js';
import { out, say, withDatabase } from './io.js';

export async function createUnitCommand(
  name: string,
  opts: { alias?: string[]; email?: string[] },
): Promise<void> {
  // Checked before the database is opened: bad input touches nothing.
  const input = unitInputSchema.safeParse({
    name,
    aliases: opts.alias ?? [],
    focalPoints: (opts.email ?? []).map((email) => ({ email })),
  });
  if (!input.success) throw new Invalid('Some fields are invalid.', fieldIssues(input.error.issues));
  const unit = await withDatabase(async (database) => {
    const organisationId = await ensureDefaultOrganisation(database.db);
    return createUnit(database.db, systemCaller(organisationId), input.data);
  });
  out(unit.id);
  say(
    `Created the unit ${unit.name}${unit.focalPoints.length ? ` (focal points: ${unit.focalPoints.map((f) => f.email).join(', ')})` : ''}.`,
  );
}
