// Klantreis's HTML viewer, part 1 of 3: the page's frame, the views with pan and zoom, the
// focusable cards, stages and curve steps, search and the department lenses. The three parts
// are joined inside one function by `export::html` (so they share one scope and nothing is
// global); each is a fragment, not a script of its own. Written for this page, no framework:
// everything is built with textContent, never as markup.
  'use strict';

  var SVGNS = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('klantreis-data').textContent);
  var words = {};
  data.words.forEach(function (w) { words[w[0]] = w[1]; });
  var pictures = Array.prototype.slice.call(document.querySelectorAll('#pictures > .picture'));

  // ---- small helpers -------------------------------------------------------------------

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }

  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function fill(template, key, value) {
    return template.split('%{' + key + '}').join(value);
  }

  function fold(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function say(text) {
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  // ---- the page's frame ----------------------------------------------------------------

  var bar = el('header', { 'class': 'bar' });
  var heading = el('h1', { text: data.project.title || 'Klantreis' });
  var tabs = el('nav', { 'class': 'tabs', 'aria-label': words.maps });
  var search = el('input', {
    type: 'search', id: 'search', placeholder: words.search, 'aria-label': words.search,
    autocomplete: 'off'
  });
  var found = el('span', { 'class': 'found', 'aria-live': 'polite' });
  var lensLabel = el('label', { 'for': 'lens', text: words.lens });
  var lens = el('select', { id: 'lens' });
  var lensBox = el('span', { 'class': 'lensbox' }, [lensLabel, lens]);
  var zoomOut = el('button', { type: 'button', 'aria-label': words.zoom_out, title: words.zoom_out, text: '\u2212' });
  var zoomIn = el('button', { type: 'button', 'aria-label': words.zoom_in, title: words.zoom_in, text: '+' });
  var fitButton = el('button', { type: 'button', text: words.fit });
  var mineButton = el('button', { type: 'button', id: 'mine', 'class': 'primary' });
  bar.appendChild(heading);
  bar.appendChild(tabs);
  bar.appendChild(el('span', { 'class': 'tools' }, [search, found, lensBox, zoomOut, zoomIn, fitButton, mineButton]));

  var stage = el('main', { id: 'stage', tabindex: '0', 'aria-describedby': 'keys' });
  var panel = el('aside', { id: 'panel', hidden: 'hidden', 'aria-labelledby': 'panel-title' });
  var tip = el('div', { id: 'tip', role: 'tooltip', hidden: 'hidden' });
  var status = el('p', { id: 'status', 'class': 'sr', 'aria-live': 'polite' });
  var foot = el('footer', {}, [
    el('span', { id: 'keys', text: words.keys }),
    el('span', { text: fill(words.made, 'day', data.project.made) })
  ]);
  var body = el('div', { 'class': 'body' }, [stage, panel]);
  document.body.insertBefore(foot, document.body.firstChild);
  document.body.insertBefore(body, foot);
  document.body.insertBefore(bar, body);
  document.body.appendChild(tip);
  document.body.appendChild(status);
  document.getElementById('pictures').hidden = true;
  document.documentElement.classList.add('live');

  // ---- views: the pictures with their boxes --------------------------------------------

  var views = data.views.map(function (view, i) {
    var holder = pictures[i];
    var svg = holder ? holder.querySelector('svg') : null;
    var box = svg ? svg.viewBox.baseVal : { x: 0, y: 0, width: 100, height: 100 };
    return {
      data: view, holder: holder, svg: svg,
      full: { x: box.x, y: box.y, w: box.width, h: box.height },
      box: null, hits: {}, tab: null
    };
  });
  var current = null;

  function setBox(v, b) {
    var minW = v.full.w / 40, maxW = v.full.w * 4;
    var w = Math.min(Math.max(b.w, minW), maxW);
    var h = b.h * (w / b.w);
    v.box = { x: b.x, y: b.y, w: w, h: h };
    v.svg.setAttribute('viewBox', [v.box.x, v.box.y, v.box.w, v.box.h].join(' '));
  }

  function fit(v) {
    if (!v || !v.svg) { return; }
    var r = stage.getBoundingClientRect();
    var aspect = r.width > 0 && r.height > 0 ? r.width / r.height : v.full.w / v.full.h;
    var pad = 0.02;
    var w = v.full.w * (1 + 2 * pad), h = v.full.h * (1 + 2 * pad);
    if (w / h < aspect) { w = h * aspect; } else { h = w / aspect; }
    setBox(v, { x: v.full.x + (v.full.w - w) / 2, y: v.full.y + (v.full.h - h) / 2, w: w, h: h });
  }

  function zoomAt(v, factor, px, py) {
    var b = v.box;
    var w = b.w / factor, h = b.h / factor;
    setBox(v, { x: px - (px - b.x) * (w / b.w), y: py - (py - b.y) * (h / b.h), w: w, h: h });
  }

  function zoomCentre(factor) {
    if (!current || !current.box) { return; }
    var b = current.box;
    zoomAt(current, factor, b.x + b.w / 2, b.y + b.h / 2);
  }

  function toScene(v, clientX, clientY) {
    var m = v.svg.getScreenCTM();
    if (!m) { return { x: 0, y: 0 }; }
    var p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  function pan(v, dx, dy) {
    setBox(v, { x: v.box.x + dx, y: v.box.y + dy, w: v.box.w, h: v.box.h });
  }

  function reveal(v, r) {
    // Centre a rectangle, zoomed so it is readable but the cells around it show too.
    var w = Math.max(r[2] * 5, v.full.w / 6);
    var h = w * (v.box.h / v.box.w);
    setBox(v, { x: r[0] + r[2] / 2 - w / 2, y: r[1] + r[3] / 2 - h / 2, w: w, h: h });
  }

  function show(i) {
    var v = views[i];
    if (!v || !v.svg) { return; }
    if (current === v) { return; }
    if (current) { current.holder.classList.remove('shown'); }
    if (v.holder.parentNode !== stage) { stage.appendChild(v.holder); }
    v.holder.classList.add('shown');
    current = v;
    views.forEach(function (w) {
      if (w.tab) { w.tab.setAttribute('aria-current', w === v ? 'page' : 'false'); }
    });
    if (!v.box) { fit(v); }
    search.hidden = found.hidden = v.data.kind !== 'map';
    fillLenses(v);
    runSearch();
    closePanel(false);
  }

  // ---- the hit layer: cards, stages and curve steps as focusable things ----------------

  function rectAttrs(r, cls, label) {
    return {
      x: r[0], y: r[1], width: r[2], height: r[3], 'class': 'hit ' + cls, tabindex: '0',
      role: 'button', 'aria-label': label
    };
  }

  function cardLabel(c) {
    var parts = [c.stage, c.lane];
    if (c.channel) { parts.push(c.channel); }
    if (c.owner) { parts.push(c.owner); }
    if (c.truth !== null) { parts.push(words.truth); }
    return words.card + ': ' + c.title + ' (' + parts.join(', ') + ')';
  }

  function buildHits(v) {
    var d = v.data;
    if (d.kind !== 'map') { return; }
    var g = svgEl('g', { 'class': 'hits' });
    d.stages.forEach(function (s) {
      var r = svgEl('rect', rectAttrs(s.r, 'stage', words.stage + ': ' + s.name));
      r.addEventListener('click', function () { openStage(v, s, r); });
      g.appendChild(r);
    });
    d.cards.forEach(function (c) {
      var r = svgEl('rect', rectAttrs(c.r, 'card', cardLabel(c)));
      r.setAttribute('rx', '4');
      r.addEventListener('click', function () { openCard(v, c, r); });
      v.hits[c.id] = r;
      g.appendChild(r);
    });
    d.steps.forEach(function (s) {
      var label = words.score + ' ' + s.score + (s.label ? ' ' + s.label : '') + ' \u00b7 ' + s.curve + ' \u00b7 ' + s.stage;
      var dot = svgEl('circle', {
        cx: s.x, cy: s.y, r: 9, 'class': 'hit step', tabindex: '0', role: 'img', 'aria-label': label
      });
      dot.addEventListener('pointerenter', function (e) { showTip(label, e.clientX, e.clientY); });
      dot.addEventListener('pointerleave', hideTip);
      dot.addEventListener('focus', function () {
        var b = dot.getBoundingClientRect();
        showTip(label, b.right, b.top);
      });
      dot.addEventListener('blur', hideTip);
      g.appendChild(dot);
    });
    v.svg.appendChild(g);
    v.svg.addEventListener('keydown', function (e) {
      var t = e.target;
      if ((e.key === 'Enter' || e.key === ' ') && t.classList && t.classList.contains('hit') &&
          !t.classList.contains('step')) {
        e.preventDefault();
        t.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }
    });
  }

  function showTip(text, x, y) {
    tip.textContent = text;
    tip.hidden = false;
    var w = tip.offsetWidth;
    tip.style.left = Math.min(x + 12, window.innerWidth - w - 8) + 'px';
    tip.style.top = Math.max(y - 36, 4) + 'px';
  }

  function hideTip() { tip.hidden = true; }

  // ---- pan and zoom: wheel, drag, pinch, keys ------------------------------------------

  var pointers = {};
  var drag = null;

  stage.addEventListener('wheel', function (e) {
    if (!current || !current.box) { return; }
    e.preventDefault();
    var p = toScene(current, e.clientX, e.clientY);
    var delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    zoomAt(current, Math.exp(-delta * (e.ctrlKey ? 0.01 : 0.0015)), p.x, p.y);
  }, { passive: false });

  stage.addEventListener('pointerdown', function (e) {
    if (!current || !current.box || e.button > 0) { return; }
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    var ids = Object.keys(pointers);
    if (ids.length === 1) {
      drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
    } else if (ids.length === 2) {
      drag = null;
    }
  });

  stage.addEventListener('pointermove', function (e) {
    if (!current || !pointers[e.pointerId]) { return; }
    var ids = Object.keys(pointers);
    if (ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var before = Math.hypot(a.x - b.x, a.y - b.y);
      pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
      a = pointers[ids[0]]; b = pointers[ids[1]];
      var after = Math.hypot(a.x - b.x, a.y - b.y);
      if (before > 0 && after > 0) {
        var mid = toScene(current, (a.x + b.x) / 2, (a.y + b.y) / 2);
        zoomAt(current, after / before, mid.x, mid.y);
      }
      return;
    }
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    if (!drag || drag.id !== e.pointerId) { return; }
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) { return; }
    if (!drag.moved) {
      drag.moved = true;
      stage.setPointerCapture(e.pointerId);
      stage.classList.add('dragging');
    }
    var m = current.svg.getScreenCTM();
    var scale = m ? m.a : 1;
    pan(current, -dx / scale, -dy / scale);
    drag.x = e.clientX;
    drag.y = e.clientY;
  });

  function endPointer(e) {
    delete pointers[e.pointerId];
    if (drag && drag.id === e.pointerId) {
      if (drag.moved) {
        // A drag is not a click on the card it ends over.
        var swallow = function (c) { c.stopPropagation(); c.preventDefault(); };
        window.addEventListener('click', swallow, { capture: true, once: true });
        window.setTimeout(function () { window.removeEventListener('click', swallow, true); }, 0);
      }
      drag = null;
      stage.classList.remove('dragging');
    }
  }
  stage.addEventListener('pointerup', endPointer);
  stage.addEventListener('pointercancel', endPointer);

  stage.addEventListener('keydown', function (e) {
    if (!current || !current.box || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var step = 0.1;
    var b = current.box;
    var handled = true;
    switch (e.key) {
      case '+': case '=': zoomCentre(1.25); break;
      case '-': case '_': zoomCentre(0.8); break;
      case '0': fit(current); break;
      case 'ArrowLeft': pan(current, -b.w * step, 0); break;
      case 'ArrowRight': pan(current, b.w * step, 0); break;
      case 'ArrowUp': pan(current, 0, -b.h * step); break;
      case 'ArrowDown': pan(current, 0, b.h * step); break;
      default: handled = false;
    }
    if (handled) { e.preventDefault(); }
  });

  document.addEventListener('keydown', function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key === '/' && !typing) {
      e.preventDefault();
      search.focus();
    } else if (e.key === 'Escape') {
      if (!panel.hidden) { closePanel(true); } else if (document.activeElement === search) {
        search.value = '';
        runSearch();
        stage.focus();
      }
    }
  });

  zoomIn.addEventListener('click', function () { zoomCentre(1.25); });
  zoomOut.addEventListener('click', function () { zoomCentre(0.8); });
  fitButton.addEventListener('click', function () { fit(current); });
  // The stage narrows when the panel opens and widens when it closes: the map keeps its
  // scale and its centre.
  var stageSize = null;
  function resized() {
    var r = stage.getBoundingClientRect();
    if (current && current.box && stageSize && stageSize.w > 0 && stageSize.h > 0 && r.width > 0) {
      var b = current.box;
      var w = b.w * r.width / stageSize.w, h = b.h * r.height / stageSize.h;
      setBox(current, { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, w: w, h: h });
    }
    stageSize = { w: r.width, h: r.height };
  }
  if (window.ResizeObserver) {
    new window.ResizeObserver(resized).observe(stage);
  } else {
    window.addEventListener('resize', function () { if (current) { fit(current); } });
  }
  // Printed, the map on show fills the page whole: its own box, not the screen's view of it.
  var beforePrint = null;
  window.addEventListener('beforeprint', function () {
    if (!current || !current.svg) { return; }
    beforePrint = current.box;
    var f = current.full;
    current.svg.setAttribute('viewBox', [f.x, f.y, f.w, f.h].join(' '));
  });
  window.addEventListener('afterprint', function () {
    if (current && beforePrint) { setBox(current, beforePrint); }
    beforePrint = null;
  });

  // ---- search -------------------------------------------------------------------------

  function cardText(c) {
    var parts = [c.title, c.body, c.owner, c.channel, c.lane, c.stage, c.truth || ''];
    c.evidence.forEach(function (q) { parts.push(q.text); });
    return fold(parts.join(' '));
  }

  var matchIndex = -1;

  function matches(v, terms) {
    if (v.data.kind !== 'map' || terms.length === 0) { return []; }
    return v.data.cards.filter(function (c) {
      if (c._text === undefined) { c._text = cardText(c); }
      return terms.every(function (t) { return c._text.indexOf(t) >= 0; });
    });
  }

  function runSearch() {
    var terms = fold(search.value).split(/\s+/).filter(function (t) { return t.length > 0; });
    matchIndex = -1;
    views.forEach(function (v) {
      var hits = matches(v, terms);
      if (v.tab) {
        v.tab.querySelector('.count').textContent = terms.length && hits.length ? String(hits.length) : '';
      }
      if (v !== current || !v.svg) { return; }
      v.svg.classList.toggle('searching', terms.length > 0);
      Object.keys(v.hits).forEach(function (id) { v.hits[id].classList.remove('match'); });
      hits.forEach(function (c) { v.hits[c.id].classList.add('match'); });
      v.found = hits;
    });
    if (terms.length === 0) {
      found.textContent = '';
    } else if (current && current.found && current.found.length) {
      found.textContent = fill(words.found, 'n', current.found.length);
    } else {
      found.textContent = words.none_found;
    }
  }

  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || !current || !current.found || !current.found.length) { return; }
    e.preventDefault();
    matchIndex = (matchIndex + 1) % current.found.length;
    var c = current.found[matchIndex];
    reveal(current, c.r);
    openCard(current, c, current.hits[c.id]);
  });

  // ---- department lenses --------------------------------------------------------------

  function fillLenses(v) {
    lens.textContent = '';
    lens.appendChild(el('option', { value: '', text: words.no_lens }));
    (v.data.lenses || []).forEach(function (owner, i) {
      lens.appendChild(el('option', { value: String(i), text: owner }));
    });
    lensBox.hidden = !(v.data.lenses && v.data.lenses.length);
    applyLens(v, '');
  }

  function applyLens(v, which) {
    Array.prototype.forEach.call(v.svg.querySelectorAll('g.veil'), function (g) {
      g.setAttribute('visibility', g.getAttribute('data-lens') === which ? 'visible' : 'hidden');
    });
  }

  lens.addEventListener('change', function () { if (current) { applyLens(current, lens.value); } });

