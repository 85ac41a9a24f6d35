/**
 * Classic template in Spanish, the whole matrix in one table whose key-action headings are the
 * first rows, repeated on each page; labels and values in four cells of one row;
 * recommendations I–VI; key actions unnumbered, one per row; a priority range, a funding
 * condition, a cross-reference wrapped to the start of a line, optional hyphens.
 */
import type { MatrixSpec } from '../spec.js';
import { classicLayout, pageOf } from '../templates.js';
import { CLASSIC_ES } from '../words.js';

const m: MatrixSpec = {
  name: 'es-classic-una-tabla-ventanilla-unica',
  language: 'es',
  summary:
    'mid-term evaluation of a municipal one-stop shop; one table with headings repeated on each page, recommendations I–VI, unnumbered actions.',
  habits: [
    'whole-matrix-one-table',
    'table-across-pages',
    'repeated-header-row',
    'page-header-footer',
    'labels-side-by-side',
    'letters-or-roman-numbers',
    'unnumbered-actions',
    'priority-range',
    'funding-conditional',
    'hyphenation-at-line-end',
    'cross-reference-at-line-start',
    'multi-paragraph-cells',
  ],
  statusTemplate: 'classic',
  title:
    'Evaluación intermedia de la Ventanilla Única de Atención a Personas Migrantes del Ayuntamiento de Valdeflores',
  year: 2022,
  evaluators: 'Equipo de evaluación del Instituto de Estudios Migratorios, Universidad de Valdeflores',
  owner: 'Jefa de Servicio de Inclusión Social',
  publishedOn: '2022-11-30',
  recommendations: [
    {
      number: 'I',
      text: 'Unificar en un solo punto de atención los trámites de empadro¬namiento, el informe de arraigo y el acceso a los servicios sociales, que hoy exigen hasta cuatro desplazamientos a oficinas distintas del Ayuntamiento.',
      addressedTo: 'Concejalía de Servicios Sociales e Igualdad y Oficina de Atención Ciudadana',
      priority: 1,
      response: 'accepted',
      responseText:
        'Aceptar. La ventanilla asumirá el empadro¬namiento y la emisión de informes de arraigo desde el primer trimestre de 2023.',
      actions: [
        {
          text: 'Trasladar a la ventanilla la tramitación del empadro¬namiento',
          timeframe: 'T1 2023',
          responsible: 'Oficina de Atención Ciudadana',
          status: 'completed',
          statusWritten: 'Completada',
        },
        {
          text: 'Formar al personal de la ventanilla en la elaboración de informes de arraigo',
          timeframe: 'Marzo de 2023',
          responsible: 'Servicios Sociales',
          status: 'initiated',
          statusWritten: 'En curso',
          comments: 'Primera sesión impartida el 14 de febrero.',
        },
      ],
    },
    {
      number: 'II',
      text: 'Reducir el tiempo de espera para obtener cita, que supera las cinco semanas, ofreciendo atención sin cita previa al menos dos mañanas por semana.',
      addressedTo: 'Coordinación de la ventanilla',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Aceptar parcialmente. Se abrirá la atención sin cita un día por semana; la contratación de más personal depende del presupuesto municipal de 2024.',
      actions: [
        {
          text: 'Abrir la atención sin cita los martes por la mañana',
          timeframe: 'Enero de 2023',
          responsible: 'Coordi¬nación de la ventanilla',
          status: 'completed',
          statusWritten: 'Completada',
        },
        {
          text: 'Incluir dos plazas de técnico de atención en el presupuesto municipal',
          timeframe: '2024, sujeto a la disponibilidad de fondos',
          responsible: 'Concejalía de Hacienda',
          fundingConditional: true,
          status: 'not_initiated',
          statusWritten: 'No iniciada',
        },
      ],
    },
    {
      number: 'III',
      text: 'Garantizar la interpre¬tación en las entrevistas con personas que no hablan español y contar con mediadores intercul¬turales para las situaciones más complejas.',
      addressedTo: 'Coordinación de la ventanilla',
      priority: 2,
      priorityWritten: '2-3',
      response: 'accepted',
      responseText: 'Aceptar.',
      actions: [
        {
          text: 'Contratar un servicio de interpre¬tación telefónica',
          timeframe: 'Primer trimestre de 2023',
          responsible: 'Servicio de Contra¬tación',
          status: 'initiated',
          statusWritten: 'En curso',
        },
        {
          text: 'Crear una bolsa de mediadores intercul¬turales con las asociaciones de la ciudad\nLa bolsa incluirá al menos el árabe, el wolof, el rumano y el ucraniano.',
          timeframe: 'Segundo semestre de 2023',
          responsible: 'Coordi¬nación de la ventanilla',
        },
      ],
    },
    {
      number: 'IV',
      text: 'Ampliar el horario de atención a una tarde por semana, ya que muchas personas usuarias trabajan por la mañana en la agricultura o en el servicio doméstico y pierden su jornada para acudir a la cita, lo que agrava los tiempos de espera descritos más arriba (véase\u00a0la\u00a0recomendación\u00a0II).',
      addressedTo: 'Concejalía de Servicios Sociales e Igualdad',
      priority: 2,
      response: 'partially_accepted',
      responseText: 'Aceptar parcialmente. Se abrirá una tarde al mes a modo de prueba durante 2023.',
      actions: [
        {
          text: 'Abrir la ventanilla el primer jueves de cada mes por la tarde',
          timeframe: 'Desde febrero de 2023',
          due: null,
          responsible: 'Coordi¬nación de la ventanilla',
        },
      ],
    },
    {
      number: 'V',
      text: 'Mejorar la información sobre la ventanilla, hoy limitada a la web municipal en español, con folletos y mensajes en redes sociales en los idiomas más hablados por la población migrante.',
      addressedTo: 'Gabinete de Comunicación',
      priority: 3,
      response: 'accepted',
      responseText: 'Aceptar.',
      actions: [
        {
          text: 'Publicar la información de la ventanilla en seis idiomas en la web municipal',
          timeframe: 'Junio de 2023',
          responsible: 'Gabinete de Comunicación',
        },
        {
          text: 'Difundir la información a través de las asociaciones de personas migrantes',
          timeframe: 'Continuo',
          responsible: 'Coordi¬nación de la ventanilla',
        },
      ],
    },
    {
      number: 'VI',
      text: 'Registrar de forma sistemática las consultas y su resultado para poder rendir cuentas de la actividad de la ventanilla y detectar las necesidades no cubiertas.',
      addressedTo: 'Coordinación de la ventanilla',
      priority: 2,
      response: 'accepted',
      responseText: 'Aceptar.',
      actions: [
        {
          text: 'Diseñar una ficha de registro común para todas las consultas',
          timeframe: 'T2 2023',
          responsible: 'Coordi¬nación de la ventanilla',
        },
        {
          text: 'Presentar el primer informe anual de actividad al Pleno municipal',
          timeframe: 'Diciembre de 2023',
          responsible: 'Concejalía de Servicios Sociales e Igualdad',
        },
      ],
    },
  ],
  layout: () =>
    classicLayout(m, {
      words: {
        ...CLASSIC_ES,
        rec: (n) => `Recomendación ${n}:`,
        response: 'Respuesta de la administración:',
        responsible: 'Unidad responsable',
        monitoring: 'Seguimiento de la implementación',
      },
      header: {
        titleYear:
          'Evaluación intermedia de la Ventanilla Única de Atención a Personas Migrantes del Ayuntamiento de Valdeflores (2022)',
        evaluators: m.evaluators,
        owner: m.owner,
        date: '30 de noviembre de 2022',
      },
      headerStyle: 'table',
      container: 'one-table',
      headingsOnTop: true,
      repeatHeader: true,
      sideBySide: 'four-cells',
      monitoring: 'merged',
      twoLine: 'break',
      actionNumbers: false,
      widths: [7.5, 2.6, 3, 4.4, 2],
      furniture: {
        header: [
          {
            runs: ['Ayuntamiento de Valdeflores – Ventanilla Única – Respuesta de la administración'],
            align: 'left',
          },
        ],
        footer: [pageOf('Pág.', 'de', 'right')],
      },
      font: 'Verdana',
      size: 10,
      author: 'Servicio de Inclusión Social',
    }),
  checks: { lineStarts: ['(véase la recomendación II)'] },
};

export default m;
