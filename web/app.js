// app.js — loads the app: checks WebGL 2, downloads the wasm, its JS and the data with a
// progress bar, hands the data to the C++ side, and exposes window.techmap (the JS API).
'use strict';
(function () {
  const FILES = ['data/world.json', 'data/semiconductors.json', 'data/domains.json', 'data/measures.json', 'data/story.json', 'assets/world-110m.bin', 'assets/ui-font.ttf'];
  const LATER = ['assets/world-50m.bin'];  // fetched after the first map: detail for zooming in
  const WASM = 'techmap.wasm', JS = 'techmap.js';
  const $ = (id) => document.getElementById(id);
  const t0 = performance.now();
  // when each step of the start was done, in ms since this script started (tools/measure-web.mjs
  // prints them: where the time to the first map goes)
  const startup = {};
  const mark = (step) => { startup[step] = performance.now() - t0; };

  function fail(msg) {
    const e = $('error');
    e.textContent = msg;
    e.hidden = false;
    $('loader').classList.add('done');
    console.warn('techmap: ' + msg);
  }
  // The loader's words and bar. Each change of the page makes the browser draw a frame, which
  // costs the start as much as the map's own work on a software renderer or a weak device: the
  // loader stays as it is ("Loading…") for the first half second, in which most loads are done,
  // and then changes at most ten times a second (the latest state shown).
  const QUIET_MS = 500, STEP_MS = 100;
  let shownAt = -Infinity, pendingStatus = null, statusTimer = 0;
  function showStatus() {
    statusTimer = 0;
    if (!pendingStatus) return;
    const [text, fraction] = pendingStatus;
    pendingStatus = null;
    shownAt = performance.now();
    $('loader-text').textContent = text;
    if (fraction !== undefined) $('progress').style.width = Math.round(fraction * 100) + '%';
  }
  function status(text, fraction, now = false) {
    pendingStatus = [text, fraction];
    const wait = now ? 0 : Math.max(t0 + QUIET_MS, shownAt + STEP_MS) - performance.now();
    if (wait <= 0) { clearTimeout(statusTimer); showStatus(); } else if (!statusTimer) statusTimer = setTimeout(showStatus, wait);
  }

  // WebGL 2 first: without it, say so in words instead of showing a blank canvas.
  $('canvas').addEventListener('contextmenu', (e) => e.preventDefault());
  // A lost WebGL context (GPU reset, too many tabs) is restored and the map drawn again.
  $('canvas').addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    if (window.Module && Module._techmap_context_lost) Module._techmap_context_lost();
  });
  $('canvas').addEventListener('webglcontextrestored', () => {
    if (window.Module && Module._techmap_context_restored) Module._techmap_context_restored();
  });
  // Download everything in parallel, counting bytes for the progress bar (see status())
  const loaded = new Map(), totals = new Map();
  let downloaded = false;
  function showProgress() {
    if (downloaded) return;  // 'Starting…' is shown by then
    const sumLoaded = [...loaded.values()].reduce((a, b) => a + b, 0);
    const sumTotal = Math.max([...totals.values()].reduce((a, b) => a + b, 0), sumLoaded, 1);
    status('Downloading… ' + Math.round(sumLoaded / 1024) + ' KB', 0.9 * sumLoaded / sumTotal);
  }
  const cancel = window.AbortController ? new AbortController() : null;
  function fetchWithProgress(url) {
    return fetch(url, cancel ? { signal: cancel.signal } : {}).then((res) => {
      if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
      const total = +res.headers.get('Content-Length') || 0;
      totals.set(url, total);
      if (!res.body || !res.body.getReader) return res.arrayBuffer();
      const reader = res.body.getReader(), chunks = [];
      let got = 0;
      const pump = () => reader.read().then(({ done, value }) => {
        if (done) {
          const out = new Uint8Array(got);
          let o = 0;
          for (const c of chunks) { out.set(c, o); o += c.length; }
          return out.buffer;
        }
        chunks.push(value);
        got += value.length;
        loaded.set(url, got);
        showProgress();
        return pump();
      });
      return pump();
    });
  }

  const downloads = Promise.all([fetchWithProgress(WASM), ...FILES.map(fetchWithProgress)]);
  // The canvas takes its drawn size first (its CSS size x the pixel ratio, as src/app/main.cpp's
  // setup computes it): resizing the context's drawing buffer later waits on the GPU process
  {
    const c = $('canvas'), r = c.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    c.width = Math.floor(r.width * dpr + 0.5);
    c.height = Math.floor(r.height * dpr + 0.5);
  }
  // WebGL 2 is made while the files download (creating a context takes a software renderer
  // ~0.1 s): the map's own, on its canvas, with the attributes src/app/platform_web.cpp asks for
  // (the browser hands the same context back to it); without it, the downloads stop and the
  // page says so instead of a blank canvas
  const probe = $('canvas').getContext('webgl2', { alpha: false, depth: true, stencil: false, antialias: false,
    premultipliedAlpha: true, preserveDrawingBuffer: false });
  if (!probe) {
    if (cancel) cancel.abort();
    downloads.catch(() => {});  // the abort, not a failure to report
    fail('This map needs WebGL 2, which this browser or device does not provide. ' +
         'Try a recent Chrome, Firefox, Edge or Safari, or enable hardware acceleration.');
    return;
  }
  downloads.then(([wasm, ...files]) => {
    mark('downloaded');
    downloaded = true;
    status('Starting…', 0.92);
    // the panels' font (DejaVu Sans, the bytes ImGui gets) for the page too: the text view, the
    // notices and the PNG's caption strip look like the app. Added once the map is drawn: the
    // loader's words would be drawn again in it, a frame the start does not need
    const pageFont = () => {
      try {
        const face = new FontFace('Techmap UI', files[FILES.indexOf('assets/ui-font.ttf')].slice(0));
        document.fonts.add(face);
        face.load().catch(() => {});
      } catch (e) { /* an older browser: the page keeps its system font */ }
    };
    window.Module = {
      canvas: $('canvas'),
      wasmBinary: wasm,
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      onAbort: (what) => stopped(what),
      onTechmapFatal: (msg) => fail(msg),
      onTechmapFirstMap: () => {
        mark('firstMap');
        window.techmap.startupMs = startup;
        window.techmap.firstMapMs = performance.now() - t0;  // since this script started
        window.techmap.firstMapSinceNavigationMs = performance.now();  // since the page was asked for
        status('Ready', 1, true);
        $('loader').classList.add('done');
        pageFont();
        Promise.all(LATER.map((u) => fetch(u).then((r) => { if (!r.ok) throw new Error(u + ': HTTP ' + r.status); return r.arrayBuffer(); })))
          .then((bufs) => {
            LATER.forEach((name, i) => addFile(name, new Uint8Array(bufs[i])));
            const problems = ccall('techmap_commit_files', 'string', [], []);
            if (problems) console.warn('techmap map detail: ' + problems);
            window.techmap.detailLoaded = true;
          })
          .catch((e) => console.warn('techmap: the detailed map could not be loaded (' + e.message + '); the coarse map stays.'));
      },
      onTechmapChange: (link, modelChanged) => changed(link, modelChanged),
      onTechmapAction: (action) => pageAction(action),
      onTechmapCaptured: (rgba, w, h, crop, scale) => savePng(rgba, w, h, crop, scale),
      // main() has created the window and the GL context: hand the data over now, then open
      // the link in the address (before the first frame, so that it is the first thing seen)
      onTechmapStarted: () => {
        mark('setUp');
        FILES.forEach((name, i) => addFile(name, new Uint8Array(files[i])));
        const problems = ccall('techmap_commit_files', 'string', [], []);
        mark('dataRead');
        if (problems) console.warn('techmap data: ' + problems);
        // a link opens as it is; the bare address opens the opening view (the story's first
        // scenario, with a title, a plain sentence and the next step); '#v1' is the empty one
        if (location.hash.length > 1) openLink(location.hash);
        else ccall('techmap_open_opening', null, [], []);
        lastLink = lastGoodLink = call('techmap_link');
        history.replaceState(history.state, '', lastLink);
        // prefers-reduced-motion: the map jumps to a new view instead of easing there (and
        // follows the system's setting when it changes)
        const motion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
        const tellMotion = () => ccall('techmap_action', null, ['string'], [motion && motion.matches ? 'motion:reduced' : 'motion:full']);
        tellMotion();
        if (motion && motion.addEventListener) motion.addEventListener('change', tellMotion);
        started = true;
        if ($('textview').classList.contains('shown')) loadA11yView();  // opened while loading
      },
    };
    // the Emscripten glue: index.html preloads it beside the downloads, so it runs at once here
    const s = document.createElement('script');
    s.src = JS;
    s.onload = () => mark('glueRun');
    s.onerror = () => fail('Could not load ' + JS + '.');
    document.body.appendChild(s);
  }).catch((e) => fail('Could not download the map: ' + e.message));

  function addFile(name, bytes) {
    const p = Module._malloc(bytes.length || 1);
    Module.HEAPU8.set(bytes, p);
    ccall('techmap_add_file', null, ['string', 'number', 'number'], [name, p, bytes.length]);
    Module._free(p);
  }
  // Every call into the module goes through here: once it has stopped, a clear error instead
  // of WebAssembly's "RuntimeError: Aborted()" from deep inside.
  let dead = false;
  function ccall(fn, ret, types, args) {
    if (dead) throw new Error('techmap: the map has stopped after an internal error; reload the view');
    return Module.ccall(fn, ret, types, args);
  }
  const call = (fn, ...args) => ccall(fn, 'string', args.map(() => 'string'), args);

  // If the module aborts anyway (a bug we did not find), the page says so in words, puts the
  // last link that was shown without trouble in the address, and offers to reopen that view.
  let lastGoodLink = '';
  function stopped(what) {
    if (dead) return;
    dead = true;
    const base = location.origin + location.pathname;
    try { history.replaceState(null, '', lastGoodLink || '#'); } catch (e) { /* the address stays */ }
    const e = $('error');
    e.replaceChildren();
    const p = document.createElement('p');
    p.textContent = 'The map stopped because of an internal error, and nothing on it will answer any more. ' +
      'The last view that worked is kept: reopen it, or start again from the opening view.';
    const again = document.createElement('a');
    again.href = base + (lastGoodLink || '');
    again.className = 'button';
    again.textContent = 'Reopen the last view';
    again.addEventListener('click', (ev) => { ev.preventDefault(); location.replace(again.href); location.reload(); });
    const fresh = document.createElement('a');
    fresh.href = base;
    fresh.className = 'button';
    fresh.textContent = 'Start again';
    const detail = document.createElement('p');
    detail.className = 'detail';
    detail.textContent = 'Details for a bug report: ' + String(what).slice(0, 200) + (lastGoodLink ? ' — last view: ' + lastGoodLink.slice(0, 300) : '');
    e.append(p, again, ' ', fresh, detail);
    e.hidden = false;
    $('canvas').classList.add('stopped');
    $('loader').classList.add('done');
    console.warn('techmap: stopped: ' + what);
  }

  // The text summary for screen readers (an aria-live region) and the figures as a plain table:
  // the canvas alone says nothing. Shown on screen by the panel's "Text view".
  function updateSummary() {
    if (!started) return;
    const text = call('techmap_summary');
    $('summary-text').textContent = text;
    const f = window.techmap.figures();
    const target = f.scenario.target || 'the target';
    const pct = (r) => r[0] === r[1] ? r[0].toFixed(1) + '%' : r[0].toFixed(1) + '–' + r[1].toFixed(1) + '%';
    const head = ['Input', 'Alliance share of world supply', 'Choke point', target + "'s access under denial", 'Year', 'Source'];
    const table = document.createElement('table');
    const cap = table.createCaption();
    cap.textContent = 'Figures of the scenario, one row per input with published shares (ranges where shares are unknown)';
    const tr = table.createTHead().insertRow();
    for (const h of head) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; tr.appendChild(th); }
    const body = table.createTBody();
    for (const n of f.nodes) {
      if (!n.hasShares) continue;
      const row = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = n.name;
      row.appendChild(th);
      for (const v of [pct(n.allianceShare), n.choke === 'yes' ? 'yes' : n.choke === 'possible' ? 'possible (unknown shares)' : 'no',
        pct(n.targetAccess), n.years || 'unknown', n.sources || 'unknown']) row.insertCell().textContent = v;
    }
    $('figures-table').replaceChildren(table);
  }

  // --- the address: the whole view in the fragment; back/forward step through changes -------
  let started = false, lastLink = '', writeTimer = 0;
  const stripView = (link) => link.replace(/&c=[^&]*/, '');
  function openLink(fragment) {
    const notices = JSON.parse(call('techmap_open_link', fragment));
    showNotice(notices.length ? 'Part of this link could not be used: ' + notices.join('; ') + '.' : '');
    return notices;
  }
  // The one change callback: the app reports each change once, after the frame that shows it,
  // with the view's link and whether the model changed (scenario, selection, data). A change of
  // the model updates the text summary and calls the subscribers at once; the address follows
  // once the change has held for a moment (a slider drag makes one entry). A move of the map
  // only replaces the current entry, other changes add one.
  function changed(link, modelChanged) {
    if (!started) return;
    lastGoodLink = link;  // a frame has shown it
    if (modelChanged) {
      updateSummary();
      listeners.forEach((f) => { try { f(); } catch (e) { console.warn(e); } });
    }
    clearTimeout(writeTimer);
    writeTimer = setTimeout(() => {
      if (link === lastLink) return;
      if (stripView(link) === stripView(lastLink)) history.replaceState(history.state, '', link);
      else history.pushState(null, '', link);
      lastLink = link;
    }, 300);
  }
  function followAddress() {
    // a pending address write belongs to the view being left: writing it now would push an
    // entry over the one navigated to (and cut the forward history)
    clearTimeout(writeTimer);
    if (!started || location.hash === lastLink) return;
    openLink(location.hash);
    lastLink = call('techmap_link');
  }
  window.addEventListener('popstate', followAddress);
  window.addEventListener('hashchange', followAddress);

  // --- notices, copying, downloads ------------------------------------------------------------
  // One notice at a time, as text (never markup): 'warn' (amber) for what went wrong or was not
  // used, 'info' (blue) for what was done; `ms` hides it after that long (0: until closed).
  let noticeTimer = 0;
  function showNotice(text, ms = 0, kind = 'warn') {
    clearTimeout(noticeTimer);
    $('notice-text').textContent = text;
    $('notice').classList.toggle('info', kind === 'info');
    $('notice').hidden = !text;
    if (text && ms) noticeTimer = setTimeout(() => { $('notice').hidden = true; }, ms);
  }
  $('notice-close').addEventListener('click', () => showNotice(''));
  // A link given to someone else reopens exactly what was seen, on any later day: the view of
  // "today" (a link without a date, as the address bar keeps it) is pinned to today's date.
  const sharedLink = () => {
    const link = call('techmap_link');
    if (/[#&]date=/.test(link)) return link;
    const date = JSON.parse(call('techmap_get_scenario')).date;
    return /^\d{4}-\d{2}-\d{2}$/.test(date || '') ? link + '&date=' + date : link;
  };
  const fullUrl = () => location.origin + location.pathname + sharedLink();
  function copyText(text, what) {
    const fallback = () => {
      copyReturn = document.activeElement;  // the dialog gives focus back where it was (the view's button, or the map)
      $('copy-field').value = text;
      $('copy-dialog').hidden = false;
      $('copy-field').focus();
      $('copy-field').select();
    };
    if (navigator.clipboard && window.isSecureContext)
      navigator.clipboard.writeText(text).then(() => showNotice(what + ' is on the clipboard.', 4000, 'info'), fallback);
    else fallback();
  }
  let copyReturn = null;
  const closeCopy = () => {
    $('copy-dialog').hidden = true;
    (copyReturn && copyReturn.isConnected && copyReturn !== document.body ? copyReturn : $('canvas')).focus();
  };
  $('copy-close').addEventListener('click', closeCopy);
  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  }
  const stamp = () => new Date().toISOString().slice(0, 10);
  function pageAction(action) {
    if (action === 'copy-link') copyText(fullUrl(), 'The link');
    else if (action === 'copy-story-link') copyText(fullUrl(), "The story's link");
    else if (action === 'copy-embed') copyText(window.techmap.uiTexts()['embed-code'] || '', 'The embed code');
    else if (action === 'export-csv') {
      const name = `techmap-figures-${stamp()}.csv`;
      download(new Blob([call('techmap_figures_csv')], { type: 'text/csv;charset=utf-8' }), name);
      showNotice(`Downloaded ${name} (every figure of this scenario, one row each, with its year and source).`, 8000, 'info');
    }
    else if (action === 'open-full-view') window.open(location.origin + location.pathname + call('techmap_link').replace(/&mode=embed/, ''), '_blank', 'noopener');
    else if (action === 'text-view') toggleTextView();
    else if (action === 'open-teachers') window.open(new URL('web/teachers.html', location.href).href, '_blank', 'noopener');
    else if (action === 'open-model') window.open(new URL('web/model.html', location.href).href, '_blank', 'noopener');
    else if (action === 'load-dataset') openDatasetPicker();
  }
  // The accessible view (web/a11y-view.js, every control as a form): its script is fetched the
  // first time the view opens. While it is open it announces each change itself, once.
  let a11yView = null;
  function toggleTextView(show) {
    const on = show !== undefined ? show : $('textview').classList.contains('visually-hidden');
    $('textview').classList.toggle('visually-hidden', !on);
    $('textview').classList.toggle('shown', on);
    $('summary-text').setAttribute('aria-live', on ? 'off' : 'polite');
    // closed, it stays a summary for screen readers, with nothing to focus that cannot be seen
    $('a11y-controls').hidden = $('textview-close').hidden = !on;
    if (on) $('figures-table').tabIndex = 0; else $('figures-table').removeAttribute('tabindex');
    // it opens at its top, on its close button (the first control)
    if (on) { updateSummary(); $('textview-close').focus({ preventScroll: true }); $('textview').scrollTop = 0; }
    if (on) loadA11yView();
    if (on && a11yView) a11yView.then((v) => v && v.refresh());  // it sleeps while closed
  }
  function loadA11yView() {
    if (started && !dead && !a11yView) {
      a11yView = import(new URL('web/a11y-view.js', document.baseURI).href)
        .then((m) => m.mount({ root: $('a11y-controls'), api: window.techmap, pageAction, isOpen: () => $('textview').classList.contains('shown') }))
        .catch((e) => { a11yView = null; showNotice('The accessible view could not be loaded (' + e.message + '); the text and the table are shown.'); });
      window.techmap.a11yView = a11yView.then((v) => v && v.ready);
    }
  }
  $('textview-close').addEventListener('click', () => { toggleTextView(false); $('canvas').focus(); });
  $('textview-open').addEventListener('click', (e) => { e.preventDefault(); toggleTextView(true); });
  // Escape closes the text view (or the copy dialog) and gives the keys back to the map. Keys
  // typed in the page's own controls (the text view, the copy dialog, the notice, the skip
  // button) are theirs: the map's key handler (src/app/platform_web.cpp's, on the window, so after these) would take
  // them too and cancel what they do (Enter or Space on a button, Tab, Ctrl+C in the copy field).
  const pageControl = (t) => t instanceof Element && t !== $('canvas') && t !== document.body && t !== document.documentElement;
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.isComposing && ($('textview').classList.contains('shown') || !$('copy-dialog').hidden)) {
      e.preventDefault();
      e.stopPropagation();
      // the copy dialog first (it may be over the view), then the view
      if (!$('copy-dialog').hidden) { closeCopy(); return; }
      toggleTextView(false);
      $('canvas').focus();
    } else if (pageControl(e.target)) e.stopPropagation();
    // Shift+Tab on the map leaves it for the page (the map's own Tab moves through its panels and
    // leaves at their end: main.cpp's leave_canvas_at_tab_end)
    else if (e.key === 'Tab' && e.shiftKey && e.target === $('canvas')) e.stopPropagation();
    // Tab from the page itself (nothing focused yet) goes to its first stop, the skip link
    else if (e.key === 'Tab' && !pageControl(e.target) && e.target !== $('canvas')) e.stopPropagation();
  });
  // (a modifier's release reaches the map wherever focus is, or it would hold Shift down)
  const modifier = (e) => /^(Shift|Control|Alt|Meta)$/.test(e.key);
  for (const type of ['keyup', 'keypress']) document.addEventListener(type, (e) => { if (pageControl(e.target) && !modifier(e)) e.stopPropagation(); });
  // A picture for a memo or a slide: the map and its legend alone (the frame drawn for it, at
  // twice the screen's density), under the title, the headline, the date and the mode, the
  // visitor's caption, and over the sources with their years and the link. Type sizes are CSS
  // pixels times the frame's scale: the smallest, the sources, is 12 px at 1×.
  const prettyDate = (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? `${+m[3]} ${'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[+m[2] - 1]} ${m[1]}` : '';
  };
  function pictureParts() {
    const f = window.techmap.figures(), st = window.techmap.status(), s = f.scenario || {};
    const h = f.headline || {}, node = (f.nodes || []).find((n) => n.id === s.node) || {};
    const modes = { all: 'What if: everything the members make', controls: "The members' controls in force", rules: 'The rules in force, whoever issued them' };
    const caption = (window.techmap.uiTexts()['picture-caption'] || '').trim();
    const sources = node.sources ? `Sources: ${node.sources}${node.years ? ` (${node.years})` : ''}.` : '';
    return {
      title: h.title || 'Techno-alliance map', sentence: h.sentence || '', caption,
      when: `${prettyDate(s.date)} · ${modes[s.denyMode] || ''}`,
      sources, credit: 'Data: Emerging Technology Observatory, Advanced Semiconductor Supply Chain Dataset, Georgetown CSET (CC BY-NC 4.0); ' +
        'map: Natural Earth; lakes © OpenStreetMap contributors (ODbL); data version ' + st.dataVersion + '.',
      link: fullUrl().replace(/^https?:\/\//, ''),
    };
  }
  function savePng(rgba, w, h, crop, scale) {
    const parts = pictureParts();
    const c = document.createElement('canvas');
    const ctx = c.getContext('2d');
    const pad = Math.round(14 * scale), width = crop.w;
    const font = (px, bold) => `${bold ? 'bold ' : ''}${Math.round(px * scale)}px 'Techmap UI', sans-serif`;
    const wrap = (text, px, bold) => {
      ctx.font = font(px, bold);
      const lines = [];
      for (const word of String(text).split(' ')) {
        const line = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
        if (lines.length && ctx.measureText(line).width <= width - 2 * pad) lines[lines.length - 1] = line;
        else lines.push(word);
      }
      return lines.filter((l) => l).map((l) => ({ text: l, px, bold }));
    };
    const head = [...wrap(parts.title, 20, true), ...wrap(parts.sentence, 14), ...wrap(parts.when, 13)];
    if (parts.caption) head.push(...wrap(parts.caption, 15, true));
    const foot = [...wrap(parts.sources, 12), ...wrap(parts.credit, 12), ...wrap(parts.link, 12)];
    const height = (lines) => lines.reduce((sum, l) => sum + Math.round(l.px * 1.45 * scale), 0);
    const top = pad + height(head) + pad, bottom = pad + height(foot) + pad;
    c.width = width;
    c.height = top + crop.h + bottom;
    ctx.fillStyle = '#242936';  // the panels' slate (src/ui/ui.cpp's theme)
    ctx.fillRect(0, 0, c.width, c.height);
    const img = ctx.createImageData(width, crop.h);
    for (let y = 0; y < crop.h; y++) {  // GL rows run from the bottom
      const from = ((h - 1 - (crop.y + y)) * w + crop.x) * 4;
      img.data.set(rgba.subarray(from, from + width * 4), y * width * 4);
    }
    for (let i = 3; i < img.data.length; i += 4) img.data[i] = 255;
    ctx.putImageData(img, 0, top);
    const draw = (lines, y0) => {
      let y = y0;
      for (const l of lines) {
        y += Math.round(l.px * 1.45 * scale);
        ctx.font = font(l.px, l.bold);
        ctx.fillStyle = l.px >= 15 || l.bold ? '#edf0f5' : '#c9ced8';
        ctx.fillText(l.text, pad, y - Math.round(l.px * 0.4 * scale));
      }
    };
    draw(head, pad);
    draw(foot, top + crop.h + pad);
    window.techmap.lastPicture = { width: c.width, height: c.height, scale, top, mapHeight: crop.h, parts,
      lines: [...head, ...foot].map((l) => ({ text: l.text, px: Math.round(l.px * scale) })) };
    const name = `techmap-${stamp()}.png`;
    c.toBlob((b) => {
      if (!b) { showNotice('The picture could not be made (the browser refused a canvas this large); try a smaller window.'); return; }
      window.techmap.lastPicture.bytes = b.size;
      download(b, name);
      showNotice(`Downloaded ${name} (the map with its title, headline, legend, date and mode, sources and link).`, 8000, 'info');
    }, 'image/png');
  }

  // --- a visitor's own dataset: the panel's "load-dataset" action (file picker) or a file dropped
  // on the map. Read as bytes (the loader checks the UTF-8 itself) and loaded on top of the
  // default data; the notice says what was loaded, or the loader's problems and that the previous
  // data is kept. Files over 4 MB are refused unread: copying them into the module's memory
  // would stall the page, and no dataset of this format comes near it.
  const MAX_DATASET_BYTES = 4 * 1024 * 1024;
  const shortName = (name) => { const n = String(name || 'the file'); return n.length > 80 ? n.slice(0, 77) + '…' : n; };
  function sizeText(bytes) {
    const mb = bytes / (1024 * 1024);
    return mb >= 10 ? Math.round(mb) + ' MB' : mb.toFixed(1) === '4.0' ? 'just over 4 MB' : mb.toFixed(1) + ' MB';
  }
  function openDatasetPicker() {
    const input = $('dataset-file');
    input.value = '';
    input.click();
  }
  $('dataset-file').addEventListener('change', () => {
    const file = $('dataset-file').files && $('dataset-file').files[0];
    $('dataset-file').value = '';  // choosing the same file again loads it again
    if (file) loadDatasetFile(file);
  });
  // "1 alliance preset (My group), 2 domains (A, B)": what an accepted file holds
  function describeDataset(bytes) {
    let d;
    try { d = JSON.parse(new TextDecoder().decode(bytes)); } catch (e) { return ''; }
    const names = (list) => {
      const n = list.map((x) => String((x && (x.name || x.id)) || '?').slice(0, 60));
      return n.slice(0, 3).join(', ') + (n.length > 3 ? ` and ${n.length - 3} more` : '');
    };
    const part = (list, one, many) => Array.isArray(list) && list.length ? `${list.length} ${list.length === 1 ? one : many} (${names(list)})` : '';
    const nodes = Array.isArray(d.domains) ? d.domains.reduce((a, x) => a + (x && Array.isArray(x.nodes) ? x.nodes.length : 0), 0) : 0;
    return [part(d.domains, 'domain', 'domains') + (nodes ? ` with ${nodes} input${nodes === 1 ? '' : 's'}` : ''),
      part(d.alliances, 'alliance preset', 'alliance presets'), part(d.indicators, 'indicator', 'indicators'),
      part(d.measures, 'measure', 'measures')].filter(Boolean).join(', ') + (typeof d.version === 'string' ? ` (version ${d.version.slice(0, 40)})` : '');
  }
  function problemList(lines) {
    const shown = lines.slice(0, 5).map((l) => l.replace(/^(error|warning): /, ''));
    return shown.join('\n') + (lines.length > 5 ? `\n(and ${lines.length - 5} more)` : '');
  }
  function loadDatasetFile(file) {
    const name = shortName(file.name);
    if (dead) { showNotice(`${name} was not loaded: the map has stopped (see the message on the page).`); return; }
    if (!started) { showNotice(`${name} was not loaded: the map is still starting. Try again in a moment.`); return; }
    if (file.size > MAX_DATASET_BYTES) {
      showNotice(`${name} was not loaded: it is ${sizeText(file.size)}, and a dataset file may be at most 4 MB. The previous data is kept.`);
      return;
    }
    showNotice(`Reading ${name}…`, 0, 'info');
    file.arrayBuffer().then((buf) => {
      const bytes = new Uint8Array(buf);
      const lines = window.techmap.loadDataset(file.name || 'dataset.json', bytes).split('\n').filter(Boolean);
      const errors = lines.filter((l) => l.startsWith('error: '));
      const warnings = lines.filter((l) => !l.startsWith('error: '));
      if (errors.length) {
        showNotice(`${name} was not loaded, and the previous data is kept:\n${problemList(errors)}`);
      } else {
        const what = describeDataset(bytes);
        showNotice(`Loaded ${name}: ${what || 'a dataset'}, on top of the map's own data.` +
          (warnings.length ? `\nWith ${warnings.length === 1 ? 'a warning' : warnings.length + ' warnings'}:\n${problemList(warnings)}` : ''),
          warnings.length ? 0 : 10000, 'info');
      }
    }).catch((e) => showNotice(`${name} could not be read (${e && e.message ? e.message : e}); the previous data is kept.`));
  }
  // Dragging a file over the page shows where to drop it; dropping it anywhere loads it (and never
  // opens the file in the tab in place of the map, the browser's default).
  let hintTimer = 0;
  const carriesFiles = (e) => !!e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  const editable = (t) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA)$/.test(t.tagName));
  function dropHint(on) {
    clearTimeout(hintTimer);
    $('drop-hint').hidden = !on;
    if (on) hintTimer = setTimeout(() => { $('drop-hint').hidden = true; }, 1500);  // dragover repeats while the drag lasts
  }
  window.addEventListener('dragenter', (e) => { if (carriesFiles(e)) { e.preventDefault(); dropHint(true); } });
  window.addEventListener('dragover', (e) => {
    if (carriesFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; dropHint(true); }
    else if (!editable(e.target)) e.preventDefault();  // a dragged link would replace the page
  });
  window.addEventListener('dragleave', (e) => {
    // leaving the window, not passing from one element to the next
    if (!e.relatedTarget && (e.clientX <= 0 || e.clientY <= 0 || e.clientX >= innerWidth || e.clientY >= innerHeight)) dropHint(false);
  });
  window.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) { if (!editable(e.target)) e.preventDefault(); return; }
    e.preventDefault();
    dropHint(false);
    const files = e.dataTransfer.files;
    if (files.length === 1) loadDatasetFile(files[0]);
    else showNotice(files.length ? `Drop one dataset file at a time: ${files.length} were dropped, and none was loaded.` : 'Nothing to load: drop a dataset file (.json).');
  });

  const listeners = [];  // techmap.subscribe(): called by changed() after each change of the model
  // window.techmap: the page's JavaScript API (see README).
  window.techmap = {
    // The whole view as a URL fragment, and opening one (returns what it could not apply).
    link: () => call('techmap_link'),
    openLink: (fragment) => openLink(fragment),
    summary: () => call('techmap_summary'),
    figuresCsv: () => call('techmap_figures_csv'),
    story: () => JSON.parse(call('techmap_story')),
    // Panel actions by name: 'story-step:2', 'mode:presentation', 'export-png', 'export-csv', 'copy-link'...
    action: (name) => ccall('techmap_action', null, ['string'], [name]),
    ready: () => !!(window.Module && Module.calledRun && JSON.parse(call('techmap_status')).firstMapDrawn),
    status: () => JSON.parse(call('techmap_status')),
    scenario: () => JSON.parse(call('techmap_get_scenario')),
    setScenario: (s) => JSON.parse(call('techmap_set_scenario', JSON.stringify(s))),
    figures: () => JSON.parse(call('techmap_get_figures')),
    keys: () => JSON.parse(call('techmap_get_keys')),
    explain: (nodeId) => JSON.parse(call('techmap_explain', nodeId)),
    toggleMember: (iso3) => { call('techmap_toggle_member', iso3); },
    setView: (lon, lat, zoom, instant = true) => ccall('techmap_set_view', null, ['number', 'number', 'number', 'number'], [lon, lat, zoom, instant ? 1 : 0]),
    // Benchmark mode: draws the next `frames` browser frames in full (as after a toggle) and
    // resolves with the mean CPU ms per frame {totalMs, buildMs, submitMs, mapSubmitMs, maxTotalMs}.
    benchmarkFrames: (frames = 60) => new Promise((resolve) => {
      ccall('techmap_benchmark_start', null, ['number'], [frames]);
      const poll = () => {
        const r = JSON.parse(ccall('techmap_benchmark_result', 'string', [], []));
        if (r.done) resolve(r); else setTimeout(poll, 50);
      };
      poll();
    }),
    setLayer: (layer) => !!ccall('techmap_set_layer', 'number', ['string'], [layer]),
    uiItems: () => JSON.parse(call('techmap_ui_items')),
    markers: () => JSON.parse(call('techmap_markers')),
    uiTexts: () => JSON.parse(call('techmap_ui_texts')),
    countryAt: (x, y) => ccall('techmap_country_at', 'string', ['number', 'number'], [x, y]),
    screenOf: (lon, lat) => JSON.parse(ccall('techmap_screen_of', 'string', ['number', 'number'], [lon, lat])),
    subscribe: (fn) => { listeners.push(fn); return () => listeners.splice(listeners.indexOf(fn), 1); },
    // Loads a user's dataset file (same format); a bad one is refused and the current data stays.
    // Always read as a dataset, whatever the file's name; a file that is not one is refused
    // before the default data is read again.
    loadDataset: (name, text) => {
      const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text);
      const p = Module._malloc(bytes.length || 1);
      Module.HEAPU8.set(bytes, p);
      try { return ccall('techmap_load_dataset', 'string', ['string', 'number', 'number'], [String(name), p, bytes.length]); }
      finally { Module._free(p); }
    },
  };
})();
