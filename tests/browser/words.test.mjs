// Words that follow the model (issue 20): the caption says what the core computed, for the date
// and the mode on screen, with its reason; the map's supply lines are denied only where the core
// says so; the opening card's title follows the scenario. Each page's figures, headline included,
// are checked against the native core (tools/cli/scenario_figures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, screenshot, settle, assertCoreFigures } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const texts = (page) => page.evaluate(() => window.techmap.uiTexts());

// Opens a link, checks the page's figures (and headline) against the core's, and returns both.
async function openCase(hash, name) {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, hash });
  const f = await assertCoreFigures(page, name);
  const t = await texts(page);
  return { page, errors, f, t };
}

const CASES = [
  {
    name: 'rare-earth separation, the US, Japan and the Netherlands: China leads, then the cut-off, then the denial',
    hash: '#v1&m=JPN,NLD,USA&d=rare_earths&n=RE-SEP',
    check: (s, f) => {
      assert.match(f.headline.title, /: China makes 9\d% of world supply/);
      assert.match(s, /^The members make /, 'the figure in the title is not said twice');
      assert.match(s, /If China cut the alliance off, the members could still get/);
      assert.doesNotMatch(s, /can still get|could still get 9/);
    },
  },
  {
    name: 'wafers with six members: 0% names the input China is denied',
    hash: '#v1&m=DEU,JPN,KOR,NLD,TWN,USA&n=N26',
    check: (s) => assert.match(s, /could still get 0%: not even the 4% it makes itself, because making it needs crystal growing furnaces/),
  },
  {
    name: 'G7 and EUV tools under the rules in force: 0% for China, the Dutch rule named',
    hash: '#v1&a=G7@2025&n=N20&dm=rules',
    check: (s, f) => {
      const euv = f.nodes.find((n) => n.id === 'N20');
      assert.deepEqual(euv.targetAccess, [0, 0]);
      assert.match(s, /Under the rules in force today \(\d{1,2} [A-Z][a-z]{2} \d{4}\), whoever issued them, China can get 0% \(the Netherlands' rules count too, though it is not a member\)/);
    },
  },
  {
    name: 'ArF immersion tools on 1 Sep 2023, the members\' controls: a range with its reason, the Dutch line a licence',
    hash: '#v1&m=JPN,NLD,USA&n=N22&date=2023-09-01&dm=controls',
    check: (s, f) => {
      assert.match(s, /Under the members' controls in force on 1 Sep 2023, China can get 0–100%\. It is a range because exports need a licence/);
      assert.equal(f.supply.find((x) => x.country === 'NLD').denied, 'licence');
    },
  },
  {
    name: 'deposition tools on 10 Jan 2021, the members\' controls: no line is drawn denied',
    hash: '#v1&m=JPN,NLD,USA&n=N36&date=2021-01-10&dm=controls',
    check: (s, f) => {
      assert.match(s, /China can get 100% \(none of the controls on it is in force then\)/);
      assert.ok(f.supply.length > 0);
      for (const x of f.supply) assert.equal(x.denied, 'none', `${x.country}'s line is not denied on 10 Jan 2021`);
    },
  },
];

for (const c of CASES) {
  test(`the caption says it: ${c.name}`, async () => {
    const { page, errors, f, t } = await openCase(c.hash, c.name);
    try {
      assert.equal(t['caption-sentence'], f.headline.sentence, 'the caption is the core\'s headline');
      c.check(f.headline.sentence, f);
      assert.deepEqual(errors, []);
    } finally { await page.context().close(); }
  });
}

test('the opening card\'s title follows the scenario: the story\'s title, then the headline\'s after a change', async () => {
  const { page, errors } = await openApp(env, { width: 1366, height: 768, bare: true });
  try {
    const story = await page.evaluate(() => window.techmap.story());
    let t = await texts(page);
    assert.equal(t['welcome-title'], story.steps[0].title, 'as opened: the story\'s first title');
    // a change of input: the title is the new input's headline
    await page.evaluate(() => window.techmap.setScenario({ node: 'N26' }));
    await settle(page);
    let f = await assertCoreFigures(page, 'wafers');
    t = await texts(page);
    assert.notEqual(t['welcome-title'], story.steps[0].title);
    assert.equal(t['welcome-title'], f.headline.title);
    assert.equal(t['welcome-sentence'], f.headline.sentence);
    // a change of members: recomputed again
    await page.evaluate(() => window.techmap.toggleMember('KOR'));
    await settle(page);
    f = await assertCoreFigures(page, 'wafers with South Korea');
    t = await texts(page);
    assert.equal(t['welcome-sentence'], f.headline.sentence);
    assert.match(t['welcome-sentence'], /the 4 members|South Korea/);
    await screenshot(page, 'words-card-follows');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});

test('a link in the rules-in-force mode keeps it; an old link without a mode keeps the what-if', async () => {
  const { page, errors } = await openApp(env, { width: 1280, height: 720, hash: '#v1&a=G7@2025&n=N20&dm=rules' });
  try {
    assert.equal((await page.evaluate(() => window.techmap.scenario())).denyMode, 'rules');
    assert.match(await page.evaluate(() => window.techmap.link()), /dm=rules/);
    await page.evaluate(() => window.techmap.openLink('#v1&a=G7@2025&n=N20'));
    await settle(page);
    assert.equal((await page.evaluate(() => window.techmap.scenario())).denyMode, 'all');
    const f = await assertCoreFigures(page, 'old link');
    assert.match(f.headline.sentence, /If they denied China everything they make/);
    await screenshot(page, 'words-rules-mode');
    assert.deepEqual(errors, []);
  } finally { await page.context().close(); }
});
