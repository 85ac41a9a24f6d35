/**
 * Classic template in Spanish, one table per recommendation (headings not repeated when a table
 * runs onto the next page); "Recomendación dirigida a" and "Nivel de prioridad" in two cells of
 * one row; headings on two lines, monitoring columns flat; a running title and "Página X de Y";
 * a deadline and unit after dashes in an action; "sujeto a la disponibilidad de fondos";
 * “ ” quotes; Spanish dates that parseTimeframe does not read.
 */
import type { MatrixSpec } from '../spec.js';
import { classicLayout, pageOf } from '../templates.js';
import { CLASSIC_ES } from '../words.js';

const m: MatrixSpec = {
  name: 'es-classic-orientacion-laboral',
  language: 'es',
  summary:
    'final evaluation of a job-guidance programme; a table per recommendation, two-line headings, Spanish dates, "sujeto a la disponibilidad de fondos".',
  habits: [
    'table-across-pages',
    'header-not-repeated',
    'page-header-footer',
    'two-line-header-cells',
    'labels-side-by-side',
    'timeframe-in-action-text',
    'funding-conditional',
    'typographic-quotes',
    'multi-paragraph-cells',
  ],
  statusTemplate: 'classic',
  title:
    'Evaluación final del programa “Puentes al Empleo” de orientación laboral para personas migrantes y refugiadas',
  year: 2024,
  evaluators: 'Consultora Horizonte Social, S.L.',
  owner: 'Dirección del programa “Puentes al Empleo”',
  publishedOn: '2025-01-15',
  overallComment:
    'La dirección valora positivamente la evaluación, que confirma la pertinencia del programa y señala con claridad los puntos de mejora. Las recomendaciones se abordarán en la programación de 2025.',
  recommendations: [
    {
      number: '1',
      text: 'Reforzar la fase de diagnóstico inicial, dedicando al menos dos sesiones a identificar las competencias, la experiencia laboral previa y las expectativas de cada participante, incluidas las competencias adquiridas de manera informal.',
      addressedTo: 'Coordinación técnica del programa y equipo de orientadores laborales de las tres sedes',
      priority: 1,
      response: 'accepted',
      responseText:
        'Aceptar. El diagnóstico pasará de una a dos sesiones a partir de la próxima convocatoria.',
      actions: [
        {
          number: '1.1',
          text: 'Revisar la guía de diagnóstico e incluir una herramienta de identificación de competencias',
          timeframe: 'Marzo de 2025',
          due: { from: '2025-03-01', to: '2025-03-31', inferred: false },
          responsible: 'Coordinación técnica',
          status: 'initiated',
          comments: 'Borrador de la herramienta en revisión por el equipo.',
        },
        {
          number: '1.2',
          text: 'Formar a los orientadores en el uso de la nueva herramienta',
          timeframe: 'Abril – mayo de 2025',
          due: { from: '2025-04-01', to: '2025-05-31', inferred: false },
          responsible: 'Coordinación técnica',
        },
      ],
    },
    {
      number: '2',
      text: 'Ampliar la oferta de formación para el empleo con cursos cortos y certificables en los sectores con más demanda (logística, hostelería, atención sociosanitaria), acompañados de clases de español técnico.',
      addressedTo: 'Dirección del programa',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Aceptar parcialmente. Se ofrecerán dos cursos certificables al año en colaboración con el servicio público de empleo; el español técnico se integrará en los cursos existentes en lugar de ofrecerse por separado.',
      actions: [
        {
          number: '2.1',
          text: 'Firmar un acuerdo con el servicio público de empleo para reservar plazas en cursos certificables',
          timeframe: 'Primer semestre de 2025',
          due: { from: '2025-01-01', to: '2025-06-30', inferred: false },
          responsible: 'Dirección',
        },
        {
          number: '2.2',
          text: 'Diseñar un módulo de español técnico para logística y hostelería',
          inline: 'dash',
          timeframe: 'segundo semestre de 2025',
          due: { from: '2025-07-01', to: '2025-12-31', inferred: false },
          responsible: 'equipo de formación',
        },
        {
          number: '2.3',
          text: 'Abrir un curso de atención sociosanitaria a domicilio\nSe dará prioridad a las mujeres que hayan completado el itinerario de orientación.',
          timeframe: '2026, sujeto a la disponibilidad de fondos',
          due: { from: '2026-01-01', to: '2026-12-31', inferred: false },
          responsible: 'Dirección',
          fundingConditional: true,
        },
      ],
    },
    {
      number: '3',
      text: 'Establecer alianzas estables con empresas de la zona, más allá de los contactos personales de cada orientador, para ofrecer prácticas no laborales y procesos de selección adaptados a personas con un nivel de español todavía básico.',
      addressedTo: 'Área de intermediación laboral',
      priority: 2,
      response: 'accepted',
      responseText: 'Aceptar.',
      actions: [
        {
          number: '3.1',
          text: 'Crear una red de al menos 25 empresas colaboradoras con un acuerdo de prácticas firmado',
          timeframe: 'Diciembre de 2025',
          due: { from: '2025-12-01', to: '2025-12-31', inferred: false },
          responsible: 'Área de intermediación laboral',
        },
        {
          number: '3.2',
          text: 'Organizar dos encuentros anuales con empresas',
          inline: 'dash',
          timeframe: 'a partir de 2025',
          responsible: 'intermediación laboral',
        },
      ],
    },
    {
      number: '4',
      text: 'Acompañar a las personas participantes durante los primeros meses en el empleo. Casi la mitad de los contratos firmados en 2023 terminaron antes de los tres meses, a menudo por malentendidos sobre horarios o tareas que un seguimiento sencillo habría evitado.',
      addressedTo: 'Equipo de orientadores laborales',
      priority: 2,
      response: 'partially_accepted',
      responseText:
        'Aceptar parcialmente. El seguimiento se hará por teléfono al mes y a los tres meses de la contratación.\nNo es posible un seguimiento presencial con el personal actual.',
      actions: [
        {
          number: '4.1',
          text: 'Incorporar las llamadas de seguimiento al protocolo de orientación',
          timeframe: 'Febrero de 2025',
          due: { from: '2025-02-01', to: '2025-02-28', inferred: false },
          responsible: 'Coordinación técnica',
        },
        {
          number: '4.2',
          text: 'Designar una persona de contacto para las empresas durante el periodo de prueba',
          timeframe: 'Febrero de 2025',
          due: { from: '2025-02-01', to: '2025-02-28', inferred: false },
          responsible: 'Área de intermediación laboral',
        },
      ],
    },
    {
      number: '5',
      text: 'Facilitar la homologación y convalidación de títulos extranjeros, cuya tramitación fue el principal obstáculo mencionado por las personas participantes con estudios superiores.',
      addressedTo: 'Área jurídica',
      priority: 2,
      response: 'accepted',
      responseText: 'Aceptar.',
      actions: [
        {
          number: '5.1',
          text: 'Elaborar una guía sobre homologación y convalidación de títulos, traducida a cuatro idiomas',
          timeframe: 'Junio de 2025',
          due: { from: '2025-06-01', to: '2025-06-30', inferred: false },
          responsible: 'Área jurídica',
        },
        {
          number: '5.2',
          text: 'Cubrir las tasas de homologación de las personas sin recursos',
          timeframe: 'Sujeto a la disponibilidad de fondos',
          responsible: 'Dirección',
          fundingConditional: true,
        },
      ],
    },
    {
      number: '6',
      text: 'Mejorar el sistema de seguimiento, que hoy se basa en hojas de cálculo distintas en cada sede y no permite conocer la situación laboral de las personas seis meses después de terminar el itinerario.',
      addressedTo: 'Responsable de seguimiento y evaluación',
      priority: 3,
      response: 'accepted',
      responseText: 'Aceptar. La migración a una base de datos común ya está en marcha.',
      actions: [
        {
          number: '6.1',
          text: 'Migrar los registros de las tres sedes a una base de datos común',
          timeframe: 'T1 2025',
          responsible: 'Responsable de seguimiento y evaluación',
          status: 'initiated',
        },
        {
          number: '6.2',
          text: 'Publicar un informe anual con indicadores de inserción laboral desagregados por sexo y país de origen',
          timeframe: 'Antes de finalizar 2025',
          due: { from: null, to: '2025-12-31', inferred: false },
          responsible: 'Responsable de seguimiento y evaluación',
        },
      ],
    },
  ],
  layout: () =>
    classicLayout(m, {
      words: {
        ...CLASSIC_ES,
        rec: (n) => `Recomendación de la evaluación ${n}:`,
        timeframe: 'Plazo o\nfecha límite',
        responsible: 'Unidad(es)\nresponsable(s)',
        comments: 'Comentarios o\nmedidas adoptadas',
      },
      header: {
        titleYear:
          'Evaluación final del programa “Puentes al Empleo” de orientación laboral para personas migrantes y refugiadas / 2024',
        evaluators: m.evaluators,
        owner: m.owner,
        overallComment: m.overallComment,
        date: '15 de enero de 2025',
      },
      headerStyle: 'paragraphs',
      container: 'table-per-rec',
      repeatHeader: false,
      sideBySide: 'two-cells',
      monitoring: 'flat',
      twoLine: 'break',
      actionNumbers: true,
      furniture: {
        header: [{ runs: ['Programa “Puentes al Empleo” – Respuesta de la administración'], align: 'right' }],
        footer: [pageOf('Página', 'de', 'center')],
      },
      font: 'Arial',
      size: 11,
      author: 'Puentes al Empleo',
    }),
};

export default m;
