/**
 * The frameworks Integra knows: the SPRING grid ships with it (definitions/spring.json); more are
 * read from JSON or YAML definitions in the same shape (see README, "Criteria frameworks").
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { fieldIssues, Invalid } from '../../server/errors.js';
import { type FrameworkDefinition, frameworkDefinitionSchema } from './model.js';

/** Reads and checks a framework definition; the format is told by the file name (.json, .yaml, .yml). */
export function parseFrameworkDefinition(text: string, fileName = 'framework.json'): FrameworkDefinition {
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(fileName) ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (err) {
    throw new Invalid(
      `${fileName} is not valid ${/\.ya?ml$/i.test(fileName) ? 'YAML' : 'JSON'}: ${(err as Error).message}`,
    );
  }
  const parsed = frameworkDefinitionSchema.safeParse(data);
  if (!parsed.success)
    throw new Invalid(`${fileName} is not a framework definition.`, fieldIssues(parsed.error.issues));
  return parsed.data;
}

export const SPRING: FrameworkDefinition = parseFrameworkDefinition(
  readFileSync(new URL('./definitions/spring.json', import.meta.url), 'utf8'),
  'spring.json',
);
