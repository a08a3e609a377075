// Klantreis's HTML viewer, part 2 of 3: the reader's comments, kept in the browser and
// downloaded as a review file, and the side panel that shows a card, a stage or the comments.
  // ---- the reader's comments, kept in the browser --------------------------------------

  var storeKey = 'klantreis-review:' + data.project.created + ':' + data.project.title;
  var memory = { reviewer: '', comments: [] };
  var kept = true;

  function load() {
    try {
      var text = window.localStorage.getItem(storeKey);
      if (text) {
        var got = JSON.parse(text);
        if (got && Array.isArray(got.comments)) { memory = got; }
      }
    } catch (err) {
      kept = false;
    }
  }

  function save() {
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(memory));
      kept = true;
    } catch (err) {
      kept = false;
    }
    updateMine();
  }

  function newId() {
    var a = new Uint32Array(2);
    window.crypto.getRandomValues(a);
    var id = (a[0] & 0x1fffff) * 4294967296 + a[1];
    return id === 0 ? 1 : id;
  }

  function now() {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  function mineFor(mapId, target) {
    return memory.comments.filter(function (c) {
      return c.map === mapId && (target.card ? c.card === target.card :
        target.stage ? c.stage === target.stage : !c.card && !c.stage);
    });
  }

  function updateMine() {
    mineButton.textContent = words.mine + ' (' + memory.comments.length + ')';
  }

  function commentForm(v, target, context, into) {
    var section = el('section', { 'class': 'comments' }, [el('h3', { text: words.comments })]);
    var list = el('ul', { 'class': 'thread' });
    section.appendChild(list);
    function redraw() {
      list.textContent = '';
      (target.theirs || []).forEach(function (c) {
        var meta = c.author + ' \u00b7 ' + c.day + (c.resolved ? ' \u00b7 ' + words.resolved : '') +
          (c.replies ? ' \u00b7 ' + c.replies + ' ' + words.replies : '');
        list.appendChild(el('li', { 'class': 'theirs' }, [
          el('p', { text: c.text }), el('p', { 'class': 'meta', text: meta })
        ]));
      });
      mineFor(v.data.id, target).forEach(function (c) {
        var del = el('button', { type: 'button', 'class': 'link', text: words.delete });
        del.addEventListener('click', function () {
          memory.comments = memory.comments.filter(function (x) { return x.id !== c.id; });
          save();
          redraw();
        });
        list.appendChild(el('li', { 'class': 'mine' }, [
          el('p', { text: c.text }),
          el('p', { 'class': 'meta' }, [document.createTextNode(c.author + ' \u00b7 ' + c.written.slice(0, 10) + ' '), del])
        ]));
      });
    }
    redraw();
    var nameId = 'name-' + Math.random().toString(36).slice(2);
    var textId = 'text-' + Math.random().toString(36).slice(2);
    var name = el('input', { id: nameId, type: 'text', maxlength: '200', autocomplete: 'name' });
    name.value = memory.reviewer || '';
    var text = el('textarea', { id: textId, rows: '3', maxlength: '5000' });
    var add = el('button', { type: 'button', 'class': 'primary', text: words.add });
    var problem = el('p', { 'class': 'problem', role: 'alert' });
    add.addEventListener('click', function () {
      var who = name.value.trim();
      var what = text.value.trim();
      if (!who) { problem.textContent = words.name_needed; name.focus(); return; }
      if (!what) { problem.textContent = words.text_needed; text.focus(); return; }
      problem.textContent = '';
      memory.reviewer = who;
      var c = { id: newId(), map: v.data.id, context: context, author: who, written: now(), text: what };
      if (target.card) { c.card = target.card; }
      if (target.stage) { c.stage = target.stage; }
      memory.comments.push(c);
      save();
      text.value = '';
      redraw();
      say(words.kept);
    });
    section.appendChild(el('label', { 'for': nameId, text: words.your_name }));
    section.appendChild(name);
    section.appendChild(el('label', { 'for': textId, text: words.your_comment }));
    section.appendChild(text);
    section.appendChild(add);
    section.appendChild(problem);
    section.appendChild(el('p', { 'class': 'note', text: kept ? words.kept : words.not_kept }));
    into.appendChild(section);
  }

  function download() {
    var file = {
      klantreis_review: 1,
      project: data.project.title,
      project_created: data.project.created,
      reviewer: memory.reviewer,
      written: now(),
      comments: memory.comments.map(function (c) {
        var out = { id: c.id, map: c.map, context: c.context, author: c.author, written: c.written, text: c.text };
        if (c.card) { out.card = c.card; }
        if (c.stage) { out.stage = c.stage; }
        return out;
      })
    };
    var name = (memory.reviewer || 'review').replace(/[\u0000-\u001f\/\\:*?"<>|]/g, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80) || 'review';
    var fileName = name + '.klantreis-review.json';
    var blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    var a = el('a', { href: URL.createObjectURL(blob), download: fileName });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    say(fill(words.downloaded, 'file', fileName));
  }

  // ---- the side panel: a card, a stage, the map's and my comments ----------------------

  var returnFocus = null;

  function openPanel(title, from) {
    panel.textContent = '';
    var close = el('button', { type: 'button', 'class': 'close', 'aria-label': words.close, title: words.close, text: '\u00d7' });
    close.addEventListener('click', function () { closePanel(true); });
    var h = el('h2', { id: 'panel-title', tabindex: '-1', text: title });
    panel.appendChild(el('div', { 'class': 'panel-head' }, [h, close]));
    panel.hidden = false;
    returnFocus = from || null;
    Array.prototype.forEach.call(document.querySelectorAll('.hit.open'), function (x) { x.classList.remove('open'); });
    if (from && from.classList) { from.classList.add('open'); }
    window.setTimeout(function () { h.focus(); }, 0);
    return panel;
  }

  function closePanel(refocus) {
    if (panel.hidden) { return; }
    panel.hidden = true;
    Array.prototype.forEach.call(document.querySelectorAll('.hit.open'), function (x) { x.classList.remove('open'); });
    if (refocus && returnFocus && document.contains(returnFocus)) { returnFocus.focus(); }
  }

  function facts(pairs) {
    var dl = el('dl', {});
    pairs.forEach(function (p) {
      if (!p[1]) { return; }
      dl.appendChild(el('dt', { text: p[0] }));
      dl.appendChild(el('dd', { text: p[1] }));
    });
    return dl;
  }

  function openCard(v, c, from) {
    var p = openPanel(c.title, from);
    if (c.body) { p.appendChild(el('p', { 'class': 'body-text', text: c.body })); }
    p.appendChild(facts([
      [words.stage, c.stage], [words.lane, c.lane], [words.channel, c.channel],
      [words.owner, c.owner + (c.third_party ? ' (' + words.third_party + ')' : '')]
    ]));
    if (c.truth !== null) {
      p.appendChild(el('section', { 'class': 'truth' }, [
        el('h3', { text: words.truth }), c.truth ? el('p', { text: c.truth }) : null
      ]));
    }
    if (c.evidence.length) {
      var ev = el('section', { 'class': 'evidence' }, [el('h3', { text: words.evidence })]);
      c.evidence.forEach(function (q) {
        var quote = el(q.quote ? 'blockquote' : 'p', { text: q.text });
        ev.appendChild(el('figure', {}, [quote, q.who ? el('figcaption', { text: q.who }) : null]));
      });
      p.appendChild(ev);
    }
    if (c.actions.length) {
      var list = el('ul', { 'class': 'actions' });
      c.actions.forEach(function (a) {
        var meta = [a.status, a.owner, a.due].filter(function (x) { return x; }).join(' \u00b7 ');
        list.appendChild(el('li', {}, [el('strong', { text: a.title }), el('span', { 'class': 'meta', text: meta })]));
      });
      p.appendChild(el('section', {}, [el('h3', { text: words.card_actions }), list]));
    }
    commentForm(v, { card: c.id, theirs: c.comments }, c.title, p);
  }

  function openStage(v, s, from) {
    var p = openPanel(words.stage + ': ' + s.name, from);
    if (s.description) { p.appendChild(el('p', { 'class': 'body-text', text: s.description })); }
    commentForm(v, { stage: s.id, theirs: s.comments }, s.name, p);
  }

  function openMine() {
    var p = openPanel(words.mine + ' (' + memory.comments.length + ')', mineButton);
    if (current && current.data.kind === 'map') {
      var onMap = el('section', {}, []);
      commentForm(current, { theirs: current.data.comments }, '', onMap);
      onMap.querySelector('h3').textContent = words.comment_map + ': ' + current.data.title;
      p.appendChild(onMap);
    }
    if (!memory.comments.length) {
      p.appendChild(el('p', { 'class': 'note', text: words.none_yet }));
    } else {
      var list = el('ul', { 'class': 'thread' });
      memory.comments.forEach(function (c) {
        var v = views.filter(function (x) { return x.data.id === c.map; })[0];
        var where = (v ? v.data.title : '') + (c.context ? ' \u203a ' + c.context : ' \u203a ' + words.on_map);
        list.appendChild(el('li', { 'class': 'mine' }, [
          el('p', { 'class': 'meta', text: where }), el('p', { text: c.text })
        ]));
      });
      p.appendChild(list);
    }
    var get = el('button', { type: 'button', id: 'download', 'class': 'primary', text: words.download });
    get.disabled = memory.comments.length === 0;
    get.addEventListener('click', download);
    p.appendChild(get);
    p.appendChild(el('p', { 'class': 'note', text: kept ? words.kept : words.not_kept }));
  }

  mineButton.addEventListener('click', openMine);

