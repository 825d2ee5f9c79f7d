/**
 * Round eleven of the drafting rules (issue 19), on invented sentences: a report-back in the plural
 * ("uppdragen återrapporteras …", "Båda uppdragen redovisas …", "samt att samtliga uppdrag ska redovisas …")
 * belongs to every commission the decision gave before it, where it used to reach only the last one. A
 * report-back in the singular ("Uppdraget redovisas …") still belongs to the commission just before.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
/** Kommunstyrelsen met on Tuesday 9 March 2027. */
const ks: KnownFacts = { body: 'KS', meetingDate: '2027-03-09' };
/** The proposed drafts of `text`: kind, role and deadline. */
const read = (text: string) =>
  extractDrafts(text, ks, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE).map((d) => [d.kind, d.responsibleRole, d.due]);

const december = { meeting: { body: 'KS', month: '2027-12' } };

describe('a report-back in the plural belongs to every commission before it', () => {
  it('"att uppdragen ska återrapporteras …" closing an att-list: both commissions, due 30 September 2027', () => {
    const text = [
      'Kommunstyrelsen beslutar',
      'att ge samhällsbyggnadsförvaltningen i uppdrag att ta fram en plan för laddinfrastruktur,',
      'att ge kultur- och fritidsförvaltningen i uppdrag att utreda en ny simhall, samt',
      'att uppdragen ska återrapporteras till kommunstyrelsen senast den 30 september 2027.',
    ].join('\n');
    expect(read(text)).toEqual([
      ['aterrapportering', 'samhällsbyggnadsförvaltningen', { date: '2027-09-30' }],
      ['aterrapportering', 'kultur- och fritidsförvaltningen', { date: '2027-09-30' }],
    ]);
  });

  it.each([
    ['a sentence of its own: "Båda uppdragen redovisas …"', '. Båda uppdragen redovisas till kommunstyrelsen i december 2027.'],
    ['a closing clause: "samt att uppdragen ska redovisas …"', ' samt att uppdragen ska redovisas till kommunstyrelsen i december 2027.'],
    ['"Samtliga uppdrag ska redovisas …"', '. Samtliga uppdrag ska redovisas till kommunstyrelsen i december 2027.'],
  ])('%s: both commissions report back to KS in December 2027', (_, end) => {
    const text = `Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram en lokalförsörjningsplan och att ge ekonomichefen i uppdrag att se över internräntan${end}`;
    expect(read(text)).toEqual([
      ['aterrapportering', 'kommundirektören', december],
      ['aterrapportering', 'ekonomichefen', december],
    ]);
  });

  it('near miss: "Uppdraget redovisas …" in the singular is the report-back of the commission just before', () => {
    const text =
      'Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram en lokalförsörjningsplan. Kommunstyrelsen beslutar vidare att ge ekonomichefen i uppdrag att se över internräntan. Uppdraget redovisas till kommunstyrelsen i december 2027.';
    expect(read(text)).toEqual([
      ['uppdrag', 'kommundirektören', undefined],
      ['aterrapportering', 'ekonomichefen', december],
    ]);
  });

  it('near miss: a motion before the commissions keeps its own answer; "uppdragen" reaches only the commissions', () => {
    const text = [
      'Kommunfullmäktige beslutar',
      'att remittera motionen om gångstråk till kommunstyrelsen för beredning,',
      'att ge tekniska förvaltningen i uppdrag att inventera gångstråken,',
      'att ge miljöförvaltningen i uppdrag att mäta bullret, samt',
      'att uppdragen ska återrapporteras till kommunstyrelsen senast den 30 september 2027.',
    ].join('\n');
    expect(extractDrafts(text, { body: 'KF', meetingDate: '2027-03-15' }, ctx).drafts.map((d) => [d.kind, d.responsibleRole, d.due])).toEqual([
      ['aterrapportering', 'tekniska förvaltningen', { date: '2027-09-30' }],
      ['aterrapportering', 'miljöförvaltningen', { date: '2027-09-30' }],
      ['motion', 'kommunstyrelsen', { raised: '2027-03-15' }],
    ]);
  });
});
