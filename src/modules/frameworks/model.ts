/**
 * Criteria frameworks as data: a framework has criteria, each with guiding questions, each with
 * checklist items; every one has a stable id. A definition file (JSON or YAML) in this shape adds
 * a framework without code changes. No server-only imports: web/ uses these too.
 */
import { z } from 'zod';

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'ids use letters, digits, dots, dashes and underscores');

export const frameworkDefinitionSchema = z
  .object({
    id,
    version: z.number().int().min(1),
    name: z.string().min(1).max(200),
    description: z.string().max(5_000).optional(),
    criteria: z
      .array(
        z.object({
          id,
          name: z.string().min(1).max(200),
          questions: z
            .array(
              z.object({
                id,
                text: z.string().min(1).max(2_000),
                items: z.array(z.object({ id, text: z.string().min(1).max(2_000) })).min(1),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  })
  .superRefine((f, ctx) => {
    // Ids are stable references from assessments: each may appear once in a framework.
    const seen = new Set<string>();
    const check = (value: string, path: (string | number)[]) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `the id "${value}" is used twice`, path });
      seen.add(value);
    };
    f.criteria.forEach((c, ci) => {
      check(c.id, ['criteria', ci, 'id']);
      c.questions.forEach((q, qi) => {
        check(q.id, ['criteria', ci, 'questions', qi, 'id']);
        q.items.forEach((it, ii) => {
          check(it.id, ['criteria', ci, 'questions', qi, 'items', ii, 'id']);
        });
      });
    });
  });
export type FrameworkDefinition = z.infer<typeof frameworkDefinitionSchema>;

export const MARKS = ['met', 'not_met', 'not_applicable', 'not_assessed'] as const;
export type Mark = (typeof MARKS)[number];

/** "spring@1": how an assessment names the framework version it used. */
export const frameworkKey = (f: Pick<FrameworkDefinition, 'id' | 'version'>) => `${f.id}@${f.version}`;
