/**
 * The parts of a Word (.docx) file, unpacked with limits and read as a stream of XML tags: a zip
 * bomb is refused from its declared sizes before anything is inflated, and a lying one when it
 * overruns them; XML that is not well-formed, nested too deeply or declaring a DOCTYPE is refused
 * as a damaged file.
 */
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import yauzl from 'yauzl';
import { Invalid, TooLarge, Unsupported } from '../../../server/errors.js';

export const DOCX_LIMITS = {
  /** Largest document.xml (or numbering.xml) unpacked, in bytes. */
  maxPartBytes: 64 * 1024 * 1024,
  /** Largest total of every entry's unpacked size, as the archive declares them. */
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 5000,
  /** Deepest nesting of XML elements read; Word's own documents stay far below it. */
  maxDepth: 1000,
  /** Most grid columns a cell may span (Word allows 63 columns). */
  maxSpan: 64,
};

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Says why a file that is not a readable .docx is not one. */
export function checkKind(buf: Buffer, name: string): void {
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    if (
      buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) ||
      buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))
    ) {
      throw new Unsupported(
        `${name} is password-protected. Remove the password in Word (File › Info › Protect Document) and upload it again.`,
      ).because('passwordProtected', { name });
    }
    throw new Unsupported(
      `${name} is an old Word 97–2003 (.doc) file. Open it in Word and save it as .docx, then upload that.`,
    ).because('oldWord', { name });
  }
  if (buf.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') {
    throw new Invalid(
      `${name} is not a Word document (.docx files are zip archives, and this is not one).`,
    ).because('notWord', { name });
  }
}

export type Parts = Record<string, Buffer>;

/** Unpacks the named parts of the archive, within DOCX_LIMITS. */
export function unpack(buf: Buffer, wanted: string[], name: string): Promise<Parts> {
  return new Promise((resolve, reject) => {
    const damaged = (err: Error) =>
      new Invalid(`${name} is damaged and cannot be read as a Word document (${err.message}).`).because(
        'damaged',
        { name },
      );
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) return reject(damaged(err ?? new Error('no archive')));
        const parts: Parts = {};
        let entries = 0;
        let declared = 0;
        let failed = false;
        const fail = (e: Error) => {
          if (failed) return;
          failed = true;
          zip.close();
          reject(e);
        };
        zip.on('error', (e: Error) => fail(damaged(e)));
        zip.on('entry', (entry: yauzl.Entry) => {
          entries++;
          declared += entry.uncompressedSize;
          if (entries > DOCX_LIMITS.maxEntries)
            return fail(
              new TooLarge(
                `${name} holds more than ${DOCX_LIMITS.maxEntries} files; a Word document has far fewer.`,
              ),
            );
          if (declared > DOCX_LIMITS.maxTotalBytes) {
            return fail(
              new TooLarge(
                `${name} would unpack to more than ${DOCX_LIMITS.maxTotalBytes / 1024 / 1024} MB, far beyond any matrix; it was refused unopened.`,
              ),
            );
          }
          if (!wanted.includes(entry.fileName)) return zip.readEntry();
          if (entry.uncompressedSize > DOCX_LIMITS.maxPartBytes) {
            return fail(
              new TooLarge(
                `${name}'s text would unpack to ${Math.round(entry.uncompressedSize / 1024 / 1024)} MB; matrices up to ${DOCX_LIMITS.maxPartBytes / 1024 / 1024} MB are read.`,
              ),
            );
          }
          zip.openReadStream(entry, (e, stream) => {
            if (e || !stream) return fail(damaged(e ?? new Error('unreadable entry')));
            const chunks: Buffer[] = [];
            let size = 0;
            stream.on('data', (c: Buffer) => {
              size += c.length;
              // yauzl checks the declared size too; this is the last line if an archive lies about it.
              if (size > DOCX_LIMITS.maxPartBytes) {
                stream.destroy();
                fail(
                  new TooLarge(
                    `${name}'s text unpacks to more than ${DOCX_LIMITS.maxPartBytes / 1024 / 1024} MB; it was refused.`,
                  ),
                );
                return;
              }
              chunks.push(c);
            });
            stream.on('error', (se: Error) => fail(damaged(se)));
            stream.on('end', () => {
              parts[entry.fileName] = Buffer.concat(chunks);
              zip.readEntry();
            });
          });
        });
        zip.on('end', () => {
          if (!failed) resolve(parts);
        });
        zip.readEntry();
      },
    );
  });
}

/** A problem saxes found in the XML: the file's, so it becomes a refusal. */
class XmlProblem extends Error {}

export interface XmlHandlers {
  open(tag: SaxesTagNS, depth: number): void;
  close(tag: SaxesTagNS): void;
  text(text: string): void;
}

/** Streams an XML part through saxes into the handlers; the file's problems become refusals. */
export function readXml(xml: Buffer, name: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  parser.on('error', (err) => {
    throw new XmlProblem(err.message);
  });
  parser.on('doctype', () => {
    // Word never writes a DOCTYPE; one here could only be an entity-expansion attack.
    throw new Invalid(
      `${name} contains a document type declaration, which Word files never have; it was refused.`,
    );
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > DOCX_LIMITS.maxDepth)
      throw new Invalid(
        `${name} is nested more than ${DOCX_LIMITS.maxDepth} levels deep, which no Word document is; it was refused.`,
      );
    handlers.open(tag, depth);
    // saxes reports a self-closing tag's close on its own.
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close(tag);
  });
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  try {
    parser.write(xml.toString('utf8')).close();
  } catch (err) {
    if (err instanceof XmlProblem)
      throw new Invalid(`${name} is damaged: its text is not well-formed (${brief(err.message)}).`).because(
        'damaged',
        { name },
      );
    throw err;
  }
}

/** The first line of a parser's message, short enough for a refusal. */
const brief = (message: string) => {
  const line = message.split('\n')[0].trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
};

export const isW = (tag: SaxesTagNS, local: string) => tag.uri === W && tag.local === local;
/** A w: attribute's value ("w:val"), by namespace or, failing that, by its usual name. */
export const attr = (tag: SaxesTagNS, local: string): string | null => {
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    if ((a.uri === W && a.local === local) || a.name === `w:${local}`) return a.value;
  }
  return null;
};
