import { DomainError, invalid } from '../../domain/errors';

/**
 * A PDF with fewer letters and digits than this per page, on average, is taken for a scan: a
 * scanned page is an image, and what text it has is a page number or a stamp.
 */
const MIN_TEXT_PER_PAGE = 20;

/** The file signature; PDF readers accept it anywhere in the first 1,024 bytes (ISO 32000-1, 7.5.2 and Annex H). */
const PDF_SIGNATURE = Buffer.from('%PDF-');
const SIGNATURE_WITHIN = 1024;

export interface PdfText {
  /** The text of every page in order, lines and pages separated by line breaks. */
  text: string;
  pages: number;
}

const notAPdf = () =>
  invalid('not_a_pdf', 'Filen är inte en PDF. Ladda upp protokollet som PDF, eller klistra in texten.');
const encrypted = () =>
  invalid('pdf_encrypted', 'PDF-filen är lösenordsskyddad och kan inte läsas. Spara en kopia utan lösenord och ladda upp den, eller klistra in texten.');
const damaged = (cause: unknown) =>
  new DomainError('invalid', 'pdf_damaged', 'PDF-filen är skadad och kan inte läsas. Spara eller exportera protokollet som PDF på nytt, eller klistra in texten.', { cause });
const withoutText = () =>
  invalid('pdf_without_text', 'PDF-filen innehåller ingen text (den är troligen inskannad). Ladda upp en PDF med text eller klistra in texten.');

/** What pdf.js throws for a file it cannot read: a wrong password, or a broken structure. */
function unreadable(error: unknown): DomainError | undefined {
  const name = error instanceof Error ? error.name : undefined;
  if (name === 'PasswordException') return encrypted();
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return damaged(error);
  return undefined;
}

/**
 * The text of a text PDF (a protokoll exported from the minutes system), through unpdf's build
 * of pdf.js, loaded on first use (about 1.7 MB of code that only the drafts function needs).
 * Keeps å, ä, ö and the line breaks; a page break is a line break (unpdf's `mergePages`).
 *
 * Throws `DomainError` (`invalid`): `not_a_pdf` (no PDF signature: another kind of file),
 * `pdf_encrypted` (opening needs a password; a file protected only against editing reads fine),
 * `pdf_damaged` (a PDF signature but no readable structure, e.g. a truncated file), and
 * `pdf_without_text` (fewer than 20 letters and digits per page on average: a scan, or blank pages).
 * Other errors (a bug, no memory) are thrown as they are.
 */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SIGNATURE_WITHIN)).indexOf(PDF_SIGNATURE) < 0) throw notAPdf();
  const { extractText, getDocumentProxy } = await import('unpdf');
  // A copy: pdf.js takes ownership of the array it is given. Verbosity 0: errors only, no warnings in the logs.
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw unreadable(error) ?? error;
  });
  try {
    const { text, totalPages } = await extractText(document, { mergePages: true });
    const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    if (letters < MIN_TEXT_PER_PAGE * Math.max(totalPages, 1)) throw withoutText();
    return { text, pages: totalPages };
  } catch (error) {
    throw unreadable(error) ?? error;
  } finally {
    await document.loadingTask.destroy();
  }
}
