/**
 * Mutated matrix files for the import fuzz tests (src/test/fuzz) and bench/fuzz.ts: valid seeds
 * built by the fixture builders, then byte flips, truncation, chunks duplicated or deleted; Word
 * files also re-zipped with their XML mutated (broken tags, stray entities, deep nesting); PDFs
 * with their streams corrupted. Everything comes from a seeded generator, so a failing case can be
 * built again from its seed and index.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';
import yazl from 'yazl';
import {
  build2022Docx,
  build2022Text,
  buildClassicDocx,
  buildClassicPdf,
  buildClassicText,
  buildMinutesDocx,
  TRUTH_2022,
  TRUTH_CLASSIC,
  TRUTH_FRENCH,
} from '../../modules/evaluations/import/fixtures/documents.js';
import type { ImportedEvaluation } from '../../modules/evaluations/model.js';

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type FuzzKind = 'docx' | 'pdf' | 'txt' | 'pasted';

export interface FuzzCase {
  kind: FuzzKind;
  /** The file name sent with the upload. */
  name: string;
  /** The file's bytes; for "pasted", the UTF-8 of the text sent as JSON. */
  data: Buffer;
  /** For "pasted": the text itself (it may hold lone surrogates, which bytes cannot). */
  text?: string;
  /** What was done to the seed, for the failure report. */
  mutation: string;
}

// ---------- zip parts ----------

/** Every entry of a zip archive, unpacked (seeds only: they are small and trusted). */
export function unzipAll(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no archive'));
      const parts = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.readEntry();
    });
  });
}

export async function zipAll(parts: Map<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of parts) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

// ---------- seeds ----------

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A document.xml with `depth` tables nested in one another (closed, so well-formed, unless told). */
export function deepDocumentXml(depth: number, element = 'tbl', closed = true): string {
  const open = element === 'tbl' ? '<w:tbl><w:tr><w:tc>' : element === 'p' ? '<w:p><w:r>' : `<w:${element}>`;
  const close =
    element === 'tbl' ? '</w:tc></w:tr></w:tbl>' : element === 'p' ? '</w:r></w:p>' : `</w:${element}>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${open.repeat(depth)}<w:p><w:r><w:t>Evaluation recommendation 1: deep</w:t></w:r></w:p>${closed ? close.repeat(depth) : ''}</w:body></w:document>`;
}

/** A matrix of `count` recommendations with two actions each, for the size limits. */
export function manyRecommendations(count: number, actionsEach = 2): ImportedEvaluation {
  const base = TRUTH_CLASSIC.recommendations[0];
  return {
    ...TRUTH_CLASSIC,
    recommendations: Array.from({ length: count }, (_, i) => ({
      ...base,
      number: String(i + 1),
      text: `To review the welcome desk of district ${i + 1} and report on its opening hours.`,
      actions: Array.from({ length: actionsEach }, (_, j) => ({
        ...base.actions[0],
        number: `${i + 1}.${j + 1}`,
        text: `Visit desk ${i + 1} and list what is missing (${j + 1})`,
      })),
    })),
  };
}

export interface Seeds {
  docx: { name: string; data: Buffer; parts: Map<string, Buffer> }[];
  pdf: { name: string; data: Buffer }[];
  txt: { name: string; data: Buffer }[];
}

