/**
 * 2022 template in Spanish ("(Tiempo 0)"/"(Tiempo 2)", headings on two lines): one wide table,
 * one row per key action, the header row repeated on each page; recommendations and actions not
 * numbered; the response given by striking out the other options; statuses per key action, the
 * template's instruction left where nothing was filled in; a funding condition, “ ” quotes,
 * optional hyphens in the narrow columns.
 */
import type { MatrixSpec } from '../spec.js';
import { layout2022, pageOf } from '../templates.js';
import { T2022_ES } from '../words.js';

const m: MatrixSpec = {
  name: 'es-2022-centros-acogida-tachado',
  language: 'es',
  summary:
    'final evaluation of a network of reception centres; 2022 template in one wide table, options struck out, recommendations and actions unnumbered.',
  habits: [
    'time-markers-2022',
    'struck-out-options',
    'instruction-text-left',
    'table-across-pages',
    'repeated-header-row',
    'page-header-footer',
    'two-line-header-cells',
    'unnumbered-recommendations',
    'unnumbered-actions',
    'funding-conditional',
    'typographic-quotes',
    'hyphenation-at-line-end',
    'multi-paragraph-cells',
  ],
  statusTemplate: '2022',
  title:
    'Evaluación final de la Red de Centros de Acogida Temporal para solicitantes de protección internacional',
  year: 2023,
  evaluators: 'Dña. Lucía Ortega Ramos y D. Samuel Achebe, consultores externos',
  owner: 'Dirección de Centros de Acogida',
  publishedOn: '2023-12-18',
  overallComment:
    'La evaluación ofrece una visión completa del funcionamiento de la red. La dirección acepta la mayoría de las recomendaciones; las que implican obras o nuevo personal dependen del presupuesto de 2024 y 2025.',
  recommendations: [
    {
      text: 'Reforzar la atención psicológica en los centros: uno de cada tres residentes presenta síntomas de estrés postraumático y la lista de espera para la atención especializada supera los cuatro meses.',
      response: 'partially_accepted',
      responseText:
        'Aceptar parcialmente\nSe incorporará una psicóloga a tiempo completo en los dos centros más grandes; en los demás se firmará un convenio con el servicio público de salud mental.',
      actions: [
        {
          text: 'Contratar a una psicóloga para los centros de Vallehermoso y Puerto Nuevo',
          timeframe: 'Primer trimestre de 2024',
          responsible: 'Dirección de centros',
          status: 'open',
          statusWritten: 'En curso',
          comments: 'Proceso de selección abierto el 8 de enero.',
        },
        {
          text: 'Firmar un convenio con el servicio de salud mental de la zona',
          timeframe: 'Junio de 2024',
          responsible: 'Área de salud',
        },
      ],
    },
    {
      text: 'Ofrecer clases de español desde la primera semana de estancia. Las personas entrevistadas insistieron en “no esperar a la resolución” para empezar a aprender el idioma.',
      response: 'accepted',
      responseText: 'Aceptar',
      actions: [
        {
          text: 'Organizar grupos de español de nivel inicial en cada centro, en horario de mañana y de tarde',
          timeframe: 'Enero de 2024',
          responsible: 'Área de formación',
          status: 'completed',
          statusWritten: 'Completada',
        },
        {
          text: 'Acreditar los niveles alcanzados con un certificado interno reconocido por las escuelas de adultos',
          timeframe: 'T2 2024',
          responsible: 'Área de formación',
        },
      ],
    },
    {
      text: 'Mejorar las condiciones de las habitaciones familiares, en las que conviven hasta seis personas sin espacio para que los menores estudien.',
      response: 'partially_accepted',
      responseText:
        'Aceptar parcialmente\nSe reformarán las habitaciones del centro de Puerto Nuevo; la reforma de Vallehermoso queda sujeta a la disponibilidad de fondos.',
      actions: [
        {
          text: 'Reformar doce habitaciones familiares en Puerto Nuevo y habilitar una sala de estudio',
          timeframe: '2024',
          responsible: 'Área de manteni¬miento',
        },
        {
          text: 'Reformar las habitaciones familiares de Vallehermoso',
          timeframe: '2025, sujeto a la disponibilidad de fondos',
          responsible: 'Dirección de centros',
          fundingConditional: true,
          status: 'open',
          statusWritten: 'No iniciada',
        },
      ],
    },
    {
      text: 'Preparar la salida de los centros con antelación: hoy el plan de salida empieza en el último mes de estancia, demasiado tarde para encontrar vivienda.',
      response: 'accepted',
      responseText: 'Aceptar. El plan de salida empezará tres meses antes del fin de la estancia.',
      actions: [
        {
          text: 'Iniciar el plan de salida tres meses antes del fin de la estancia',
          timeframe: 'Marzo de 2024',
          responsible: 'Equipo de trabajo social',
        },
        {
          text: 'Acordar con las entidades de vivienda un protocolo de derivación',
          timeframe: 'Segundo semestre de 2024',
          responsible: 'Dirección de centros',
        },
      ],
    },
    {
      text: 'Contratar personal de seguridad propio en los centros, tras los conflictos entre residentes registrados en 2022.',
      response: 'rejected',
      responseText:
        'Rechazar\nLa seguridad ya está cubierta por el contrato vigente; se revisarán con los residentes las normas de convivencia.',
      actions: [
        {
          text: 'Revisar con los residentes las normas de convivencia de cada centro',
          timeframe: 'Febrero de 2024',
          responsible: 'Equipo de interven¬ción social',
          status: 'completed',
          statusWritten: 'Completada',
        },
      ],
    },
    {
      text: 'Abrir espacios de participación de los residentes en la organización de la vida diaria de los centros (comidas, actividades, normas).',
      response: 'accepted',
      responseText: 'Aceptar',
      actions: [
        {
          text: 'Crear una asamblea mensual de residentes en cada centro',
          timeframe: 'Enero de 2024',
          responsible: 'Equipo de interven¬ción social',
          status: 'open',
          statusWritten: 'En curso',
          comments: 'Asambleas en marcha en tres de los cinco centros.',
        },
        {
          text: 'Incluir a dos representantes de los residentes en la comisión de seguimiento de la red',
          timeframe: 'Junio de 2024',
          responsible: 'Dirección de centros',
        },
      ],
    },
  ],
  layout: () =>
    layout2022(m, {
      words: {
        ...T2022_ES,
        rec: () => '',
        response: '(Tiempo 0)\nRespuesta de la administración - aceptar/aceptar parcialmente/rechazar',
        keyActions: '(Tiempo 0)\nAcciones clave',
        responsible: '(Tiempo 0)\nUnidad(es) responsable(s)',
        timeframe: '(Tiempo 0)\nPlazo',
        status: '(Tiempo 2)\nEstado de la implementación - descartada / no iniciada / en curso / completada',
        comments: '(Tiempo 2)\nComentarios sobre el estado de la implementación',
      },
      header: {
        titleYear:
          'Evaluación final de la Red de Centros de Acogida Temporal para solicitantes de protección internacional, 2023',
        evaluators: m.evaluators,
        owner: m.owner,
        overallComment: m.overallComment,
        date: '18/12/2023',
      },
      headerStyle: 'paragraphs',
      form: 'rows',
      responseMode: 'strike',
      statusLevel: 'action',
      repeatHeader: true,
      twoLine: 'break',
      actionNumbers: false,
      time2Empty: 'instruction',
      widths: [5, 3.4, 4.6, 2.4, 2, 2.2, 3],
      furniture: {
        header: [{ runs: ['Red de Centros de Acogida Temporal – Matriz de respuesta'], align: 'right' }],
        footer: [pageOf('Página', 'de', 'right')],
      },
      font: 'Arial',
      size: 9,
      author: 'Dirección de Centros de Acogida',
    }),
};

export default m;
