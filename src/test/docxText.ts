/**
 * Reads a .docx back as the text a user would paste from it: paragraphs on their own lines,
 * table rows as lines with cells separated by tabs. Tests use it to check exported documents.
 */
import JSZip from 'jszip';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphText(xml: string): string {
  return decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

export async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const body = xml.slice(xml.indexOf('<w:body>'));
  const lines: string[] = [];
  // Top-level blocks: tables and paragraphs, in order.
  for (const block of body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    if (block[1] !== undefined) {
      for (const row of block[1].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
        const cells = [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
          const paras = [...c[1].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0]));
          return paras;
        });
        if (cells.length === 1) lines.push(...cells[0]);
        else lines.push(cells.map((paras) => paras.join(' ')).join('\t'));
      }
    } else lines.push(paragraphText(block[0]));
  }
  return lines.join('\n');
}