const fixtureText = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../modules/evaluations/import/fixtures/${name}`, import.meta.url)));

/** Valid matrix files of each kind, built with the libraries users' tools produce. */
export async function buildSeeds(): Promise<Seeds> {
  const docx = await Promise.all(
    [
      ['classic.docx', buildClassicDocx(TRUTH_CLASSIC, { instructions: true })],
      ['one-table.docx', buildClassicDocx(TRUTH_CLASSIC, { layout: 'one-table' })],
      ['french.docx', buildClassicDocx(TRUTH_FRENCH, { french: true })],
      ['2022.docx', build2022Docx(TRUTH_2022)],
      ['minutes.docx', buildMinutesDocx()],
    ].map(async ([name, built]) => {
      const data = await (built as Promise<Buffer>);
      return { name: name as string, data, parts: await unzipAll(data) };
    }),
  );
  const pdf = [
    { name: 'classic.pdf', data: await buildClassicPdf(TRUTH_CLASSIC) },
    { name: 'plain.pdf', data: await buildClassicPdf(TRUTH_CLASSIC, { compress: false }) },
    { name: 'french.pdf', data: await buildClassicPdf(TRUTH_FRENCH, { compress: false }) },
  ];
  const txt = [
    { name: 'classic.txt', data: Buffer.from(buildClassicText(TRUTH_CLASSIC)) },
    { name: '2022.txt', data: Buffer.from(build2022Text(TRUTH_2022)) },
    { name: 'welcome-desks.txt', data: fixtureText('classic-welcome-desks.txt') },
    { name: 'language-courses.txt', data: fixtureText('2022-language-courses.txt') },
  ];
  return { docx, pdf, txt };
}

// ---------- mutations ----------

/** Byte-level damage: flips, truncation, chunks deleted, duplicated or overwritten. */
export function mutateBytes(rng: Rng, input: Buffer, region?: [number, number]): [Buffer, string] {
  let buf = Buffer.from(input);
  const [lo, hi] = region ?? [0, buf.length];
  const at = () => lo + rng.int(Math.max(1, hi - lo));
  const steps: string[] = [];
  const rounds = 1 + rng.int(4);
  for (let r = 0; r < rounds && buf.length > 0; r++) {
    const op = rng.int(6);
    if (op === 0) {
      const n = 1 + rng.int(16);
      for (let i = 0; i < n; i++) {
        const p = at();
        if (p < buf.length) buf[p] ^= 1 << rng.int(8);
      }
      steps.push(`flip ${n} bits`);
    } else if (op === 1) {
      const p = at();
      buf = buf.subarray(0, p);
      steps.push(`truncate at ${p}`);
    } else if (op === 2) {
      const p = at();
      const n = 1 + rng.int(512);
      buf = Buffer.concat([buf.subarray(0, p), buf.subarray(p + n)]);
      steps.push(`delete ${n} at ${p}`);
    } else if (op === 3) {
      const p = at();
      const n = 1 + rng.int(512);
      const chunk = buf.subarray(p, p + n);
      buf = Buffer.concat([buf.subarray(0, p), chunk, chunk, buf.subarray(p + n)]);
      steps.push(`duplicate ${n} at ${p}`);
    } else if (op === 4) {
      const p = at();
      const n = 1 + rng.int(64);
      for (let i = 0; i < n && p + i < buf.length; i++) buf[p + i] = rng.int(256);
      steps.push(`random ${n} at ${p}`);
    } else {
      const p = at();
      const special = rng.pick([[0], [0xff, 0xfe], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0x80]]);
      buf = Buffer.concat([buf.subarray(0, p), Buffer.from(special), buf.subarray(p)]);
      steps.push(`insert ${special.map((b) => b.toString(16)).join(' ')} at ${p}`);
    }
  }
  return [buf, steps.join(', ')];
}

const XML_SNIPPETS = [
  '<',
  '>',
  '&',
  '&bogus;',
  '&#0;',
  '&#xD800;',
  '&#x110000;',
  '<w:p>',
  '</w:p>',
  '</w:tc>',
  '<w:tr>',
  '<w:tbl>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '<?xml version="1.0"?>',
  '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>',
  '<w:gridSpan w:val="99999999"/>',
  '<w:gridSpan w:val="-3"/>',
  '<w:numPr><w:ilvl w:val="999"/><w:numId w:val="77"/></w:numPr>',
  '<w:vMerge/>',
  'xmlns:w="urn:other"',
  '\u0000',
  '\ud800',
  '<w:t>Evaluation recommendation 9: injected</w:t>',
];

const TEXT_SNIPPETS = [
  'Evaluation recommendation 7: new',
  'Key actions',
  'Timeframe or deadline',
  '1.1 Do it (Q5 2024)',
  '6.2 and 6.3',
  'Priority level (1 to 3): 9',
  '&amp;&lt;&gt;',
  'é\u202e\u200b',
  '\u0007\u001f',
  'x'.repeat(60_000),
  '. '.repeat(5000),
  ' '.repeat(20_000),
];
const ATTRIBUTE_VALUES = ['0', '-1', '99999999', 'restart', 'continue', 'abc', '', 'NaN', '1e309'];

/** Damage that keeps the XML well-formed: text, attribute values, whole paragraphs or rows. */
function mutateWellFormed(rng: Rng, s: string): [string, string] {
  const op = rng.int(3);
  if (op === 0) {
    const texts = [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)];
    if (texts.length === 0) return [s, 'no text'];
    const m = rng.pick(texts);
    const text = rng
      .pick(TEXT_SNIPPETS)
      .replace(/&(?!amp;|lt;|gt;)/g, '&amp;')
      .replace(/</g, '&lt;');
    const at = (m.index ?? 0) + m[0].indexOf('>') + 1;
    return [s.slice(0, at) + text + s.slice(at + m[1].length), `text → ${JSON.stringify(text.slice(0, 30))}`];
  }
  if (op === 1) {
    const values = [...s.matchAll(/w:val="[^"]*"/g)];
    if (values.length === 0) return [s, 'no attribute'];
    const m = rng.pick(values);
    const value = rng.pick(ATTRIBUTE_VALUES);
    const at = m.index ?? 0;
    return [`${s.slice(0, at)}w:val="${value}"${s.slice(at + m[0].length)}`, `${m[0]} → "${value}"`];
  }
  const element = rng.pick(['p', 'tr', 'tc']);
  const found = [...s.matchAll(new RegExp(`<w:${element}[ >][\\s\\S]*?</w:${element}>`, 'g'))];
  if (found.length === 0) return [s, `no ${element}`];
  const m = rng.pick(found);
  const at = m.index ?? 0;
  const times = rng.chance(0.5) ? 0 : 1 + rng.int(rng.chance(0.1) ? 300 : 3);
  return [s.slice(0, at) + m[0].repeat(times) + s.slice(at + m[0].length), `w:${element} ×${times}`];
}

/** Damage to an XML part as text: snippets inserted, tags swapped, ranges cut or repeated, deep nests. */
export function mutateXml(rng: Rng, xml: string): [string, string] {
  let s = xml;
  const steps: string[] = [];
  const rounds = 1 + rng.int(3);
  for (let r = 0; r < rounds; r++) {
    const p = rng.int(s.length + 1);
    const op = rng.int(6);
    if (rng.chance(0.5)) {
      let step: string;
      [s, step] = mutateWellFormed(rng, s);
      steps.push(step);
    } else if (op === 0) {
      const snippet = rng.pick(XML_SNIPPETS);
      s = s.slice(0, p) + snippet + s.slice(p);
      steps.push(`insert ${JSON.stringify(snippet)} at ${p}`);
    } else if (op === 1) {
      const n = 1 + rng.int(200);
      s = s.slice(0, p) + s.slice(p + n);
      steps.push(`cut ${n} at ${p}`);
    } else if (op === 2) {
      const n = 1 + rng.int(2000);
      const times = 1 + rng.int(rng.chance(0.2) ? 200 : 3);
      s = s.slice(0, p) + s.slice(p, p + n).repeat(times + 1) + s.slice(p + n);
      steps.push(`repeat ${n} at ${p} ×${times}`);
    } else if (op === 3) {
      const tags = s.match(/<\/?w:[a-zA-Z]+/g) ?? [];
      if (tags.length > 1) {
        const a = rng.pick(tags);
        const b = rng.pick(tags);
        s = s.replace(a, b);
        steps.push(`tag ${a} → ${b}`);
      }
    } else if (op === 4) {
      const depth = rng.pick([50, 500, 3000, 10_000]);
      const open = rng.pick(['<w:tbl><w:tr><w:tc>', '<w:p><w:r>', '<w:sdt><w:sdtContent>', '<w:tc>']);
      const close = open
        .replace(/<(w:[a-zA-Z]+)>/g, '</$1>')
        .split(/(?=<\/)/)
        .reverse()
        .join('');
      const at = s.indexOf('<w:p>', p) >= 0 ? s.indexOf('<w:p>', p) : p;
      const balanced = rng.chance(0.7);
      s =
        s.slice(0, at) +
        open.repeat(depth) +
        '<w:p><w:r><w:t>deep</w:t></w:r></w:p>' +
        (balanced ? close.repeat(depth) : '') +
        s.slice(at);
      steps.push(`nest ${open} ×${depth}${balanced ? '' : ' unclosed'}`);
    } else {
      s = s.slice(0, p);
      steps.push(`truncate at ${p}`);
    }
  }
  return [s, steps.join(', ')];
}

/** Where a PDF's streams are, so their bytes can be corrupted and the rest kept. */
function streamRegions(pdf: Buffer): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const s = pdf.indexOf('stream\n', from, 'latin1');
    if (s < 0) break;
    const start = s + 'stream\n'.length;
    const end = pdf.indexOf('endstream', start, 'latin1');
    if (end < 0) break;
    if (pdf.subarray(s - 3, s).toString('latin1') !== 'end') out.push([start, end]);
    from = end + 9;
  }
  return out;
}

/** Builds case `index` of a seeded run: the kind rotates, the damage is drawn from the seed. */
export async function buildCase(seeds: Seeds, seed: number, index: number): Promise<FuzzCase> {
  const rng = new Rng(seed * 1_000_003 + index);
  const kind = (['docx', 'pdf', 'txt', 'pasted'] as const)[index % 4];
  if (kind === 'docx') {
    const source = rng.pick(seeds.docx);
    const way = rng.int(10);
    if (way < 3) {
      const [data, mutation] = mutateBytes(rng, source.data);
      return { kind, name: source.name, data, mutation: `${source.name}: bytes ${mutation}` };
    }
    const parts = new Map(source.parts);
    const part = way < 9 || !parts.has('word/numbering.xml') ? 'word/document.xml' : 'word/numbering.xml';
    const original = parts.get(part)?.toString('utf8') ?? '';
    const [xml, mutation] =
      way === 8
        ? [deepDocumentXml(rng.pick([2000, 10_000]), rng.pick(['tbl', 'p', 'sdt'])), 'deep nest']
        : mutateXml(rng, original);
    parts.set(part, Buffer.from(xml, 'utf8'));
    if (rng.chance(0.05)) parts.delete('word/document.xml');
    return {
      kind,
      name: source.name,
      data: await zipAll(parts),
      mutation: `${source.name}: ${part} ${mutation}`,
    };
  }
  if (kind === 'pdf') {
    const source = rng.pick(seeds.pdf);
    const regions = streamRegions(source.data);
    const region = regions.length > 0 && rng.chance(0.7) ? rng.pick(regions) : undefined;
    const [data, mutation] = mutateBytes(rng, source.data, region);
    return {
      kind,
      name: source.name,
      data,
      mutation: `${source.name}: ${region ? `stream ${region[0]}–${region[1]}` : 'file'} ${mutation}`,
    };
  }
  const source = rng.pick(seeds.txt);
  if (kind === 'txt') {
    let data = source.data;
    let mutation: string;
    if (rng.chance(0.1)) {
      data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source.data.toString('utf8'), 'utf16le')]);
      [data, mutation] = mutateBytes(rng, data);
      mutation = `utf-16 ${mutation}`;
    } else [data, mutation] = mutateBytes(rng, data);
    return { kind, name: source.name, data, mutation: `${source.name}: ${mutation}` };
  }
  // Pasted text: damage as characters (NUL, lone surrogates, huge lines, repeated blocks).
  let text = source.data.toString('utf8');
  const steps: string[] = [];
  const rounds = 1 + rng.int(3);
  for (let r = 0; r < rounds; r++) {
    const p = rng.int(text.length + 1);
    const op = rng.int(5);
    if (op === 0) {
      const c = rng.pick(['\u0000', '\ud800', '\udfff', '\ufffd', '\u202e', '\u0007', '\r', '\t\t\t']);
      text = text.slice(0, p) + c + text.slice(p);
      steps.push(`insert ${JSON.stringify(c)} at ${p}`);
    } else if (op === 1) {
      const n = 1 + rng.int(300);
      text = text.slice(0, p) + text.slice(p + n);
      steps.push(`cut ${n} at ${p}`);
    } else if (op === 2) {
      const n = 1 + rng.int(800);
      const times = rng.chance(0.3) ? 50 + rng.int(400) : 1 + rng.int(3);
      text = text.slice(0, p) + text.slice(p, p + n).repeat(times + 1) + text.slice(p + n);
      steps.push(`repeat ${n} at ${p} ×${times}`);
    } else if (op === 3) {
      const long = rng
        .pick(['x', 'Key actions ', '1.1\t', '<li>', '(Q1 2024) '])
        .repeat(1000 + rng.int(20_000));
      text = text.slice(0, p) + long + text.slice(p);
      steps.push(`long run of ${long.length} at ${p}`);
    } else {
      text = text.slice(0, p);
      steps.push(`truncate at ${p}`);
    }
  }
  return {
    kind,
    name: source.name,
    data: Buffer.from(text, 'utf8'),
    text,
    mutation: `${source.name} pasted: ${steps.join(', ')}`,
  };
}
