/**
 * The emails of accounts — an invitation, a password reset — in the recipient's language: the one
 * they chose, else their organisation's (an invitation goes to someone without an account: the
 * inviting organisation's). Plain text, as the follow-up emails.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { PERSON_LANGUAGES } from './model.js';
import type { RoleName } from './roles.js';
import { memberships, organisations, users } from './schema.js';

export type PersonLanguage = (typeof PERSON_LANGUAGES)[number];
export const asPersonLanguage = (l: string | null | undefined): PersonLanguage | null =>
  l && (PERSON_LANGUAGES as readonly string[]).includes(l) ? (l as PersonLanguage) : null;

const ROLES: Record<PersonLanguage, Record<RoleName, string>> = {
  en: {
    admin: 'administrator',
    editor: 'editor',
    contributor: 'contributor',
    reviewer: 'reviewer',
    viewer: 'viewer',
  },
  fr: {
    admin: 'administrateur',
    editor: 'éditeur',
    contributor: 'contributeur',
    reviewer: 'relecteur',
    viewer: 'lecteur',
  },
  es: {
    admin: 'administrador',
    editor: 'editor',
    contributor: 'colaborador',
    reviewer: 'revisor',
    viewer: 'lector',
  },
  it: {
    admin: 'amministratore',
    editor: 'editor',
    contributor: 'collaboratore',
    reviewer: 'revisore',
    viewer: 'lettore',
  },
  ar: { admin: 'مسؤول', editor: 'محرر', contributor: 'مساهم', reviewer: 'مراجع', viewer: 'مطّلع' },
};

export interface InvitationEmail {
  inviter: string | null;
  organisation: string;
  role: RoleName;
  unit: string | null;
  link: string;
}

type Texts = {
  invitation: {
    subject: (i: InvitationEmail) => string;
    body: (i: InvitationEmail, role: string) => string;
  };
  reset: { subject: string; body: (email: string, url: string) => string };
};

const TEXTS: Record<PersonLanguage, Texts> = {
  en: {
    invitation: {
      subject: (i) => `You are invited to ${i.organisation} on Integra`,
      body: (i, role) =>
        `${i.inviter ?? 'Someone'} invites you to join ${i.organisation} on Integra as ${role}${i.unit ? ` for ${i.unit}` : ''}.\n\nOpen this link within 7 days to accept:\n${i.link}\n`,
    },
    reset: {
      subject: 'Reset your Integra password',
      body: (email, url) =>
        `Someone (hopefully you) asked to reset the password of ${email} on Integra.\n\nOpen this link within an hour to choose a new one:\n${url}\n\nIf you did not ask, ignore this message: your password stays as it is.\n`,
    },
  },
  fr: {
    invitation: {
      subject: (i) => `Vous êtes invité·e à rejoindre ${i.organisation} sur Integra`,
      body: (i, role) =>
        `${i.inviter ?? "Quelqu'un"} vous invite à rejoindre ${i.organisation} sur Integra en tant que ${role}${i.unit ? ` pour ${i.unit}` : ''}.\n\nOuvrez ce lien dans les 7 jours pour accepter :\n${i.link}\n`,
    },
    reset: {
      subject: 'Réinitialiser votre mot de passe Integra',
      body: (email, url) =>
        `Quelqu'un (vous, sans doute) a demandé à réinitialiser le mot de passe de ${email} sur Integra.\n\nOuvrez ce lien dans l'heure pour en choisir un nouveau :\n${url}\n\nSi ce n'était pas vous, ignorez ce message : votre mot de passe reste inchangé.\n`,
    },
  },
  es: {
    invitation: {
      subject: (i) => `Le invitan a unirse a ${i.organisation} en Integra`,
      body: (i, role) =>
        `${i.inviter ?? 'Alguien'} le invita a unirse a ${i.organisation} en Integra como ${role}${i.unit ? ` de ${i.unit}` : ''}.\n\nAbra este enlace en un plazo de 7 días para aceptar:\n${i.link}\n`,
    },
    reset: {
      subject: 'Restablecer su contraseña de Integra',
      body: (email, url) =>
        `Alguien (probablemente usted) pidió restablecer la contraseña de ${email} en Integra.\n\nAbra este enlace en la próxima hora para elegir una nueva:\n${url}\n\nSi no lo pidió, ignore este mensaje: su contraseña no cambia.\n`,
    },
  },
  it: {
    invitation: {
      subject: (i) => `Sei invitato/a a unirti a ${i.organisation} su Integra`,
      body: (i, role) =>
        `${i.inviter ?? 'Qualcuno'} ti invita a unirti a ${i.organisation} su Integra come ${role}${i.unit ? ` per ${i.unit}` : ''}.\n\nApri questo link entro 7 giorni per accettare:\n${i.link}\n`,
    },
    reset: {
      subject: 'Reimposta la password di Integra',
      body: (email, url) =>
        `Qualcuno (probabilmente tu) ha chiesto di reimpostare la password di ${email} su Integra.\n\nApri questo link entro un'ora per sceglierne una nuova:\n${url}\n\nSe non l'hai chiesto, ignora questo messaggio: la password resta quella di prima.\n`,
    },
  },
  ar: {
    invitation: {
      subject: (i) => `أنت مدعو للانضمام إلى ${i.organisation} على Integra`,
      body: (i, role) =>
        `يدعوك ${i.inviter ?? 'أحدهم'} للانضمام إلى ${i.organisation} على Integra بصفة ${role}${i.unit ? ` في ${i.unit}` : ''}.\n\nافتح هذا الرابط خلال 7 أيام لقبول الدعوة:\n${i.link}\n`,
    },
    reset: {
      subject: 'إعادة تعيين كلمة مرور Integra',
      body: (email, url) =>
        `طلب أحدهم (ولعله أنت) إعادة تعيين كلمة مرور ${email} على Integra.\n\nافتح هذا الرابط خلال ساعة لاختيار كلمة مرور جديدة:\n${url}\n\nإن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.\n`,
    },
  },
};

export function invitationEmail(
  language: PersonLanguage,
  i: InvitationEmail,
): { subject: string; text: string } {
  const t = TEXTS[language];
  return { subject: t.invitation.subject(i), text: t.invitation.body(i, ROLES[language][i.role]) };
}

export function resetEmail(
  language: PersonLanguage,
  email: string,
  url: string,
): { subject: string; text: string } {
  const t = TEXTS[language];
  return { subject: t.reset.subject, text: t.reset.body(email, url) };
}

/** The language a person reads their email in: theirs, else their (first) organisation's, else English. */
export async function languageOfPerson(db: Db, userId: string): Promise<PersonLanguage> {
  const [row] = await db
    .select({ own: users.language, organisation: organisations.language })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.id, userId))
    .orderBy(memberships.createdAt)
    .limit(1);
  return asPersonLanguage(row?.own) ?? asPersonLanguage(row?.organisation) ?? 'en';
}

/** An organisation's language, for someone it invites. */
export async function languageOfOrganisation(db: Db, organisationId: string): Promise<PersonLanguage> {
  const [row] = await db
    .select({ language: organisations.language })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return asPersonLanguage(row?.language) ?? 'en';
}
