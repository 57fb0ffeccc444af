/* The run report: header, timeline (one row per node), charts; zoom and pan on the time axis.
   Data: the JSON in #report-data, written by RunReportHtml from the run's RunTimeline and summary.
   Rendering is redone on every zoom or pan, for the visible window only: intervals narrower than a pixel
   are merged into one block drawn in the colour of the state that held longest, and chart buckets are
   merged until each bar is at least two pixels wide, so a 24-hour run stays responsive. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var S = D.strings;
  var NS = 'http://www.w3.org/2000/svg';
  var LABEL_W = 190, RIGHT_PAD = 16, AXIS_H = 24, CLUSTER_H = 26;
  var COLORS = {
    role: { leader: '#1f5fbf', candidate: '#f29f05', follower: '#a9c8ee', leaderless: '#dde1e8', down: '#3a3f4b' },
    membership: { alive: '#6cc070', suspect: '#f2b134', dead: '#d62728', retired: '#8c8c8c' },
    network: { connected: null, partial: '#c5a3e6', 'cut off': '#7b3fbf' },
    run: { up: null, paused: 'url(#hatch-paused)', crashed: '#1d2330' },
    gpu: { idle: '#e4e7ec', 'idle, work pending': '#f5a623', down: '#9aa1ad', busy: '#2b8cbe', failed: '#7f0000', hung: '#e377c2', straggler: '#bcbd22', misdetected: '#9edae5' },
    leader: { none: '#dde1e8' }
  };
  var LEADER_PALETTE = ['#1f5fbf', '#2a9d8f', '#6f42c1', '#b5651d', '#3d7a3d', '#8a3b8f', '#00708a', '#7a5c00'];
  var STRIPS = ['membership', 'network', 'jobs', 'gpu'];
  var FAULT_COLOR = '#8c564b';
  var view = { from: 0, to: D.endMs };
  var tips = [];

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var key in attrs) if (attrs[key] !== undefined && attrs[key] !== null) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(tag, cls, text, parent) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function fmt(ms) {
    var s = Math.floor(ms / 1000), rest = ms - s * 1000;
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    var text = (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m + ':' + (sec < 10 ? '0' : '') + sec;
    return rest ? text + '.' + String(Math.round(rest)).padStart(3, '0') : text;
  }
  function hashColor(text) {
    var h = 0;
    for (var i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 360;
    return 'hsl(' + h + ',55%,60%)';
  }
  function colorOf(kind, state) {
    if (kind === 'jobs') return state === '0' ? null : '#17a2b8';
    if (kind === 'leader' && state !== 'none') {
      if (state.indexOf(',') >= 0) return '#cf222e';
      var index = 0;
      D.nodes.forEach(function (n, i) { if (n.name === state) index = i; });
      return LEADER_PALETTE[index % LEADER_PALETTE.length];
    }
    var table = COLORS[kind];
    if (table && Object.prototype.hasOwnProperty.call(table, state)) return table[state];
    return hashColor(kind + ':' + state);
  }
  function tip(text) { tips.push(text); return tips.length - 1; }

  /* ---------- header ---------- */
  function renderHeader(root) {
    var h = D.header;
    var title = html('h1', null, h.scenario, root);
    html('span', 'badge ' + (h.passed ? 'pass' : 'fail'), h.passed ? 'PASS' : 'FAIL', title);
    if (h.description) html('div', 'sub', h.description, root);
    var facts = html('div', 'facts', null, root);
    h.facts.forEach(function (f) {
      var d = html('div', null, null, facts);
      html('span', null, f[0], d);
      html('b', 'mono', f[1], d);
    });
    var replay = html('div', 'replay mono', null, root);
    replay.textContent = (h.passed ? 'run: ' : 'replay: ') + h.replay;
    html('h2', null, 'Checks', root);
    var failed = h.checks.filter(function (c) { return !c.passed; });
    if (failed.length || h.expectationFailures.length) {
      var table = html('table', 'checks', null, root);
      failed.forEach(function (c) {
        var tr = html('tr', 'check-failed', null, table);
        html('td', 'bad', 'FAIL', tr);
        html('td', 'mono', c.name, tr);
        html('td', 'mono', fmt(c.atMs), tr);
        html('td', null, c.message, tr);
      });
      h.expectationFailures.forEach(function (f) {
        var tr = html('tr', 'check-failed', null, table);
        html('td', 'bad', 'FAIL', tr);
        html('td', 'mono', 'expect', tr);
        html('td', null, '', tr);
        html('td', null, f, tr);
      });
    }
    var chips = html('div', 'chips', null, root);
    h.checks.forEach(function (c) {
      if (!c.passed) return;
      var chip = html('span', 'chip mono', '✓ ' + c.name, chips);
      if (c.message) chip.title = c.message;
    });
    var held = h.checks.filter(function (c) { return c.passed && c.message; });
    if (held.length) html('span', 'note', held[0].message, chips);
    if (h.truncated) html('p', 'note', 'The timeline hit its size bound and stops recording new intervals past it; the summary above is complete.', root);
  }

  /* ---------- layout ---------- */
  var lanesByNode = {}, clusterLanes = {}, extraKinds = [];
  D.lanes.forEach(function (lane) {
    if (lane.node < 0) { clusterLanes[lane.kind] = lane; return; }
    (lanesByNode[lane.node] = lanesByNode[lane.node] || {})[lane.kind] = lane;
    if (lane.kind !== 'role' && lane.kind !== 'run' && STRIPS.indexOf(lane.kind) < 0 && extraKinds.indexOf(lane.kind) < 0) extraKinds.push(lane.kind);
  });
  var strips = STRIPS.concat(extraKinds).concat(['faults']);
  var ROLE_H = 12, STRIP_H = 4, ROW_GAP = 5;
  var ROW_H = 2 + ROLE_H + 1 + strips.length * (STRIP_H + 1) + ROW_GAP;
  var nodeWindows = {}, clusterWindows = [];
  D.windows.forEach(function (w) {
    if (w[4].length === 0) clusterWindows.push(w);
    else w[4].forEach(function (n) { (nodeWindows[n] = nodeWindows[n] || []).push(w); });
  });

  function plotWidth(svg) { return Math.max(200, svg.parentNode.clientWidth - LABEL_W - RIGHT_PAD); }
  function xOf(ms, width) { return LABEL_W + (ms - view.from) / (view.to - view.from) * width; }

  /* Binary search: the first interval (stride 4) whose end is after `from`. */
  function firstVisible(iv, from) {
    var lo = 0, hi = iv.length / 4;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (iv[mid * 4 + 1] <= from) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /* Draws a lane's intervals between y and y+h, merging runs narrower than a pixel into one block. */
  function drawLane(g, lane, y, h, width, label) {
    var iv = lane.iv, n = iv.length / 4, block = null;
    function flush() {
      if (!block) return;
      var best = null, bestLen = -1;
      for (var k in block.len) if (block.len[k] > bestLen) { best = k; bestLen = block.len[k]; }
      var fill = colorOf(lane.kind, best);
      if (fill) {
        var text = block.count === 1 ? label + ': ' + best + '  ' + fmt(block.start) + ' – ' + fmt(block.end) + '\n' + S[block.detail]
          : label + ': ' + block.count + ' changes ' + fmt(block.start) + ' – ' + fmt(block.end) + ', mostly ' + best + '\nlast: ' + S[block.detail];
        var id = tip(text);
        el('rect', { x: block.x0, y: y, width: Math.max(1, block.x1 - block.x0), height: h, fill: fill, 'data-tip': id }, g);
        if (label === 'leader' && best !== 'none' && block.x1 - block.x0 > 8 * best.length + 12) {
          var name = el('text', { x: block.x0 + 5, y: y + h - 2, fill: '#fff', 'font-weight': 700, 'data-tip': id }, g);
          name.textContent = best.indexOf(',') >= 0 ? 'TWO LEADERS: ' + best : best;
        }
      }
      block = null;
    }
    for (var i = firstVisible(iv, view.from); i < n; i++) {
      var start = iv[i * 4], end = iv[i * 4 + 1];
      if (start >= view.to) break;
      var state = S[iv[i * 4 + 2]];
      var x0 = Math.max(LABEL_W, xOf(start, width)), x1 = Math.min(LABEL_W + width, xOf(end, width));
      if (block && (x1 - x0 >= 1 || x0 - block.x1 >= 1)) flush();
      if (!block) block = { x0: x0, x1: x1, start: start, end: end, len: {}, count: 0, detail: iv[i * 4 + 3] };
      block.x1 = Math.max(block.x1, x1);
      block.end = end;
      block.count++;
      block.detail = iv[i * 4 + 3];
      block.len[state] = (block.len[state] || 0) + (end - start);
      if (x1 - block.x0 >= 1) flush();
    }
    flush();
  }

  function drawWindows(g, windows, y, h, width, shadeY, shadeH, shades) {
    windows.forEach(function (w) {
      if (w[1] <= view.from || w[0] >= view.to) return;
      var x0 = Math.max(LABEL_W, xOf(w[0], width)), x1 = Math.min(LABEL_W + width, xOf(w[1], width));
      var text = 'fault ' + S[w[2]] + '  ' + fmt(w[0]) + ' – ' + fmt(w[1]) + '\n' + S[w[3]];
      el('rect', { x: x0, y: shadeY, width: Math.max(1, x1 - x0), height: shadeH, fill: 'rgba(140,86,75,0.08)', 'pointer-events': 'none' }, shades);
      el('rect', { x: x0, y: y, width: Math.max(2, x1 - x0), height: h, fill: FAULT_COLOR, 'class': 'fault-window', 'data-tip': tip(text) }, g);
    });
  }

  function niceStep(spanMs, pixels) {
    var target = spanMs / Math.max(2, pixels / 110);
    var steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5];
    for (var i = 0; i < steps.length; i++) if (steps[i] >= target) return steps[i];
    return steps[steps.length - 1];
  }

  function drawAxis(svg, width, height) {
    var g = el('g', { 'class': 'axis' }, svg);
    var step = niceStep(view.to - view.from, width);
    for (var t = Math.ceil(view.from / step) * step; t <= view.to; t += step) {
      var x = xOf(t, width);
      el('line', { x1: x, x2: x, y1: AXIS_H - 4, y2: height, 'class': 'grid' }, g);
      var label = el('text', { x: x + 3, y: AXIS_H - 8 }, g);
      label.textContent = fmt(t);
    }
  }

  function drawMarks(svg, width, top, height, rowY) {
    var g = el('g', { 'class': 'marks' }, svg);
    D.marks.forEach(function (m) {
      var at = m[0], node = m[1], kind = S[m[2]], label = S[m[3]], detail = S[m[4]];
      var x = xOf(at, width);
      var visible = at >= view.from && at <= view.to;
      if (kind === 'violation') {
        var v = el('g', { 'class': 'violation-mark', 'data-tip': tip('VIOLATION ' + label + ' at ' + fmt(at) + '\n' + detail), 'data-visible': visible ? '1' : '0' }, g);
        if (!visible) return;
        el('line', { x1: x, x2: x, y1: top, y2: height, stroke: '#cf222e', 'stroke-width': 2, 'data-tip': v.getAttribute('data-tip') }, v);
        el('path', { d: 'M' + x + ' ' + (top - 1) + 'l6 7l-6 7l-6-7z', fill: '#cf222e', 'data-tip': v.getAttribute('data-tip') }, v);
        var left = x > LABEL_W + width - 160, boxW = label.length * 6.6 + 8;
        el('rect', { x: left ? x - 10 - boxW : x + 6, y: top + 1, width: boxW, height: 14, rx: 3, fill: '#fff', stroke: '#cf222e', 'data-tip': v.getAttribute('data-tip') }, v);
        var t = el('text', { x: left ? x - 14 : x + 10, y: top + 11, fill: '#cf222e', 'font-weight': 700, 'text-anchor': left ? 'end' : 'start', 'data-tip': v.getAttribute('data-tip') }, v);
        t.textContent = label;
        return;
      }
      if (!visible) return;
      var y = node < 0 ? top + 2 : rowY(node);
      var id = tip(kind + ' ' + label + ' at ' + fmt(at) + '\n' + detail);
      if (kind === 'epoch') {
        el('line', { x1: x, x2: x, y1: top, y2: height, stroke: '#1f5fbf', 'stroke-dasharray': '2,3', 'stroke-width': 1, opacity: 0.55, 'pointer-events': 'none' }, g);
        el('path', { d: 'M' + (x - 4) + ' ' + (y - 1) + 'h8l-4 6z', fill: '#f29f05', stroke: '#fff', 'stroke-width': 0.5, 'data-tip': id }, g);
        var end = x > LABEL_W + width - 60;
        var e = el('text', { x: end ? x - 6 : x + 6, y: y + 10, 'font-weight': 700, fill: end ? '#0b2f66' : '#fff', 'text-anchor': end ? 'end' : 'start', 'data-tip': id }, g);
        e.textContent = 'epoch ' + label.replace(/^e/, '');
      } else {
        var color = kind === 'alert' ? '#e36209' : kind === 'heal' ? '#1a7f37' : '#6f42c1';
        el('circle', { cx: x, cy: y + 5, r: 3.5, fill: color, stroke: '#fff', 'data-tip': id }, g);
      }
    });
  }

  function renderTimeline(svg) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    tips = [];
    var width = plotWidth(svg), nodes = D.nodes;
    var top = AXIS_H, rowsTop = top + CLUSTER_H;
    var height = rowsTop + nodes.length * ROW_H + 4;
    svg.setAttribute('width', LABEL_W + width + RIGHT_PAD);
    svg.setAttribute('height', height);
    var defs = el('defs', {}, svg);
    var pattern = el('pattern', { id: 'hatch-paused', width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, defs);
    el('rect', { width: 5, height: 5, fill: '#ffe08a' }, pattern);
    el('line', { x1: 0, y1: 0, x2: 0, y2: 5, stroke: '#b8860b', 'stroke-width': 2 }, pattern);
    var clip = el('clipPath', { id: 'plot-clip' }, defs);
    el('rect', { x: LABEL_W, y: 0, width: width, height: height }, clip);
    drawAxis(svg, width, height);
    var shades = el('g', { 'clip-path': 'url(#plot-clip)' }, svg);
    var g = el('g', { 'clip-path': 'url(#plot-clip)' }, svg);
    var labels = el('g', {}, svg);
    var cl = el('text', { x: 6, y: top + 15, 'font-weight': 700 }, labels);
    cl.textContent = 'cluster leader';
    if (clusterLanes.leader) drawLane(g, clusterLanes.leader, top + 3, 13, width, 'leader');
    drawWindows(g, clusterWindows, top + 17, 3, width, top, height - top, shades);
    nodes.forEach(function (node, i) { renderRow(g, labels, shades, node, i, rowsTop + i * ROW_H, width); });
    drawMarks(svg, width, top, height, function (n) { return rowsTop + n * ROW_H + 1; });
  }

  function renderRow(g, labels, shades, node, i, y, width) {
    var lanes = lanesByNode[i] || {};
    var row = el('g', { 'class': 'node-lane', 'data-node': node.name }, g);
    if (i % 2 === 1) el('rect', { x: LABEL_W, y: y - 2, width: width, height: ROW_H, fill: '#fafbfc', 'pointer-events': 'none' }, shades);
    var label = el('text', { x: 6, y: y + 11, 'class': node.voter ? 'label-voter' : null }, labels);
    label.textContent = node.name + (node.voter ? ' ★' : '') + (node.nat ? ' (nat)' : '');
    var info = node.name + (node.voter ? ', voter' : '') + (node.gpus ? ', ' + node.gpus + '× ' + node.gpu : ', CPU only') + (node.nat ? ', behind NAT' : '');
    label.setAttribute('data-tip', tip(info));
    if (lanes.role) drawLane(row, lanes.role, y + 2, ROLE_H, width, node.name + ' role');
    if (lanes.run) drawLane(row, lanes.run, y + 2, ROLE_H, width, node.name + ' run');
    var sy = y + 2 + ROLE_H + 1;
    strips.forEach(function (kind) {
      if (kind === 'faults') drawWindows(row, nodeWindows[i] || [], sy, STRIP_H, width, y - 2, ROW_H, shades);
      else if (lanes[kind]) drawLane(row, lanes[kind], sy, STRIP_H, width, node.name + ' ' + kind);
      sy += STRIP_H + 1;
    });
  }

  /* ---------- charts ---------- */
  // GPU series count GPU shares: JobMetrics.GpuShares to one GPU.
  var GPU_SHARES = 12;
  var CHARTS = [
    { name: 'messages_sent', title: 'messages per second', rate: true, color: '#4c78a8' },
    { name: 'leader_changes', title: 'leader changes', color: '#1f5fbf', always: true },
    { name: 'elections', title: 'elections started', color: '#f29f05' },
    { name: 'member_state_changes', title: 'membership state changes', color: '#d62728' },
    { name: 'jobs_running', title: 'jobs running', color: '#17a2b8' },
    { name: 'gpus_busy', title: 'GPUs busy', scale: 1 / GPU_SHARES, color: '#2b8cbe' },
    { name: 'gpu_busy_micros', title: 'GPU busy fraction (after warm-up)', ratio: 'gpu_capacity_micros', color: '#2b8cbe' },
    { name: 'gpu_capacity_micros', hidden: true },
    { name: 'gpu_idle_pending_micros', title: 'idle GPU-seconds while work pending', scale: 1e-6 / GPU_SHARES, color: '#f5a623' },
    { name: 'jobs_pending', title: "jobs pending (leader's book)", color: '#e36209' }
  ];
  var GAMES = 'games:';

  function seriesNamed(name) {
    for (var i = 0; i < D.series.length; i++) if (D.series[i].name === name) return D.series[i];
    return null;
  }

  function chartList() {
    var known = {}, list = [];
    CHARTS.forEach(function (c) { known[c.name] = c; });
    var games = D.series.filter(function (s) { return s.name.indexOf(GAMES) === 0 && s.values.some(function (v) { return v > 0; }); });
    D.series.forEach(function (s) {
      if (s.name.indexOf(GAMES) === 0 || (known[s.name] && known[s.name].hidden)) return;
      var spec = known[s.name] || { name: s.name, title: s.name.replace(/_/g, ' '), color: hashColor(s.name) };
      if (s.name === 'gpus_busy') spec.title = 'GPUs busy (of ' + D.nodes.reduce(function (sum, n) { return sum + n.gpus; }, 0) + ')';
      var any = s.values.some(function (v) { return v > 0; });
      if (any || spec.always || spec.rate) list.push({ spec: spec, series: s });
    });
    if (games.length) list.push({ spec: { name: 'games', title: 'games per hour, by config (stacked)', stack: games }, series: games[0] });
    return list;
  }

  function renderCharts(svg) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var width = plotWidth(svg), list = chartList(), CH = 64, GAP = 22;
    var height = list.length * (CH + GAP) + 8;
    svg.setAttribute('width', LABEL_W + width + RIGHT_PAD);
    svg.setAttribute('height', height);
    list.forEach(function (item, k) { renderChart(svg, item, width, 8 + k * (CH + GAP) + 14, CH); });
  }

  function renderChart(svg, item, width, y, h) {
    if (item.spec.stack) return renderStack(svg, item.spec, width, y, h);
    var spec = item.spec, values = item.series.values, bucket = D.bucketMs, gauge = item.series.kind === 'gauge';
    var den = spec.ratio ? (seriesNamed(spec.ratio) || { values: [] }).values : null;
    var first = Math.max(0, Math.floor(view.from / bucket)), last = Math.min(values.length - 1, Math.ceil(view.to / bucket));
    var per = Math.max(1, Math.ceil((last - first + 1) / (width / 2)));
    var bars = [], max = 0;
    for (var b = Math.floor(first / per) * per; b <= last; b += per) {
      var sum = 0, peak = 0, whole = 0;
      for (var j = b; j < b + per && j < values.length; j++) { sum += values[j]; peak = Math.max(peak, values[j]); whole += den ? den[j] || 0 : 0; }
      var value = gauge ? peak * (spec.scale || 1) : spec.rate ? sum / (per * bucket / 1000) : den ? (whole ? 100 * sum / whole : 0) : sum * (spec.scale || 1);
      bars.push([b * bucket, (b + per) * bucket, value]);
      max = Math.max(max, value);
    }
    var t = el('text', { x: 6, y: y - 3, 'font-weight': 700 }, svg);
    t.textContent = spec.title;
    var m = el('text', { x: 6, y: y + 12, fill: '#5b6478' }, svg);
    var round = Math.round(max * 10) / 10;
    if (den) max = 100;
    m.textContent = den ? 'percent of usable GPU time' : spec.rate ? 'max ' + round + '/s, bars of ' + fmt(per * bucket) : gauge ? 'max ' + round : 'max ' + round + ' per ' + fmt(per * bucket);
    el('line', { x1: LABEL_W, x2: LABEL_W + width, y1: y + h, y2: y + h, stroke: '#c9ced8' }, svg);
    var g = el('g', {}, svg);
    bars.forEach(function (bar) {
      if (bar[2] <= 0) return;
      var x0 = Math.max(LABEL_W, xOf(bar[0], width)), x1 = Math.min(LABEL_W + width, xOf(bar[1], width));
      if (x1 <= x0) return;
      var bh = Math.max(1, bar[2] / (max || 1) * h);
      var text = spec.title + ': ' + (Math.round(bar[2] * 100) / 100) + '\n' + fmt(bar[0]) + ' – ' + fmt(bar[1]);
      el('rect', { x: x0, y: y + h - bh, width: Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 0.5 : 0)), height: bh, fill: spec.color, 'data-tip': tip(text) }, g);
    });
  }

  /* One bar per merged bucket (a quarter hour at least), one segment per config, heights in games per hour; colours by config name. */
  function renderStack(svg, spec, width, y, h) {
    var bucket = D.bucketMs, n = spec.stack[0].values.length;
    var first = Math.max(0, Math.floor(view.from / bucket)), last = Math.min(n - 1, Math.ceil(view.to / bucket));
    // Games are credited when a job ends, so bars are at least a quarter hour wide or the rate is all spikes.
    var per = Math.max(1, Math.ceil((last - first + 1) / (width / 2)), Math.ceil(900000 / bucket)), hours = per * bucket / 3600000;
    var bars = [], max = 0;
    for (var b = Math.floor(first / per) * per; b <= last; b += per) {
      var parts = spec.stack.map(function (s) {
        var sum = 0;
        for (var j = b; j < b + per && j < n; j++) sum += s.values[j];
        return sum / hours;
      });
      var total = parts.reduce(function (a, v) { return a + v; }, 0);
      bars.push([b * bucket, (b + per) * bucket, parts, total]);
      max = Math.max(max, total);
    }
    var t = el('text', { x: 6, y: y - 3, 'font-weight': 700 }, svg);
    t.textContent = spec.title;
    var m = el('text', { x: 6, y: y + 12, fill: '#5b6478' }, svg);
    m.textContent = 'max ' + Math.round(max) + '/h, bars of ' + fmt(per * bucket);
    el('line', { x1: LABEL_W, x2: LABEL_W + width, y1: y + h, y2: y + h, stroke: '#c9ced8' }, svg);
    var g = el('g', { 'class': 'games-stack' }, svg);
    bars.forEach(function (bar) {
      if (bar[3] <= 0) return;
      var x0 = Math.max(LABEL_W, xOf(bar[0], width)), x1 = Math.min(LABEL_W + width, xOf(bar[1], width));
      if (x1 <= x0) return;
      var lines = [spec.title + ', ' + fmt(bar[0]) + ' – ' + fmt(bar[1]) + ': ' + Math.round(bar[3]) + '/h'];
      bar[2].forEach(function (v, k) { if (v > 0) lines.push(spec.stack[k].name.slice(GAMES.length) + ': ' + Math.round(v) + '/h'); });
      var id = tip(lines.join('\n')), top = y + h;
      bar[2].forEach(function (v, k) {
        if (v <= 0) return;
        var bh = v / (max || 1) * h;
        top -= bh;
        el('rect', { x: x0, y: top, width: Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 0.5 : 0)), height: bh, fill: hashColor(spec.stack[k].name), 'data-tip': id }, g);
      });
    });
  }

  /* ---------- legend, controls, interaction ---------- */
  function renderLegend(root) {
    var legend = html('div', 'legend', null, root);
    function item(color, text) {
      var span = html('span', null, null, legend);
      var i = html('i', null, null, span);
      i.style.background = color;
      span.appendChild(document.createTextNode(text));
    }
    ['leader', 'candidate', 'follower', 'leaderless', 'down'].forEach(function (s) { item(COLORS.role[s], s); });
    item('repeating-linear-gradient(45deg,#ffe08a 0 2px,#b8860b 2px 4px)', 'paused');
    ['alive', 'suspect', 'dead', 'retired'].forEach(function (s) { item(COLORS.membership[s], 'seen ' + s); });
    item(COLORS.network.partial, 'some links cut');
    item(COLORS.network['cut off'], 'cut off');
    item('#17a2b8', 'jobs running');
    item(COLORS.gpu.busy, 'GPU busy');
    item(COLORS.gpu['idle, work pending'], 'GPU idle, work pending');
    item(COLORS.gpu.idle, 'GPU idle');
    item('#e36209', 'alert (dot)');
    item(FAULT_COLOR, 'fault in force (shaded)');
    html('span', null, 'Row: role bar, then membership (as most nodes see it), network, jobs, GPU' + (extraKinds.length ? ', ' + extraKinds.join(', ') : '') + ', faults. ★ voter. ▼ epoch at each election.', legend);
  }

  function setView(from, to) {
    var span = Math.max(Math.min(D.endMs, 50), to - from);
    if (span > D.endMs) span = D.endMs;
    from = Math.max(0, Math.min(from, D.endMs - span));
    view.from = from;
    view.to = from + span;
    schedule();
  }

  var pending = false, timelineSvg, chartSvg, rangeText;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  }
  function draw() {
    renderTimeline(timelineSvg);
    renderCharts(chartSvg);
    rangeText.textContent = fmt(view.from) + ' – ' + fmt(view.to) + '  (bucket ' + fmt(D.bucketMs) + ')';
  }

  function zoomAt(factor, centerMs) {
    var from = centerMs - (centerMs - view.from) * factor, to = centerMs + (view.to - centerMs) * factor;
    setView(from, to);
  }

  function attach(plot, svg) {
    var drag = null;
    plot.addEventListener('wheel', function (e) {
      e.preventDefault();
      var rect = svg.getBoundingClientRect(), width = plotWidth(svg);
      var ms = view.from + (e.clientX - rect.left - LABEL_W) / width * (view.to - view.from);
      zoomAt(e.deltaY < 0 ? 0.8 : 1.25, Math.max(view.from, Math.min(view.to, ms)));
    }, { passive: false });
    plot.addEventListener('mousedown', function (e) { drag = { x: e.clientX, from: view.from, to: view.to }; plot.classList.add('dragging'); });
    window.addEventListener('mouseup', function () { drag = null; plot.classList.remove('dragging'); });
    window.addEventListener('mousemove', function (e) {
      if (!drag) return;
      var shift = (drag.x - e.clientX) / plotWidth(svg) * (drag.to - drag.from);
      setView(drag.from + shift, drag.to + shift);
    });
    plot.addEventListener('dblclick', function () { setView(0, D.endMs); });
  }

  function attachTooltip() {
    var box = document.getElementById('tooltip');
    document.addEventListener('mousemove', function (e) {
      var target = e.target && e.target.closest ? e.target.closest('[data-tip]') : null;
      if (!target) { box.hidden = true; return; }
      box.textContent = tips[Number(target.getAttribute('data-tip'))] || '';
      box.hidden = false;
      var x = Math.min(e.clientX + 14, window.innerWidth - box.offsetWidth - 8);
      box.style.left = x + 'px';
      box.style.top = (e.clientY + 16) + 'px';
    });
  }

  function controls(root) {
    var bar = html('div', 'controls', null, root);
    function button(text, action) { var b = html('button', null, text, bar); b.type = 'button'; b.addEventListener('click', action); }
    button('−', function () { zoomAt(1.6, (view.from + view.to) / 2); });
    button('+', function () { zoomAt(0.6, (view.from + view.to) / 2); });
    button('◀', function () { var s = (view.to - view.from) / 3; setView(view.from - s, view.to - s); });
    button('▶', function () { var s = (view.to - view.from) / 3; setView(view.from + s, view.to + s); });
    button('whole run', function () { setView(0, D.endMs); });
    D.marks.forEach(function (m) {
      if (S[m[2]] !== 'violation') return;
      button('⚠ ' + S[m[3]] + ' at ' + fmt(m[0]), function () { var s = Math.max(60000, D.endMs / 20); setView(m[0] - s / 2, m[0] + s / 2); });
    });
    rangeText = html('span', 'range mono', '', bar);
    html('span', 'note', 'wheel: zoom · drag: pan · double-click: whole run · hover: details', bar);
  }

  /* With #selftest in the URL (the browser test): redraw at 20 zoom levels, from the whole run down to a
     thousandth of it, recording the mean redraw time in body[data-redraw-ms]; then hover the first mark and
     record the tooltip's text in body[data-tooltip]. */
  function selftest() {
    var started = performance.now();
    for (var k = 0; k < 20; k++) {
      var span = D.endMs * Math.pow(0.7, k), center = D.endMs * (0.2 + 0.03 * k);
      view.from = Math.max(0, center - span / 2);
      view.to = Math.min(D.endMs, view.from + span);
      draw();
    }
    document.body.setAttribute('data-redraw-ms', String(Math.round((performance.now() - started) / 20)));
    view.from = 0;
    view.to = D.endMs;
    draw();
    var mark = document.querySelector('#timeline .marks [data-tip]') || document.querySelector('#timeline .node-lane [data-tip]');
    if (!mark) return;
    var box = mark.getBoundingClientRect();
    mark.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + 1, clientY: box.top + 1 }));
    document.body.setAttribute('data-tooltip', document.getElementById('tooltip').textContent);
  }

  function main() {
    var root = document.getElementById('app');
    root.textContent = '';
    renderHeader(root);
    html('h2', null, 'Timeline', root);
    controls(root);
    renderLegend(root);
    var plot = html('div', 'plot', null, root);
    timelineSvg = el('svg', { id: 'timeline' }, plot);
    html('h2', null, 'Over time', root);
    var chartPlot = html('div', 'plot', null, root);
    chartSvg = el('svg', { id: 'charts' }, chartPlot);
    attach(plot, timelineSvg);
    attach(chartPlot, chartSvg);
    attachTooltip();
    window.addEventListener('resize', schedule);
    var started = performance.now();
    draw();
    document.body.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
    if (location.hash === '#selftest') selftest();
    document.body.setAttribute('data-lanes', String(document.querySelectorAll('#timeline .node-lane').length));
    document.body.setAttribute('data-gpu-lanes', String(D.lanes.filter(function (l) { return l.kind === 'gpu'; }).length));
    document.body.setAttribute('data-alert-marks', String(D.marks.filter(function (m) { return S[m[2]] === 'alert'; }).length));
    document.body.setAttribute('data-charts', chartList().map(function (c) { return c.spec.name; }).join(' '));
    document.body.setAttribute('data-violation-marks', String(document.querySelectorAll('#timeline .violation-mark').length));
    document.body.setAttribute('data-ready', '1');
  }

  main();
})();
