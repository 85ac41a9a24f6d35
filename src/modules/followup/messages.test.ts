/** Follow-up emails in each language a focal point may read: every kind, dates as the language writes them. */
import { describe, expect, it } from 'vitest';
import { EMAIL_LANGUAGES } from '../units/model.js';
import { renderMessage } from './messages.js';
import { MESSAGE_KINDS } from './model.js';

const input = (language: (typeof EMAIL_LANGUAGES)[number], kind: (typeof MESSAGE_KINDS)[number]) => ({
  kind,
  language,
  organisationName: 'Comune di Bari',
  unitName: 'Reception desk',
  round: { name: 'Time 2', dueOn: '2026-03-15', message: null },
  actions: [
    {
      number: '2.1',
      text: 'Open the desk on Saturdays',
      evaluationTitle: 'Desk review',
      dueTo: '2026-06-30',
    },
  ],
  link: 'http://integra.test/respond/abc',
});

describe('follow-up emails', () => {
  it.each(EMAIL_LANGUAGES)('are written in %s for every kind, with the link and the actions', (language) => {
    const english = MESSAGE_KINDS.map((k) => renderMessage(input('en', k)));
    for (const [i, kind] of MESSAGE_KINDS.entries()) {
      const { subject, body } = renderMessage(input(language, kind));
      expect(subject).not.toMatch(/undefined|null/);
      expect(body).toContain('http://integra.test/respond/abc');
      expect(body).toContain('Open the desk on Saturdays');
      if (language !== 'en') expect(subject).not.toBe(english[i].subject);
    }
  });

  it('writes Arabic with its own words and dates', () => {
    const { subject, body } = renderMessage(input('ar', 'round_opened'));
    expect(subject).toContain('يُرجى الإفادة عن إجراءات Reception desk');
    // 15 March 2026 as Arabic writes it: the month is named in Arabic (مارس).
    expect(subject).toContain('مارس');
    expect(body).toContain('التقييم: Desk review');
  });
});
