/**
 * A protokoll uploaded as a PDF (issue 20): its text through the PDF adapter (unpdf), then the
 * drafts the extractor makes of it, one per § that creates work; and the PDFs it cannot read,
 * each refused with its own Swedish message.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../shared/adapters/pdf/text';
import { PDF_MAX_BYTES } from '../../shared/http/media';
import { DomainError } from '../../shared/domain/errors';
import { extractDrafts, normalizeRole } from '../../shared/drafting/extract';
import { DIRECTORY, pdfOf, protokoll } from '../support/protokoll';

/** A grey PNG, as a scanner would make a page: pixels only, no text. */
function scannedPage(width = 400, height = 560): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  // Each scan line: filter byte 0, then the pixels (lines of "print" on white).
  const pixels = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    pixels[y * (width + 1)] = 0;
    if (y % 14 < 4) for (let x = 40; x < width - 40; x++) pixels[y * (width + 1) + 1 + x] = (x * 7 + y) % 5 === 0 ? 0xff : 0x30;
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** The refusal a PDF gets: its code and message. */
async function refusal(bytes: Uint8Array): Promise<{ code: string; kind: string; message: string }> {
  const error = await pdfText(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, kind: error.kind, message: error.message };
}

const lookupRole = (role: string) => DIRECTORY[normalizeRole(role)];

describe('a protokoll as a text PDF', () => {
  it('keeps å, ä, ö and the lines, and a page break is a line break', async () => {
    const { text, pages } = await pdfText(await protokoll());
    expect(pages).toBe(2);
    expect(text.split('\n').slice(0, 3)).toEqual(['Kommunstyrelsen', 'Sammanträdesprotokoll 2027-03-15', '§ 31 Dnr KS 2027/45']);
    expect(text).toContain('Kommunstyrelsen ger socialchefen i uppdrag att utreda hemtjänstens nattbemanning och\nåterrapportera');
    // The last line of page 1 and the first of page 2 stay two lines.
    expect(text).toContain('Motionen överlämnas till kommunstyrelsen för beredning.\n§ 34 Dnr KS 2027/70\n');
  });

  it('gives one draft per § that creates work, each with its §, case number and deadline; the § that only takes note gives none', async () => {
    const { text } = await pdfText(await protokoll());
    const { drafts } = extractDrafts(text, {}, { lookupRole, today: '2027-03-20' });
    expect(
      drafts.map((d) => ({ kind: d.kind, role: d.responsibleRole, decision: d.decision, caseNumber: d.caseNumber, due: d.due, missing: d.missing })),
    ).toEqual([
      {
        kind: 'uppdrag',
        role: 'kommundirektören',
        decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 31' },
        caseNumber: 'KS 2027/45',
        due: { date: '2027-09-30' },
        missing: [],
      },
      {
        kind: 'aterrapportering',
        role: 'socialchefen',
        decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 32' },
        caseNumber: 'KS 2027/52',
        due: { meeting: { body: 'KS', month: '2027-11' } },
        missing: [],
      },
      // A motion's item comes from the council meeting it was raised at and referred from (KF § 18),
      // and is due a year after it was raised, not after KS's meeting.
      {
        kind: 'motion',
        role: 'kommunstyrelsen',
        decision: { body: 'KF', date: '2027-02-22', paragraph: '§ 18' },
        caseNumber: 'KS 2027/61',
        due: { raised: '2027-02-22' },
        missing: [],
      },
      {
        kind: 'yttrande',
        role: 'samhällsbyggnadschefen',
        decision: { body: 'KS', date: '2027-03-15', paragraph: '§ 34' },
        caseNumber: 'KS 2027/70',
        due: { externalDeadline: '2027-04-28', recipient: 'Länsstyrelsen', decidedBy: 'KS' },
        missing: [],
      },
    ]);
  });
});

describe('a PDF without text, or no PDF at all, is refused in Swedish', () => {
  it('a scan (pages that are images) is pdf_without_text', async () => {
    const scan = await pdfOf((doc) => {
      doc.image(scannedPage(), 40, 40, { width: 515 });
      doc.addPage().image(scannedPage(), 40, 40, { width: 515 });
    });
    expect(await refusal(scan)).toEqual({
      kind: 'invalid',
      code: 'pdf_without_text',
      message: 'PDF-filen innehåller ingen text (den är troligen inskannad). Ladda upp en PDF med text eller klistra in texten.',
    });
  });

  it('blank pages with no more than a page number are pdf_without_text', async () => {
    const blank = await pdfOf((doc) => {
      doc.text('Sida 1');
      doc.addPage().text('Sida 2');
      doc.addPage();
    });
    expect((await refusal(blank)).code).toBe('pdf_without_text');
  });

  it('random bytes are not_a_pdf', async () => {
    expect(await refusal(randomBytes(20_000))).toEqual({
      kind: 'invalid',
      code: 'not_a_pdf',
      message: 'Filen är inte en PDF. Ladda upp protokollet som PDF, eller klistra in texten.',
    });
  });

  it('a Word document saved as .pdf by name only is not_a_pdf', async () => {
    const docx = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), randomBytes(3000)]);
    expect((await refusal(docx)).code).toBe('not_a_pdf');
  });

  it('a PDF cut off in the middle of its upload is pdf_damaged', async () => {
    const whole = await protokoll();
    expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual({
      kind: 'invalid',
      code: 'pdf_damaged',
      message: 'PDF-filen är skadad och kan inte läsas. Spara eller exportera protokollet som PDF på nytt, eller klistra in texten.',
    });
  });

  it('a PDF that needs a password to open is pdf_encrypted', async () => {
    const locked = await pdfOf((doc) => doc.text('Sekretessbelagt protokoll från socialnämndens individutskott'), { userPassword: 'hemligt', pdfVersion: '1.7' });
    expect(await refusal(locked)).toEqual({
      kind: 'invalid',
      code: 'pdf_encrypted',
      message: 'PDF-filen är lösenordsskyddad och kan inte läsas. Spara en kopia utan lösenord och ladda upp den, eller klistra in texten.',
    });
  });

  it('a PDF protected only against editing (an owner password) reads as any other', async () => {
    const protectedPdf = await pdfOf((doc) => doc.text('Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan.'), {
      ownerPassword: 'ägare',
      permissions: { printing: 'highResolution' },
      pdfVersion: '1.7',
    });
    expect((await pdfText(protectedPdf)).text).toBe('Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan.');
  });
});

describe('the largest PDF the deployed path takes', () => {
  it('is 4,694,016 bytes: its base64 and 32 KiB of event around it fill Lambda’s 6 MB of request, and 3 bytes more would not fit', () => {
    const lambdaRequest = 6 * 1024 * 1024;
    const eventAround = 32 * 1024;
    const base64 = (bytes: number) => Math.ceil(bytes / 3) * 4;
    expect(PDF_MAX_BYTES).toBe(4_694_016);
    expect(base64(PDF_MAX_BYTES) + eventAround).toBe(lambdaRequest);
    expect(base64(PDF_MAX_BYTES + 3) + eventAround).toBeGreaterThan(lambdaRequest);
  });
});
