import { describe, expect, it } from 'vitest';
import { parseFrameworkDefinition, SPRING } from './definitions.js';

describe('framework definitions', () => {
  it('ships the SPRING grid: 5 criteria, 12 guiding questions, 40 checklist items with stable ids', () => {
    expect(SPRING.criteria.map((c) => c.name)).toEqual([
      'Inclusivity & Participation',
      'Relevance & Complementarity',
      'Effectiveness',
      'Sustainability',
      'Partnership & Collaboration',
    ]);
    const questions = SPRING.criteria.flatMap((c) => c.questions);
    const items = questions.flatMap((q) => q.items);
    expect(questions).toHaveLength(12);
    expect(items).toHaveLength(40);
    expect(new Set(items.map((i) => i.id)).size).toBe(40);
    expect(items[0]).toEqual({
      id: 'IP1.1',
      text: 'Adopt a participatory, gender mainstreaming, age sensitive, inclusive approach and secure equal opportunities for beneficiaries.',
    });
  });

  it('reads a further framework from YAML', () => {
    const f = parseFrameworkDefinition(
      `id: local-grid
version: 2
name: Municipal integration grid
criteria:
  - id: A
    name: Access
    questions:
      - id: A1
        text: Can newcomers reach the service?
        items:
          - { id: A1.1, text: Information exists in three languages. }
`,
      'grid.yaml',
    );
    expect(f.criteria[0].questions[0].items[0].id).toBe('A1.1');
  });

  it('refuses a definition with repeated ids or missing parts, naming the field', () => {
    const broken = JSON.stringify({
      id: 'x',
      version: 1,
      name: 'X',
      criteria: [
        { id: 'A', name: 'A', questions: [{ id: 'A', text: 'Q?', items: [{ id: 'A1', text: 'I' }] }] },
      ],
    });
    const error = (() => {
      try {
        parseFrameworkDefinition(broken);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toMatchObject({
      message: expect.stringMatching(/not a framework definition/),
      details: [
        expect.objectContaining({ path: 'criteria.0.questions.0.id', message: 'the id "A" is used twice' }),
      ],
    });
    expect(() => parseFrameworkDefinition('{ nope', 'f.json')).toThrow(/not valid JSON/);
  });
});
