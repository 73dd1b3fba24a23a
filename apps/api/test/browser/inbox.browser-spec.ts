import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SEEDED_QUEUES } from '../../src/database/migrations/seed-queues';
import { BuiltApp } from './support/built-app';
import { browserSuiteSkipReason, launchChromium, newStaffContext } from './support/chromium';

const [SAC] = SEEDED_QUEUES;
const DOCS = join(__dirname, '..', '..', '..', '..', 'docs');
jest.setTimeout(120_000);
const skip = browserSuiteSkipReason();
if (skip) console.warn(`Skipping the browser tests: ${skip}.`);

/** The conversation list (not the thread, whose texts are list items too). */
const conversationList = (page: Page) => page.locator('section[aria-label^="Conversations in"]');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('SANDI username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByLabel('Password').press('Enter');
  await page.locator('section[aria-label^="Conversations in"]').first().waitFor();
}

// The seed walk-through in real Chromium, against the app as `npm start` runs it, with the Twilio
// provider pointed at a fake Twilio on loopback.
(skip ? describe.skip : describe)('the staff inbox in Chromium', () => {
  let app: BuiltApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await BuiltApp.start('twilio');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('should show a new text live, send the reply, show it delivered, copy the transcript, archive and show archived', async () => {
    const context = await newStaffContext(browser, app.url);
    const page = await context.newPage();
    await signIn(page, 'sac.staff');
    await expect(page.getByRole('button', { name: /SAC/ }).first().isVisible()).resolves.toBe(true);

    // Steps 1–4 of the seed's example: the client texts Hi, gets the prompt, says Yes, gets the welcome.
    const phone = '+12175550108';
    await app.textFromPhone(phone, SAC.phoneNumber, 'Hi');
    await app.textFromPhone(phone, SAC.phoneNumber, 'Yes');
    await app.textFromPhone(phone, SAC.phoneNumber, 'Is Thunder ready to go home?');
    // It arrives without a reload: the list is live.
    const item = conversationList(page).getByRole('listitem').filter({ hasText: "Kevin O'Brien" }).filter({ hasText: 'Is Thunder ready to go home?' });
    await item.waitFor({ timeout: 15_000 });

    await item.click();
    const thread = page.locator('section[aria-label^="Conversation with"]');
    await thread.getByText('Is Thunder ready to go home?').waitFor();
    const reply = page.getByRole('textbox', { name: 'Reply to client' });
    await reply.fill('Yes, he can go home after 3 pm.');
    await reply.press('Enter');
    await thread.getByText('Yes, he can go home after 3 pm.').waitFor();

    const sent = await waitFor(() => app.fakeTwilio!.created.find((m) => m.body === 'Yes, he can go home after 3 pm.'));
    expect(sent).toMatchObject({ from: SAC.phoneNumber, to: phone });
    await app.fakeTwilio!.deliver(sent.sid, 'delivered');
    await thread.getByText(/delivered/i).last().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(DOCS, 'inbox.png') });

    await page.getByRole('button', { name: 'Copy conversation for the SANDI Comm Log' }).click();
    await page.getByText('Copied — paste it into the SANDI Comm Log').waitFor();
    // A string, since this file is compiled without the DOM's types.
    const clipboard = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(clipboard).toContain("Client: Kevin O'Brien (SANDI #");
    expect(clipboard).toContain('- Sam Carter: Yes, he can go home after 3 pm.');

    await page.getByRole('button', { name: 'Archive Conversation' }).click();
    await conversationList(page).getByRole('listitem').filter({ hasText: "Kevin O'Brien" }).waitFor({ state: 'detached' });
    await page.getByLabel('Show archived').check();
    await conversationList(page).getByRole('listitem').filter({ hasText: "Kevin O'Brien" }).waitFor();
    await context.close();
  });

  it('should show neither Block Client nor Settings to staff, and let a supervisor block', async () => {
    const phone = '+12175550109';
    await app.textFromPhone(phone, SAC.phoneNumber, 'YES');
    await app.textFromPhone(phone, SAC.phoneNumber, 'Hello from the goats');

    const staff = await newStaffContext(browser, app.url);
    const staffPage = await staff.newPage();
    await signIn(staffPage, 'sac.staff');
    await conversationList(staffPage).getByRole('listitem').filter({ hasText: 'Aisha Patel' }).click();
    await staffPage.getByText('Hello from the goats').waitFor();
    await expect(staffPage.getByRole('button', { name: 'Block Client' }).count()).resolves.toBe(0);
    await expect(staffPage.getByRole('button', { name: 'Settings' }).count()).resolves.toBe(0);
    await staff.close();

    const supervisor = await newStaffContext(browser, app.url);
    const page = await supervisor.newPage();
    await signIn(page, 'sac.supervisor');
    await expect(page.getByRole('button', { name: 'Settings' }).count()).resolves.toBe(1);
    await conversationList(page).getByRole('listitem').filter({ hasText: 'Aisha Patel' }).click();
    await page.getByRole('button', { name: 'Block Client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Block Client' });
    await dialog.getByText('See your supervisor or manager before using this feature').waitFor();
    await dialog.getByLabel('Reason for blocking').fill('Testing the block in the browser');
    await dialog.getByRole('button', { name: 'Block Client' }).click();
    await conversationList(page).getByRole('listitem').filter({ hasText: 'Aisha Patel' }).waitFor({ state: 'detached' });
    await supervisor.close();
  });

  it('should render a text with markup as text and run nothing', async () => {
    const phone = '+12175550110';
    await app.textFromPhone(phone, SAC.phoneNumber, 'YES');
    await app.textFromPhone(phone, SAC.phoneNumber, '<img src=x onerror=alert(1)>');
    const context = await newStaffContext(browser, app.url);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await signIn(page, 'sac.staff');
    await conversationList(page).getByRole('listitem').filter({ hasText: 'Tom Anderson' }).click();
    await page.locator('section[aria-label^="Conversation with"]').getByText('<img src=x onerror=alert(1)>').waitFor();
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

(skip ? describe.skip : describe)('the phone simulator in Chromium', () => {
  let app: BuiltApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await BuiltApp.start('simulator');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('should let a trainer text the SAC number as a client and see IVM ask for YES, then welcome them', async () => {
    const context = await newStaffContext(browser, app.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByText('Training mode — no real texts are sent').first().waitFor();
    await signIn(page, 'sac.staff');
    await page.getByRole('link', { name: 'Phone simulator (training mode)' }).or(page.getByRole('button', { name: 'Phone simulator (training mode)' })).first().click();
    await page.getByText('Training mode — no real texts are sent').first().waitFor();
    await page.getByLabel('Client phone').fill('(217) 555-0103');
    await page.getByRole('radio', { name: /^SAC · / }).check();
    const box = page.getByLabel('Text as the client');
    await box.fill('Hi');
    await box.press('Enter');
    const phonePanel = page.getByLabel("The client's phone");
    await phonePanel.getByText(/reply YES/).waitFor({ timeout: 15_000 });
    await box.fill('YES');
    await box.press('Enter');
    await phonePanel.getByText(/you are now subscribed/i).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(DOCS, 'phone-simulator.png') });

    await page.goto('/');
    await conversationList(page).getByRole('listitem').filter({ hasText: 'María González' }).waitFor({ timeout: 15_000 });
    await context.close();
  });
});

async function waitFor<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
