// @ts-check
// Draws the site's social card (og:image) from website/social-card/card.html
// into website/static/img/social-card.png, at the 1200×630 that link
// previews use, in Debian's Chromium. The PNG is committed; run this after
// editing the card: `node website/build/social-card.mjs`.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const SOCIAL_CARD = 'website/static/img/social-card.png';
export const SOCIAL_CARD_SIZE = /** @type {const} */ ({ width: 1200, height: 630 });

const root = fileURLToPath(new URL('../../', import.meta.url));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage({ viewport: SOCIAL_CARD_SIZE, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(`${root}website/social-card/card.html`).href);
  await page.screenshot({ path: `${root}${SOCIAL_CARD}`, type: 'png' });
} finally {
  await browser.close();
}
console.log(`Wrote ${SOCIAL_CARD}.`);
