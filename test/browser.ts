/**
 * Headless Chromium for the tests that look at pages: Debian's browser driven
 * by playwright-core, never a downloaded one. Without /usr/bin/chromium the
 * tests are skipped, unless REQUIRE_BROWSER is set (as in CI).
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);
if (!HAVE_BROWSER && process.env.REQUIRE_BROWSER) throw new Error(`${CHROMIUM} not found, and REQUIRE_BROWSER is set`);

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records every request leaving the machine and every script error. */
export async function watchedPage(browser: Browser, viewport = { width: 1100, height: 900 }) {
  const page: Page = await browser.newPage({ viewport, acceptDownloads: true });
  const network: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) network.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, network, errors };
}
