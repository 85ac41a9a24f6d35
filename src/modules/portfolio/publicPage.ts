/**
 * The public management-response pages as plain HTML from the server: readable without
 * JavaScript, by screen readers and by search engines, in the reader's language (Accept-Language).
 */
import type { PublicResponse } from './publicResponse.js';

const LANGS = ['en', 'fr', 'es', 'it', 'ar'] as const;
type Lang = (typeof LANGS)[number];

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    index: 'Published management responses',
    none: 'No management response has been published yet.',
    recommendation: 'Recommendation',
    priority: 'Priority',
    response: 'Management response',
    keyActions: 'Key actions',
    action: 'Key action',
    deadline: 'Timeframe',
    status: 'Status',
    added: 'Added',
    updated: 'Last updated',
    by: 'Published by',
    accepted: 'Accepted',
    partially_accepted: 'Partially accepted',
    rejected: 'Rejected',
    noResponse: 'No response recorded',
    not_initiated: 'Not initiated',
    initiated: 'Initiated',
    completed: 'Completed',
    no_longer_applicable: 'No longer applicable',
    open: 'Open',
    discarded: 'Discarded',
    noAction: 'No action needed',
    noActions: 'No key action.',
  },
  fr: {
    index: 'Réponses de la direction publiées',
    none: 'Aucune réponse de la direction n’a encore été publiée.',
    recommendation: 'Recommandation',
    priority: 'Priorité',
    response: 'Réponse de la direction',
    keyActions: 'Actions clés',
    action: 'Action clé',
    deadline: 'Échéance',
    status: 'État',
    added: 'Ajoutée le',
    updated: 'Mise à jour le',
    by: 'Publiée par',
    accepted: 'Acceptée',
    partially_accepted: 'Acceptée en partie',
    rejected: 'Rejetée',
    noResponse: 'Aucune réponse enregistrée',
    not_initiated: 'Non commencée',
    initiated: 'Commencée',
    completed: 'Achevée',
    no_longer_applicable: 'Plus applicable',
    open: 'Ouverte',
    discarded: 'Abandonnée',
    noAction: 'Aucune action nécessaire',
    noActions: 'Aucune action clé.',
  },
  es: {
    index: 'Respuestas de la dirección publicadas',
    none: 'Todavía no se ha publicado ninguna respuesta de la dirección.',
    recommendation: 'Recomendación',
    priority: 'Prioridad',
    response: 'Respuesta de la dirección',
    keyActions: 'Acciones clave',
    action: 'Acción clave',
    deadline: 'Plazo',
    status: 'Estado',
    added: 'Añadida el',
    updated: 'Actualizada el',
    by: 'Publicada por',
    accepted: 'Aceptada',
    partially_accepted: 'Aceptada en parte',
    rejected: 'Rechazada',
    noResponse: 'Sin respuesta registrada',
    not_initiated: 'No iniciada',
    initiated: 'Iniciada',
    completed: 'Completada',
    no_longer_applicable: 'Ya no aplicable',
    open: 'Abierta',
    discarded: 'Descartada',
    noAction: 'No se requiere acción',
    noActions: 'Ninguna acción clave.',
  },
  it: {
    index: 'Risposte della direzione pubblicate',
    none: 'Nessuna risposta della direzione è stata ancora pubblicata.',
    recommendation: 'Raccomandazione',
    priority: 'Priorità',
    response: 'Risposta della direzione',
    keyActions: 'Azioni chiave',
    action: 'Azione chiave',
    deadline: 'Scadenza',
    status: 'Stato',
    added: 'Aggiunta il',
    updated: 'Aggiornata il',
    by: 'Pubblicata da',
    accepted: 'Accettata',
    partially_accepted: 'Accettata in parte',
    rejected: 'Respinta',
    noResponse: 'Nessuna risposta registrata',
    not_initiated: 'Non avviata',
    initiated: 'Avviata',
    completed: 'Completata',
    no_longer_applicable: 'Non più applicabile',
    open: 'Aperta',
    discarded: 'Scartata',
    noAction: 'Nessuna azione necessaria',
    noActions: 'Nessuna azione chiave.',
  },
  ar: {
    index: 'ردود الإدارة المنشورة',
    none: 'لم يُنشر أي رد للإدارة بعد.',
    recommendation: 'التوصية',
    priority: 'الأولوية',
    response: 'رد الإدارة',
    keyActions: 'الإجراءات الرئيسية',
    action: 'الإجراء الرئيسي',
    deadline: 'الإطار الزمني',
    status: 'الحالة',
    added: 'أضيفت في',
    updated: 'آخر تحديث في',
    by: 'نشرتها',
    accepted: 'مقبولة',
    partially_accepted: 'مقبولة جزئيًا',
    rejected: 'مرفوضة',
    noResponse: 'لم يُسجَّل رد',
    not_initiated: 'لم يبدأ',
    initiated: 'بدأ',
    completed: 'مكتمل',
    no_longer_applicable: 'لم يعد منطبقًا',
    open: 'مفتوح',
    discarded: 'مستبعد',
    noAction: 'لا يلزم أي إجراء',
    noActions: 'لا إجراءات رئيسية.',
  },
};

