/**
 * The emails of follow-up, in the recipient's language: what is asked, why this person receives
 * it, and the link that answers it. Dates are written as the language writes them.
 */
import type { EmailLanguage } from '../units/model.js';
import type { MessageKind } from './model.js';

export interface MessageAction {
  number: string;
  text: string;
  evaluationTitle: string;
  /** End of the due window, YYYY-MM-DD, or null. */
  dueTo: string | null;
}

export interface MessageInput {
  kind: MessageKind;
  language: EmailLanguage;
  organisationName: string;
  unitName: string | null;
  round?: { name: string; dueOn: string; message: string | null } | null;
  actions: MessageAction[];
  /** The page that answers the message. */
  link: string;
  /** For digests: returned reports and rounds waiting, in a few lines each. */
  extra?: string[];
}

const LOCALES: Record<EmailLanguage, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  ar: 'ar',
};

export const longDate = (iso: string, language: EmailLanguage) =>
  new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

type Texts = {
  subject: Record<MessageKind, (i: MessageInput) => string>;
  intro: Record<MessageKind, (i: MessageInput) => string>;
  why: (i: MessageInput) => string;
  whyDigest: (i: MessageInput) => string;
  due: (date: string) => string;
  noDue: string;
  open: string;
  evaluation: string;
  message: string;
};

const r = (i: MessageInput) => i.round?.name ?? '';
const d = (i: MessageInput) => (i.round ? longDate(i.round.dueOn, i.language) : '');

