/**
 * `integra demo --evaluations N`: fills the database with generated evaluations (for trying
 * Integra out and for the benchmarks). Deterministic: the same N gives the same data.
 */

import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import type { Db } from '../db/client.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import type { ActionStatus } from '../modules/actions/model.js';
import type { ImportedEvaluation } from '../modules/evaluations/model.js';
import { saveEvaluation } from '../modules/evaluations/service.js';
import { systemCaller } from '../server/caller.js';
import { say, withDatabase } from './io.js';

const UNITS = [
  'Project implementation team',
  'M&E focal point',
  'Programme management',
  'Communication unit',
  'Regional office',
  'Protection unit',
  'Labour mobility unit',
  'Health unit',
  'Partnerships',
  'Finance unit',
];
const VERBS = [
  'Design',
  'Organise',
  'Review',
  'Train',
  'Publish',
  'Monitor',
  'Translate',
  'Set up',
  'Evaluate',
  'Share',
];
const OBJECTS = [
  'the M&E plan',
  'meetings with municipal departments',
  'the intake forms',
  'a referral pathway for newcomers',
  'language courses for adults',
  'a feedback mechanism for beneficiaries',
  'the workplan of the second phase',
  'a dissemination event',
  'the partnership agreements',
  'a training of trainers',
];

/** A small deterministic generator (mulberry32), so benchmark data is the same at every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateEvaluation(index: number, actionsPerEvaluation: number): ImportedEvaluation {
  const rnd = random(index + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const year = 2020 + (index % 7);
  const recCount = Math.max(1, Math.min(20, Math.round(actionsPerEvaluation / 10)));
  const statuses: ActionStatus[] = ['not_initiated', 'initiated', 'completed', 'no_longer_applicable'];
  const recommendations = Array.from({ length: recCount }, (_, r) => {
    const n = Math.floor(actionsPerEvaluation / recCount) + (r < actionsPerEvaluation % recCount ? 1 : 0);
    return {
      number: String(r + 1),
      text: `To ${pick(VERBS).toLowerCase()} ${pick(OBJECTS)} with the partners of the project.`,
      addressedTo: pick(UNITS),
      priority: rnd() < 0.15 ? null : 1 + Math.floor(rnd() * 3),
      priorityJustification: null,
      response: pick(['accepted', 'accepted', 'partially_accepted', 'rejected'] as const),
      responseText: 'Generated response.',
      status: null,
      comments: null,
      notes: [],
      actions: Array.from({ length: n }, (_, a) => {
        const start = addDays(new Date(year, 0, 1), Math.floor(rnd() * 900));
        const hasDue = rnd() > 0.1;
        return {
          number: `${r + 1}.${a + 1}`,
          text: `${pick(VERBS)} ${pick(OBJECTS)}`,
          timeframe: hasDue ? format(start, 'MMMM yyyy') : 'Ongoing',
          due: hasDue
            ? {
                from: format(start, 'yyyy-MM-dd'),
                to: format(addDays(start, 30 + Math.floor(rnd() * 200)), 'yyyy-MM-dd'),
                inferred: false,
              }
            : null,
          responsible: pick(UNITS),
          fundingConditional: rnd() < 0.05,
          status: pick(statuses),
          comments: null,
        };
      }),
    };
  });
  return {
    title: `Evaluation ${index + 1} of the ${pick(OBJECTS).replace(/^the |^a |^an /, '')} project`,
    year,
    period: `${year - 1} – ${year}`,
    evaluators: 'Generated evaluators',
    owner: pick(UNITS),
    publishedOn: null,
    overallComment: null,
    statusTemplate: 'classic',
    notes: [],
    recommendations,
  };
}

export async function seedDemo(db: Db, count: number, actionsPerEvaluation = 100, from = 0): Promise<void> {
  const organisationId = await ensureDefaultOrganisation(db);
  for (let i = from; i < from + count; i++) {
    await saveEvaluation(
      db,
      systemCaller(organisationId),
      generateEvaluation(i, actionsPerEvaluation),
      'demo',
    );
  }
}

export async function demoCommand(opts: { evaluations: string; actions: string }): Promise<void> {
  const n = Number(opts.evaluations);
  const perEval = Number(opts.actions);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new Error('--evaluations must be a whole number from 1 to 100000');
  if (!Number.isInteger(perEval) || perEval < 1 || perEval > 500)
    throw new Error('--actions must be a whole number from 1 to 500');
  await withDatabase(async (database) => {
    const started = Date.now();
    for (let done = 0; done < n; done += 100) {
      await seedDemo(database.db, Math.min(100, n - done), perEval, done);
      say(`demo: ${Math.min(done + 100, n)} of ${n} evaluations`);
    }
    await database.maintain();
    say(
      `demo: ${n} evaluations with ${n * perEval} actions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}
