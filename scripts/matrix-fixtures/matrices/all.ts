/** Every matrix fixture, in the order of the README (and of FIXTURES in the fixtures' index.ts). */
import type { MatrixSpec } from '../spec.js';
import en2022LegalAid from './en-2022-legal-aid-deleted.js';
import en2022Reception from './en-2022-reception-centres-struck.js';
import enClassicJobCoaching from './en-classic-job-coaching-lettered.js';
import enClassicOneTable from './en-classic-one-table-language-courses.js';
import es2022Asistencia from './es-2022-asistencia-juridica-eliminado.js';
import es2022Centros from './es-2022-centros-acogida-tachado.js';
import esClassicOrientacion from './es-classic-orientacion-laboral.js';
import esClassicVentanilla from './es-classic-una-tabla-ventanilla-unica.js';
import fr2022AideJuridique from './fr-2022-aide-juridique-supprime.js';
import fr2022Centres from './fr-2022-centres-accueil-barre.js';
import frClassicGuichets from './fr-classic-guichets-uniques.js';
import frClassicOneTable from './fr-classic-une-table-cours-de-langue.js';

export const MATRICES: MatrixSpec[] = [
  enClassicOneTable,
  enClassicJobCoaching,
  en2022Reception,
  en2022LegalAid,
  frClassicGuichets,
  frClassicOneTable,
  fr2022Centres,
  fr2022AideJuridique,
  esClassicOrientacion,
  esClassicVentanilla,
  es2022Centros,
  es2022Asistencia,
];
