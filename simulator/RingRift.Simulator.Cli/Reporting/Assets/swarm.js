/* The swarm report: seeds run, failures grouped by violated check and by the fault kinds present (each
   failure with its replay command), and histograms of per-seed figures across the seeds.
   Data: the JSON in #report-data, written by SwarmReportHtml from the same results the text output prints. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';

  function html(tag, cls, text, parent) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function group(runs, keysOf) {
    var groups = {};
    runs.forEach(function (run) {
      keysOf(run).forEach(function (key) { (groups[key] = groups[key] || []).push(run); });
    });
    return Object.keys(groups).sort().map(function (key) { return { key: key, runs: groups[key] }; });
  }

  function renderHeader(root, runs, failed) {
    var h = D.header;
    var title = html('h1', null, 'swarm: ' + h.scenario, root);
    html('span', 'badge ' + (failed.length ? 'fail' : 'pass'), failed.length ? failed.length + ' FAILED' : 'ALL PASS', title);
    if (h.description) html('div', 'sub', h.description, root);
    var facts = html('div', 'facts', null, root);
    var wall = runs.reduce(function (sum, r) { return sum + r.wallMs; }, 0);
    [['scenario file', h.path], ['seeds', h.first + '..' + h.last], ['seeds run', String(runs.length)], ['failed', String(failed.length)],
     ['safety phase', h.safetyPhase], ['liveness phase', h.livenessPhase], ['simulation wall time', (wall / 1000).toFixed(1) + ' s']].forEach(function (f) {
      var d = html('div', null, null, facts);
      html('span', null, f[0], d);
      html('b', 'mono', f[1], d);
    });
  }

  function renderGroups(root, runs, failed) {
    html('h2', null, 'Failures', root);
    var grid = html('div', 'groups', null, root);
    var byCheck = html('div', 'card', null, grid);
    html('h3', null, 'By violated check', byCheck);
    if (!failed.length) html('div', 'note', 'No seed failed.', byCheck);
    group(failed, function (r) { return [r.check]; }).forEach(function (g) {
      html('div', null, g.key + ': ' + g.runs.length + ' seed' + (g.runs.length > 1 ? 's' : '') + ' (' + g.runs.map(function (r) { return r.seed; }).slice(0, 20).join(', ') + (g.runs.length > 20 ? ', …' : '') + ')', byCheck);
    });
    var byFault = html('div', 'card', null, grid);
    html('h3', null, 'By fault kind present: failed / seeds with it', byFault);
    group(runs, function (r) { return r.faults.length ? r.faults : ['(none)']; }).forEach(function (g) {
      var bad = g.runs.filter(function (r) { return r.failed; }).length;
      var line = html('div', 'mono', g.key + ': ' + bad + ' / ' + g.runs.length, byFault);
      if (bad) line.style.color = 'var(--fail)';
    });
    if (!failed.length) return;
    html('h3', null, 'Each failure', root);
    html('p', 'note', 'Add --report seed.html to a replay command to see that run\'s timeline.', root);
    failed.forEach(function (r) {
      var row = html('div', 'fail-row failure', null, root);
      html('b', null, 'seed ' + r.seed + ' ', row);
      html('span', null, 'faults=' + (r.faults.join(',') || 'none') + ' — ' + r.message, row);
      html('code', 'mono', 'replay: ' + r.replay, row);
    });
  }

  function histogram(root, title, unit, values) {
    var card = html('div', 'card', null, root);
    html('h3', null, title, card);
    if (!values.length) { html('div', 'note', 'no samples', card); return; }
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var min = sorted[0], max = sorted[sorted.length - 1];
    var bins = Math.min(24, Math.max(1, Math.ceil(Math.sqrt(values.length)))), width = (max - min) / bins || 1;
    var counts = new Array(bins).fill(0);
    values.forEach(function (v) { counts[Math.min(bins - 1, Math.floor((v - min) / width))]++; });
    var top = Math.max.apply(null, counts), W = 340, H = 110, bw = W / bins;
    var svg = el('svg', { width: W + 40, height: H + 30, 'class': 'histogram' }, card);
    counts.forEach(function (c, i) {
      if (!c) return;
      var h = c / top * H;
      var bar = el('rect', { x: 30 + i * bw, y: H - h + 4, width: Math.max(1, bw - 1), height: h, fill: '#4c78a8' }, svg);
      var t = el('title', {}, bar);
      t.textContent = c + ' in [' + (min + i * width).toFixed(1) + ', ' + (min + (i + 1) * width).toFixed(1) + ') ' + unit;
    });
    el('line', { x1: 30, x2: 30 + W, y1: H + 4, y2: H + 4, stroke: '#c9ced8' }, svg);
    [[min, 'start'], [max, 'end']].forEach(function (p) {
      var t = el('text', { x: p[1] === 'start' ? 30 : 30 + W, y: H + 18, 'text-anchor': p[1] }, svg);
      t.textContent = (Math.round(p[0] * 10) / 10) + ' ' + unit;
    });
    var yl = el('text', { x: 26, y: 14, 'text-anchor': 'end' }, svg);
    yl.textContent = String(top);
    var p50 = sorted[Math.floor((sorted.length - 1) * 0.5)], p99 = sorted[Math.ceil((sorted.length - 1) * 0.99)];
    html('div', 'note', values.length + ' samples · p50 ' + (Math.round(p50 * 10) / 10) + ' · p99 ' + (Math.round(p99 * 10) / 10) + ' · max ' + (Math.round(max * 10) / 10) + ' ' + unit, card);
  }

  function flat(runs, field, scale) {
    var out = [];
    runs.forEach(function (r) { r[field].forEach(function (v) { out.push(v / scale); }); });
    return out;
  }
  function each(runs, field) { return runs.map(function (r) { return r[field]; }); }

  function main() {
    var root = document.getElementById('app');
    root.textContent = '';
    var runs = D.runs, failed = runs.filter(function (r) { return r.failed; });
    renderHeader(root, runs, failed);
    renderGroups(root, runs, failed);
    html('h2', null, 'Across seeds', root);
    var grid = html('div', 'groups', null, root);
    histogram(grid, 'time to new leader (each loss of leadership)', 's', flat(runs, 'leaderGapsMs', 1000));
    histogram(grid, 'time to declare a crashed node dead', 's', flat(runs, 'deadDetectionsMs', 1000));
    var work = runs.filter(function (r) { return r.gpuBusyBasisPoints !== undefined; });
    if (work.length) {
      histogram(grid, 'GPU busy fraction per seed (after warm-up)', '%', work.map(function (r) { return r.gpuBusyBasisPoints / 100; }));
      histogram(grid, 'idle GPU-seconds while work pending, per seed', 's', each(work, 'idleGpuSecondsWhilePending'));
    }
    document.body.setAttribute('data-work-histograms', String(work.length ? 2 : 0));
    histogram(grid, 'leader changes per seed', '', each(runs, 'leaderChanges'));
    histogram(grid, 'membership state changes per seed', '', each(runs, 'memberStateChanges'));
    histogram(grid, 'false dead declarations per seed', '', each(runs, 'falseDead'));
    histogram(grid, 'wall time per seed', 'ms', each(runs, 'wallMs'));
    document.body.setAttribute('data-failures', String(document.querySelectorAll('.failure').length));
    document.body.setAttribute('data-ready', '1');
  }

  main();
})();
