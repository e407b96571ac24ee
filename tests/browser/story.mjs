// Browser checks of the storyline web page, run by tests/serve_browser.rs:
//   node tests/browser/story.mjs BASE_URL OUT_DIR STORY_ID XSS_STORY_ID
// Exits non-zero (with the reason) when a check fails. Screenshots go to OUT_DIR.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, out, storyId, xssId] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const checks = [];
function check(ok, what) {
  checks.push(what);
  if (!ok) throw new Error(`FAILED: ${what}`);
  console.log(`ok - ${what}`);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  chromiumSandbox: false,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // ---- the story list and the story page, as a reader sees them (desktop) ----
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/`);
  const cards = page.locator('.story-card');
  check(await cards.count() === 2, 'the list shows both stories');
  const counts = await page.locator('.story-card .count').allInnerTexts();
  check(counts.some((c) => /^5 sources$/i.test(c.trim())), `the seed story shows 5 sources (${counts.join(', ')})`);
  await page.screenshot({ path: join(out, 'index-desktop.png'), fullPage: true });

  await page.locator(`a[href="/stories/${storyId}"]`).first().click();
  await page.waitForURL(`**/stories/${storyId}`);
  const sentences = page.locator('.summary .sentence');
  const n = await sentences.count();
  check(n >= 1, `the summary is shown (${n} sentences)`);
  for (let i = 0; i < n; i++) {
    const c = await sentences.nth(i).locator('.cite').count();
    check(c >= 1, `summary sentence ${i + 1} names its sources (${c})`);
  }
  await page.screenshot({ path: join(out, 'story-desktop.png'), fullPage: true });

  // Click the last source of the first sentence: its own sentence appears, highlighted.
  const cite = sentences.first().locator('.cite').last();
  const href = await cite.getAttribute('href');
  const quote = await cite.getAttribute('title');
  const source = (await cite.innerText()).trim();
  await cite.click();
  await page.waitForFunction((h) => location.hash === h, href);
  const target = await page.evaluate(() => {
    const t = document.querySelector(':target');
    if (!t) return null;
    const r = t.getBoundingClientRect();
    const box = t.closest('.text').getBoundingClientRect();
    const card = t.closest('article.source');
    return {
      tag: t.tagName, text: t.textContent, top: r.top, bottom: r.bottom, vh: innerHeight,
      inBox: r.top >= box.top - 1 && r.top < box.bottom,
      outlet: card.querySelector('.outlet').childNodes[0].textContent.trim(),
      background: getComputedStyle(t).backgroundColor,
    };
  });
  check(target && target.tag === 'MARK', `clicking "${source}" targets a marked sentence (${href})`);
  check(target.text === quote, 'the marked sentence is the one the citation names');
  check(target.outlet === source, `it is in ${source}'s article`);
  check(target.top >= 0 && target.top < target.vh && target.inBox, 'it is scrolled into view');
  check(target.background !== 'rgba(0, 0, 0, 0)', `it is highlighted (${target.background})`);
  await page.screenshot({ path: join(out, 'story-cited.png') });
  check(errors.length === 0, `no script errors (${errors.join('; ')})`);
  await ctx.close();

  // ---- phone ----
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const pp = await phone.newPage();
  await pp.goto(`${base}/stories/${storyId}`);
  const overflow = await pp.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  check(overflow <= 0, `no sideways scrolling on a phone (overflow ${overflow}px)`);
  await pp.screenshot({ path: join(out, 'story-phone.png') });
  await pp.goto(`${base}/`);
  await pp.screenshot({ path: join(out, 'index-phone.png') });
  await phone.close();

  // ---- hostile article: nothing runs. The CSP is bypassed so that escaping alone is tested.
  const hostile = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const hp = await hostile.newPage();
  const dialogs = [];
  hp.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  for (const path of ['/', `/stories/${xssId}`]) {
    await hp.goto(`${base}${path}`);
    await hp.waitForTimeout(300);
    const r = await hp.evaluate(() => ({
      pwned: window.__pwned,
      scripts: document.querySelectorAll('script').length,
      handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
      imgs: document.querySelectorAll('img').length,
      text: document.body.innerText,
    }));
    check(r.pwned === undefined, `${path}: no injected code ran`);
    check(r.scripts === 0 && r.handlers === 0 && r.imgs === 0, `${path}: no injected element (${r.scripts} scripts, ${r.handlers} handlers, ${r.imgs} images)`);
    check(r.jsLinks === 0, `${path}: no javascript: link`);
    check(r.text.includes("<script>window.__pwned='title'</script>"), `${path}: the markup shows as text`);
    if (path !== '/') {
      check(r.text.includes('<img src=x onerror='), `${path}: the article's markup shows as text`);
      // Click every link of the hostile article: none runs anything.
      const links = hp.locator('article.source a');
      for (let i = 0; i < await links.count(); i++) {
        const h = await links.nth(i).getAttribute('href');
        if (h && h.startsWith('#')) await links.nth(i).click();
      }
      check(await hp.evaluate(() => window.__pwned) === undefined, `${path}: clicking its links runs nothing`);
      await hp.screenshot({ path: join(out, 'hostile.png'), fullPage: true });
    }
  }
  check(dialogs.length === 0, `no dialog opened (${dialogs.join('; ')})`);
  await hostile.close();
  console.log(`${checks.length} passed, 0 failed`);
} catch (e) {
  console.error(String(e && e.stack || e));
  console.log(`${checks.length - 1} passed, 1 failed`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
