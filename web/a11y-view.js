// a11y-view.js — the accessible view: every setting of the scenario as a native HTML form, for a
// keyboard or a screen reader, driving the same core as the canvas through window.techmap (no
// second model: the controls show what techmap.scenario()/figures()/story() say, and a change
// calls setScenario(), toggleMember() or action()). Loaded by web/app.js the first time the view
// opens (a dynamic import: nothing of it is downloaded before), mounted into #a11y-controls.
//
// Sections: [status] the live region · [result] the headline and the figures in words ·
// [form] group, members, target, domain, input, date, denial modes, threshold, switches ·
// [measures] the measures in force (the figures' lists) · [story] a button per step ·
// [share] copy link, CSV, PNG, presentation mode. The figures table stays app.js's.
//
// Sync: app.js calls the subscribers after each frame that shows a change of the model, from the
// canvas or from here; refresh() then sets every control to the scenario, leaving alone the text
// field being typed in. Each change is announced once, 500 ms after the last one (a run of
// arrow presses on a select makes one announcement), in a polite live region.
const ANNOUNCE_MS = 500, DATE_MS = 700;
const FIRST_DATE = '2019-01-01';  // the timeline's start (src/ui/timeline.h kTimelineStart)
const PRETTY = 'January February March April May June July August September October November December'.split(' ');
const pretty = (iso) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${+m[3]} ${PRETTY[+m[2] - 1]} ${m[1]}` : String(iso);
};
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const pct = (r) => !Array.isArray(r) ? '' : r[0] === r[1] ? `${r[0].toFixed(1)}%` : `${r[0].toFixed(1)} to ${r[1].toFixed(1)}%`;
const el = (tag, props = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k in e && !k.startsWith('aria') && k !== 'list') e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...kids.filter((k) => k !== null && k !== undefined));
  return e;
};
const field = (id, label, control, hint) => el('div', { className: 'a11y-field' },
  el('label', { htmlFor: id, text: label }), control, hint || null);

// as the core's AlliancePreset::as_of_date: the last snapshot dated (or of a year begun) by the date
function snapshotOn(preset, iso) {
  const day = +iso.replace(/-/g, '');
  let best = null;
  for (const s of preset.snapshots || []) if ((s.date ? +s.date.replace(/-/g, '') : s.year * 10000 + 101) <= day) best = s;
  return best;
}

export function mount({ root, api, pageAction, isOpen = () => true }) {
  const data = { countries: [], presets: [], domains: [] };
  const name = (iso) => (data.countries.find((c) => c.id === iso) || { name: iso }).name;
  let touched = new Set();  // countries toggled since the filter last changed: they stay listed
  let pending = [], announceTimer = 0, dateTimer = 0, lastNodeName = '';

  // [status] -----------------------------------------------------------------------------------
  const status = el('p', { id: 'a11y-status', role: 'status', className: 'visually-hidden' });
  function announce(what) {
    if (what) pending.push(what);
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (!isOpen()) { pending = []; return; }  // closed: the summary's own live region speaks
      const f = api.figures(), h = f.headline || {}, s = f.scenario || {};
      const words = [...new Set(pending)].join(' ');
      pending = [];
      status.textContent = `${words} ${h.title ? h.title + '.' : ''} ${h.sentence || ''} ` +
        `${s.members ? s.members.length : 0} members; ${f.summary ? f.summary.chokePoints + ' choke points.' : ''}`.replace(/\s+/g, ' ').trim();
    }, ANNOUNCE_MS);
  }

  // [result] -----------------------------------------------------------------------------------
  const title = el('h3', { id: 'a11y-title' }), sentence = el('p', { id: 'a11y-sentence' }), firms = el('p', { id: 'a11y-firms' }), facts = el('ul', { id: 'a11y-facts' });
  const result = el('section', { 'aria-labelledby': 'a11y-result-h' }, el('h2', { id: 'a11y-result-h', text: 'What the map shows' }), title, sentence, firms, facts);

  // [form] -------------------------------------------------------------------------------------
  const group = el('select', { id: 'a11y-group' });
  const clear = el('button', { type: 'button', id: 'a11y-clear', text: 'Remove all members' });
  const filter = el('input', { type: 'search', id: 'a11y-filter', autocomplete: 'off', 'aria-describedby': 'a11y-filter-hint' });
  const filterHint = el('p', { id: 'a11y-filter-hint', className: 'a11y-hint' });
  const list = el('ul', { id: 'a11y-members', className: 'a11y-members' });
  const membersLegend = el('legend', { id: 'a11y-members-legend' });
  const target = el('select', { id: 'a11y-target' });
  const domain = el('select', { id: 'a11y-domain' });
  const node = el('input', { type: 'text', id: 'a11y-node', list: 'a11y-node-list', autocomplete: 'off', 'aria-describedby': 'a11y-node-msg' });
  const nodeList = el('datalist', { id: 'a11y-node-list' });
  const nodeMsg = el('p', { id: 'a11y-node-msg', className: 'a11y-hint' });
  const date = el('input', { type: 'date', id: 'a11y-date', min: FIRST_DATE, max: todayIso(), 'aria-describedby': 'a11y-date-msg' });
  const today = el('button', { type: 'button', id: 'a11y-today', text: 'Today' });
  const dateMsg = el('p', { id: 'a11y-date-msg', className: 'a11y-hint' });
  const option = (value, text) => el('option', { value, text });
  const deny = el('select', { id: 'a11y-deny-mode' }, option('all', 'Everything the members make (what if)'),
    option('controls', "The members' controls in force on the date"), option('rules', 'Every rule in force on the date, whoever issued it'));
  const ret = el('select', { id: 'a11y-retaliation-mode' }, option('all', 'Everything the target makes (the upper bound)'),
    option('controls', "The target's measures in force on the date"));
  const threshold = el('input', { type: 'number', id: 'a11y-threshold', min: 1, max: 100, step: 1, 'aria-describedby': 'a11y-threshold-hint' });
  const SWITCHES = [['deny', 'Deny the target'], ['thirdCountryRule', 'Third-country rule (products made abroad with the alliance’s inputs count too)'],
    ['retaliation', 'The target retaliates (cuts the alliance off)'], ['retaliationThirdCountries', '… and third countries follow'],
    ['links', 'Materials feed the chip chain']];
  const switches = SWITCHES.map(([key, text]) => {
    const box = el('input', { type: 'checkbox', id: `a11y-${key}` });
    box.addEventListener('change', () => { api.setScenario({ [key]: box.checked }); announce(`${text}: ${box.checked ? 'on' : 'off'}.`); });
    return [key, box, el('div', { className: 'a11y-check' }, box, el('label', { htmlFor: box.id, text }))];
  });
  const form = el('section', { 'aria-labelledby': 'a11y-form-h' }, el('h2', { id: 'a11y-form-h', text: 'Build the scenario' }),
    el('fieldset', {}, el('legend', { text: 'The alliance' }),
      field('a11y-group', 'Group of countries (membership as of the date)', group), clear),
    el('fieldset', {}, membersLegend, field('a11y-filter', 'Find a country to add or remove', filter, filterHint), list),
    field('a11y-target', 'Target (the rival denied)', target),
    field('a11y-domain', 'Technology domain', domain),
    field('a11y-node', 'Input (type part of its name, then Enter)', el('span', {}, node, nodeList), nodeMsg),
    el('fieldset', {}, el('legend', { text: 'Date and what is denied' }),
      field('a11y-date', 'Date the controls are read on', el('span', { className: 'a11y-row' }, date, today), dateMsg),
      field('a11y-deny-mode', 'What the target is denied', deny),
      field('a11y-retaliation-mode', "What the target's retaliation cuts", ret)),
    el('fieldset', {}, el('legend', { text: 'Policy' }),
      field('a11y-threshold', 'Control threshold (percent of world supply)', threshold,
        el('p', { id: 'a11y-threshold-hint', className: 'a11y-hint', text: 'An input is a choke point when the members together hold at least this share. Type a number from 1 to 100, then Enter.' })),
      ...switches.map((s) => s[2])));

  // [measures] ---------------------------------------------------------------------------------
  const measures = el('div', { id: 'a11y-measures' });
  const measuresSection = el('section', { 'aria-labelledby': 'a11y-measures-h' }, el('h2', { id: 'a11y-measures-h', text: 'Measures in force on the date' }), measures);

  // [story] ------------------------------------------------------------------------------------
  const storyState = el('p', { id: 'a11y-story-state' }), steps = el('ol', { id: 'a11y-steps', className: 'a11y-steps' });
  const leave = el('button', { type: 'button', id: 'a11y-story-leave', text: 'Leave the story (back to your own view)' });
  const storySection = el('section', { 'aria-labelledby': 'a11y-story-h' }, el('h2', { id: 'a11y-story-h', text: 'The guided story' }), storyState, steps, leave);

  // [share] ------------------------------------------------------------------------------------
  const button = (id, text, fn) => { const b = el('button', { type: 'button', id, text }); b.addEventListener('click', fn); return b; };
  const share = el('section', { 'aria-labelledby': 'a11y-share-h' }, el('h2', { id: 'a11y-share-h', text: 'Share and export' }),
    el('div', { className: 'a11y-row' },
      button('a11y-copy-link', 'Copy the link to this view', () => pageAction('copy-link')),
      button('a11y-csv', 'Download the figures (CSV)', () => pageAction('export-csv')),
      button('a11y-png', 'Download a picture of the map (PNG)', () => api.action('export-png')),
      button('a11y-present', 'Presentation mode (for a projector)', () => api.action('mode:presentation'))));

  root.replaceChildren(status, result, form, measuresSection, storySection, share);

  // --- the controls' events: each one calls the core, then says what it did ---------------------
  group.addEventListener('change', () => {
    const p = data.presets.find((x) => x.id === group.value);
    if (!p) return;
    const s = api.scenario(), snap = snapshotOn(p, s.date);
    if (!snap) { announce(`${p.name} was not yet formed on ${pretty(s.date)}.`); return; }
    // the core's preset naming (Model::apply_snapshot): the snapshot's year unless the name has it
    const year = String(snap.year);
    api.setScenario({ members: snap.members.filter((m) => m !== s.target), alliance: p.name.includes(year) ? p.name : `${p.name} (${year})` });
    announce(`Group: ${p.name}, ${snap.members.length} members.`);
  });
  clear.addEventListener('click', () => { api.setScenario({ members: [] }); announce('All members removed.'); });
  filter.addEventListener('input', () => { touched = new Set(); renderMembers(api.scenario()); });
  list.addEventListener('change', (e) => {
    const box = e.target;
    if (!(box instanceof HTMLInputElement)) return;
    touched.add(box.value);
    api.toggleMember(box.value);
    announce(`${name(box.value)} ${box.checked ? 'added to' : 'removed from'} the alliance.`);
  });
  target.addEventListener('change', () => {
    api.setScenario({ target: target.value || null });
    announce(target.value ? `Target: ${name(target.value)}.` : 'No target.');
  });
  domain.addEventListener('change', () => {
    api.setScenario({ domain: domain.value });
    announce(`Domain: ${domain.selectedOptions[0] ? domain.selectedOptions[0].textContent : domain.value}.`);
  });
  function chooseNode() {
    const typed = node.value.trim().toLowerCase();
    if (!typed || typed === lastNodeName.toLowerCase()) return;
    const nodes = api.figures().nodes || [];
    const exact = nodes.filter((n) => n.name.toLowerCase() === typed || n.id.toLowerCase() === typed);
    const some = exact.length ? exact : nodes.filter((n) => n.name.toLowerCase().includes(typed));
    if (some.length === 1) {
      setError(node, nodeMsg, '');
      lastNodeName = some[0].name;
      write(node, some[0].name);
      api.setScenario({ node: some[0].id });
      announce(`Input: ${some[0].name}.`);
    } else {
      const msg = some.length ? `${some.length} inputs match “${node.value.trim()}” (${some.slice(0, 4).map((n) => n.name).join('; ')}${some.length > 4 ? '…' : ''}): type more of the name, or pick one from the list.`
        : `No input is named like “${node.value.trim()}” in this domain: try another word, or choose another domain.`;
      setError(node, nodeMsg, msg);
      announce(msg);
    }
  }
  node.addEventListener('change', chooseNode);
  node.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); chooseNode(); } });
  function setError(input, msg, text) {
    msg.textContent = text;
    msg.classList.toggle('a11y-error', !!text);
    if (text) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  }
  // the date: typed field by field, so applied once it has held for a moment (typing the year
  // 2023 passes through 0002, 0020 and 0202); a date outside the data says what to type instead
  function applyDate() {
    clearTimeout(dateTimer);
    dateTimer = 0;
    const v = date.value, max = todayIso();
    let err = '';
    if (date.validity.badInput || (!v && document.activeElement === date)) err = 'The date is incomplete: type the day, the month and the year, or press Today.';
    else if (!v) err = 'The date is empty: type a date, or press Today.';
    else if (v < FIRST_DATE) err = `${pretty(v)} is before the data: the timeline starts on ${pretty(FIRST_DATE)}. Type a later date.`;
    else if (v > max) err = `${pretty(v)} is after today: the data has no rules of the future. Type today's date or an earlier one.`;
    setError(date, dateMsg, err);
    if (err) { announce(err); return; }
    written.set(date, v);
    if (api.scenario().date === v) return;
    api.setScenario({ date: v === max ? null : v });
    announce(`Date: ${pretty(v)}.`);
  }
  date.addEventListener('change', () => { clearTimeout(dateTimer); dateTimer = setTimeout(applyDate, DATE_MS); });
  date.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); applyDate(); } });
  date.addEventListener('blur', () => { if (dateTimer) applyDate(); });
  today.addEventListener('click', () => { setError(date, dateMsg, ''); api.setScenario({ date: null }); announce(`Date: today, ${pretty(todayIso())}.`); });
  deny.addEventListener('change', () => { api.setScenario({ denyMode: deny.value }); announce(`Denied: ${deny.selectedOptions[0].textContent}.`); });
  ret.addEventListener('change', () => { api.setScenario({ retaliationMode: ret.value }); announce(`Retaliation cuts: ${ret.selectedOptions[0].textContent}.`); });
  threshold.addEventListener('change', () => {
    const v = Number(threshold.value);
    if (!threshold.value || !Number.isFinite(v) || v < 1 || v > 100) {
      setError(threshold, threshold.nextElementSibling, 'The threshold must be a number from 1 to 100: type one, then Enter.');
      announce('The threshold must be a number from 1 to 100.');
      return;
    }
    setError(threshold, threshold.nextElementSibling, '');
    written.set(threshold, threshold.value);
    threshold.nextElementSibling.textContent = 'An input is a choke point when the members together hold at least this share. Type a number from 1 to 100, then Enter.';
    api.setScenario({ threshold: v });
    announce(`Control threshold: ${v}%.`);
  });
  steps.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-step]');
    if (!b) return;
    api.action(`story-step:${b.dataset.step}`);
    storyLater();
    announce(`Story step ${b.dataset.step}: ${b.dataset.title}.`);
  });
  // (a step opened or left without a change of the model reports none: read the story a frame on)
  const storyLater = () => requestAnimationFrame(() => requestAnimationFrame(renderStory));
  leave.addEventListener('click', () => { api.action('story-close'); announce('The story is closed: your own view is back.'); storyLater(); });

  // --- refresh: every control from the core's state --------------------------------------------
  // a text field is left alone while the visitor types in it: focused and holding something
  // other than what the view last wrote there
  const written = new Map();
  const editing = (e) => document.activeElement === e && e.value !== written.get(e);
  const write = (e, v) => { e.value = v; written.set(e, e.value); };
  function renderMembers(s) {
    const q = filter.value.trim().toLowerCase();
    const members = new Set(s.members);
    // names that begin with what is typed first ("Nether": the Netherlands before Caribbean Netherlands)
    const starts = (c) => (c.name.toLowerCase().startsWith(q) || c.id.toLowerCase() === q ? 0 : 1);
    const rows = data.countries.filter((c) => q ? c.name.toLowerCase().includes(q) || c.id.toLowerCase() === q : members.has(c.id) || touched.has(c.id))
      .sort((a, b) => (q ? starts(a) - starts(b) : 0) || a.name.localeCompare(b.name));
    membersLegend.textContent = `Members: ${s.members.length}`;
    filterHint.textContent = q ? `${rows.length} ${rows.length === 1 ? 'country matches' : 'countries match'}; check one to add it, uncheck it to remove it.`
      : 'The members are listed. Type part of a country’s name to find others.';
    const key = rows.map((c) => c.id).join(',');
    if (list.dataset.key !== key) {
      const focused = document.activeElement && list.contains(document.activeElement) ? document.activeElement.value : null;
      list.replaceChildren(...rows.map((c) => {
        const box = el('input', { type: 'checkbox', id: `a11y-m-${c.id}`, value: c.id });
        return el('li', {}, box, el('label', { htmlFor: box.id, text: c.name }));
      }));
      list.dataset.key = key;
      if (focused && document.getElementById(`a11y-m-${focused}`)) document.getElementById(`a11y-m-${focused}`).focus();
    }
    for (const box of list.querySelectorAll('input')) {
      box.checked = members.has(box.value);
      box.disabled = box.value === s.target;
      box.title = box.disabled ? 'The target cannot be a member' : '';
    }
  }
  // The figures' own lists (window.techmap.figures().measures), in the text summary's words
  function renderMeasures(listed, s) {
    const t = s.target ? name(s.target) : '';
    measures.replaceChildren();
    if (!t || !listed) { measures.append(el('p', { text: 'No target: no measure applies.' })); return; }
    const item = (m) => `${m.name} (${m.id}, ${m.kind})` + (m.ifUnknown ? ': ' + m.ifUnknown : '');
    const lists = [
      [listed.rulesInForce ? `Rules in force against ${t}, whoever issued them` : `Controls in force issued by members against ${t}`, listed.denial, true],
      [`Controls against ${t} of unknown status on this date`, listed.denialUnknown, false],
      [`${t}'s measures in force against members`, listed.retaliation, true],
      [`${t}'s measures of unknown status on this date`, listed.retaliationUnknown, false]];
    for (const [heading, items, always] of lists) {
      if (!items.length && !always) continue;  // an unknown status is listed only when there is one
      measures.append(el('h3', { text: heading }), items.length ? el('ul', {}, ...items.map((m) => el('li', { text: item(m) }))) : el('p', { text: 'None.' }));
    }
  }
  function renderStory() {
    const st = api.story();
    storyState.textContent = st.step ? `Step ${st.step} of ${st.steps.length} of “${st.title}”.` : `“${st.title}”, ${st.steps.length} steps: not started. A step's button opens it on the map.`;
    if (steps.childElementCount !== st.steps.length || steps.dataset.title !== st.title) {
      steps.replaceChildren(...st.steps.map((x, i) => el('li', {}, el('button', { type: 'button', id: `a11y-steps-${i + 1}`, 'data-step': String(i + 1), 'data-title': x.title || x.caption || '', text: `Step ${i + 1}: ${x.title || x.caption || ''}` }))));
      steps.dataset.title = st.title;
    }
    steps.querySelectorAll('button').forEach((b) => { if (+b.dataset.step === st.step) b.setAttribute('aria-current', 'step'); else b.removeAttribute('aria-current'); });
    leave.hidden = !st.step;
  }
  function refresh() {
    const f = api.figures(), s = f.scenario, h = f.headline || {};
    title.textContent = h.title || 'No input selected';
    sentence.textContent = h.sentence || 'Choose an input below to see who makes it and what the target can still get.';
    firms.textContent = h.firms || '';  // who makes it: the firms and their headquarters
    firms.hidden = !h.firms;
    const sum = f.summary || {};
    const t = s.target ? name(s.target) : 'the target';
    facts.replaceChildren(...[
      `${s.alliance}: ${s.members.length} ${s.members.length === 1 ? 'member' : 'members'}${s.members.length ? ` (${s.members.map(name).join(', ')})` : ''}.`,
      sum.chokePoints !== undefined ? `The alliance holds ${sum.chokePoints} choke points among ${sum.nodesWithShares} inputs with data${sum.possibleChokePoints ? ` (${sum.possibleChokePoints} more possible, resting on unknown shares)` : ''}.` : '',
      s.deny && s.target && sum.targetAccessToOutputs ? `${t}'s access to finished products under denial: ${pct(sum.targetAccessToOutputs)} of world supply.` : '',
      s.retaliation && s.target && sum.allianceAccessToOutputs ? `The alliance's access to finished products if ${t} cuts it off: ${pct(sum.allianceAccessToOutputs)}.` : '',
    ].filter(Boolean).map((x) => el('li', { text: x })));
    // the group: the preset whose snapshot on the date is exactly the members under its name
    // (as the core names it), else one's own
    const members = [...s.members].sort().join(',');
    const opts = [option('', `Own group: ${s.alliance} (${s.members.length})`)];
    let chosen = '';
    for (const p of data.presets) {
      const snap = snapshotOn(p, s.date);
      const o = option(p.id, snap ? `${p.name} (${snap.members.length})` : `${p.name} (not yet formed on the date)`);
      o.disabled = !snap;
      if (snap && s.alliance.startsWith(p.name) && [...snap.members].filter((m) => m !== s.target).sort().join(',') === members) chosen = p.id;
      opts.push(o);
    }
    if (chosen) opts.shift();
    group.replaceChildren(...opts);
    group.value = chosen;
    renderMembers(s);
    if (target.value !== (s.target || '')) target.value = s.target || '';
    if (domain.value !== s.domain) domain.value = s.domain;
    const nodes = f.nodes || [];
    if (nodeList.dataset.domain !== s.domain) {
      nodeList.replaceChildren(...nodes.map((n) => option(n.name, '')));
      nodeList.dataset.domain = s.domain;
    }
    const current = nodes.find((n) => n.id === s.node);
    lastNodeName = current ? current.name : '';
    if (!editing(node)) { write(node, lastNodeName); setError(node, nodeMsg, ''); }
    // (a refused date stays for the visitor to correct while the field has focus)
    const fixing = document.activeElement === date && date.hasAttribute('aria-invalid');
    if (!editing(date) && !dateTimer && !fixing) { date.max = todayIso(); write(date, s.date); setError(date, dateMsg, ''); }
    deny.value = s.denyMode;
    ret.value = s.retaliationMode;
    if (!editing(threshold)) write(threshold, String(s.threshold));
    for (const [key, box] of switches) box.checked = !!s[key];
    switches.find((x) => x[0] === 'retaliationThirdCountries')[1].disabled = !s.retaliation;
    renderMeasures(f.measures, s);
    renderStory();
  }

  // the lists the core does not give as JSON: countries, presets and domain names, from the data
  // files the app loaded (the browser's cache answers)
  const ready = Promise.all(['data/world.json', 'data/semiconductors.json', 'data/domains.json']
    .map((u) => fetch(u).then((r) => r.json()))).then(([world, semis, more]) => {
    data.countries = world.countries.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name));
    data.presets = world.alliances || [];
    data.domains = [...(semis.domains || []), ...(more.domains || [])].map((d) => ({ id: d.id, name: d.name }));
    target.replaceChildren(option('', 'No target'), ...data.countries.map((c) => option(c.id, c.name)));
    domain.replaceChildren(...data.domains.map((d) => option(d.id, d.name)));
    refresh();
  });
  // closed, the view sleeps (app.js calls refresh() when it opens again)
  const off = api.subscribe(() => { if (!isOpen()) return; refresh(); if (!pending.length) announce(''); });
  return { ready, refresh, dispose: off };
}
