/**
 * The words the timeframe reader knows, in English, French, Spanish and Italian (text folded by
 * `foldText`: lower case, no accents, plain quotes, single spaces).
 *
 * Every regex here stays linear on long inputs: anchored, or a bounded number of words after a
 * fixed trigger, with words and blanks that cannot overlap (a word never holds a blank), so a
 * text has one way to be split and a failed match is not retried every other way.
 */
import { foldText } from './text.js';

const MONTH_NAMES: string[] = [
  'january jan janvier janv gennaio gen enero ene',
  'february feb fevrier fevr fev febbraio febrero',
  'march mar mars marzo',
  'april apr avril avr aprile abril abr',
  'may mai maggio mayo mag',
  'june jun juin giugno giu junio',
  'july jul juillet juil luglio lug julio',
  'august aug aout agosto ago',
  'september sep sept septembre settembre set septiembre setiembre',
  'october oct octobre ottobre ott octubre',
  'november nov novembre noviembre',
  'december dec decembre dicembre dic diciembre',
];
export const MONTHS: Record<string, number> = Object.fromEntries(
  MONTH_NAMES.flatMap((names, i) => names.split(' ').map((n) => [n, i] as const)),
);

const ORDINAL_NAMES: string[] = [
  '1er 1re 1ere 1st 1o 1a first premier premiere primo prima primer primero primera',
  '2e 2eme 2nd 2o 2a second deuxieme seconde secondo seconda segundo segunda',
  '3e 3eme 3rd 3er 3o third troisieme terzo tercer tercero tercera',
  '4e 4eme 4th 4o fourth quatrieme quarto cuarto cuarta last dernier ultimo ultima',
];
export const ORDINALS: Record<string, number> = Object.fromEntries(
  ORDINAL_NAMES.flatMap((names, i) => names.split(' ').map((n) => [n, i + 1] as const)),
);

export const NO_DEADLINE =
  /^(n\/?a|n\.a\.?|na|none|not applicable|non applicable|sans objet|no aplica|no corresponde|non applicabile|ongoing|on-going|on going|continuous(ly)?|continuing|constant(ly)?|permanente?(mente)?|regularly|in continuo|en continu|continu|continuo|continua|continuamente|de (forma|manera) (continua|permanente)|continuativ[oa]|en cours|en curso|in corso|already (in place|done|completed|developed|implemented)|as needed|as required|au besoin|selon les besoins|segun (sea necesario|se requiera)|throughout( the project)?)\b/;
export const NO_DEADLINE_ANYWHERE =
  /\b(continuous|ongoing|on-going|en continu|in continuo|continuo|en curso|permanente)\b/;
export const TO_BE_DECIDED =
  /^(tbd|tbc|to be (determined|decided|defined|confirmed)|a (determiner|definir|confirmer|determinar|confirmar)|por (definir|determinar|confirmar)|pendiente de (definir|determinar|confirmar)|da (definire|determinare|confermare))\b/;

