import { describe, expect, it } from 'vitest';
import { readInlineDetails } from './matrixInlineDetails.js';

const read = (text: string) => readInlineDetails(text, 2024);

describe('a timeframe and unit written at the end of an action', () => {
  it.each([
    [
      'Organiser deux sessions d’information, 1 à 3 mois après le début du projet – Équipes pays',
      'Organiser deux sessions d’information',
      '1 à 3 mois après le début du projet',
      'Équipes pays',
    ],
    ['Sign the referral agreements (Q3 2024, HR unit)', 'Sign the referral agreements', 'Q3 2024', 'HR unit'],
    [
      'Sign the referral agreements (Q3 2024; HR unit).',
      'Sign the referral agreements',
      'Q3 2024',
      'HR unit',
    ],
    [
      'Former les agents d’accueil (T2 2025, Service RH)',
      'Former les agents d’accueil',
      'T2 2025',
      'Service RH',
    ],
    [
      'Organizar talleres, 6 meses después del inicio – Oficinas de país',
      'Organizar talleres',
      '6 meses después del inicio',
      'Oficinas de país',
    ],
  ])('%j → the text, its timeframe and its unit', (written, text, timeframe, responsible) => {
    expect(read(written)).toEqual({ text, timeframe, responsible });
  });

  it.each([
    ['Open an evening group – Training unit', 'Open an evening group', 'Training unit'],
    ['Recruit two mediators – M&E', 'Recruit two mediators', 'M&E'],
    [
      'Set up a steering committee – Ministry of Interior and partners',
      'Set up a steering committee',
      'Ministry of Interior and partners',
    ],
    ['Open a second office (Regional office)', 'Open a second office', 'Regional office'],
  ])('%j → only a unit', (written, text, responsible) => {
    expect(read(written)).toEqual({ text, timeframe: null, responsible });
  });

  it.each([
    ['Publish the guide, by June 2025', 'Publish the guide', 'by June 2025'],
    [
      'Publish the guide, within 6 months after approval',
      'Publish the guide',
      'within 6 months after approval',
    ],
    ['Publish the guide (ongoing)', 'Publish the guide', 'ongoing'],
    ['Publish the guide – Q4 2025', 'Publish the guide', 'Q4 2025'],
    ['Renovate the kitchen (2025-2026)', 'Renovate the kitchen', '2025-2026'],
    ['Contact the 12 municipalities – within 2 weeks', 'Contact the 12 municipalities', 'within 2 weeks'],
    ['Former les agents – dans les 6 mois', 'Former les agents', 'dans les 6 mois'],
  ])('%j → only a timeframe', (written, text, timeframe) => {
    expect(read(written)).toEqual({ text, timeframe, responsible: null });
  });

  it.each([
    'Review the curriculum, in line with the 2024 strategy',
    'Train staff – especially new caseworkers',
    'Ask the partners, as agreed in March',
    'Visit the municipalities, twice a year',
    'Hire staff, 3 months',
    'Recruit mediators (see annex 2)',
    'Recruit mediators (Arabic, Dari)',
    'Recruit two mediators (one for Arabic, one for Dari)',
    'Consult the partners (staff, volunteers)',
    'Train staff (at least 20 people)',
    'Brief the staff (new caseworkers)',
    'Extend the opening hours – Saturday and Sunday',
    'Hire a coordinator – funded by the EU',
    'Set up a hotline for the Ministry',
    'Expand the programme to 3 more cities (Phase 2)',
  ])('leaves %j whole: its tail is neither a time nor a unit', (written) => {
    expect(read(written)).toBeNull();
  });

  // BUG: with a dash instead of a comma, any tail holding a year is a timeframe, so the same
  // sentence the comma case leaves alone loses its end: timeframe "in line with the 2024 strategy".
  it('leaves "Review the curriculum – in line with the 2024 strategy" whole', () => {
    expect(read('Review the curriculum – in line with the 2024 strategy')).toBeNull();
  });

  // BUG: → timeframe "especially new caseworkers hired in 2024", text "Train staff".
  it('leaves "Train staff – especially new caseworkers hired in 2024" whole', () => {
    expect(read('Train staff – especially new caseworkers hired in 2024')).toBeNull();
  });

  // BUG: a bracket holding a year is read as a timeframe: "2024 edition", "as in 2023".
  it.each([
    'Align the curriculum with the strategy (2024 edition)',
    'Organise the annual forum (as in 2023)',
  ])('leaves %j whole: the bracket names no deadline', (written) => {
    expect(read(written)).toBeNull();
  });

  // BUG: any 2–7 capitals read as a unit's acronym: responsible "AR, FA, TI" (language codes), "PDF".
  it.each(['Translate the leaflet into three languages (AR, FA, TI)', 'Publish the report online (PDF)'])(
    'leaves %j whole: the bracket names no unit',
    (written) => {
      expect(read(written)).toBeNull();
    },
  );

  // BUG: after a comma, a clause that merely mentions a span of time is read as a timeframe:
  // → text "Renew the agreement", timeframe "which expires after 12 months".
  it('leaves "Renew the agreement, which expires after 12 months" whole', () => {
    expect(read('Renew the agreement, which expires after 12 months')).toBeNull();
  });
});
