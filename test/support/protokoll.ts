import PDFDocument from 'pdfkit';
import type { DirectoryEntry } from '../../shared/drafting/extract';

/** A justerat protokoll as a PDF, for the drafts (issue 20) and the workspace's Granska beslut. */

/** A PDF written with pdfkit (its standard Helvetica, which has å, ä and ö). */
export async function pdfOf(write: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  write(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Kommunstyrelsen's minutes of 15 March 2027 (invented): five §§, four of which give someone work the rules read, one on a page of its own; the fifth holds a sentence of work they do not read. */
const PARAGRAPHS: { lines: string[]; newPage?: boolean }[] = [
  {
    lines: [
      '§ 31   Dnr KS 2027/45',
      'Plan för tillgängliga lekplatser',
      'Beslut',
      'Kommunstyrelsen ger kommundirektören i uppdrag att ta fram en plan för tillgängliga lekplatser senast den 30 september 2027.',
    ],
  },
  {
    lines: [
      '§ 32   Dnr KS 2027/52',
      'Nattbemanning i hemtjänsten',
      'Beslut',
      'Kommunstyrelsen ger socialchefen i uppdrag att utreda hemtjänstens nattbemanning och återrapportera till kommunstyrelsen i november 2027.',
    ],
  },
  {
    lines: [
      '§ 33   Dnr KS 2027/61',
      'Motion från Centerpartiet om laddplatser vid kommunens förskolor',
      'Ärendet',
      'Lisa Holm (C) har lämnat in en motion om laddplatser vid förskolorna. Motionen väcktes i kommunfullmäktige 2027-02-22 § 18.',
      'Beslut',
      'Motionen överlämnas till kommunstyrelsen för beredning.',
    ],
  },
  {
    newPage: true,
    lines: [
      '§ 34   Dnr KS 2027/70',
      'Remiss från Länsstyrelsen om regional vattenförsörjningsplan',
      'Ärendet',
      'Länsstyrelsen i Skåne län har skickat ett förslag till regional vattenförsörjningsplan på remiss. Synpunkter ska ha inkommit till Länsstyrelsen senast den 28 april 2027.',
      'Beslut',
      'Kommunstyrelsen ger samhällsbyggnadschefen i uppdrag att ta fram ett förslag till yttrande.',
    ],
  },
  {
    lines: [
      '§ 35   Dnr KS 2027/12',
      'Information om sjukfrånvaron 2026',
      'Beslut',
      // Work the drafting rules do not read: listed for the clerk to read, not proposed.
      'Kommunstyrelsen lägger informationen till handlingarna. En analys av sjukfrånvaron väntas åter till kommunstyrelsen senast i juni 2027.',
    ],
  },
];

export const protokoll = () =>
  pdfOf((doc) => {
    doc.fontSize(11).text('Kommunstyrelsen').text('Sammanträdesprotokoll 2027-03-15').moveDown();
    for (const paragraph of PARAGRAPHS) {
      if (paragraph.newPage) doc.addPage();
      for (const line of paragraph.lines) doc.text(line);
      doc.moveDown();
    }
  });

/** Who holds the roles the protokoll names. */
export const DIRECTORY: Record<string, DirectoryEntry> = {
  kommundirektör: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se', unit: 'Kommunledningskontoret' },
  socialchef: { name: 'Eva Holmberg', email: 'eva.holmberg@kommun.example.se', unit: 'Socialförvaltningen' },
  samhällsbyggnadschef: { name: 'Ali Nur', email: 'ali.nur@kommun.example.se', unit: 'Samhällsbyggnadsförvaltningen' },
  kommunstyrelse: { name: 'Jonas Kansli', email: 'jonas.kansli@kommun.example.se', unit: 'Kommunledningskontoret' },
};