// Money words, and conditions on them. W: one word of a clause (no blank, no clause punctuation).
const MONEY = String.raw`(?:funds?|funding|financing|finances?|financial|resources|budget(?:s|ary)?|money|financements?|fonds|ressources|moyens|budgetaires?|fondos|financiacion|financiamiento|recursos|presupuestos?|presupuestari[oa]s?|fondi|finanziament[oi]|finanziari[oae]|risorse)\b`;
const W = String.raw`[^\s,;.:()]+`;
// A condition, then at most four words, then money: "subject to the availability of funds".
const TRIGGER = [
  'subject(?:ed)? to',
  '(?:conditional(?:ly)?|conditioned|contingent|dependent|dependant|depending|depends) (?:up)?on',
  'pending',
  'sous (?:reserve|condition)',
  'a (?:condition|reserva)',
  'conditionnee?s?',
  'tributaires?',
  'en (?:fonction|funcion|attente)',
  'dependante?s?',
  'selon',
  'dans la limite',
  'sujet[oa]s?',
  'supeditad[oa]s?',
  'condicionad[oa]s?',
  'dependiendo',
  'depende',
  'segun',
  'siempre (?:que|y cuando)',
  'pendientes?',
  'subordinat[oaie]',
  'soggett[oaie]',
  'condizionat[oaie]',
  'in (?:funzione|attesa)',
  'a seconda',
  'compatibilmente',
  'previ[oa]',
].join('|');
// "upon availability of resources": upon needs one of these nouns, and two words at most.
const UPON = `upon(?: the)? (?:availability|receipt|reception|mobili[sz]ation|securing|confirmation|allocation)`;
// "if funding is secured", "si des financements sont obtenus", "si se obtienen los fondos", "funds permitting".
const IF_SECURED = [
  `(?:if|once|when|provided(?: that)?|as soon as) (?:(?:the|additional|sufficient|adequate|enough|new|extra|more|further|external|donor|dedicated|necessary|required) ){0,3}(?:funding|funds|resources|financing|budget|money) (?:is |are |has been |have been |becomes? |will be |gets? )?(?:secured|available|obtained|mobili[sz]ed|received|raised|found|confirmed|approved|allocated|made available)`,
  `(?:si|une fois(?: que)?|des que|lorsque|quand) (?:(?:le|les|la|des|du|de|nouveaux|nouvelles|suffisants|additionnels|necessaires) |l'){0,3}(?:fonds|financements?|ressources|moyens|budgets?) (?:sont |est |seront |sera )?(?:obtenus?|disponibles?|mobilises?|securises?|recus?|trouves?|acquis|confirmes?)`,
  `(?:si|una vez(?: que)?|cuando|en cuanto) (?:se )?(?:(?:obtiene|obtienen|obtenga|obtengan|consigue|consiguen|consiga|consigan|dispone|disponga|cuenta|cuente|asegura|aseguran|asegure|aseguren|moviliza|movilizan|hay|haya|recibe|reciben|reciba|reciban|de|con|el|los|la|las|nuevos|mas|suficientes) ){1,4}(?:fondos|financiamiento|financiacion|recursos|presupuesto)`,
  `(?:(?:if|when|si|quand|cuando|se) (?:(?:the|les|le|la|los|el|i) )?)?(?:funding|funds|resources|financing|budget|fonds|financements?|ressources|moyens|fondos|recursos|financiamiento|presupuesto|fondi|risorse|finanziamenti)(?:[- ](?:permitting|allowing|allows?|permits?|dependent|dependant|conditional|contingent)| le permet(?:tent|tra|tront)?| lo permit(?:en|an|a|e)| permettendo| lo (?:consentono|permettono|consentano|permettano))`,
  `(?:if|once|si|se) (?:funded|finance|financee?s?|se financia|finanziat[oa])`,
  `(?:funding|funds|resources|fonds|financements?|ressources|fondos|financiamiento|financiacion|recursos|fondi|risorse) (?:to be|a|por|da) (?:mobili[sz]ed|secured|raised|identified|mobiliser|rechercher|trouver|movilizar|buscar|conseguir|obtener|identificar|reperire|mobilitare)`,
].join('|');
const FUNDING_SOURCE = String.raw`\b(?:(?:(?:${TRIGGER})(?:\s+|(?<='))(?:${W}\s+){0,4}|${UPON}\s+(?:${W}\s+){0,2})${MONEY}|${IF_SECURED}\b)`;
/** A funding condition, in any of the four languages, anywhere in a folded text. */
export const FUNDING = new RegExp(FUNDING_SOURCE);
/**
 * The condition and the rest of its clause (up to , ; : . – — or " - "), the rest captured.
 * One way to read each character (a blank or not), so a long clause is read once.
 */
export const FUNDING_CLAUSE = new RegExp(
  String.raw`${FUNDING_SOURCE}((?:[^,;:.\u2013\u2014\s]|\s(?![-\u2013\u2014]))*)`,
  'g',
);
/** Words that may follow the money word and belong to the condition: "financements obtenus". */
export const FUNDING_TAIL =
  /^(?:\s+(?:is|are|be|being|secured|available|availability|obtained|mobili[sz]ed|received|confirmed|allocated|permitting|additional|sufficient|external|disponibles?|obtenus?|mobilises?|securises?|additionnels?|supplementaires?|suffisants?|externes?|necessaires?|obtenidos?|obtenidas?|adicionales?|suficientes?|necesarios?|externos?|disponibili|aggiuntivi|necessari|esterni)){0,4}/;

/** Whether a text (an action, a comment, a timeframe) makes something depend on funding. */
export function mentionsFundingCondition(text: string): boolean {
  return FUNDING.test(foldText(text).replace(/\s+/g, ' '));
}

/** "by", "before", "d'ici", "au plus tard", "antes de", "hasta", "a mas tardar", "entro": a deadline follows. */
export const DEADLINE_LEAD =
  /^(?:by|before|not later than|no later than|deadline:?|due:?|d'ici(?: a)?|avant(?: la| le)?|au plus tard(?: en| le| d'ici)?|entro(?: il| la| el)?|until|jusqu'?\s*(?:a|en|au)|antes de finalizar(?: el| la)?|antes del (?:final|fin|cierre) de(?:l| la)?|antes de(?:l| la)?|antes|hasta(?: el| la)?|a mas tardar(?: en| el| la)?|para(?: el| la)?)(?:\s+|$)/;
