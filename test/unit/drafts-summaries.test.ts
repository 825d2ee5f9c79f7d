/**
 * Summaries of a meeting (issue 19, round two): the web pages and notes that restate a meeting's
 * decisions in their own words ("Beslut i korthet", "Axplock", "Referat", "Kommunstyrelsen beslutade
 * bl a följande"), each rule specified on invented sentences, with the near misses it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { extractDrafts, PROPOSED_CONFIDENCE, type DraftContext, type KnownFacts } from '../../shared/drafting/extract';
import { readHeading } from '../../shared/drafting/headings';

const ctx: DraftContext = { lookupRole: () => undefined, today: '2027-11-20' };
const proposed = (text: string, known: KnownFacts = {}) => extractDrafts(text, known, ctx).drafts.filter((d) => d.confidence >= PROPOSED_CONFIDENCE);
const ks = { body: 'KS', meetingDate: '2027-03-16' };
const kf = { body: 'KF', meetingDate: '2027-03-22' };

describe('the line that announces the decisions of a summary', () => {
  const labels = [
    'kommunstyrelsen beslutade bl a foljande vid sitt sammantrade den 17 augusti:',
    'kommunstyrelsen beslutade bl a foljande vid sitt sammantrade den 11 september.',
    'kommunstyrelsen beslutade bland annat foljande:',
    'kommunstyrelsen fattade beslut om att:',
    'ks beslutade foljande:',
  ];
  for (const line of labels) {
    it(`"${line}" opens the decisions`, () => {
      expect(readHeading(line)).toMatchObject({ kind: 'decision', length: 0 });
    });
  }

  const sentences = ['kommunstyrelsen beslutade i mars om en ny taxa', 'beslut om bygglov fattades av namnden', 'kommunstyrelsen fattade ett beslut som galler hela kommunen och som'];
  for (const line of sentences) {
    it(`"${line}" is no label`, () => {
      expect(readHeading(line)).toBeUndefined();
    });
  }

  it('numbered points after "beslutade bl a följande vid sitt sammanträde …." are decisions: a commission in one is read', () => {
    const text = 'KS 16 mars\n\nKommunstyrelsen beslutade bl a följande vid sitt sammanträde den 16 mars.\n\n1.\nAtt godkänna delårsbokslutet. Prognosen visar ett underskott, varför ekonomichefen fått i uppdrag att redovisa en åtgärdsplan.\n\n2. Att föreslå kommunfullmäktige att anta taxan.';
    expect(proposed(text, ks).map((d) => [d.kind, d.responsibleRole, d.title])).toEqual([['aterrapportering', 'ekonomichefen', 'Redovisa en åtgärdsplan']]);
  });
});

describe('commissions told in the past tense', () => {
  it('"X fick också i uppdrag att …" in a summary of the meeting is a commission of that meeting', () => {
    const text = 'Senaste nytt från kommunstyrelsen\n\nKommunstyrelsen beslutade i måndags att anställa en ny kommundirektör.\n\nKommunledningskontoret fick också i uppdrag att beställa mark för en ny ishall.';
    expect(proposed(text, ks).map((d) => [d.kind, d.responsibleRole, d.title])).toEqual([['uppdrag', 'kommunledningskontoret', 'Beställa mark för en ny ishall']]);
  });

  it('a page titled "Beslut från kommunfullmäktiges sammanträde" is a summary too', () => {
    const text = 'Beslut från kommunfullmäktiges sammanträde 22 mars\n\nKommunstyrelsen fick i uppdrag att ta fram en ny bostadsplan.';
    expect(proposed(text, kf).map((d) => d.responsibleRole)).toEqual(['kommunstyrelsen']);
  });

  it('the same sentence in a tjänsteskrivelse is the case history: no commission', () => {
    const text = 'Tjänsteskrivelse\nNy ishall\n\nKommunledningskontoret fick i uppdrag att beställa mark för en ny ishall. Marken är nu beställd.';
    expect(proposed(text, { body: 'KS' })).toEqual([]);
  });

  it('in a summary, a past commission with another date written ("fick 2019-05-20 i uppdrag") is history', () => {
    const text = 'Beslut i korthet\n\nKommunledningskontoret fick 2019-05-20 i uppdrag att beställa mark för en ishall. Nu har kommunstyrelsen godkänt köpet.';
    expect(proposed(text, ks)).toEqual([]);
  });
});

describe('the subject after the verb (Swedish word order: the verb second)', () => {
  it('"Samtidigt får kommunstyrelseförvaltningen i uppdrag att …" commissions the administration', () => {
    const [d, ...rest] = proposed('Fullmäktige i korthet\n\nKF antog en ny trafikplan. Samtidigt får kommunstyrelseförvaltningen i uppdrag att se över busstrafiken.', kf);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'uppdrag', responsibleRole: 'kommunstyrelseförvaltningen', title: 'Se över busstrafiken' });
  });

  it('"Vidare ges ekonomichefen i uppdrag att …" in a decision commissions the chief', () => {
    expect(proposed('§ 4 Budget\nBeslut\nKommunstyrelsen antar budgeten. Vidare ges ekonomichefen i uppdrag att ta fram en plan för besparingar.', ks)).toMatchObject([
      { kind: 'uppdrag', responsibleRole: 'ekonomichefen' },
    ]);
  });

  it('"Samtidigt får nämnden information om uppdraget att …" gives no commission', () => {
    expect(proposed('Beslut i korthet\n\nSamtidigt får nämnden information om uppdraget att bygga en ny skola.', ks)).toEqual([]);
  });
});

describe('a decision told without its subject, then "Det har … beslutat"', () => {
  it('"En konstgräsplan ska anläggas på Fågelvallen. Det har kommunfullmäktige beslutat." is an uppdrag with no one named', () => {
    const [d, ...rest] = proposed('Aktuella beslut i korthet\n\nEn konstgräsplan ska anläggas på Ekvallen. Det har kommunfullmäktige beslutat.', kf);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'uppdrag', title: 'Anlägga en konstgräsplan på Ekvallen', flagged: true });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('the same passive with no one saying it was decided is only told: no item', () => {
    expect(proposed('Aktuella beslut i korthet\n\nEn konstgräsplan ska anläggas på Ekvallen, enligt föreningen.', kf)).toEqual([]);
  });

  it('"Det beslutade kommunstyrelsen den 3 maj 2019" tells of an earlier decision: no item', () => {
    expect(proposed('Aktuella beslut i korthet\n\nEn konstgräsplan ska anläggas på Ekvallen. Det beslutade kommunstyrelsen den 3 maj 2019.', ks)).toEqual([]);
  });
});

describe('the sentences that go on with a decision a summary reports', () => {
  it('"Socialnämnden beslutade att …" followed in the same paragraph by "Det ska även tas fram ett förslag till …": the further sentence is a duty too', () => {
    const text = 'Socialnämnden – aktuella beslut i korthet\n\nSocialnämnden beslutade att hemtjänsten ska ses över.\nDet ska även tas fram ett förslag till nya mål för hemtjänsten.';
    expect(proposed(text, { body: 'SN', meetingDate: '2027-03-16' }).map((d) => d.title)).toEqual(['Se över hemtjänsten', 'Ta fram ett förslag till nya mål för hemtjänsten']);
  });

  it('the next paragraph under the same title does not go on with it', () => {
    const text = 'Socialnämnden – aktuella beslut i korthet\n\nHemtjänst\n\nSocialnämnden beslutade att hemtjänsten ska ses över.\n\nArbetet ska genomföras under våren, enligt förvaltningen.';
    expect(proposed(text, { body: 'SN', meetingDate: '2027-03-16' }).map((d) => d.title)).toEqual(['Se över hemtjänsten']);
  });

  it('a later paragraph under another heading does not go on with it', () => {
    const text = 'Socialnämnden – aktuella beslut i korthet\n\nSocialnämnden beslutade att hemtjänsten ska ses över.\n\nÄldreboende\nEtt nytt äldreboende ska byggas i Norrby, enligt planen från 2019.';
    expect(proposed(text, { body: 'SN', meetingDate: '2027-03-16' }).map((d) => d.title)).toEqual(['Se över hemtjänsten']);
  });

  it('"Politikerna har nu tagit det formella beslutet att frågan ska utredas" repeats the duty already told: one item', () => {
    const text = 'Beslut i korthet\nFullmäktige beslutade att förslaget om gratis busskort ska utredas vidare. Förslaget fick fler än 50 röster. Politikerna har nu tagit det formella beslutet att frågan ska utredas närmare.';
    expect(proposed(text, kf).map((d) => d.title)).toEqual(['Utreda förslaget om gratis busskort vidare']);
  });
});

describe('answers a summary reports', () => {
  it('"KF antog yttrande över X" in a summary is an answer to send, with no one responsible (the page tells the decision, not who sends)', () => {
    const [d, ...rest] = proposed('Fullmäktige i korthet\n\n19.\nKF antog yttrande över kollektivtrafikplan för Ekby.', kf);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'yttrande', title: 'Skicka yttrandet över kollektivtrafikplan för Ekby' });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('"Kommunstyrelsen godkände samhällsenhetens förslag till remissyttrande" in a summary is an answer to send', () => {
    expect(proposed('Axplock från kommunstyrelsen\n\nLängre lastbilar – remissyttrande\nKommunstyrelsen godkände samhällsenhetens förslag till remissyttrande.', ks)).toMatchObject([{ kind: 'yttrande' }]);
  });

  it('"Att avge yttrande över remissen ”Cykla i Ekby”" among a summary\'s decisions is titled by the quoted name, no one responsible', () => {
    const [d] = proposed('KS 17 augusti\n\nKommunstyrelsen beslutade bl a följande vid sitt sammanträde den 17 augusti:\n\n2. Att avge yttrande över remissen ”Cykla i Ekby”.', ks);
    expect(d).toMatchObject({ kind: 'yttrande', title: 'Skicka yttrandet över ”Cykla i Ekby”' });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('the same answer in minutes is the body\'s to send', () => {
    expect(proposed('§ 5 Remiss Cykla i Ekby\nBeslut\nKommunstyrelsen beslutar att avge yttrande över remissen.', ks)).toMatchObject([{ kind: 'yttrande', responsibleRole: 'kommunstyrelsen' }]);
  });

  it('"Att inte ha något att erinra mot det av Länsstyrelsen upprättade förslaget till X" is an answer of no objection, still to be given', () => {
    const [d] = proposed('KS 17 augusti\n\nKommunstyrelsen beslutade bl a följande:\n\n5. Att inte ha något att erinra mot det av Länsstyrelsen upprättade förslaget till överenskommelse om krissamverkan.', ks);
    expect(d).toMatchObject({ kind: 'yttrande' });
    expect(d?.title).toContain('krissamverkan');
  });

  it('"Stadskontoret har inget att erinra mot förslagen" in the case history gives no answer', () => {
    expect(proposed('Remiss från Miljödepartementet\nStadskontoret har i huvudsak inget att erinra mot de övergripande förslagen.', ks)).toEqual([]);
  });

  it('"KS antog yttrande över X" in a tjänsteskrivelse (no summary) tells the case history: no answer', () => {
    expect(proposed('Tjänsteskrivelse\nKollektivtrafik\n\nKS antog yttrande över kollektivtrafikplanen. Planen är nu antagen av regionen.', { body: 'KS' })).toEqual([]);
  });
});

describe('an authority given is no duty', () => {
  it('"kultur- och fritidsnämnden bemyndigas att fatta beslut om …" gives a power, not a task', () => {
    expect(proposed('§ 7 Konstgräsplan\nBeslut\nKommunfullmäktige beslutar att kultur- och fritidsnämnden bemyndigas att fatta beslut om en konstgräsplan vid Ekskolan.', kf)).toEqual([]);
  });

  it('"kommunstyrelsens ordförande bemyndigas att underteckna avtalet" is a task', () => {
    expect(proposed('§ 8 Avtal\nBeslut\nKommunstyrelsen beslutar att godkänna avtalet och att kommunstyrelsens ordförande bemyndigas att underteckna avtalet.', ks)).toMatchObject([
      { kind: 'uppdrag', responsibleRole: 'kommunstyrelsens ordförande' },
    ]);
  });
});

describe('passives of work a decision leaves with no one named', () => {
  const sn = { body: 'SN', meetingDate: '2027-03-16' };
  const decision = (sentence: string) => `§ 9 Arbetsmarknad\nBeslut\n${sentence}`;

  it('"En kartläggning ska göras för att se …": an action named by its noun, new to the text, is work', () => {
    expect(proposed(decision('En kartläggning ska göras för att se hur resurserna används.'), sn).map((d) => d.title)).toEqual(['Göra en kartläggning för att se hur resurserna används']);
  });

  it('"Bedömningen ska göras utifrån barnets bästa" is a way of working, no work', () => {
    expect(proposed(decision('Bedömningen ska göras utifrån barnets bästa.'), sn)).toEqual([]);
  });

  it('"Det ska utredas hur …" has no subject: the work is what follows the verb', () => {
    expect(proposed(decision('Det ska utredas hur samarbetet med föreningarna kan utvecklas.'), sn).map((d) => d.title)).toEqual(['Utreda hur samarbetet med föreningarna kan utvecklas']);
  });

  it('"… kan utvecklas samt tas fram förslag till en modell": the further passive joined by "samt" is work of its own', () => {
    expect(proposed(decision('Det ska utredas hur samarbetet kan utvecklas samt tas fram förslag till en finansieringsmodell.'), sn).map((d) => d.title)).toEqual([
      'Utreda hur samarbetet kan utvecklas',
      'Ta fram förslag till en finansieringsmodell',
    ]);
  });

  it('"Fyra frågor ska utredas vidare" followed by the questions one by one: the questions are the items', () => {
    const text = decision('Nämnden beslutade att fyra frågor ska utredas vidare. En kartläggning ska göras av resurserna. Det ska utredas hur samarbetet kan utvecklas. Det ska även tas fram ett nytt mål för hemtjänsten.');
    expect(proposed(text, sn).map((d) => d.title)).toEqual(['Göra en kartläggning av resurserna', 'Utreda hur samarbetet kan utvecklas', 'Ta fram ett nytt mål för hemtjänsten']);
  });

  it('"Två frågor ska utredas vidare" with nothing more told is one item', () => {
    expect(proposed(decision('Två frågor ska utredas vidare.'), sn).map((d) => d.title)).toEqual(['Utreda två frågor vidare']);
  });

  it('"två förvaringsboxar ska installeras" is work', () => {
    expect(proposed(decision('Två förvaringsboxar för batterier ska installeras vid stationen.'), sn).map((d) => d.title)).toEqual(['Installera två förvaringsboxar för batterier vid stationen']);
  });
});

describe('a matter handed on to a body or a group', () => {
  it('"KF överlåter åt samhällsbyggnadsnämnden att besluta i ärendet" is an uppdrag for the committee, titled by the matter its point names', () => {
    const [d, ...rest] = proposed('Fullmäktige i korthet\n\n6. Medborgarförslag om ett övergångsställe vid skolan.\nKF överlåter åt samhällsbyggnadsnämnden att besluta i ärendet.', kf);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'uppdrag', responsibleRole: 'samhällsbyggnadsnämnden', title: 'Besluta i ärendet – Medborgarförslag om ett övergångsställe vid skolan' });
  });

  it('"Hänskjuta rapporten med förslag till åtgärder till budgetberedningen" is an uppdrag for the budget group', () => {
    const text = 'Axplock från kommunstyrelsen\n\nKommunstyrelsen fattade beslut om att:\n• Godkänna rapporten om lokalbehov.\n• Hänskjuta rapporten med förslag till åtgärder till budgetberedningen.';
    expect(proposed(text, ks)).toMatchObject([{ kind: 'uppdrag', responsibleRole: 'budgetberedningen', title: 'Bereda rapporten med förslag till åtgärder' }]);
  });

  it('"Svaret blir att ärendet hänskjuts till samverkansgruppen för hållbar utveckling" names the group in full', () => {
    expect(proposed('Fullmäktige i korthet\n\n12. Svaret blir att ärendet hänskjuts till samverkansgruppen för hållbar utveckling och miljö.', kf)).toMatchObject([
      { kind: 'uppdrag', responsibleRole: 'samverkansgruppen för hållbar utveckling och miljö' },
    ]);
  });

  it('"KF skickade ärendet vidare till flera nämnder" is work with no one in particular named', () => {
    const [d] = proposed('Fullmäktige i korthet\n\n9. Medborgarförslag om ett innovationscentrum.\nKF skickade ärendet vidare till flera nämnder.', kf);
    expect(d).toMatchObject({ kind: 'uppdrag', flagged: true });
    expect(d?.responsibleRole).toBeUndefined();
  });

  const notWork = [
    'Rapporten överlämnas till kommunstyrelsen.',
    'Rapporten överlämnas till kommunstyrelsen för kännedom.',
    'Länsstyrelsen skickar förslagen på remiss till markägare och berörda kommuner.',
    'Beslutet skickas till socialnämnden.',
  ];
  for (const sentence of notWork) {
    it(`"${sentence}" passes a document on: no work`, () => {
      expect(proposed(`§ 3 Uppföljning\nBeslut\n${sentence}`, { body: 'SN', meetingDate: '2027-03-16' })).toEqual([]);
    });
  }

  it('"Ärendet överlämnas till kommunstyrelsen för beredning" of a motion handed in is the motion\'s referral: one motion item', () => {
    const text = '§91 Motion angående öppen källkod\nÄrendebeskrivning\nPer Ek (S) har lämnat in en motion angående öppen källkod.\nKommunfullmäktiges beslut\n- Ärendet överlämnas till kommunstyrelsen för beredning.';
    expect(proposed(text, kf).map((d) => [d.kind, d.responsibleRole])).toEqual([['motion', 'kommunstyrelsen']]);
  });

  it('"Motionen på remiss till kommunstyrelsen" on a summary page refers a motion raised at the meeting, titled by its own line', () => {
    const [d] = proposed('Fullmäktige i korthet\n\n10. Motion från V om uppföljning av beslut.\nMotionen på remiss till kommunstyrelsen.', kf);
    expect(d).toMatchObject({ kind: 'motion', responsibleRole: 'kommunstyrelsen', due: { raised: '2027-03-22' }, title: 'Besvara motion från V om uppföljning av beslut' });
  });
});

describe('a contract signed by two', () => {
  it('"uppdra till kommunstyrelsens ordförande och kommunchefen att underteckna köpekontraktet" is one act, done together', () => {
    expect(proposed('§ 5 Försäljning av mark\nBeslut\nKommunstyrelsen beslutar att godkänna köpekontraktet samt uppdra till kommunstyrelsens ordförande och kommunchefen att underteckna köpekontraktet.', ks).map((d) => d.responsibleRole)).toEqual([
      'kommunstyrelsens ordförande och kommunchefen',
    ]);
  });

  it('two officials commissioned to make a plan are each responsible', () => {
    expect(proposed('§ 6 Plan\nBeslut\nKommunstyrelsen ger ekonomichefen och personalchefen i uppdrag att ta fram en plan.', ks).map((d) => d.responsibleRole)).toEqual(['ekonomichefen', 'personalchefen']);
  });
});

describe('how things are usually done', () => {
  it('"Ibland bestämmer fullmäktige att en nämnd ska utreda och besluta i ärendet" tells a practice, no decision', () => {
    expect(proposed('Beslutade medborgarförslag\n\nIbland bestämmer fullmäktige att en nämnd ska utreda och besluta i ärendet.', { body: 'KF' })).toEqual([]);
  });
});

describe('motions a summary lists', () => {
  it('"har lämnat in fem motioner som … remitterades till kommunstyrelsen. Motionerna som lämnades in var:" then a bullet list: one motion a line, raised at the meeting', () => {
    const text = 'Referat från kommunfullmäktige\n\nNya motioner\n\nEva Berg (S) har lämnat in tre motioner som togs emot av kommunfullmäktige och remitterades till kommunstyrelsen. Motionerna som lämnades in var:\n\n • motion om att bygga ut Ekskolan\n • fler idrottshallar\n • översyn av föreningsstödet\n\nBorgen\n\nKommunfullmäktige beslutar att gå i borgen för bolaget.';
    expect(proposed(text, kf).map((d) => [d.kind, d.responsibleRole, d.due, d.title])).toEqual([
      ['motion', 'kommunstyrelsen', { raised: '2027-03-22' }, 'Besvara motion om att bygga ut Ekskolan'],
      ['motion', 'kommunstyrelsen', { raised: '2027-03-22' }, 'Besvara motion: fler idrottshallar'],
      ['motion', 'kommunstyrelsen', { raised: '2027-03-22' }, 'Besvara motion: översyn av föreningsstödet'],
    ]);
  });

  it('"Följande motioner besvarades:" with a list raises none: they were raised before', () => {
    const text = 'Referat från kommunfullmäktige\n\nFöljande motioner besvarades:\n\n • motion om att bygga ut Ekskolan\n • motion om fler idrottshallar';
    expect(proposed(text, kf)).toEqual([]);
  });
});

describe('a citizen proposal granted', () => {
  it('"Tekniska nämnden biföll medborgarförslaget … med att förvaringsboxar ska installeras": the committee carries out what it said', () => {
    const text = 'Beslutade medborgarförslag – sammandrag\n\nFörvaringsfack för batterier\n\nTekniska nämnden biföll medborgarförslaget 2027-01-24 § 4 med att förvaringsboxar ska installeras om en lämplig plats kan anvisas.';
    expect(proposed(text).map((d) => [d.kind, d.responsibleRole, d.title])).toEqual([['uppdrag', 'tekniska nämnden', 'Installera förvaringsboxar om en lämplig plats kan anvisas']]);
  });

  it('"Kommunstyrelsen beslutade om att bifalla medborgarförslaget om X" leaves the one who carries it out to be named', () => {
    const [d] = proposed('Referat från kommunstyrelsen\n\nKommunstyrelsen beslutade om att bifalla medborgarförslaget om underhåll av offerstenen i Ekby.', ks);
    expect(d).toMatchObject({ kind: 'uppdrag', title: 'Genomföra medborgarförslaget om underhåll av offerstenen i Ekby', flagged: true });
    expect(d?.responsibleRole).toBeUndefined();
  });

  const notGranted = [
    'Kultur- och fritidsnämnden avslog medborgarförslaget 2027-02-11 § 3 med att en dialog redan har hållits.',
    'Kommunstyrelsen har 2027-02-13 § 46 besvarat medborgarförslaget med att en analys pågår.',
  ];
  for (const sentence of notGranted) {
    it(`"${sentence.slice(0, 60)}…" grants nothing`, () => {
      expect(proposed(`Beslutade medborgarförslag – sammandrag\n\n${sentence}`)).toEqual([]);
    });
  }

  it('a proposal granted years ago, told in a tjänsteskrivelse, is history', () => {
    expect(proposed('Tjänsteskrivelse\nCykelväg\n\nTekniska nämnden biföll 2019 medborgarförslaget om en cykelväg. Vägen är nu byggd.', { body: 'TN' })).toEqual([]);
  });
});

describe('planning commissions and steps a decision takes', () => {
  it('"ge ett planuppdrag för en fördjupad översiktsplan" is the work of drawing up the plan, no one named', () => {
    const [d] = proposed('Referat från kommunstyrelsen\n\nKommunstyrelsen beslutade att ge ett planuppdrag för en fördjupad översiktsplan för Ekby.', ks);
    expect(d).toMatchObject({ kind: 'uppdrag', title: 'Ta fram en fördjupad översiktsplan för Ekby', flagged: true });
    expect(d?.responsibleRole).toBeUndefined();
  });

  it('"ge samhällsbyggnadsnämnden planuppdrag för detaljplan för Norrby 1:2" commissions the committee', () => {
    expect(proposed('§ 3 Plan\nBeslut\nKommunstyrelsen beslutar att ge samhällsbyggnadsnämnden planuppdrag för detaljplan för Norrby 1:2.', ks)).toMatchObject([
      { kind: 'uppdrag', responsibleRole: 'samhällsbyggnadsnämnden', title: 'Ta fram detaljplan för Norrby 1:2' },
    ]);
  });

  it('"… samt att låta planförslaget granskas av samrådskretsen" is a step to carry out, no one named', () => {
    const text = 'Axplock kommunstyrelsen\n\nKommunstyrelsens ledamöter beslutade att godkänna samrådsredogörelsen samt att låta planförslaget granskas av samrådskretsen.';
    expect(proposed(text, ks).map((d) => [d.kind, d.responsibleRole, d.title])).toEqual([['uppdrag', undefined, 'Låta planförslaget granskas av samrådskretsen']]);
  });

  it('"Vi låter förslaget vila" told outside a decision is no step', () => {
    expect(proposed('Tjänsteskrivelse\nPlan\n\nFörvaltningen vill låta förslaget vila till hösten.', { body: 'KS' })).toEqual([]);
  });
});

describe('a summary that mentions motions and interpellations', () => {
  it('is not a motion\'s or an interpellation\'s own text: its commissions and new motions are read', () => {
    const text = 'Kommunfullmäktige i korthet\n\nWifi\nKommunfullmäktige biföll en motion om wifi. Kommunstyrelsen fick i uppdrag att genomföra förslaget.\n\nNy motion\nLena Ek (M) har lämnat in en motion om fler bänkar. Motionen remitterades till kommunstyrelsen.\n\nInterpellation\nPer Sund (S) ställde en interpellation om skolskjutsarna.';
    expect(proposed(text, kf).map((d) => [d.kind, d.responsibleRole])).toEqual([
      ['uppdrag', 'kommunstyrelsen'],
      ['motion', 'kommunstyrelsen'],
    ]);
  });

  it('an interpellation\'s own text asks; its questions are no commissions', () => {
    expect(proposed('Interpellation till kommunstyrelsens ordförande\n\nAvser du att ge förvaltningen i uppdrag att se över skolskjutsarna?', kf)).toEqual([]);
  });
});

describe('a matter sent up to the council', () => {
  it('"överlämna ärendet till kommunfullmäktige för beslut" is the normal course to its decision, no work', () => {
    expect(proposed('§ 61 Riktlinjer\nBeslut\nKommunstyrelsen beslutar att ställa sig bakom riktlinjerna och överlämna ärendet till kommunfullmäktige för beslut.', ks)).toEqual([]);
  });
});

describe('a group set up with a task', () => {
  const rs = { body: 'RS', meetingDate: '2027-09-20' };

  it('"inrätta en politisk arbetsgrupp som har till uppgift att se över …" and, a paragraph later, "Resultatet ska presenteras för regionstyrelsen i maj": one report-back for the group', () => {
    const text = 'Nyhetsnotiser från regionstyrelsen\n\nÖversyn av arvoden\n\nRegionstyrelsen har beslutat att inrätta en politisk arbetsgrupp som har till uppgift att se över reglerna för arvoden.\n\nGruppen består av nio ledamöter. Resultatet ska presenteras för regionstyrelsen i maj 2028.';
    expect(proposed(text, rs).map((d) => [d.kind, d.responsibleRole, d.due, d.title])).toEqual([
      ['aterrapportering', 'en politisk arbetsgrupp', { meeting: { body: 'RS', month: '2028-05' } }, 'Se över reglerna för arvoden'],
    ]);
  });

  it('"En arbetsgrupp inrättas med uppdrag att …" then "Arbetsgruppen ska redovisa sitt uppdrag till regionstyrelsen i april": one item, told by the report-back, titled by the task', () => {
    const text = 'Nyhetsnotiser från regionstyrelsen\n\nPolitisk organisation\n\nEn politisk arbetsgrupp inrättas med uppdrag att göra en översyn av den politiska organisationen. Det har regionstyrelsen beslutat.\n\nGruppen har nio ledamöter.\nArbetsgruppen ska redovisa sitt uppdrag till regionstyrelsen i april 2028.';
    expect(proposed(text, rs).map((d) => [d.kind, d.responsibleRole, d.due, d.title])).toEqual([
      ['aterrapportering', 'arbetsgruppen', { meeting: { body: 'RS', month: '2028-04' } }, 'Göra en översyn av den politiska organisationen'],
    ]);
  });

  it('"tillsätta en arbetsgrupp för översyn av vinterväghållningen" with no task of its own is no item', () => {
    expect(proposed('§ 33 Vinterväghållning\nBeslut\nTekniska nämnden beslutar att tillsätta en arbetsgrupp för översyn av vinterväghållningen.', { body: 'TN', meetingDate: '2027-04-14' })).toEqual([]);
  });
});

describe("a summary's paragraphs under one title line", () => {
  it('tell one decision: a deadline told in the next paragraph joins the commission', () => {
    const text = 'Beslut i korthet\n\nNy skolplan\n\nKommunstyrelsen gav förvaltningen i uppdrag att ta fram en ny skolplan.\n\nPlanen ska vara klar senast den 30 juni 2028.\n\nBudget\n\nPlanen för budgeten ska vara klar senast den 1 oktober 2027.';
    expect(proposed(text, ks).map((d) => [d.responsibleRole, d.due])).toEqual([['förvaltningen', { date: '2028-06-30' }]]);
  });
});

describe('answers of support, opposition or no objection', () => {
  const decision = (sentence: string) => proposed(`§ 5 Remiss om ny vägplan\nBeslut\n${sentence}`, ks);

  for (const sentence of ['Kommunstyrelsen tillstyrker förslaget.', 'Kommunstyrelsen avstyrker Trafikverkets förslag.', 'Kommunstyrelsen har inget att invända mot förslaget.']) {
    it(`"${sentence}" in a decision is an answer to give`, () => {
      expect(decision(sentence)).toMatchObject([{ kind: 'yttrande', responsibleRole: 'kommunstyrelsen' }]);
    });
  }

  it('"Förvaltningen tillstyrker förslaget" in the case description gives no answer', () => {
    expect(proposed('§ 5 Remiss om ny vägplan\nÄrendet\nFörvaltningen tillstyrker förslaget i sin tjänsteskrivelse.\nBeslut\nKommunstyrelsen lägger informationen till handlingarna.', ks)).toEqual([]);
  });
});

describe('"ställa sig bakom" an answer', () => {
  it('"Kommunstyrelsen ställer sig bakom förvaltningens yttrande" gives the answer', () => {
    expect(proposed('§ 5 Remiss om vägplan\nBeslut\nKommunstyrelsen ställer sig bakom förvaltningens yttrande och överlämnar det till Trafikverket.', ks)).toMatchObject([{ kind: 'yttrande' }]);
  });

  it('"Kommunstyrelsen ställer sig bakom Region Skånes handlingsplan" supports a plan: no answer to draft', () => {
    expect(proposed('§ 6 Handlingsplan\nBeslut\nKommunstyrelsen ställer sig bakom Region Skånes handlingsplan och lägger rapporten till handlingarna.', ks)).toEqual([]);
  });
});

describe("a body's own remiss", () => {
  it('"Kommunstyrelsen skickar förslaget på remiss till föreningarna. Synpunkter ska lämnas senast …" in a summary is a remiss the body sends out: no answer it owes', () => {
    const text = 'Beslut i korthet\n\nNy idrottspolicy\nKommunstyrelsen skickar förslaget till idrottspolicy på remiss till föreningarna. Synpunkter ska lämnas senast den 1 mars 2028.';
    expect(proposed(text, ks)).toEqual([]);
  });

  it('"Länsstyrelsen har skickat förslaget på remiss till kommunen. Synpunkter ska lämnas senast …" in minutes is a remiss received', () => {
    const text = '§ 12 Remiss om naturreservat\nÄrendet\nLänsstyrelsen har skickat förslaget på remiss till kommunen. Synpunkter ska ha kommit in till Länsstyrelsen senast den 1 mars 2028.\nBeslut\nKommunstyrelsen beslutar att avge yttrande i enlighet med förvaltningens förslag.';
    expect(proposed(text, ks)).toMatchObject([{ kind: 'yttrande', due: { externalDeadline: '2028-03-01', recipient: 'Länsstyrelsen' } }]);
  });
});
