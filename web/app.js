// app.js — loads the app: checks WebGL 2, downloads the wasm, its JS and the data with a
// progress bar, hands the data to the C++ side, and exposes window.techmap (the JS API).
'use strict';
(function () {
  const FILES = ['data/world.json', 'data/semiconductors.json', 'assets/world-110m.bin', 'assets/ui-font.ttf'];
  const LATER = ['assets/world-50m.bin'];  // fetched after the first map: detail for zooming in
  const WASM = 'techmap.wasm', JS = 'techmap.js';
  const $ = (id) => document.getElementById(id);
  const t0 = performance.now();

  function fail(msg) {
    const e = $('error');
    e.textContent = msg;
    e.hidden = false;
    $('loader').classList.add('done');
    console.warn('techmap: ' + msg);
  }
  function status(text, fraction) {
    $('loader-text').textContent = text;
    if (fraction !== undefined) $('progress').style.width = Math.round(fraction * 100) + '%';
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
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    fail('This map needs WebGL 2, which this browser or device does not provide. ' +
         'Try a recent Chrome, Firefox, Edge or Safari, or enable hardware acceleration.');
    return;
  }

  // Download everything in parallel, counting bytes for the progress bar.
  const loaded = new Map(), totals = new Map();
  function fetchWithProgress(url) {
    return fetch(url).then((res) => {
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
        const sumLoaded = [...loaded.values()].reduce((a, b) => a + b, 0);
        const sumTotal = Math.max([...totals.values()].reduce((a, b) => a + b, 0), sumLoaded, 1);
        status('Downloading… ' + Math.round(sumLoaded / 1024) + ' KB', 0.9 * sumLoaded / sumTotal);
        return pump();
      });
      return pump();
    });
  }

  const downloads = Promise.all([fetchWithProgress(WASM), ...FILES.map(fetchWithProgress)]);
  downloads.then(([wasm, ...files]) => {
    status('Starting…', 0.92);
    window.Module = {
      canvas: $('canvas'),
      wasmBinary: wasm,
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      onAbort: (what) => fail('The map stopped because of an internal error (' + what + '). Reloading the page may help.'),
      onTechmapFatal: (msg) => fail(msg),
      onTechmapFirstMap: () => {
        window.techmap.firstMapMs = performance.now() - t0;
        status('Ready', 1);
        $('loader').classList.add('done');
        updateSummary();
        Promise.all(LATER.map((u) => fetch(u).then((r) => { if (!r.ok) throw new Error(u + ': HTTP ' + r.status); return r.arrayBuffer(); })))
          .then((bufs) => {
            LATER.forEach((name, i) => addFile(name, new Uint8Array(bufs[i])));
            const problems = Module.ccall('techmap_commit_files', 'string', [], []);
            if (problems) console.warn('techmap map detail: ' + problems);
            window.techmap.detailLoaded = true;
          })
          .catch((e) => console.warn('techmap: the detailed map could not be loaded (' + e.message + '); the coarse map stays.'));
      },
      onTechmapChange: () => changed(),
      // main() has created the window and the GL context: hand the data over now
      onTechmapStarted: () => {
        FILES.forEach((name, i) => addFile(name, new Uint8Array(files[i])));
        const problems = Module.ccall('techmap_commit_files', 'string', [], []);
        if (problems) console.warn('techmap data: ' + problems);
      },
    };
    const s = document.createElement('script');
    s.src = JS;
    s.onerror = () => fail('Could not load ' + JS + '.');
    document.body.appendChild(s);
  }).catch((e) => fail('Could not download the map: ' + e.message));

  function addFile(name, bytes) {
    const p = Module._malloc(bytes.length || 1);
    Module.HEAPU8.set(bytes, p);
    Module.ccall('techmap_add_file', null, ['string', 'number', 'number'], [name, p, bytes.length]);
    Module._free(p);
  }
  const call = (fn, ...args) => Module.ccall(fn, 'string', args.map(() => 'string'), args);

  // The text summary for screen readers: the canvas alone says nothing.
  function updateSummary() {
    try {
      const f = window.techmap.figures(), s = f.scenario, sum = f.summary;
      if (!sum) return;
      const range = (r) => r[0] === r[1] ? r[0].toFixed(1) + '%' : r[0].toFixed(1) + '–' + r[1].toFixed(1) + '%';
      $('summary').textContent = (s.alliance || 'Alliance') + ': ' + (s.members.join(', ') || 'no members') +
        '. Target: ' + (s.target || 'none') + '. Choke points held: ' + sum.chokePoints + ' of ' + sum.nodesWithShares +
        ' inputs. Target access to finished chips under denial: ' + range(sum.targetAccessToOutputs) + '.';
    } catch (e) { /* not loaded yet */ }
  }

  const listeners = [];
  // After any change of the scenario: the text summary, then the page's subscribers.
  function changed() {
    updateSummary();
    listeners.forEach((f) => { try { f(); } catch (e) { console.warn(e); } });
  }
  // window.techmap: the page's JavaScript API (see README).
  window.techmap = {
    ready: () => !!(window.Module && Module.calledRun && JSON.parse(call('techmap_status')).firstMapDrawn),
    status: () => JSON.parse(call('techmap_status')),
    scenario: () => JSON.parse(call('techmap_get_scenario')),
    setScenario: (s) => { const r = JSON.parse(call('techmap_set_scenario', JSON.stringify(s))); changed(); return r; },
    figures: () => JSON.parse(call('techmap_get_figures')),
    keys: () => JSON.parse(call('techmap_get_keys')),
    explain: (nodeId) => JSON.parse(call('techmap_explain', nodeId)),
    toggleMember: (iso3) => { call('techmap_toggle_member', iso3); changed(); },
    setView: (lon, lat, zoom, instant = true) => Module.ccall('techmap_set_view', null, ['number', 'number', 'number', 'number'], [lon, lat, zoom, instant ? 1 : 0]),
    // Benchmark mode: draws the next `frames` browser frames in full (as after a toggle) and
    // resolves with the mean CPU ms per frame {totalMs, buildMs, submitMs, mapSubmitMs, maxTotalMs}.
    benchmarkFrames: (frames = 60) => new Promise((resolve) => {
      Module.ccall('techmap_benchmark_start', null, ['number'], [frames]);
      const poll = () => {
        const r = JSON.parse(Module.ccall('techmap_benchmark_result', 'string', [], []));
        if (r.done) resolve(r); else setTimeout(poll, 50);
      };
      poll();
    }),
    setLayer: (layer) => !!Module.ccall('techmap_set_layer', 'number', ['string'], [layer]),
    uiItems: () => JSON.parse(call('techmap_ui_items')),
    countryAt: (x, y) => Module.ccall('techmap_country_at', 'string', ['number', 'number'], [x, y]),
    screenOf: (lon, lat) => JSON.parse(Module.ccall('techmap_screen_of', 'string', ['number', 'number'], [lon, lat])),
    subscribe: (fn) => { listeners.push(fn); return () => listeners.splice(listeners.indexOf(fn), 1); },
    // Loads a user's dataset file (same format); a bad one is refused and the current data stays.
    loadDataset: (name, text) => {
      addFile(name, new TextEncoder().encode(text));
      return Module.ccall('techmap_commit_files', 'string', [], []);
    },
  };
})();
