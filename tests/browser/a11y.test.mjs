// The accessible view (issue 22): axe-core's WCAG 2.0/2.1/2.2 A and AA rules find nothing in the
// opening view, the accessible view, presentation mode and the embed layout; a visitor with the
// keyboard alone does the first-minute tasks through the view; the view's headings, labels and
// roles (an ARIA snapshot); the view and the canvas in sync both ways; a bad date is said with
// what to type instead; the view's script is not loaded before the view opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { start, openApp, settle, screenshot, assertCoreFigures, ROOT } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const read = (page, fn, ...args) => page.evaluate(fn, ...args);  // reading and asserting only
const focused = (page) => read(page, () => document.activeElement ? document.activeElement.id : '');

async function axe(page, what) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const lines = r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(lines, [], `${what}: axe-core violations`);
  assert.ok(r.passes.length > 10, `${what}: axe-core ran (${r.passes.length} rules passed)`);
}
// Opens the view as a keyboard user would: from the page's start, Tab to the skip link, Enter.
async function openViewByKeys(page) {
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'textview-open', 'the skip link is the first Tab stop');
  assert.equal(await read(page, () => document.activeElement.textContent), 'Skip to the accessible view');
  assert.ok(await read(page, () => document.activeElement.getBoundingClientRect().top >= 0), 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  await read(page, () => window.techmap.a11yView);
  assert.equal(await focused(page), 'textview-close', 'the view opens on its first control');
}
// Tab (forward) until the control with this id has focus, as a keyboard user reads the page.
async function tabTo(page, id, { max = 300 } = {}) {
  // backwards when the control comes before the focused one in the page's order
  const back = await read(page, (to) => {
    const a = document.activeElement, b = document.getElementById(to);
    return !!(a && b && a !== b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING));
  }, id);
  for (let i = 0; i < max; i++) {
    if (await focused(page) === id) return i;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`no Tab stop '${id}' within ${max} presses (focus on '${await focused(page)}')`);
}
const nextFrame = (page) => read(page, () => new Promise((r) => requestAnimationFrame(() => r())));
const waitStatus = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('a11y-status').textContent), re.source, { timeout: 5000 });

test('axe-core: no WCAG A/AA violation in the opening view, the accessible view, presentation mode and the embed', async () => {
  const opening = await openApp(env, { bare: true, width: 1280, height: 720 });
  try {
    await axe(opening.page, 'the opening view');
    await openViewByKeys(opening.page);
    await settle(opening.page);
    await axe(opening.page, 'the accessible view');
    // with a filter typed, an input not found and a bad date on screen (the error states)
    await opening.page.fill('#a11y-filter', 'land');
    await opening.page.fill('#a11y-node', 'no such input');
    await opening.page.press('#a11y-node', 'Enter');
    await opening.page.fill('#a11y-date', '2017-03-01');
    await opening.page.press('#a11y-date', 'Enter');
    assert.equal(await read(opening.page, () => document.getElementById('a11y-date').getAttribute('aria-invalid')), 'true');
    await axe(opening.page, 'the accessible view with errors shown');
    await opening.page.keyboard.press('Escape');
    await read(opening.page, () => window.techmap.action('mode:presentation'));
    await settle(opening.page);
    assert.equal(await read(opening.page, () => window.techmap.status().mode), 'presentation');
    await axe(opening.page, 'presentation mode');
    assert.deepEqual(opening.errors, []);
  } finally { await opening.context.close(); }
  const embed = await openApp(env, { hash: '#v1&m=JPN,NLD,USA&n=N20&mode=embed', width: 800, height: 450 });
  try {
    assert.equal(await read(embed.page, () => window.techmap.status().mode), 'embed');
    await axe(embed.page, 'the embed layout');
    assert.deepEqual(embed.errors, []);
  } finally { await embed.context.close(); }
});

