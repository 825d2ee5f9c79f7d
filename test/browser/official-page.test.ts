import { describe, expect, inject, it } from 'vitest';
import { createItem } from '../../shared/application/items/service';
import { mailTo } from '../support/isolated';
import { brokenWords, browserWorld, printScreenshot, screenshot, seriousViolations } from '../support/browser';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const kim = { name: 'Kim Berg', email: `kim.berg.${process.pid}.${Date.now()}@kommun.example.se` };

const world = browserWorld();

const register = async (title: string, dueDate: string) => {
  world.api.deps.at('2027-06-04T09:00:00+02:00');
  return (
    await createItem(world.api.deps, clerk, {
      kind: 'uppdrag',
      title,
      caseNumber: 'KS 2027/88',
      decision: { body: 'KS', date: '2027-05-10', paragraph: '§ 88' },
      responsible: kim,
      unit: 'Kommunledningskontoret',
      due: { date: dueDate },
    } as never)
  ).item;
};

describe('an official acts from the reminder in a real browser', () => {
  it('opens the link from the email, marks one item done and asks for more time on another', async () => {
    const done = await register('Ta fram riktlinjer för skolskjuts', '2027-06-08');
    const extend = await register('Utreda fritidsgårdarnas öppettider', '2027-06-14');
    await world.api.runReminders('2027-06-07T07:00:00+02:00');
    const email = (await mailTo(kim.email)).at(-1)!;
    const link = /(http:\/\/localhost:\d+\/p\/[^\s#]+)/.exec(email.body.text ?? '')![1]!;

    const page = await world.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(link);
    expect(await page.locator('h1').textContent()).toBe('Mina ärenden');
    expect(await page.locator('ol.items > li h2').allTextContents()).toEqual(['Ta fram riktlinjer för skolskjuts', 'Utreda fritidsgårdarnas öppettider']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'mina-arenden-phone');

    const first = page.locator(`#uppdrag-${done.id}`);
    await first.getByText('Markera som klart', { exact: true }).first().click();
    await first.getByLabel('Vad gjordes?').fill('Återrapporterad KS 2027-06-10 § 101');
    await first.getByRole('button', { name: 'Markera som klart' }).click();
    await page.waitForURL(/\?m=done/);
    expect(await page.getByRole('status').textContent()).toContain('Ärendet är markerat som klart');

    const second = page.locator(`#uppdrag-${extend.id}`);
    await second.getByText('Begär förlängning').click();
    await second.getByLabel('Föreslaget nytt datum').fill('2027-08-31');
    await second.getByLabel('Skäl').fill('Väntar på yttrande från SN');
    await second.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.waitForURL(/\?m=extension.*#meddelande$/);
    // On the phone the page opens on the confirmation, not scrolled past it to the item.
    const confirmation = page.getByRole('status');
    const box = await confirmation.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    expect(await confirmation.textContent()).toContain('Din begäran om förlängning är skickad till registratorn.');
    await screenshot(page, 'mina-arenden-phone-confirmation', { fullPage: false });
    await confirmation.getByRole('link', { name: 'Till ärendet Utreda fritidsgårdarnas öppettider' }).click();
    await page.waitForURL(new RegExp(`#uppdrag-${extend.id}$`));
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await seriousViolations(page)).toEqual([]);
    const shot = await screenshot(page, 'mina-arenden-after-actions');

    expect((await world.api.deps.items.get(done.id))?.status).toBe('done');
    expect((await world.api.deps.items.history(done.id)).at(-1)).toMatchObject({ action: 'done', by: kim.email, via: 'e-postlänk' });
    expect((await world.api.deps.items.get(extend.id))?.extensionRequest).toMatchObject({ date: '2027-08-31', reason: 'Väntar på yttrande från SN' });
    expect(await page.locator('ol.items > li h2').allTextContents()).toEqual(['Utreda fritidsgårdarnas öppettider']);

    // The next run: nothing more about the done item; the registrar's email lists the request.
    const next = await world.api.runReminders('2027-06-08T07:00:00+02:00');
    expect(next.sent.filter((e) => e.itemIds.includes(done.id))).toEqual([]);
    expect((await mailTo(clerk.who)).at(-1)?.body.text).toContain('begär förlängning till tisdag 31 augusti 2027');
    expect(shot).toMatch(/test-output\/screenshots\/mina-arenden-after-actions\.png$/);
  });

  it('a refused request for more time on a 390 px phone: the page opens on what to correct, the message beside the date, the reason kept', async () => {
    const item = await register('Utreda badplatsernas tillgänglighet', '2027-06-14');
    await world.api.runReminders('2027-06-07T07:00:00+02:00');
    const link = /(http:\/\/localhost:\d+\/p\/[^\s#]+)/.exec((await mailTo(kim.email)).at(-1)!.body.text ?? '')![1]!;
    const reason = 'Väntar på yttrande från socialnämnden, som behandlar remissen först i augusti.';
    const page = await world.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(link);

    const card = page.locator(`#uppdrag-${item.id}`);
    await card.getByText('Begär förlängning').click();
    await card.getByLabel('Föreslaget nytt datum').fill('2027-06-10');
    await card.getByLabel('Skäl').fill(reason);
    const [response] = await Promise.all([page.waitForResponse(/\/extension$/), card.getByRole('button', { name: 'Skicka begäran' }).click()]);
    await page.waitForLoadState();

    expect(response.status()).toBe(400);
    const after = page.locator(`#uppdrag-${item.id}`);
    const date = after.getByLabel('Föreslaget nytt datum');
    expect(await page.locator(`#datum-${item.id}-fel`).textContent()).toBe('Föreslå ett datum efter nuvarande tidsfrist, måndag 14 juni 2027.');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toContain(`datum-${item.id}-fel`);
    expect(await date.inputValue()).toBe('2027-06-10');
    expect(await after.getByLabel('Skäl').inputValue()).toBe(reason);
    // The page opens on the summary of what to correct (autofocus, no script), in view on the phone.
    const summary = after.locator('.error-summary');
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await summary.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'mina-arenden-phone-refused-extension', { fullPage: false });

    await summary.getByRole('link', { name: /^Föreslaget nytt datum:/ }).click();
    expect(await date.evaluate((el) => el === document.activeElement)).toBe(true);
    await date.fill('2027-08-31');
    await after.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.waitForURL(/\?m=extension/);
    expect((await world.api.deps.items.get(item.id))?.extensionRequest).toMatchObject({ date: '2027-08-31', reason });
  });

  it('prints without breaking a word mid-word, and says "Markera som klart" as the emails do', async () => {
    await register('Redovisa Socialförvaltningens och Samhällsbyggnadsförvaltningens samverkansöverenskommelse', '2027-06-21');
    await world.api.runReminders('2027-06-14T07:00:00+02:00');
    const email = (await mailTo(kim.email)).at(-1)!;
    const link = /(http:\/\/localhost:\d+\/p\/[^\s#]+)/.exec(email.body.text ?? '')![1]!;
    const page = await world.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(link);

    expect(await page.locator('summary', { hasText: 'Markera som' }).first().textContent()).toBe('Markera som klart');
    expect(email.body.text).toContain('markera som klart');
    expect(await brokenWords(page, ['Socialförvaltningens', 'Samhällsbyggnadsförvaltningens', 'samverkansöverenskommelse'])).toEqual([]);
    await screenshot(page, 'mina-arenden-phone-long-words');
    await printScreenshot(page, 'mina-arenden-print');
    expect(await brokenWords(page, ['Socialförvaltningens', 'Samhällsbyggnadsförvaltningens', 'samverkansöverenskommelse'])).toEqual([]);
  });

  it('a link clicked in the local web inbox opens the page in a tab of its own: the inbox shows mail in a frame, which the page refuses', async () => {
    const ada = { name: 'Ada Lind', email: `ada.lind.${process.pid}.${Date.now()}@kommun.example.se` };
    world.api.deps.at('2027-06-04T09:00:00+02:00');
    await createItem(world.api.deps, clerk, {
      kind: 'uppdrag', title: 'Inventera konstsamlingen', caseNumber: 'KFN 2027/9', decision: { body: 'KFN', date: '2027-05-12', paragraph: '§ 9' },
      responsible: ada, unit: 'Kulturförvaltningen', due: { date: '2027-06-14' },
    } as never);
    await world.api.runReminders('2027-06-07T07:00:00+02:00');
    const { messageId } = (await mailTo(ada.email)).at(-1)!;

    const inbox = await world.newPage({ viewport: { width: 1280, height: 900 } });
    await inbox.goto(`${inject('sesEndpoint')}/`);
    const toggle = inbox.locator(`button[onclick="toggle('${messageId}-html')"]`);
    await toggle.waitFor();
    // The inbox polls every second and puts each new email on top, and the other test files' mail
    // keeps arriving: stopped, so the frame does not move down under the click.
    await inbox.evaluate(() => {
      for (let id = 1; id < 1000; id++) clearInterval(id);
    });
    // A refresh already under way may still put mail on top (it failed the click once, under load in
    // the full suite): wait until the email has stayed put for longer than a refresh takes.
    await expect
      .poll(async () => {
        const before = await toggle.boundingBox();
        await inbox.waitForTimeout(1_200);
        return JSON.stringify(await toggle.boundingBox()) === JSON.stringify(before);
      }, { timeout: 20_000 })
      .toBe(true);
    await toggle.click();
    const [tab] = await Promise.all([
      inbox.context().waitForEvent('page', { timeout: 10_000 }),
      inbox.frameLocator(`iframe[id="${messageId}-html-iframe"]`).getByRole('link', { name: /^Mina ärenden/ }).click(),
    ]);
    await tab.waitForLoadState();

    expect(tab.url()).toMatch(/\/p\/[^/]+$/);
    expect(await tab.locator('h1').textContent()).toBe('Mina ärenden');
    expect(await tab.locator('ol.items > li h2').allTextContents()).toEqual(['Inventera konstsamlingen']);
    await screenshot(inbox, 'local-inbox', { fullPage: false });
  });

  it('an altered link shows a Swedish page with no data', async () => {
    await register('Hemligt ärende', '2027-06-14');
    await world.api.runReminders('2027-06-07T07:00:00+02:00');
    const link = /(http:\/\/localhost:\d+\/p\/[^\s#]+)/.exec((await mailTo(kim.email)).at(-1)!.body.text ?? '')![1]!;

    const page = await world.newPage();
    const response = await page.goto(link.replace(/.{5}$/, 'xxxxx'));

    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Länken fungerar inte');
    expect(await page.content()).not.toContain('Hemligt ärende');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