const TEXTS: Record<EmailLanguage, Texts> = {
  en: {
    subject: {
      round_opened: (i) => `${r(i)}: please report on ${i.unitName}'s actions by ${d(i)}`,
      round_due_soon: (i) => `Reminder: ${r(i)} report due on ${d(i)}`,
      round_overdue: (i) => `${r(i)}: ${i.unitName}'s report was due on ${d(i)}`,
      action_due_soon: (i) => `Due soon: ${i.actions.length} action(s) of ${i.unitName}`,
      action_overdue: (i) => `Overdue: ${i.actions.length} action(s) of ${i.unitName}`,
      digest: (i) => `Your weekly follow-up at ${i.organisationName}`,
    },
    intro: {
      round_opened: (i) =>
        `${i.organisationName} is following up its evaluations (${r(i)}). Please say, action by action, where ${i.unitName} stands, with a comment and evidence where you have it, by ${d(i)}.`,
      round_due_soon: (i) =>
        `${i.unitName} has not yet reported on every action of ${r(i)}. The report is due on ${d(i)}.`,
      round_overdue: (i) =>
        `${i.unitName}'s report for ${r(i)} was due on ${d(i)} and some actions are still unanswered.`,
      action_due_soon: (i) => `These actions of ${i.unitName} reach the end of their due window soon.`,
      action_overdue: (i) => `These actions of ${i.unitName} have passed the end of their due window.`,
      digest: () => 'What you and your units owe this week.',
    },
    why: (i) =>
      `You receive this email because you are a focal point of ${i.unitName} at ${i.organisationName}.`,
    whyDigest: (i) =>
      `You receive this email because you asked for the weekly digest at ${i.organisationName}.`,
    due: (date) => `due by ${date}`,
    noDue: 'no deadline',
    open: 'Report or see the details here:',
    evaluation: 'Evaluation',
    message: 'Message from the evaluation office:',
  },
  fr: {
    subject: {
      round_opened: (i) =>
        `${r(i)} : merci d'indiquer l'avancement des actions de ${i.unitName} d'ici le ${d(i)}`,
      round_due_soon: (i) => `Rappel : ${r(i)}, réponse attendue le ${d(i)}`,
      round_overdue: (i) => `${r(i)} : la réponse de ${i.unitName} était attendue le ${d(i)}`,
      action_due_soon: (i) => `Échéance proche : ${i.actions.length} action(s) de ${i.unitName}`,
      action_overdue: (i) => `En retard : ${i.actions.length} action(s) de ${i.unitName}`,
      digest: (i) => `Votre suivi de la semaine à ${i.organisationName}`,
    },
    intro: {
      round_opened: (i) =>
        `${i.organisationName} assure le suivi de ses évaluations (${r(i)}). Merci d'indiquer, action par action, où en est ${i.unitName}, avec un commentaire et des justificatifs si vous en avez, d'ici le ${d(i)}.`,
      round_due_soon: (i) =>
        `${i.unitName} n'a pas encore répondu pour toutes les actions de ${r(i)}. Réponse attendue le ${d(i)}.`,
      round_overdue: (i) =>
        `La réponse de ${i.unitName} pour ${r(i)} était attendue le ${d(i)} ; certaines actions restent sans réponse.`,
      action_due_soon: (i) => `Ces actions de ${i.unitName} arrivent bientôt à échéance.`,
      action_overdue: (i) => `Ces actions de ${i.unitName} ont dépassé leur échéance.`,
      digest: () => 'Ce que vous et vos unités devez cette semaine.',
    },
    why: (i) =>
      `Vous recevez ce courriel parce que vous êtes point focal de ${i.unitName} à ${i.organisationName}.`,
    whyDigest: (i) =>
      `Vous recevez ce courriel parce que vous avez demandé le récapitulatif hebdomadaire de ${i.organisationName}.`,
    due: (date) => `échéance : ${date}`,
    noDue: 'sans échéance',
    open: 'Répondre ou voir le détail ici :',
    evaluation: 'Évaluation',
    message: "Message du bureau d'évaluation :",
  },
  es: {
    subject: {
      round_opened: (i) => `${r(i)}: informe sobre las acciones de ${i.unitName} antes del ${d(i)}`,
      round_due_soon: (i) => `Recordatorio: ${r(i)}, informe previsto el ${d(i)}`,
      round_overdue: (i) => `${r(i)}: el informe de ${i.unitName} vencía el ${d(i)}`,
      action_due_soon: (i) => `Vencen pronto: ${i.actions.length} acción(es) de ${i.unitName}`,
      action_overdue: (i) => `Vencidas: ${i.actions.length} acción(es) de ${i.unitName}`,
      digest: (i) => `Su seguimiento semanal en ${i.organisationName}`,
    },
    intro: {
      round_opened: (i) =>
        `${i.organisationName} está haciendo el seguimiento de sus evaluaciones (${r(i)}). Indique, acción por acción, en qué punto está ${i.unitName}, con un comentario y evidencias si las tiene, antes del ${d(i)}.`,
      round_due_soon: (i) =>
        `${i.unitName} aún no ha informado sobre todas las acciones de ${r(i)}. El informe vence el ${d(i)}.`,
      round_overdue: (i) =>
        `El informe de ${i.unitName} para ${r(i)} vencía el ${d(i)} y quedan acciones sin respuesta.`,
      action_due_soon: (i) => `Estas acciones de ${i.unitName} llegan pronto al final de su plazo.`,
      action_overdue: (i) => `Estas acciones de ${i.unitName} han superado su plazo.`,
      digest: () => 'Lo que usted y sus unidades deben esta semana.',
    },
    why: (i) => `Recibe este correo porque es punto focal de ${i.unitName} en ${i.organisationName}.`,
    whyDigest: (i) => `Recibe este correo porque pidió el resumen semanal de ${i.organisationName}.`,
    due: (date) => `vence el ${date}`,
    noDue: 'sin plazo',
    open: 'Informe o vea los detalles aquí:',
    evaluation: 'Evaluación',
    message: 'Mensaje de la oficina de evaluación:',
  },
  it: {
    subject: {
      round_opened: (i) => `${r(i)}: indicate lo stato delle azioni di ${i.unitName} entro il ${d(i)}`,
      round_due_soon: (i) => `Promemoria: ${r(i)}, risposta attesa il ${d(i)}`,
      round_overdue: (i) => `${r(i)}: la risposta di ${i.unitName} era attesa il ${d(i)}`,
      action_due_soon: (i) => `In scadenza: ${i.actions.length} azione/i di ${i.unitName}`,
      action_overdue: (i) => `Scadute: ${i.actions.length} azione/i di ${i.unitName}`,
      digest: (i) => `Il vostro riepilogo settimanale di ${i.organisationName}`,
    },
    intro: {
      round_opened: (i) =>
        `${i.organisationName} sta seguendo le sue valutazioni (${r(i)}). Indicate, azione per azione, a che punto è ${i.unitName}, con un commento e le evidenze che avete, entro il ${d(i)}.`,
      round_due_soon: (i) =>
        `${i.unitName} non ha ancora risposto per tutte le azioni di ${r(i)}. La risposta è attesa il ${d(i)}.`,
      round_overdue: (i) =>
        `La risposta di ${i.unitName} per ${r(i)} era attesa il ${d(i)} e alcune azioni sono ancora senza risposta.`,
      action_due_soon: (i) => `Queste azioni di ${i.unitName} sono vicine alla scadenza.`,
      action_overdue: (i) => `Queste azioni di ${i.unitName} hanno superato la scadenza.`,
      digest: () => 'Ciò che voi e le vostre unità dovete questa settimana.',
    },
    why: (i) => `Ricevete questa email perché siete referenti di ${i.unitName} presso ${i.organisationName}.`,
    whyDigest: (i) =>
      `Ricevete questa email perché avete chiesto il riepilogo settimanale di ${i.organisationName}.`,
    due: (date) => `scadenza: ${date}`,
    noDue: 'senza scadenza',
    open: 'Rispondete o vedete i dettagli qui:',
    evaluation: 'Valutazione',
    message: "Messaggio dell'ufficio di valutazione:",
  },
  ar: {
    subject: {
      round_opened: (i) => `${r(i)}: يُرجى الإفادة عن إجراءات ${i.unitName} قبل ${d(i)}`,
      round_due_soon: (i) => `تذكير: تقرير ${r(i)} مستحق في ${d(i)}`,
      round_overdue: (i) => `${r(i)}: كان تقرير ${i.unitName} مستحقًا في ${d(i)}`,
      action_due_soon: (i) => `يستحق قريبًا: ${i.actions.length} من إجراءات ${i.unitName}`,
      action_overdue: (i) => `متأخر: ${i.actions.length} من إجراءات ${i.unitName}`,
      digest: (i) => `متابعتك الأسبوعية في ${i.organisationName}`,
    },
    intro: {
      round_opened: (i) =>
        `تتابع ${i.organisationName} تقييماتها (${r(i)}). يُرجى بيان ما وصلت إليه ${i.unitName} في كل إجراء، مع تعليق وأدلة إن وُجدت، قبل ${d(i)}.`,
      round_due_soon: (i) => `لم تُفد ${i.unitName} بعد عن كل إجراءات ${r(i)}. التقرير مستحق في ${d(i)}.`,
      round_overdue: (i) =>
        `كان تقرير ${i.unitName} عن ${r(i)} مستحقًا في ${d(i)}، ولا تزال بعض الإجراءات بلا رد.`,
      action_due_soon: (i) => `تقترب هذه الإجراءات الخاصة بـ${i.unitName} من نهاية موعدها.`,
      action_overdue: (i) => `تجاوزت هذه الإجراءات الخاصة بـ${i.unitName} نهاية موعدها.`,
      digest: () => 'ما عليك وعلى وحداتك هذا الأسبوع.',
    },
    why: (i) => `تصلك هذه الرسالة لأنك جهة اتصال ${i.unitName} في ${i.organisationName}.`,
    whyDigest: (i) => `تصلك هذه الرسالة لأنك طلبت الملخص الأسبوعي من ${i.organisationName}.`,
    due: (date) => `مستحق في ${date}`,
    noDue: 'بلا موعد نهائي',
    open: 'قدّم تقريرك أو اطّلع على التفاصيل هنا:',
    evaluation: 'التقييم',
    message: 'رسالة من مكتب التقييم:',
  },
};

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Subject and plain-text body of a follow-up email. */
export function renderMessage(input: MessageInput): { subject: string; body: string } {
  const t = TEXTS[input.language] ?? TEXTS.en;
  const lines: string[] = [t.intro[input.kind](input), ''];
  if (input.round?.message) lines.push(t.message, input.round.message, '');
  let evaluation: string | null = null;
  for (const a of input.actions) {
    if (a.evaluationTitle !== evaluation) {
      evaluation = a.evaluationTitle;
      lines.push(`${t.evaluation}: ${evaluation}`);
    }
    const due = a.dueTo ? t.due(longDate(a.dueTo, input.language)) : t.noDue;
    lines.push(`  ${a.number}  ${clip(a.text.replace(/\s+/g, ' '), 160)} (${due})`);
  }
  if (input.actions.length > 0) lines.push('');
  for (const e of input.extra ?? []) lines.push(e);
  if (input.extra?.length) lines.push('');
  lines.push(t.open, input.link, '', '--', input.kind === 'digest' ? t.whyDigest(input) : t.why(input));
  return { subject: t.subject[input.kind](input), body: `${lines.join('\n')}\n` };
}
