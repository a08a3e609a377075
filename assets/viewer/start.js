// Klantreis's HTML viewer, part 3 of 3: loads the reader's comments and shows the first view.
  // ---- start ---------------------------------------------------------------------------

  load();
  updateMine();
  views.forEach(function (v, i) {
    if (!v.svg) { return; }
    v.svg.removeAttribute('width');
    v.svg.removeAttribute('height');
    v.svg.setAttribute('role', 'group');
    v.svg.setAttribute('aria-label', v.data.title);
    buildHits(v);
    var tab = el('button', { type: 'button', 'class': 'tab' }, [
      document.createTextNode(v.data.title), el('span', { 'class': 'count' })
    ]);
    tab.addEventListener('click', function () { show(i); stage.focus(); });
    v.tab = tab;
    tabs.appendChild(tab);
  });
  if (views.length) { show(0); }
  // For the benchmark: when the page is ready to be read.
  if (window.performance && window.performance.mark) { window.performance.mark('klantreis-ready'); }
