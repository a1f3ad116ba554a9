// A date typed as people write it (issue 21, typed dates): the timeline's box takes
// "2023-09-01", "1 Sep 2023", "Sep 2023" or "2023", Enter applies it and the rules in force on it
// are read; a bad date is said in words and changes nothing. Figures checked against the core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, screenshot, settle, clickItem, assertCoreFigures } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const scenario = (page) => page.evaluate(() => window.techmap.scenario());
const texts = (page) => page.evaluate(() => window.techmap.uiTexts());

async function typeDate(page, text) {
  await clickItem(page, 'timeline-date-typed');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 30 });
  await page.keyboard.press('Enter');
  await settle(page);
}

test('a typed date moves the timeline there, with the controls in force; a bad one is said and changes nothing', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=JPN,NLD,USA&n=N22' });
  try {
    await typeDate(page, '1 Sep 2023');
    let s = await scenario(page);
    assert.equal(s.date, '2023-09-01');
    assert.equal(s.denyMode, 'controls', 'a date is read with the controls in force on it');
    await assertCoreFigures(page, 'typed 1 Sep 2023');
    await typeDate(page, 'Oct 2022');
    assert.equal((await scenario(page)).date, '2022-10-01');
    await typeDate(page, '2024-12-02');
    assert.equal((await scenario(page)).date, '2024-12-02');
    // a bad date: a message that says what to type, and the date stays
    await typeDate(page, '31 Feb 2023');
    s = await scenario(page);
    assert.equal(s.date, '2024-12-02', 'a bad date changes nothing');
    const t = await texts(page);
    assert.match(t['timeline-date-error'] || '', /'31 Feb 2023' is not a date the app can read: type a date such as 2023-09-01/);
    await screenshot(page, 'dates-bad-date');
    // a date after today is refused with its reason
    await clickItem(page, 'timeline-date-typed');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2099', { delay: 30 });
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await scenario(page)).date, '2024-12-02');
    assert.match((await texts(page))['timeline-date-error'] || '', /after today/);
    // in the box, the arrows step the date: up a day, down a day, Shift a month; with nothing
    // typed, right and left too (after Enter the box keeps the keyboard)
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await settle(page);
    const steps = [['ArrowUp', '2024-12-03'], ['ArrowUp', '2024-12-04'], ['ArrowDown', '2024-12-03'], ['Shift+ArrowUp', '2025-01-03'],
      ['Shift+ArrowDown', '2024-12-03'], ['ArrowRight', '2024-12-04'], ['ArrowLeft', '2024-12-03']];
    for (const [key, date] of steps) {
      await page.keyboard.press(key);
      await settle(page);
      assert.equal((await scenario(page)).date, date, `${key} steps the date to ${date}`);
    }
    await assertCoreFigures(page, 'after stepping the date with the arrows');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});

test('the guided tour gives back the visitor\'s own scenario when it is left', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, hash: '#v1&m=DEU,KOR,SGP&name=My%20three&date=2023-09-01&dm=controls&n=N26' });
  try {
    const mine = await scenario(page);
    await page.evaluate(() => window.techmap.action('story-start'));
    await settle(page);
    const inStory = await scenario(page);
    assert.notDeepEqual(inStory.members, mine.members, 'the story shows its own scenario');
    await page.evaluate(() => window.techmap.action('story-step:3'));
    await settle(page);
    await clickItem(page, 'story-back');
    await settle(page);
    const back = await scenario(page);
    for (const k of ['members', 'alliance', 'date', 'denyMode', 'node', 'domain']) assert.deepEqual(back[k], mine[k], `${k} given back`);
    await assertCoreFigures(page, 'back from the story');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});

test('search loses no keystroke: typing at once into a list that has just opened keeps every letter', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768 });
  try {
    await clickItem(page, 'tab-alliance');
    for (const [word, first] of [['taiwan', 'TWN'], ['germany', 'DEU'], ['india', 'IND']]) {
      const r = (await page.evaluate(() => window.techmap.uiItems())).countries;
      await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
      await page.keyboard.type(word);  // no wait for the list to open
      await settle(page);
      assert.equal((await texts(page))['##search'], word, `every letter of '${word}' reached the search`);
      // the first row is the country a visitor meant (India before British Indian Ocean Territory)
      assert.equal((await texts(page))['countries-first'], first, `'${word}' lists ${first} first`);
      for (let i = 0; i < 3 && (await page.evaluate(() => window.techmap.uiItems()))['countries-first']; i++) {
        await page.keyboard.press('Escape');  // the first leaves the field, the next closes the list
        await settle(page);
      }
    }
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});