test('keyboard only: find an input, build a group of three, date and controls, the story to rare earths, copy the link', async () => {
  const { page, context, errors } = await openApp(env, { bare: true, width: 1280, height: 720 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
  try {
    await openViewByKeys(page);
    await settle(page);
    // find an input by name: part of it, then Enter
    await tabTo(page, 'a11y-node');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('photoresist');
    await page.keyboard.press('Enter');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).node, 'N31');
    assert.equal(await read(page, () => document.getElementById('a11y-node').value), 'Photoresists');
    await waitStatus(page, /^Input: Photoresists\./);
    // a group of three with a small country: empty the alliance, then find and check each
    await tabTo(page, 'a11y-clear');
    await page.keyboard.press('Enter');
    await nextFrame(page);
    assert.deepEqual((await read(page, () => window.techmap.scenario())).members, []);
    await page.waitForTimeout(700);  // the removal's announcement is made
    // every text the live region takes from here on
    await read(page, () => {
      window.announced = [];
      new MutationObserver(() => window.announced.push(document.getElementById('a11y-status').textContent))
        .observe(document.getElementById('a11y-status'), { childList: true, characterData: true, subtree: true });
    });
    for (const [typed, iso] of [['Nether', 'NLD'], ['Japan', 'JPN'], ['Singap', 'SGP']]) {
      await tabTo(page, 'a11y-filter');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), `a11y-m-${iso}`, `Tab from the filter reaches ${iso}'s box`);
      await page.keyboard.press('Space');
      await nextFrame(page);
      assert.ok((await read(page, () => window.techmap.scenario())).members.includes(iso), `${iso} is a member`);
    }
    assert.deepEqual((await read(page, () => window.techmap.scenario())).members, ['JPN', 'NLD', 'SGP']);
    await waitStatus(page, /Singapore added to the alliance\./);
    // 18 letters typed in the filter and three boxes checked: at most one announcement per change, none per keystroke
    const announced = await read(page, () => window.announced);
    assert.ok(announced.length >= 1 && announced.length <= 3, `announcements: ${JSON.stringify(announced)}`);
    assert.equal(announced.filter((a) => /Singapore added/.test(a)).length, 1, 'the last change is announced once');
    for (const a of announced) assert.doesNotMatch(a, /match/, 'the filter\'s count of matches is not announced');
    // the date, typed as the date field's segments (month, day, year in this locale), then Enter
    await tabTo(page, 'a11y-date');
    await page.keyboard.type('09012023');
    await page.keyboard.press('Enter');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).date, '2023-09-01');
    // what is denied: the members' controls in force (the select's next choice)
    await tabTo(page, 'a11y-deny-mode');
    await page.keyboard.press('ArrowDown');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).denyMode, 'controls');
    await waitStatus(page, /Denied: The members' controls in force on the date\./);
    await settle(page);
    // the figures shown are the core's: the page's against the native core, the view's against the page's
    const f = await assertCoreFigures(page, 'after the keyboard visitor built the scenario');
    assert.deepEqual(f.scenario.members, ['JPN', 'NLD', 'SGP']);
    const shown = await read(page, () => ({
      title: document.getElementById('a11y-title').textContent, sentence: document.getElementById('a11y-sentence').textContent,
      facts: [...document.querySelectorAll('#a11y-facts li')].map((li) => li.textContent),
      rows: Object.fromEntries([...document.querySelectorAll('#figures-table tbody tr')].map((r) => [r.firstElementChild.textContent, r.children[1].textContent])),
      measures: document.getElementById('a11y-measures').textContent,
    }));
    assert.equal(shown.title, f.headline.title);
    assert.equal(shown.sentence, f.headline.sentence);
    assert.ok(shown.facts.some((x) => x.includes(`holds ${f.summary.chokePoints} choke points among ${f.summary.nodesWithShares} inputs`)), shown.facts.join(' | '));
    const r = f.summary.targetAccessToOutputs;
    assert.ok(shown.facts.some((x) => x.includes(`${r[0].toFixed(1)} to ${r[1].toFixed(1)}%`) || x.includes(`${r[0].toFixed(1)}% of world`)), shown.facts.join(' | '));
    const resist = f.nodes.find((n) => n.id === 'N31');
    const share = resist.allianceShare[0] === resist.allianceShare[1] ? `${resist.allianceShare[0].toFixed(1)}%` : `${resist.allianceShare[0].toFixed(1)}–${resist.allianceShare[1].toFixed(1)}%`;
    assert.equal(shown.rows.Photoresists, share);
    // the measures in force on 1 Sep 2023: Japan's and the Netherlands' tool controls, not the US's (not a member)
    assert.match(shown.measures, /Controls in force issued by members against China/);
    assert.match(shown.measures, /Japanese licence for 23 chip-making tool items \(July 2023\)/);
    assert.doesNotMatch(shown.measures, /US rules widened \(October 2023\)/);
    await screenshot(page, 'a11y-keyboard-built');
    // the story: its first step starts it, the rare-earth step is a few Tabs on
    await tabTo(page, 'a11y-steps-1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.techmap.story().step === 1, null, { timeout: 5000 });
    const rare = await read(page, () => window.techmap.story().steps.findIndex((s) => /^Rare earths/.test(s.title)) + 1);
    assert.ok(rare > 1, 'the story has a rare-earth step');
    await tabTo(page, `a11y-steps-${rare}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.techmap.story().step === n, rare, { timeout: 5000 });
    await settle(page);
    assert.equal((await read(page, () => window.techmap.scenario())).domain, 'rare_earths');
    await page.waitForFunction((n) => document.querySelector(`#a11y-steps-${n}`).getAttribute('aria-current') === 'step', rare, { timeout: 3000 });
    assert.equal(await read(page, () => document.getElementById('a11y-domain').value), 'rare_earths', 'the view follows the story');
    await assertCoreFigures(page, 'the rare-earth step');
    // copy the link
    await tabTo(page, 'a11y-copy-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /The link is on the clipboard/.test(document.getElementById('notice-text').textContent), null, { timeout: 5000 });
    const copied = await read(page, () => navigator.clipboard.readText());
    assert.ok(copied.startsWith(env.url), copied);
    const link = await read(page, () => window.techmap.link());
    assert.match(copied, /d=rare_earths/);
    assert.ok(copied.includes(link.replace(/&dv=.*$/, '').slice(0, 30)), `${copied} holds the view's link ${link}`);
    // the figures as CSV and the map as PNG, from the view's buttons
    await tabTo(page, 'a11y-csv');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(csv.suggestedFilename(), /^techmap-figures-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvText = fs.readFileSync(await csv.path(), 'utf8');
    assert.equal(csvText, await read(page, () => window.techmap.figuresCsv()), 'the CSV is the core\'s');
    await tabTo(page, 'a11y-png');
    const [png] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.keyboard.press('Enter')]);
    assert.match(png.suggestedFilename(), /^techmap-\d{4}-\d{2}-\d{2}\.png$/);
    assert.deepEqual([...fs.readFileSync(await png.path()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
    await screenshot(page, 'a11y-keyboard-story');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test("the view's headings, labels and roles (ARIA snapshot)", async () => {
  const { page, context, errors } = await openApp(env, { hash: '#v1&m=JPN,NLD,USA&n=N20&date=2023-09-01&dm=controls', width: 1280, height: 720 });
  try {
    await openViewByKeys(page);
    await settle(page);
    const snap = await page.locator('#textview').ariaSnapshot();
    // every heading, every labelled field with its role, in the page's order
    const expected = [
      '- main "Techno-alliance map: the accessible view"',
      '- heading "Techno-alliance map: the accessible view" [level=1]',
      '- button "Close the accessible view (Escape)"',
      '- status',
      '- heading "What the map shows" [level=2]',
      '- heading "EUV lithography tools: the Netherlands makes 100% of world supply (2025)" [level=3]',
      '- heading "Build the scenario" [level=2]',
      '- group "The alliance"',
      '- combobox "Group of countries (membership as of the date)"',
      '- button "Remove all members"',
      '- group "Members: 3"',
      '- searchbox "Find a country to add or remove"',
      '- checkbox "Japan" [checked]',
      '- checkbox "Netherlands" [checked]',
      '- checkbox "United States" [checked]',
      '- combobox "Target (the rival denied)"',
      '- combobox "Technology domain"',
      '- combobox "Input (type part of its name, then Enter)": EUV lithography tools',
      '- group "Date and what is denied"',
      '- textbox "Date the controls are read on"',
      '- button "Today"',
      `- combobox "What the target is denied"`,
      `- combobox "What the target's retaliation cuts"`,
      '- group "Policy"',
      '- spinbutton "Control threshold (percent of world supply)": "80"',
      '- checkbox "Deny the target" [checked]',
      '- checkbox "The target retaliates (cuts the alliance off)" [checked]',
      '- heading "Measures in force on the date" [level=2]',
      '- heading "Controls in force issued by members against China" [level=3]',
      '- heading "The guided story" [level=2]',
      '- button "Step 1: Three countries make the tools for the most advanced chips"',
      '- heading "Share and export" [level=2]',
      '- button "Copy the link to this view"',
      '- button "Download the figures (CSV)"',
      '- button "Download a picture of the map (PNG)"',
      '- heading "The scenario in words" [level=2]',
      '- table "Figures of the scenario',
    ];
    const lines = snap.split('\n').map((l) => l.trim().replace(/^- '(.*)':?$/, '- $1').replace(/:$/, ''));
    let at = -1;
    for (const want of expected) {
      const i = lines.findIndex((l, k) => k > at && l.startsWith(want));
      assert.ok(i > at, `the snapshot has '${want}' after line ${at} ('${lines[at] || ''}')\n${snap.slice(0, 4000)}`);
      at = i;
    }
    // every form field has a name; every heading of the view is a level under the view's h1
    const unnamed = lines.filter((l) => /^- (combobox|textbox|searchbox|spinbutton|checkbox)(\s*\[|:|$)/.test(l));
    assert.deepEqual(unnamed, [], 'form fields without a label');
    // the date is also offered as a select for the group before it is formed: disabled choices say so
    const notYet = await read(page, () => [...document.querySelectorAll('#a11y-group option:disabled')].map((o) => o.textContent));
    assert.ok(notYet.some((t) => /^Pax Silica \(not yet formed on the date\)$/.test(t)), notYet.join(' | '));
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the view and the canvas in sync both ways; a bad date is said with what to type', async () => {
  const { page, context, errors } = await openApp(env, { hash: '#v1&m=JPN,NLD,USA&n=N20', width: 1280, height: 720 });
  try {
    // the view's script is fetched only when the view opens
    const loaded = () => read(page, () => performance.getEntriesByType('resource').some((e) => /a11y-view\.js$/.test(e.name)));
    assert.equal(await loaded(), false, 'a11y-view.js is not loaded with the map');
    await openViewByKeys(page);
    assert.equal(await loaded(), true);
    await settle(page);
    // canvas → view: a change made elsewhere (the API, as the panels do) shows in the controls
    await read(page, () => window.techmap.setScenario({ members: ['USA', 'KOR', 'TWN'], target: 'RUS', date: '2024-05-01',
      denyMode: 'rules', retaliationMode: 'controls', threshold: 70, thirdCountryRule: true, domain: 'rare_earths', node: 'RE-SEP' }));
    await page.waitForFunction(() => document.getElementById('a11y-date').value === '2024-05-01', null, { timeout: 3000 });
    const view = await read(page, () => {
      const v = (id) => document.getElementById(id);
      return { target: v('a11y-target').value, date: v('a11y-date').value, deny: v('a11y-deny-mode').value, ret: v('a11y-retaliation-mode').value,
        threshold: v('a11y-threshold').value, third: v('a11y-thirdCountryRule').checked, domain: v('a11y-domain').value, node: v('a11y-node').value,
        members: [...document.querySelectorAll('#a11y-members input:checked')].map((b) => b.value), legend: v('a11y-members-legend').textContent };
    });
    assert.deepEqual(view, { target: 'RUS', date: '2024-05-01', deny: 'rules', ret: 'controls', threshold: '70', third: true, domain: 'rare_earths',
      node: (await read(page, () => window.techmap.figures().nodes.find((n) => n.id === 'RE-SEP').name)), members: ['KOR', 'TWN', 'USA'], legend: 'Members: 3' });
    await waitStatus(page, /Russia|members/);
    // view → canvas: a control's change is the core's in the next frame, and the map draws it
    await settle(page);  // idle: any frame drawn from here is the change's
    const frames = await read(page, () => window.techmap.status().framesDrawn);
    await page.selectOption('#a11y-target', 'CHN');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).target, 'CHN');
    await nextFrame(page);  // (the app's frame and this callback share the browser's frames: two at most)
    assert.ok((await read(page, () => window.techmap.status().framesDrawn)) > frames, 'the map is drawn again in the next frame');
    await page.check('#a11y-links');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).links, true);
    await page.fill('#a11y-threshold', '90');
    await page.press('#a11y-threshold', 'Enter');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).threshold, 90);
    // the group select applies the preset's members as of the date (NATO had 32 members on 1 May 2024)
    await page.selectOption('#a11y-group', 'NATO');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).members.length, 32);
    assert.equal(await read(page, () => document.getElementById('a11y-group').value), 'NATO');
    // a bad date: refused, the field marked, the message says what to type, announced once
    const before = (await read(page, () => window.techmap.scenario())).date;
    await page.fill('#a11y-date', '2018-06-30');
    await page.press('#a11y-date', 'Enter');
    const msg = await read(page, () => document.getElementById('a11y-date-msg').textContent);
    assert.match(msg, /^30 June 2018 is before the data: the timeline starts on 1 January 2019\. Type a later date\.$/);
    assert.equal(await read(page, () => document.getElementById('a11y-date').getAttribute('aria-invalid')), 'true');
    assert.match(await read(page, () => document.getElementById('a11y-date').getAttribute('aria-describedby')), /a11y-date-msg/);
    await waitStatus(page, /is before the data: .* Type a later date\./);
    assert.equal((await read(page, () => window.techmap.scenario())).date, before, 'the scenario keeps its date');
    await page.fill('#a11y-date', '2099-01-01');
    await page.press('#a11y-date', 'Enter');
    assert.match(await read(page, () => document.getElementById('a11y-date-msg').textContent), /is after today: .*Type today's date or an earlier one\./);
    await page.fill('#a11y-date', '2022-10-07');
    await page.press('#a11y-date', 'Enter');
    await nextFrame(page);
    assert.equal((await read(page, () => window.techmap.scenario())).date, '2022-10-07');
    assert.equal(await read(page, () => document.getElementById('a11y-date').getAttribute('aria-invalid')), null, 'the error is cleared');
    // and the canvas's next change of date shows in the field the visitor typed in
    await read(page, () => window.techmap.setScenario({ date: '2021-03-04' }));
    await page.waitForFunction(() => document.getElementById('a11y-date').value === '2021-03-04', null, { timeout: 3000 });
    // Escape closes the view and gives the keys to the map; Shift+Tab on the map leaves it for the page
    await page.keyboard.press('Escape');
    assert.equal(await focused(page), 'canvas');
    // closed, the view is a summary for screen readers with nothing to reach by Tab that cannot be seen
    const reachable = await read(page, () => [...document.querySelectorAll('#textview button, #textview input, #textview select, #textview [tabindex]')]
      .filter((e) => !e.closest('[hidden]') && e.tabIndex >= 0).map((e) => e.id || e.tagName));
    assert.deepEqual(reachable, []);
    assert.equal(await read(page, () => document.getElementById('summary-text').getAttribute('aria-live')), 'polite');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), 'textview-open', 'Shift+Tab leaves the map for the skip link');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

test('the view at 1280x720, 390x844 and with text at 200%: nothing cut off', async () => {
  for (const [width, height] of [[1280, 720], [390, 844]]) {
    const { page, context, errors } = await openApp(env, { bare: true, width, height });
    try {
      await openViewByKeys(page);
      await settle(page);
      await screenshot(page, `a11y-view-${width}`);
      // the browser's text size at 200%: every control still inside the view's width, none clipped
      await read(page, () => { document.documentElement.style.fontSize = '200%'; });
      assert.equal(await read(page, () => getComputedStyle(document.getElementById('a11y-title')).fontSize), '32px', "the view's text follows the text size");
      const over = await read(page, () => {
        const view = document.getElementById('textview').getBoundingClientRect();
        return [...document.querySelectorAll('#a11y-controls input, #a11y-controls select, #a11y-controls button, #a11y-controls label, #a11y-controls h2')]
          .filter((e) => e.getClientRects().length && !e.closest('[hidden]'))
          .filter((e) => { const r = e.getBoundingClientRect(); return r.left < view.left - 1 || r.right > view.right + 1; })
          .map((e) => e.id || e.textContent.slice(0, 30));
      });
      assert.deepEqual(over, [], `${width}px at 200%: controls past the view's edge`);
      const scrolls = await read(page, () => { const v = document.getElementById('textview'); return v.scrollWidth <= v.clientWidth + 1; });
      assert.ok(scrolls, `${width}px at 200%: no sideways scrolling`);
      await screenshot(page, `a11y-view-${width}-200`);
      assert.deepEqual(errors, []);
    } finally { await context.close(); }
  }
});

test('reduced motion: nothing in the page animates', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  try {
    await page.goto(env.url + '#v1');
    const t = await read(page, () => ['loader', 'progress'].map((id) => getComputedStyle(document.getElementById(id)).transitionDuration));
    assert.deepEqual(t, ['0s', '0s']);
    const css = fs.readFileSync(path.join(ROOT, 'web/style.css'), 'utf8');
    assert.match(css, /@media \(prefers-reduced-motion: reduce\)/);
  } finally { await context.close(); }
});
