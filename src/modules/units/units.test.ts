/**
 * The unit directory: reading "Responsible unit(s)" into units (pure), the directory's rules
 * (unique names, focal points, deleting), links from import and by hand, the action list filter,
 * and the contributor's right to record progress following the links, not the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { type Caller, systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { as, setupAdmin, signedInMember } from '../../test/session.js';
import { callerOf, createUser, ensureDefaultOrganisation } from '../accounts/service.js';
import { actionListQuerySchema } from '../actions/model.js';
import { addProgressUpdate, listActions } from '../actions/service.js';
import { linkedUnits, setActionUnits } from '../actions/units.js';
import { importMatrixText } from '../evaluations/import/importMatrixText.js';
import { getMatrix, saveEvaluation } from '../evaluations/service.js';
import { proposeUnitLinks } from '../evaluations/unitLinks.js';
import { rounds, roundUnits } from '../followup/schema.js';
import { buildDirectory, normaliseUnitText, proposeUnits, splitResponsible } from './match.js';
import { createUnit, deleteUnit, listUnits, matchUnits, recipientsOfUnits, updateUnit } from './service.js';

const TODAY = '2024-01-15';

describe('reading "Responsible unit(s)"', () => {
  const directory = buildDirectory([
    { id: 'city', name: 'City coordinators', aliases: ['City coordination team'] },
    { id: 'notcity', name: 'Not City coordinators', aliases: [] },
    { id: 'psd', name: 'Private Sector Division', aliases: ['PSD'] },
    { id: 'hrm', name: 'Human Resources Management', aliases: ['HRM'] },
    { id: 'me', name: 'Monitoring and Evaluation Unit', aliases: ['M&E'] },
    { id: 'ro', name: 'Regional Offices', aliases: ['Bureaux régionaux'] },
    { id: 'co', name: 'Country Offices', aliases: ['Oficinas de país'] },
    { id: 'comms', name: 'Communication unit', aliases: [] },
  ]);
  const linked = (text: string) =>
    proposeUnits(text, directory).map((p) => [p.part, p.matches.filter((m) => m.exact).map((m) => m.unitId)]);

  it('normalises case, accents, punctuation, spaces and a leading article', () => {
    expect(normaliseUnitText('  The  Bureaux Régionaux. ')).toBe('bureaux regionaux');
    expect(normaliseUnitText('M&E')).toBe('m and e');
  });

  it('links a name or another name exactly, whatever the case and accents', () => {
    expect(linked('city coordinators')).toEqual([['city coordinators', ['city']]]);
    expect(linked('The City Coordination Team')).toEqual([['The City Coordination Team', ['city']]]);
    expect(linked('BUREAUX REGIONAUX')).toEqual([['BUREAUX REGIONAUX', ['ro']]]);
    expect(linked('PSD')).toEqual([['PSD', ['psd']]]);
  });

  it('never links "Not City coordinators" to "City coordinators": a close match to confirm at most', () => {
    const directoryWithout = buildDirectory([{ id: 'city', name: 'City coordinators', aliases: [] }]);
    const [proposal] = proposeUnits('Not City coordinators', directoryWithout);
    expect(proposal.part).toBe('Not City coordinators');
    expect(proposal.matches).toEqual([{ unitId: 'city', name: 'City coordinators', exact: false }]);
    // With both in the directory, each text names its own unit.
    expect(linked('Not City coordinators')).toEqual([['Not City coordinators', ['notcity']]]);
    expect(linked('City coordinators')).toEqual([['City coordinators', ['city']]]);
  });

  it('finds several units in one text, at commas, semicolons, lines, "and", "&" and slashes', () => {
    expect(linked('PSD/HRM, Regional Offices and Country Offices')).toEqual([
      ['PSD', ['psd']],
      ['HRM', ['hrm']],
      ['Regional Offices', ['ro']],
      ['Country Offices', ['co']],
    ]);
    expect(linked('Communication unit;\nCity coordinators & PSD')).toEqual([
      ['Communication unit', ['comms']],
      ['City coordinators', ['city']],
      ['PSD', ['psd']],
    ]);
    // A name with "and" in it stays whole.
    expect(linked('Monitoring and Evaluation Unit')).toEqual([['Monitoring and Evaluation Unit', ['me']]]);
    expect(linked('M&E')).toEqual([['M&E', ['me']]]);
  });

  it('reads French and Spanish conjunctions', () => {
    expect(linked('Bureaux régionaux et City coordinators')).toEqual([
      ['Bureaux régionaux', ['ro']],
      ['City coordinators', ['city']],
    ]);
    expect(linked('Oficinas de país y Regional Offices')).toEqual([
      ['Oficinas de país', ['co']],
      ['Regional Offices', ['ro']],
    ]);
  });

  it('keeps a slash between words that are not units, and gives parts that match nothing no match', () => {
    expect(splitResponsible('Legal/Protection team', directory)).toEqual(['Legal/Protection team']);
    expect(splitResponsible('ABC/XYZ', directory)).toEqual(['ABC', 'XYZ']);
    // An ampersand inside a word is part of a name; with a space beside it, it joins two units.
    expect(splitResponsible('Operations team & M&E officer', directory)).toEqual([
      'Operations team',
      'M&E officer',
    ]);
    expect(splitResponsible('Logistics &Procurement', directory)).toEqual(['Logistics', 'Procurement']);
    const [none] = proposeUnits('Finance unit of the mission', directory);
    expect(none.matches.every((m) => !m.exact)).toBe(true);
    expect(proposeUnits('Ministry of Labour', directory)).toEqual([
      { part: 'Ministry of Labour', matches: [] },
    ]);
    expect(proposeUnits('', directory)).toEqual([]);
  });

  it('ranks close matches, at most three', () => {
    const [p] = proposeUnits('Regional Office', directory);
    expect(p.matches[0]).toEqual({ unitId: 'ro', name: 'Regional Offices', exact: false });
    expect(p.matches.length).toBeLessThanOrEqual(3);
  });
});

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const matrixText = read('../evaluations/import/fixtures/classic-welcome-desks.txt');

describe.each(testDatabases())('the unit directory on $name', ({ open }) => {
  let database: Database;
  let org: string;
  let system: Caller;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;
  const callerFor = async (userId: string, email: string) =>
    callerOf(database.db, { id: userId, email, name: email }, org, org);

  beforeAll(async () => {
    database = await open();
    org = await ensureDefaultOrganisation(database.db);
    system = systemCaller(org);
    app = await buildApp({ db: database.db, organisationId: org, webDist: null, attemptsPerMinute: 50 });
    admin = as(app, await setupAdmin(app));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('creates units with other names and focal points; refuses bad addresses and taken names', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/units',
      payload: {
        name: 'Communication unit',
        aliases: ['Comms', 'comms', 'Communication Unit'],
        focalPoints: [{ email: 'Press@Example.org', name: 'Pia', language: 'it' }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Communication unit',
      aliases: ['Comms'],
      focalPoints: [{ userId: null, email: 'press@example.org', name: 'Pia', language: 'it' }],
      openActions: 0,
    });
    const badEmail = await admin({
      method: 'POST',
      url: '/api/units',
      payload: { name: 'Finance', focalPoints: [{ email: 'not-an-address' }] },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.details).toEqual([
      { path: 'body.focalPoints.0.email', message: 'not an email address' },
    ]);
    const sameName = await admin({
      method: 'POST',
      url: '/api/units',
      payload: { name: 'COMMUNICATION UNIT' },
    });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error.message).toMatch(/already a unit named "Communication unit"/);
    const nameIsAlias = await admin({ method: 'POST', url: '/api/units', payload: { name: 'Comms' } });
    expect(nameIsAlias.statusCode).toBe(409);
    expect(nameIsAlias.json().error.message).toMatch(/Communication unit/);
    const aliasIsName = await admin({
      method: 'POST',
      url: '/api/units',
      payload: { name: 'Press office', aliases: ['communication unit'] },
    });
    expect(aliasIsName.statusCode).toBe(409);
  });

  it('takes members as focal points only from its own organisation, and replaces focal points as a set', async () => {
    const memberId = await createUser(database.db, {
      name: 'Marta Member',
      email: 'marta@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'viewer',
    });
    const unit = await createUnit(database.db, system, {
      name: 'Regional Offices',
      aliases: ['ROs'],
      focalPoints: [{ userId: memberId }, { email: 'ro@example.org', language: 'fr' }],
    });
    // Members first, then addresses, each in alphabetical order.
    expect(unit.focalPoints.map((f) => [f.userId, f.email])).toEqual([
      [memberId, 'marta@example.org'],
      [null, 'ro@example.org'],
    ]);
    const stranger = await admin({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      payload: { focalPoints: [{ userId: '00000000-0000-4000-8000-000000000000' }] },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0].path).toBe('focalPoints.0.userId');
    const renamed = await updateUnit(database.db, system, unit.id, {
      name: 'Regional offices (all)',
      focalPoints: [{ email: 'ro@example.org', language: 'fr' }],
      reason: 'new coordinator',
    });
    expect(renamed.focalPoints.map((f) => f.email)).toEqual(['ro@example.org']);
    const recipients = await recipientsOfUnits(database.db, [unit.id]);
    expect(recipients.get(unit.id)).toEqual([
      { email: 'ro@example.org', name: null, language: 'fr', userId: null },
    ]);
    await updateUnit(database.db, system, unit.id, { focalPoints: [{ userId: memberId }] });
    expect((await recipientsOfUnits(database.db, [unit.id])).get(unit.id)).toEqual([
      { email: 'marta@example.org', name: 'Marta Member', language: null, userId: memberId },
    ]);
    const history = (await admin(`/api/units/${unit.id}/history`)).json().events;
    expect(history.map((e: { operation: string }) => e.operation)).toEqual(['update', 'update', 'create']);
    expect(history[1]).toMatchObject({
      before: { name: 'Regional Offices', focalPoints: ['marta@example.org', 'ro@example.org'] },
      after: { name: 'Regional offices (all)', focalPoints: ['ro@example.org'] },
      reason: 'new coordinator',
    });
  });

  it('links exact matches on import, proposes close ones, and refuses another organisation’s units', async () => {
    const city = await createUnit(database.db, system, {
      name: 'City coordinators',
      aliases: [],
      focalPoints: [],
    });
    const proposed = await proposeUnitLinks(database.db, org, importMatrixText(matrixText));
    const actions = proposed.evaluation.recommendations.flatMap((r) => r.actions);
    const cityAction = actions.find((a) => a.responsible === 'City coordinators');
    expect(cityAction?.unitIds).toEqual([city.id]);
    expect(proposed.unitProposals?.find((p) => p.text === 'City coordinators')?.proposals).toEqual([
      { part: 'City coordinators', matches: [{ unitId: city.id, name: 'City coordinators', exact: true }] },
    ]);
    const { id } = await saveEvaluation(database.db, system, proposed.evaluation);
    const matrix = await getMatrix(database.db, org, id, TODAY);
    const saved = matrix.recommendations.flatMap((r) => r.actions);
    expect(saved.find((a) => a.responsible === 'City coordinators')?.units).toEqual([
      { id: city.id, name: 'City coordinators' },
    ]);
    const listed = (await listUnits(database.db, org)).find((u) => u.id === city.id);
    expect(listed?.openActions).toBeGreaterThan(0);

    const bad = structuredClone(proposed.evaluation);
    bad.recommendations[1].actions[0].unitIds = ['00000000-0000-4000-8000-000000000000'];
    await expect(saveEvaluation(database.db, system, bad)).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'recommendations.1.actions.0.unitIds.0' }],
    });

    const dry = await admin({
      method: 'POST',
      url: '/api/evaluations/import?dryRun=true',
      payload: { text: matrixText },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().unitProposals.length).toBeGreaterThan(0);
    const matched = (
      await admin({
        method: 'POST',
        url: '/api/units/match',
        payload: { texts: ['city coordinators; Finance'] },
      })
    ).json();
    expect(matched.items[0].proposals).toEqual([
      { part: 'city coordinators', matches: [{ unitId: city.id, name: 'City coordinators', exact: true }] },
      { part: 'Finance', matches: [] },
    ]);
  });

  it('lets a contributor record progress on actions linked to its unit or units it is a focal point of, never by the text', async () => {
    const db = database.db;
    const notCity = await createUnit(db, system, {
      name: 'Not City coordinators',
      aliases: [],
      focalPoints: [],
    });
    const text = matrixText.replace(
      '1.1 Pilot evening sessions in Turin and Bari\tQ3 2023 – Q1 2024\tCity coordinators',
      '1.1 Pilot evening sessions in Turin and Bari\tQ3 2023 – Q1 2024\tNot City coordinators',
    );
    expect(text).not.toBe(matrixText);
    const proposed = await proposeUnitLinks(db, org, importMatrixText(text));
    const { id } = await saveEvaluation(db, system, proposed.evaluation);
    const actions = (await getMatrix(db, org, id, TODAY)).recommendations.flatMap((r) => r.actions);
    const notOurs = actions.find((a) => a.responsible === 'Not City coordinators')!;
    expect(notOurs.units).toEqual([{ id: notCity.id, name: 'Not City coordinators' }]);
    const other = actions.find((a) => a.responsible && !a.responsible.includes('City'))!;

    const carlaId = await createUser(db, {
      name: 'Carla',
      email: 'carla@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'contributor',
      unit: 'city COORDINATORS',
    });
    const carla = await callerFor(carlaId, 'carla@example.org');
    expect(carla.unit).toBe('City coordinators');
    const cityId = carla.unitId!;
    const update = { author: 'Carla', comment: 'Started' };
    await expect(addProgressUpdate(db, carla, notOurs.id, update, TODAY)).rejects.toMatchObject({
      status: 403,
    });
    await expect(addProgressUpdate(db, carla, other.id, update, TODAY)).rejects.toMatchObject({
      status: 403,
    });
    // Linked by hand to her unit: now she may.
    await setActionUnits(db, system, other.id, [cityId], 'the city runs the forms');
    const after = await addProgressUpdate(db, carla, other.id, update, TODAY);
    expect(after.updates.at(-1)?.comment).toBe('Started');
    expect((await linkedUnits(db, [other.id])).get(other.id)).toEqual([
      { id: cityId, name: 'City coordinators' },
    ]);

    // A member who is a focal point of the linked unit may too.
    const paoloId = await createUser(db, {
      name: 'Paolo',
      email: 'paolo@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'contributor',
    });
    const paolo = await callerFor(paoloId, 'paolo@example.org');
    await expect(addProgressUpdate(db, paolo, notOurs.id, update, TODAY)).rejects.toMatchObject({
      status: 403,
    });
    await updateUnit(db, system, notCity.id, { focalPoints: [{ userId: paoloId }] });
    await addProgressUpdate(db, paolo, notOurs.id, update, TODAY);

    // The action list filters by linked unit and carries the links.
    const list = await listActions(db, org, actionListQuerySchema.parse({ unitId: notCity.id }), TODAY);
    expect(list.items.map((a) => a.id)).toEqual([notOurs.id]);
    expect(list.items[0].units).toEqual([{ id: notCity.id, name: 'Not City coordinators' }]);
  });

  it('links by hand over HTTP, and checks the units are the organisation’s', async () => {
    const units = await listUnits(database.db, org);
    const list = (await admin('/api/actions?pageSize=1')).json();
    const action = list.items[0];
    const comms = units.find((u) => u.name === 'Communication unit')!;
    const put = await admin({
      method: 'PUT',
      url: `/api/actions/${action.id}/units`,
      payload: { unitIds: [comms.id] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ units: [{ id: comms.id, name: 'Communication unit' }] });
    const foreign = await admin({
      method: 'PUT',
      url: `/api/actions/${action.id}/units`,
      payload: { unitIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('unitIds.0');
  });

  it('deletes a unit unless a follow-up round asked it, with one query per part of the list', async () => {
    const db = database.db;
    const asked = await createUnit(db, system, { name: 'Asked unit', aliases: [], focalPoints: [] });
    const spare = await createUnit(db, system, { name: 'Spare unit', aliases: [], focalPoints: [] });
    const [round] = await db
      .insert(rounds)
      .values({ organisationId: org, name: 'Spring round', dueOn: '2024-03-01', openedBy: 'test' })
      .returning();
    await db.insert(roundUnits).values({ roundId: round.id, unitId: asked.id });
    const refused = await admin({ method: 'DELETE', url: `/api/units/${asked.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/follow-up round/);
    await deleteUnit(db, system, spare.id, 'merged');
    expect((await admin(`/api/units/${spare.id}`)).statusCode).toBe(404);

    expect((await admin('/api/units')).json().items.length).toBeGreaterThan(3);
    // The units with their counts, then their focal points: whatever the number of units.
    const before = database.queryCount();
    await listUnits(db, org);
    expect(database.queryCount() - before).toBe(2);
    const result = await matchUnits(db, org, ['Spare unit']);
    expect(result.items[0].proposals[0].matches.every((m) => !m.exact)).toBe(true);
  });

  it('resolves a unit named on an invitation, creating it when new', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'new@example.org', role: 'contributor', unit: 'Protection Unit' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unit: 'Protection Unit', unitId: expect.any(String) });
    const again = await admin({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'other@example.org', role: 'contributor', unit: 'protection unit' },
    });
    expect(again.json().unitId).toBe(res.json().unitId);
    const members = (await admin('/api/members')).json();
    expect(members.invitations.find((i: { email: string }) => i.email === 'new@example.org')).toMatchObject({
      unit: 'Protection Unit',
      unitId: res.json().unitId,
    });
    const people = (await admin('/api/units/members')).json().items;
    expect(people.map((p: { email: string }) => p.email)).toContain('marta@example.org');
    const viewer = as(app, await signedInMember(app, database.db, org, 'viewer'));
    expect((await viewer('/api/units/members')).statusCode).toBe(403);
    expect((await viewer('/api/units')).statusCode).toBe(200);
    expect((await viewer({ method: 'POST', url: '/api/units', payload: { name: 'X' } })).statusCode).toBe(
      403,
    );
  });
});
