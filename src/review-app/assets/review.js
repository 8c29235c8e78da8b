// planharvest review app: keyboard decisions. Every request carries the page's token; replies are shown as
// text. Keys: a accept, r reject, c correct, k acknowledge, t table fix, s skip, n/→ next, p/← previous, q queue.
(function () {
  'use strict';
  const token = document.querySelector('meta[name="planharvest-token"]').content;
  const item = document.querySelector('main.item');
  const message = document.getElementById('message');
  const VISITED = 'planharvest-visited';

  function say(text, bad) {
    message.textContent = text;
    message.className = bad ? 'bad' : 'ok';
  }

  function visited() {
    try { return JSON.parse(sessionStorage.getItem(VISITED) || '[]'); } catch { return []; }
  }

  // Each highlight box on the page image: its stored box (page units) times the image's pixels per unit, with
  // two pixels to spare on every side.
  for (const box of document.querySelectorAll('.page .box')) {
    const [x0, y0, x1, y1] = JSON.parse(box.dataset.box).map((v) => v * Number(box.dataset.ppu));
    Object.assign(box.style, { left: x0 - 2 + 'px', top: y0 - 2 + 'px', width: x1 - x0 + 4 + 'px', height: y1 - y0 + 4 + 'px' });
  }

  if (item) {
    const list = visited();
    if (list[list.length - 1] !== location.pathname + location.search) list.push(location.pathname + location.search);
    sessionStorage.setItem(VISITED, JSON.stringify(list.slice(-200)));
  }

  async function post(path, body) {
    say('saving…');
    let reply;
    try {
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-planharvest-token': token }, body: JSON.stringify(body) });
      reply = await response.json();
      if (!response.ok) return say(reply.error || 'refused', true);
    } catch (error) {
      return say('could not reach the review server: ' + error.message, true);
    }
    say(reply.covered ? 'recorded for ' + reply.covered + ' figures' : reply.status === 'unchanged' ? 'already so' : 'recorded');
    location.assign(reply.next + (item.dataset.filter ? '&' + item.dataset.filter.slice(1) : ''));
  }

  // A figure's decisions go to its observation, an acknowledgement to the finding; each with what the page showed.
  function decide(action, extra) {
    if (!item) return;
    const acknowledge = action === 'acknowledge';
    if (acknowledge && !item.dataset.finding) return say('this item has no finding to acknowledge', true);
    if (!acknowledge && !item.dataset.observation) return say('this finding has no figure to decide on: acknowledge it (k)', true);
    const body = {
      key: item.dataset.key,
      targetId: acknowledge ? item.dataset.finding : item.dataset.observation,
      action: action,
      seen: JSON.parse(acknowledge ? item.dataset.findingSnapshot : item.dataset.snapshot),
    };
    return post('/decide', Object.assign(body, extra || {}));
  }

  function next() { location.assign('/next' + withFilter({ after: item ? item.dataset.key : '' })); }
  function previous() {
    const list = visited();
    list.pop();
    const back = list.pop();
    sessionStorage.setItem(VISITED, JSON.stringify(list));
    if (back) location.assign(back); else say('no earlier item in this session', true);
  }
  function withFilter(extra) {
    const params = new URLSearchParams(item ? item.dataset.filter : location.search);
    for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
    const text = params.toString();
    return text ? '?' + text : '';
  }

  const correct = document.getElementById('correct');
  const tableFix = document.getElementById('table-fix');

  function open(form) {
    form.hidden = false;
    form.querySelector('input').focus();
    form.querySelector('input').select();
  }

  if (correct) {
    correct.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(correct);
      const snapshot = JSON.parse(item.dataset.snapshot);
      const correction = {};
      if (data.get('value') !== String(snapshot.value ?? '')) correction.value = data.get('value');
      if (data.get('unit') !== (snapshot.unit ?? '')) correction.unit = data.get('unit') || 'none';
      if (data.get('period') !== (snapshot.period ?? '')) correction.period = data.get('period') || 'none';
      if (data.get('code') !== snapshot.indicator) correction.code = data.get('code');
      if (data.get('kind') !== snapshot.kind) correction.kind = data.get('kind');
      if (!Object.keys(correction).length) return say('nothing changed: edit a field, or accept (a)', true);
      decide('correct', { correction: correction, comment: data.get('comment') || undefined });
    });
  }
  if (tableFix) {
    tableFix.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(tableFix);
      const correction = {};
      if (data.get('period')) correction.period = data.get('period');
      if (data.get('unit')) correction.unit = data.get('unit');
      if (data.get('kind')) correction.kind = data.get('kind');
      post('/table-fix', {
        key: item.dataset.key, documentId: Number(tableFix.dataset.document), table: Number(tableFix.dataset.table), col: Number(tableFix.dataset.col),
        reject: data.get('reject') === 'on', correction: correction, comment: data.get('comment') || undefined,
      });
    });
  }

  document.addEventListener('keydown', (event) => {
    const inForm = event.target.closest && event.target.closest('form');
    if (inForm) {
      if (event.key === 'Escape') { inForm.hidden = !inForm.classList.contains('filters'); event.target.blur(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (!item) {
      if (key === 'n') location.assign('/next' + location.search);
      return;
    }
    const actions = {
      a: () => decide('accept'), r: () => decide('reject'), k: () => decide('acknowledge'),
      c: () => (correct ? open(correct) : say('no figure to correct', true)),
      t: () => (tableFix ? open(tableFix) : say('this figure is not in a table column with others', true)),
      s: next, n: next, ArrowRight: next, p: previous, ArrowLeft: previous, q: () => location.assign('/queue' + (item.dataset.filter || '')),
    };
    const act = actions[key];
    if (act) { event.preventDefault(); act(); }
  });
})();