/** The reader's language from Accept-Language, among the app's. */
export function readerLanguage(acceptLanguage: string | undefined): Lang {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGS as readonly string[]).includes(code)) return code as Lang;
  }
  return 'en';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:.4rem;text-align:start;vertical-align:top}.meta{color:#444}
.table{overflow-x:auto}a{color:#0b5cab}`;

function page(lang: Lang, title: string, body: string, canonical: string): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="index, follow">
<link rel="canonical" href="${escapeHtml(canonical)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function renderPublicResponse(r: PublicResponse, lang: Lang, canonical: string): string {
  const w = WORDS[lang];
  const date = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
          dateStyle: 'long',
          timeZone: 'UTC',
        }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso))
      : '';
  const stamp = (added: string, updated: string) =>
    `<p class="meta">${w.added} ${date(added)} · ${w.updated} ${date(updated)}</p>`;
  const recs = r.recommendations
    .map((rec) => {
      const actionsTable = rec.actions.length
        ? `<div class="table"><table><thead><tr><th scope="col">${w.action}</th><th scope="col">${w.deadline}</th><th scope="col">${w.status}</th><th scope="col">${w.added}</th><th scope="col">${w.updated}</th></tr></thead><tbody>${rec.actions
            .map(
              (a) =>
                `<tr><td>${escapeHtml(a.number)} ${escapeHtml(a.text)}</td><td>${escapeHtml(a.timeframe ?? '')}</td><td>${a.noActionNeeded ? w.noAction : (w[a.status] ?? escapeHtml(a.status))}</td><td>${date(a.added)}</td><td>${date(a.lastUpdated)}</td></tr>`,
            )
            .join('')}</tbody></table></div>`
        : `<p>${w.noActions}</p>`;
      return `<section aria-labelledby="rec-${escapeHtml(rec.number)}">
<h2 id="rec-${escapeHtml(rec.number)}">${w.recommendation} ${escapeHtml(rec.number)}</h2>
<p>${escapeHtml(rec.text)}</p>
<p><strong>${w.response}:</strong> ${rec.response ? w[rec.response] : w.noResponse}${rec.priority ? ` · ${w.priority} ${rec.priority}` : ''}</p>
${rec.responseText ? `<p>${escapeHtml(rec.responseText)}</p>` : ''}
${stamp(r.added, rec.lastUpdated)}
<h3>${w.keyActions}</h3>
${actionsTable}
</section>`;
    })
    .join('\n');
  const heading = `${r.title}${r.year ? ` (${r.year})` : ''}`;
  return page(
    lang,
    heading,
    `<p><a href="/responses">${w.index}</a></p>
<h1>${escapeHtml(heading)}</h1>
<p class="meta">${w.by} ${escapeHtml(r.organisation)}${r.period ? ` · ${escapeHtml(r.period)}` : ''}</p>
${stamp(r.added, r.lastUpdated)}
${recs}`,
    canonical,
  );
}

export function renderPublicIndex(
  list: { id: string; title: string; year: number | null; organisation: string }[],
  lang: Lang,
  canonical: string,
): string {
  const w = WORDS[lang];
  const items = list
    .map(
      (e) =>
        `<li><a href="/responses/${e.id}">${escapeHtml(e.title)}${e.year ? ` (${e.year})` : ''}</a> — ${escapeHtml(e.organisation)}</li>`,
    )
    .join('\n');
  return page(
    lang,
    w.index,
    `<h1>${w.index}</h1>\n${list.length ? `<ul>${items}</ul>` : `<p>${w.none}</p>`}`,
    canonical,
  );
}
