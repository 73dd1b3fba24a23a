import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests run with `npm run test:browser` (which builds first); they say so when skipped. */
export const BROWSER_TESTS_ENABLED = process.env.IVM_BROWSER_TESTS === '1';

export function browserSuiteSkipReason(): string | null {
  if (!BROWSER_TESTS_ENABLED) return 'browser tests run with `npm run test:browser`';
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  return null;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // A closed network refuses Chromium's background connections: keep them off. Playwright gives
    // each launch a fresh profile of its own.
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/** A 1280×800 page context that may read and write the clipboard (the Comm Log copy). */
export async function newStaffContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  return context;
}