/** "end of", "fin", "la fin de", "fine del", "(a) finales de", "fines de", "al final de". */
export const END_OF =
  /^(?:(?:the|la|a|al|hacia|para|en)\s+)?(?:end|close|fin|fine|fines|finales|final|cierre)\s+(?:(?:of|de|del|du|di|della|des)\s+|(?:d|dell)'\s*)?/;
/** "mid-2024", "mi-juin", "mediados de 2024", "a meta 2024": the middle of a year or a month. */
export const MIDDLE =
  /^(?:(?:the|a|al|la|le|en)\s+)?(?:mid(?:dle)?|mi|mediados|meta)\s+(?:(?:of|de|del|du|di|della|des)\s+|(?:d|dell)'\s*)?(.+)$/;
/** "début 2025", "early 2025", "principios de 2025", "inizio 2025": the first quarter (or the month). */
export const EARLY =
  /^(?:(?:a|au|en|al|in)\s+)?(?:debut|early|principios|inicios|comienzos|inizio)\s+(?:(?:of|de|del|du|di|della|des)\s+|(?:d|dell)'\s*)?(.+)$/;
/** "courant 2024", "au cours du premier semestre", "durante 2025", "en el primer trimestre", "nel 2024". */
export const DURING =
  /^(?:dans le courant|courant|au cours|en el transcurso|en el curso|nel corso|in the course|during|durante|pendant|en|in|nel|nella)\b(?:\s+(?:of|de|des|du|del|di|dei|della|the|el|la|le|les|los|il))?(?:\s+(?:l|d|dell)')?\s*/;

/** Starts, not deadlines: "starting in", "à partir de", "dès", "a partir de", "desde", "a partire da". */
export const STARTS =
  /^(?:from|starting(?:\s+(?:in|from))?|start(?:ing)?\s+in|as\s+of|beginning(?:\s+(?:of|in))?|a\s+partir\s+del?|a\s+partire\s+da(?:l|lla)?|des|desde|comenzando\s+en)\s+/;
export const ONWARDS = /\s+(?:onwards?|and\s+beyond|et\s+au-dela|en\s+adelante|in\s+poi)$/;
/** A start word, or a range's "from"/"between", before a period. */
export const FROM_OR_START =
  /^(?:from|between|entre|tra|de|du|dal|da|del|starting(?:\s+(?:in|from))?|start(?:ing)?\s+in|as\s+of|beginning(?:\s+(?:of|in))?|a\s+partir\s+del?|a\s+partire\s+da(?:l|lla)?|des|desde|comenzando\s+en)\s+/;
export const RANGE_SEP =
  /\s*(?:\bto\b|\band\b|\bet\b|\by\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\bau\b|\ba\b|\bjusqu'?\s*(?:a|en|au)\b|\bhasta\b|\bfino a\b|\bal\b|–|—|-|\/)\s*/;

/** A duration ("6 months", "1 à 3 mois", "tres meses"), as in relative timeframes. */
const COUNT = String.raw`(?:\d{1,3}|one|two|three|four|six|nine|twelve|un|une|deux|trois|quatre|neuf|douze|uno|dos|tres|cuatro|seis|nueve|doce|due|tre|quattro|sei|nove|dodici)`;
export const DURATION = new RegExp(
  String.raw`\b${COUNT}(?: ?(?:a|-|–|to|or|ou|o) ?${COUNT})? ?(?:months?|mois|meses|mesi|weeks?|semaines?|semanas?|settimane|days?|jours?|dias|giorni|years?|ans?|annees?|anos?|anni|anno|mes|mese)\b`,
);
/** The start of a project or programme, which a matrix never dates. */
export const PROJECT_START =
  /\b(?:start|starting|beginning|launch|inception|kick-?off|debut|demarrage|lancement|inicio|comienzo|arranque|lanzamiento|avvio|inizio)\b/;
/** A project or programme, as in "at the start of the project". */
export const PROJECT =
  /\b(?:projects?|programmes?|programs?|projets?|proyectos?|programas?|progett[oi]|programm[ai])\b/;
/** Before or after some other event ("6 months after approval", "dans les 3 mois suivant la validation"). */
export const AROUND_EVENT =
  /\b(?:after|following|post|before|prior to|apres|suivant(?:e|s|es)?|avant|despues|siguientes?|posteriores?|tras|antes|dopo|successivi|seguenti|prima)\b/;
