/**
 * Values as every phase of the matrix reading keeps them: template instruction text left in cells
 * ("(Time 2) Complete this field…") is not data and is dropped, Markdown-style emphasis around a
 * whole value is removed, and continued values are appended.
 */
import { foldText } from '../../../lib/text.js';

/** Instruction text left in template cells: not data. */
const INSTRUCTION =
  /^(?:\(?time\s*[12]\)?|complete\s+this\s+(?:field|column|section)|do\s+not\s+complete|to\s+be\s+completed|fill\s+(?:in|this|out)|please\s+(?:indicate|insert|complete|fill|select|specify|describe)|\[?insert\b|select\s+(?:one|from)|delete\s+as\s+appropriate|a\s+remplir|ne\s+pas\s+remplir|a\s+completer|indiquer\s+ici|completer\s+ce\s+champ|completez\s+ce\s+champ|a\s+completer\s+lors|complete\s+este\s+campo|completar\s+este\s+campo|(?:a|por)\s+completar|no\s+completar|rellenar|insertar\b|indicar\s+aqui|seleccion(?:e|ar)\s+(?:una|de))/;

/** Whether a text is template instructions ("Complete this field", "À remplir", "[Insert …]"). */
export const isInstruction = (s: string): boolean => INSTRUCTION.test(foldText(s.trim()));

/** "**Accepted**" → "Accepted": emphasis around the whole value, as some pastes keep it. */
export function stripEmphasis(s: string): string {
  return s.replace(/^[*_]{1,3}(?=\S)([\s\S]*?\S)[*_]{1,3}$/, '$1').trim();
}

/** A value with its template instructions removed: "(Time 2) Complete this field…" → "". */
export function dropInstruction(s: string): string {
  // An instruction a narrow cell wrapped over several lines is one instruction.
  if (s.includes('\n') && isInstruction(s.replace(/\s*\n\s*/g, ' '))) return '';
  const kept = s
    .split('\n')
    .filter((p) => !isInstruction(p))
    .join('\n');
  return stripEmphasis(kept.trim());
}

/** A value continued: the first part alone, or the parts joined by `sep`. */
export const append = (prev: string | null, more: string, sep = '\n'): string =>
  prev ? `${prev}${sep}${more}` : more;

/** A text quoted in a warning: on one line, at most 60 characters. */
export function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/**
 * What follows the start of `s` that, folded (`foldText`), is `foldedLength` long. Folding can
 * change lengths — "№" is "no", "ﬁ" (PDF ligatures) is "fi" — so a label or heading matched on
 * folded text is cut from the text as written here, not at the folded match's length.
 */
export function afterFolded(s: string, foldedLength: number): string {
  let folded = 0;
  let i = 0;
  while (i < s.length && folded < foldedLength) {
    const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
    folded += foldText(ch).length;
    i += ch.length;
  }
  return s.slice(i);
}
