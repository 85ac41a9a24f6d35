/**
 * 2022 template in Spanish with its "(Time 0)"/"(Time 2)" markers left in English: a table per
 * recommendation (labels on the left, the key actions' own rows, then status and comments per
 * recommendation at "Time 2", the instruction left where nothing was filled in);
 * recommendations A–F; options deleted from the response; key actions unnumbered with the
 * deadline after a comma and the unit after a dash in the sentence; priority ranges, a funding
 * condition, a cross-reference.
 */
import type { MatrixSpec } from '../spec.js';
import { layout2022, pageOf } from '../templates.js';
import { T2022_ES } from '../words.js';

const m: MatrixSpec = {
  name: 'es-2022-asistencia-juridica-eliminado',
  language: 'es',
  summary:
    'final evaluation of a mobile legal-aid project; 2022 template in blocks with "(Time 0)" markers in English, options deleted, recommendations A–F, status per recommendation.',
  habits: [
    'time-markers-2022',
    'deleted-options',
    'instruction-text-left',
    'letters-or-roman-numbers',
    'unnumbered-actions',
    'timeframe-in-action-text',
    'priority-range',
    'funding-conditional',
    'cross-reference-at-line-start',
    'table-across-pages',
    'header-not-repeated',
    'page-header-footer',
    'multi-paragraph-cells',
    'typographic-quotes',
  ],
  statusTemplate: '2022',
  title: 'Evaluación final del proyecto «Derechos sin Fronteras» de asistencia jurídica itinerante',
  year: 2024,
  evaluators: 'Fundación Análisis y Desarrollo (equipo externo)',
  owner: 'Coordinadora del proyecto «Derechos sin Fronteras»',
  publishedOn: '2024-05-20',
  recommendations: [
    {
      number: 'A',
      text: 'Mantener y ampliar la atención jurídica itinerante en los asentamientos agrícolas de la comarca, donde se concentra la población trabajadora en situación administrativa irregular, e incorporar a una abogada especializada en extranjería a jornada completa.',
      addressedTo: 'Coordinación del proyecto',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Aceptar parcialmente. Se mantendrán las visitas quincenales a los asentamientos; la contratación de una abogada a jornada completa depende de la renovación de la subvención autonómica.',
      status: 'open',
      statusWritten: 'En curso',
      comments:
        'Visitas quincenales mantenidas durante 2024.\nLa solicitud de renovación de la subvención se presentó en septiembre.',
      actions: [
        {
          text: 'Mantener las visitas quincenales a los cuatro asentamientos',
          inline: 'comma',
          timeframe: 'de junio a diciembre de 2024',
          responsible: 'Coordinación del proyecto',
        },
        {
          text: 'Contratar a una abogada especializada en extranjería a jornada completa',
          inline: 'comma',
          timeframe: 'enero de 2025, sujeto a la disponibilidad de fondos',
          due: { from: '2025-01-01', to: '2025-01-31', inferred: false },
          responsible: 'Junta directiva',
          fundingConditional: true,
        },
      ],
    },
    {
      number: 'B',
      text: 'Formalizar la colaboración con el Colegio de Abogados para que las personas atendidas que necesitan representación ante los tribunales sean derivadas al turno de oficio especializado en extranjería.',
      addressedTo: 'Dirección de la entidad',
      priority: 1,
      priorityWritten: '1-2',
      response: 'accepted',
      responseText: 'Aceptar.',
      status: 'completed',
      statusWritten: 'Completada',
      comments: 'Convenio firmado el 3 de octubre de 2024.',
      actions: [
        {
          text: 'Negociar un convenio de colaboración con el Colegio de Abogados para el turno de extranjería',
          inline: 'comma',
          timeframe: 'segundo semestre de 2024',
          responsible: 'Dirección',
        },
      ],
    },
    {
      number: 'C',
      text: 'Elaborar materiales informativos accesibles sobre los derechos de las personas trabajadoras y las vías de regularización, en árabe, francés, bambara y wolof, y en formatos orales para quienes no leen.',
      addressedTo: 'Área de comunicación',
      priority: 2,
      response: 'accepted',
      responseText: 'Aceptar.',
      actions: [
        {
          text: 'Editar una guía de derechos en cuatro idiomas',
          inline: 'comma',
          timeframe: 'septiembre de 2024',
          responsible: 'Área de comunicación',
        },
        {
          text: 'Grabar cápsulas de audio para su difusión por aplicaciones de mensajería',
          inline: 'comma',
          timeframe: 'diciembre de 2024',
          responsible: 'Área de comunicación',
        },
      ],
    },
    {
      number: 'D',
      text: 'Registrar de forma sistemática los casos atendidos y su resolución, para documentar los obstáculos en el acceso a derechos y poder trasladarlos a las administraciones competentes; el registro es también necesario para justificar la ampliación de la atención itinerante ante los financiadores públicos y privados del proyecto en 2025 (véase\u00a0la\u00a0recomendación\u00a0A).',
      addressedTo: 'Coordinación del proyecto; área jurídica',
      priority: 2,
      priorityWritten: '2-3',
      response: 'partially_accepted',
      responseText:
        'Aceptar parcialmente\nSe adoptará una base de datos de casos. La publicación de un informe anual dependerá de los recursos disponibles.',
      status: 'open',
      statusWritten: 'No iniciada',
      actions: [
        {
          text: 'Adoptar una base de datos de casos que cumpla la normativa de protección de datos',
          inline: 'comma',
          timeframe: 'T3 2024',
          responsible: 'Coordinación del proyecto',
        },
        {
          text: 'Publicar un informe anual sobre los obstáculos en el acceso a derechos',
          inline: 'comma',
          timeframe: '2025',
          responsible: 'Área jurídica',
        },
      ],
    },
    {
      number: 'E',
      text: 'Formar a los profesionales de los servicios sociales municipales en materia de arraigo social y laboral, ya que muchas derivaciones llegan sin la documentación necesaria.',
      addressedTo: 'Área jurídica',
      priority: 3,
      response: 'accepted',
      responseText: 'Aceptar.',
      status: 'completed',
      statusWritten: 'Completada',
      comments: 'Dos talleres impartidos en octubre y noviembre, con 38 participantes.',
      actions: [
        {
          text: 'Impartir dos talleres sobre arraigo social y laboral para los servicios sociales de la comarca',
          inline: 'comma',
          timeframe: 'octubre de 2024',
          responsible: 'Área jurídica',
        },
      ],
    },
    {
      number: 'F',
      text: 'Abrir una oficina permanente en la capital comarcal que complemente la atención itinerante.',
      addressedTo: 'Junta directiva',
      priority: 2,
      response: 'rejected',
      responseText:
        'Rechazar. El modelo itinerante llega mejor a la población destinataria y el presupuesto no permite mantener un local propio.',
      status: 'discarded',
      statusWritten: 'Descartada',
      actions: [
        {
          text: 'Estudiar con el Ayuntamiento la cesión de un despacho municipal un día por semana',
          inline: 'comma',
          timeframe: '2025',
          responsible: 'Dirección',
        },
      ],
    },
  ],
  layout: () =>
    layout2022(m, {
      words: {
        ...T2022_ES,
        rec: (n) => `Recomendación ${n}:`,
        addressedTo: 'Recomendación dirigida a:',
        priority: 'Nivel de prioridad (1 a 3):',
        response: '(Time 0) Respuesta de la administración - aceptar/aceptar parcialmente/rechazar',
        keyActions: '(Time 0) Acciones clave',
        responsible: '(Time 0) Unidad(es) responsable(s)',
        timeframe: '(Time 0) Plazo',
        status: '(Time 2) Estado de la implementación - descartada / no iniciada / en curso / completada',
        comments: '(Time 2) Comentarios sobre el estado de la implementación',
      },
      header: {
        titleYear:
          'Evaluación final del proyecto «Derechos sin Fronteras» de asistencia jurídica itinerante / 2024',
        evaluators: m.evaluators,
        owner: m.owner,
        date: '20 de mayo de 2024',
      },
      headerStyle: 'table',
      form: 'blocks',
      responseMode: 'delete',
      statusLevel: 'recommendation',
      repeatHeader: false,
      twoLine: 'paragraphs',
      actionNumbers: false,
      time2Empty: 'instruction',
      furniture: {
        header: [
          { runs: [{ text: 'Derechos sin Fronteras – Matriz de respuesta y seguimiento', italic: true }] },
        ],
        footer: [pageOf('Página', 'de', 'center')],
      },
      font: 'Arial',
      size: 11,
      author: 'Derechos sin Fronteras',
    }),
  checks: { lineStarts: ['(véase la recomendación A)'] },
};

export default m;
