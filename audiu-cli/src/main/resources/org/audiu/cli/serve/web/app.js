// audiU serve page. Plain JavaScript, no build step, no third-party code.
// Safety rule: data from the API only ever reaches the page through textContent and attribute setters
// (never innerHTML), so a track named <script> shows as text.
'use strict';

(function () {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const state = {
    info: null,
    seeds: { tracks: [], artists: [], playlist: null },
    searchAbort: null,
    genreAbort: null,
    busy: false,
  };

  const $ = (id) => document.getElementById(id);

  /** Creates an element; children are nodes or strings (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'class') {
        node.className = value;
      } else if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function api(path, params, signal) {
    const url = new URL(path, window.location.href);
    for (const [key, value] of params) url.searchParams.append(key, value);
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.error === 'string' ? body.error : 'HTTP ' + response.status;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function setStatus(node, message, isError) {
    node.textContent = message || '';
    node.classList.toggle('error', Boolean(isError));
  }

  function artistsText(track) {
    return (track.artists || []).join(', ');
  }

  function trackSubtitle(track) {
    const parts = [artistsText(track) || 'unknown artist'];
    if (track.genre) parts.push(track.genre);
    if (track.year) parts.push(String(track.year));
    return parts.join(' · ');
  }

  function number(value, digits) {
    return typeof value === 'number' ? value.toFixed(digits) : 'n/a';
  }

  // ---------------------------------------------------------------- tabs

  function showTab(name) {
    for (const tab of ['upload', 'recommend', 'genre']) {
      const selected = tab === name;
      $('tab-' + tab).setAttribute('aria-selected', String(selected));
      $('view-' + tab).hidden = !selected;
    }
  }

  // ---------------------------------------------------------------- search box with suggestions

  /**
   * Wires a search input to a suggestion list. fetchGroups(query, signal) resolves to [{label, items:[{main, sub,
   * pick}]}]; choosing an item calls its pick().
   */
  function combobox(input, list, fetchGroups) {
    let timer = null;
    let controller = null;
    let options = [];
    let active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      options.forEach((o, i) => o.node.setAttribute('aria-selected', String(i === index)));
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].node.id);
        options[index].node.scrollIntoView({ block: 'nearest' });
      }
    }

    function choose(index) {
      const option = options[index];
      if (!option) return;
      close();
      input.value = '';
      option.pick();
    }

    function render(groups, query) {
      list.replaceChildren();
      list.dataset.query = query;
      options = [];
      let count = 0;
      for (const group of groups) {
        if (group.items.length === 0) continue;
        list.appendChild(el('li', { class: 'group', role: 'presentation' }, group.label));
        for (const item of group.items) {
          const index = options.length;
          const node = el('li', { class: 'option', role: 'option', id: list.id + '-' + index, 'aria-selected': 'false' },
            el('span', { class: 'main' }, item.main), el('span', { class: 'sub' }, item.sub));
          node.addEventListener('mousedown', (event) => {
            event.preventDefault();
            choose(index);
          });
          options.push({ node, pick: item.pick });
          list.appendChild(node);
          count++;
        }
      }
      if (count === 0) list.appendChild(el('li', { class: 'none', role: 'presentation' }, 'No match'));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }

    async function update() {
      const query = input.value.trim();
      if (controller) controller.abort();
      if (query.length === 0) {
        close();
        return;
      }
      controller = new AbortController();
      try {
        render(await fetchGroups(query, controller.signal), query);
      } catch (error) {
        if (error.name === 'AbortError') return;
        list.replaceChildren(el('li', { class: 'none', role: 'presentation' }, error.message));
        list.hidden = false;
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, 180);
    });
    input.addEventListener('keydown', (event) => {
      if (list.hidden) return;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        highlight(Math.min(options.length - 1, active + 1));
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(Math.max(0, active - 1));
      } else if (event.key === 'Enter') {
        event.preventDefault();
        choose(active >= 0 ? active : 0);
      } else if (event.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', () => setTimeout(close, 120));
  }

  // ---------------------------------------------------------------- seeds

  function seedCount() {
    const s = state.seeds;
    return s.tracks.length + s.artists.length + (s.playlist ? 1 : 0);
  }

  function addTrackSeed(track) {
    const limits = state.info.limits;
    if (state.seeds.tracks.some((t) => t.id === track.id)) return;
    if (state.seeds.tracks.length >= limits.maxSeeds) {
      setStatus($('status'), 'At most ' + limits.maxSeeds + ' seed tracks.', true);
      return;
    }
    state.seeds.tracks.push(track);
    renderSeeds();
  }

  function addArtistSeed(artist) {
    const limits = state.info.limits;
    if (state.seeds.artists.some((a) => a.name.toLowerCase() === artist.name.toLowerCase())) return;
    if (state.seeds.artists.length >= limits.maxArtists) {
      setStatus($('status'), 'At most ' + limits.maxArtists + ' artists.', true);
      return;
    }
    state.seeds.artists.push(artist);
    renderSeeds();
  }

  function setPlaylistSeed(playlist) {
    state.seeds.playlist = playlist;
    renderSeeds();
  }

  function renderSeeds() {
    const list = $('seed-list');
    list.replaceChildren();
    const chip = (kind, text, title, remove) => {
      const button = el('button', { type: 'button', 'aria-label': 'Remove ' + text, title: 'Remove' }, '×');
      button.addEventListener('click', () => {
        remove();
        renderSeeds();
      });
      return el('li', { class: 'chip', title },
        el('span', { class: 'kind' }, kind), el('span', { class: 'text' }, text), button);
    };
    const s = state.seeds;
    for (const t of s.tracks) {
      list.appendChild(chip('track', t.name + ' — ' + artistsText(t), trackSubtitle(t),
        () => { s.tracks = s.tracks.filter((x) => x.id !== t.id); }));
    }
    for (const a of s.artists) {
      list.appendChild(chip('artist', a.name, a.tracks + ' tracks',
        () => { s.artists = s.artists.filter((x) => x !== a); }));
    }
    if (s.playlist) {
      const p = s.playlist;
      list.appendChild(chip('playlist', p.name, p.tracks + ' tracks', () => { s.playlist = null; }));
    }
    const n = seedCount();
    $('seed-empty').hidden = n > 0;
    $('seed-count').textContent = n > 0 ? '(' + n + ')' : '';
    $('recommend').disabled = n === 0 || state.busy;
    setStatus($('status'), '');
  }

  // ---------------------------------------------------------------- recommendations

  async function recommend() {
    const params = [];
    const s = state.seeds;
    if (s.tracks.length > 0) params.push(['seeds', s.tracks.map((t) => t.id).join(',')]);
    for (const a of s.artists) params.push(['artist', a.name]);
    if (s.playlist) params.push(['playlist', s.playlist.id]);
    params.push(['limit', $('limit').value]);
    state.busy = true;
    $('recommend').disabled = true;
    setStatus($('status'), 'Training on your seeds and ranking the catalogue…');
    try {
      const result = await api('/api/recommendations', params);
      renderRecommendations(result);
      setStatus($('status'), 'Done in ' + result.tookMs + ' ms.');
    } catch (error) {
      setStatus($('status'), error.message, true);
    } finally {
      state.busy = false;
      $('recommend').disabled = seedCount() === 0;
    }
  }

  function renderRecommendations(result) {
    const list = $('results');
    list.replaceChildren();
    const recs = result.recommendations;
    const model = result.model;
    let summary = recs.length + ' tracks for ' + result.seedTracks + ' seed track' + (result.seedTracks === 1 ? '' : 's')
      + ', ranked among ' + result.poolSize.toLocaleString()
      + (model.method === 'neighbours'
        ? ' by how close they sound to the seeds, their artists and the playlists they share (too few seeds to train a model).'
        : model.method === 'ranker'
          ? ' by the two-stage ranker learnt across the catalogue\'s playlists (too few seeds to train a model of their own).'
          : ' by a ' + model.trainer + ' model trained on them.');
    // The server leaves the AUC out when too few seeds were held out for it to mean anything.
    if (typeof model.holdoutAuc === 'number') {
      summary += ' Held-out AUC ' + model.holdoutAuc.toFixed(2) + '.';
    }
    if (typeof result.engine === 'string') {
      summary += ' Engine: ' + result.engine + '.';
    }
    $('summary').textContent = summary;
    recs.forEach((rec) => {
      const track = rec.track;
      const meterFill = el('span');
      meterFill.style.width = Math.round(Math.max(0, Math.min(1, rec.score)) * 100) + '%';
      const reasons = el('ul', { class: 'reasons' });
      for (const reason of rec.reasons) {
        if (!reason.startsWith('preference score ')) reasons.appendChild(el('li', null, reason));
      }
      const addSeed = el('button', { type: 'button' }, '+ Add as seed');
      addSeed.addEventListener('click', () => addTrackSeed(track));
      const genre = el('button', { type: 'button' }, 'Predict its genre');
      genre.addEventListener('click', () => {
        showTab('genre');
        predictGenre(track);
      });
      list.appendChild(el('li', { class: 'card', 'data-track-id': track.id },
        el('div', { class: 'rank' }, String(rec.rank)),
        el('div', { class: 'title' }, track.name || '(untitled)'),
        el('div', { class: 'score' }, 'score ' + number(rec.rankingScore, 2), el('div', { class: 'meter' }, meterFill)),
        el('div', { class: 'meta' }, artistsText(track),
          track.genre ? el('span', { class: 'genre-tag' }, track.genre) : null,
          track.year ? ' · ' + track.year : null),
        reasons,
        el('div', { class: 'card-actions' }, addSeed, state.info.genreModel ? genre : null)));
    });
    drawComparisonChart($('chart'), result);
    $('chart-box').hidden = recs.length === 0;
  }

  /**
   * Per feature: the seeds' average (orange bar), the recommendations' average (violet bar) and one dot per
   * recommendation on a line of its own, all on a 0..1 scale.
   */
  function drawComparisonChart(container, result) {
    const features = result.chart.features;
    const labelWidth = 130;
    const barWidth = 420;
    const rowHeight = 48;
    const top = 34;
    const width = labelWidth + barWidth + 60;
    const height = top + features.length * rowHeight + 4;
    const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'Audio features of the seeds and of the recommendations' });
    const legend = svg('g', { class: 'legend' });
    legend.appendChild(svg('rect', { x: labelWidth, y: 6, width: 14, height: 14, rx: 3, class: 'bar-seed' }));
    legend.appendChild(svg('text', { x: labelWidth + 20, y: 18, class: 'legend-text' }, 'your seeds (average)'));
    legend.appendChild(svg('rect', { x: labelWidth + 170, y: 6, width: 14, height: 14, rx: 3, class: 'bar-rec' }));
    legend.appendChild(svg('text', { x: labelWidth + 190, y: 18, class: 'legend-text' }, 'recommendations (average)'));
    legend.appendChild(svg('circle', { cx: labelWidth + 382, cy: 13, r: 4, class: 'dot-rec' }));
    legend.appendChild(svg('text', { x: labelWidth + 392, y: 18, class: 'legend-text' }, 'each one'));
    root.appendChild(legend);
    features.forEach((feature, i) => {
      const y = top + i * rowHeight;
      const seedValue = result.chart.seeds[feature];
      const recValue = result.chart.recommendations[feature];
      root.appendChild(svg('text', { x: labelWidth - 10, y: y + 22, 'text-anchor': 'end', class: 'chart-label' },
        feature));
      root.appendChild(svg('rect', { x: labelWidth, y: y, width: barWidth, height: 40, rx: 4, class: 'chart-track' }));
      const bar = (value, dy, cls) => {
        if (typeof value !== 'number') return;
        const w = Math.max(1, Math.min(1, value) * barWidth);
        root.appendChild(svg('rect', { x: labelWidth, y: y + dy, width: w, height: 10, rx: 2, class: cls }));
      };
      bar(seedValue, 4, 'bar-seed');
      bar(recValue, 16, 'bar-rec');
      for (const rec of result.recommendations) {
        const v = rec.features[feature];
        if (typeof v !== 'number') continue;
        root.appendChild(svg('circle', { cx: labelWidth + Math.min(1, Math.max(0, v)) * barWidth, cy: y + 33, r: 3.5,
          class: 'dot-rec' }));
      }
      root.appendChild(svg('text', { x: labelWidth + barWidth + 8, y: y + 13, class: 'chart-value' },
        number(seedValue, 2)));
      root.appendChild(svg('text', { x: labelWidth + barWidth + 8, y: y + 26, class: 'chart-value' },
        number(recValue, 2)));
    });
    container.replaceChildren(root);
  }

  // ---------------------------------------------------------------- genre view

  async function predictGenre(track) {
    const status = $('genre-status');
    if (state.genreAbort) state.genreAbort.abort();
    state.genreAbort = new AbortController();
    setStatus(status, 'Predicting…');
    try {
      const result = await api('/api/genre', [['track', track.id]], state.genreAbort.signal);
      renderGenre(result);
      setStatus(status, '');
    } catch (error) {
      if (error.name !== 'AbortError') setStatus(status, error.message, true);
    }
  }

  function renderGenre(result) {
    $('genre-empty').hidden = true;
    $('genre-result').hidden = false;
    $('genre-track').textContent = result.track.name || '(untitled)';
    $('genre-track-meta').textContent = trackSubtitle(result.track);
    const verdict = $('genre-verdict');
    verdict.replaceChildren('Sounds like ', el('strong', null, result.predictedGenre));
    if (result.actualGenre) {
      verdict.appendChild(document.createTextNode(' · labelled ' + result.actualGenre + ' '));
      verdict.appendChild(result.correct ? el('span', { class: 'ok' }, '✓ right') : el('span', { class: 'bad' }, '✗ wrong'));
    }
    drawGenreChart($('genre-chart'), result);
    $('genre-note').textContent = result.heldOut
      ? 'This track\'s artist was held out of training, so this is an honest test.'
      : 'This track\'s artist was in the training data.';
  }

  function drawGenreChart(container, result) {
    const labelWidth = 130;
    const barWidth = 400;
    const rowHeight = 26;
    const rows = result.probabilities;
    const width = labelWidth + barWidth + 110;
    const height = rows.length * rowHeight + 6;
    const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'Probability of each genre' });
    rows.forEach((row, i) => {
      const y = 3 + i * rowHeight;
      const predicted = row.genre === result.predictedGenre;
      root.appendChild(svg('text', { x: labelWidth - 10, y: y + 15, 'text-anchor': 'end', class: 'chart-label' },
        row.genre));
      root.appendChild(svg('rect', { x: labelWidth, y: y + 2, width: barWidth, height: 18, rx: 3, class: 'chart-track' }));
      root.appendChild(svg('rect', { x: labelWidth, y: y + 2, width: Math.max(1, row.probability * barWidth), height: 18,
        rx: 3, class: predicted ? 'bar-genre predicted' : 'bar-genre' }));
      root.appendChild(svg('text', { x: labelWidth + barWidth + 8, y: y + 15, class: 'chart-value' },
        (row.probability * 100).toFixed(1) + '%'));
      if (row.genre === result.actualGenre) {
        root.appendChild(svg('text', { x: labelWidth + barWidth + 56, y: y + 15, class: 'genre-actual' }, 'label'));
      }
    });
    container.replaceChildren(root);
  }

  // ---------------------------------------------------------------- start

  function describeGenreModel(g) {
    let text = g.trainer + ' trained on ' + g.trainingTracks.toLocaleString() + ' tracks';
    if (typeof g.heldOutAccuracy === 'number') {
      text += ', ' + (g.heldOutAccuracy * 100).toFixed(1) + '% accurate on ' + g.heldOutTracks.toLocaleString()
        + ' tracks of held-out artists';
    }
    return text + '.';
  }

  function describeModels(info) {
    let text = 'Recommendations: for a few seeds, audio and artist neighbours and shared playlists; from '
      + info.modelMinSeeds + ' seed tracks on, the audiU engine trains a ' + info.recommendModel
      + ' model on them.';
    if (info.genreModel) text += ' Genres: ' + describeGenreModel(info.genreModel);
    return text;
  }

  // ---------------------------------------------------------------- upload of a listener's own export

  const urls = [];

  function chosenFiles() {
    return Array.from($('upload-file').files || []);
  }

  function showChosen() {
    const files = chosenFiles();
    $('upload-chosen').textContent = files.length === 0 ? ''
      : files.length === 1 ? files[0].name : files.length + ' files';
    $('upload').disabled = files.length === 0 || state.busy;
  }

  function download(id, blob) {
    const url = URL.createObjectURL(blob);
    urls.push(url);
    $(id).href = url;
  }

  async function upload() {
    const files = chosenFiles();
    if (files.length === 0) return;
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    const url = new URL('/api/recommendations/upload', window.location.href);
    url.searchParams.set('limit', $('upload-limit').value);
    url.searchParams.set('charts', 'png');
    url.searchParams.set('downloads', 'true');
    try {
      url.searchParams.set('tz', Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    } catch (e) {
      url.searchParams.set('tz', 'UTC');
    }
    state.busy = true;
    $('upload').disabled = true;
    setStatus($('upload-status'), 'Reading your export, learning your taste and ranking the catalogue…');
    try {
      const response = await fetch(url, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      if (!response.ok) {
        throw new Error(body && typeof body.error === 'string' ? body.error : 'HTTP ' + response.status);
      }
      renderUpload(body);
      setStatus($('upload-status'), 'Done in ' + (body.tookMs / 1000).toFixed(1) + ' s. Nothing of your file was kept.');
    } catch (error) {
      setStatus($('upload-status'), error.message, true);
    } finally {
      state.busy = false;
      showChosen();
    }
  }

  function renderUpload(result) {
    const r = result.report;
    const report = $('upload-report');
    report.replaceChildren();
    const rows = [
      ['Plays read', r.plays.toLocaleString() + ' of ' + r.songs.toLocaleString() + ' songs'],
      ['In the catalogue', r.playsMatched.toLocaleString() + ' plays of ' + r.songsMatched.toLocaleString() + ' songs'],
      ['Saved tracks', r.savedMatched.toLocaleString() + ' of ' + r.savedTracks.toLocaleString() + ' matched'],
      ['Playlists', r.playlists.toLocaleString() + ' (' + r.playlistTracksMatched.toLocaleString() + ' of '
        + r.playlistTracks.toLocaleString() + ' tracks matched)'],
    ];
    for (const [what, value] of Object.entries(r.leftOut)) rows.push(['Left out', value.toLocaleString() + ' ' + what]);
    if (r.problemCount > 0) {
      rows.push(['Problems', r.problemCount + ': ' + r.problems.slice(0, 3).map((p) => p.file + ': ' + p.message).join('; ')]);
    }
    for (const w of r.warnings) rows.push(['Note', w.file + ': ' + w.message]);
    for (const [dt, dd] of rows) {
      report.appendChild(el('dt', null, dt));
      report.appendChild(el('dd', null, dd));
    }
    report.hidden = false;

    const charts = $('upload-charts');
    charts.replaceChildren();
    for (const c of result.charts) {
      if (!c.image) continue;
      charts.appendChild(el('figure', { class: 'taste-chart', 'data-chart': c.name },
        el('img', { src: c.image, alt: c.title, width: 640, height: 380 })));
    }

    const m = result.model;
    let summary = result.recommendations.length + ' tracks ranked for you among ' + m.poolSize.toLocaleString()
      + ' by a ' + m.trainer + ' model trained on ' + m.likedExamples.toLocaleString() + ' of your tracks';
    if (typeof m.holdoutAuc === 'number') summary += ' (held-out AUC ' + m.holdoutAuc.toFixed(2) + ')';
    $('upload-summary').textContent = summary + '.';

    const list = $('upload-results');
    list.replaceChildren();
    for (const rec of result.recommendations) {
      const track = rec.track;
      const reasons = el('ul', { class: 'reasons' });
      for (const reason of rec.reasons) {
        if (!reason.startsWith('preference score ')) reasons.appendChild(el('li', null, reason));
      }
      const meterFill = el('span');
      meterFill.style.width = Math.round(Math.max(0, Math.min(1, rec.score)) * 100) + '%';
      list.appendChild(el('li', { class: 'card', 'data-track-id': track.id },
        el('div', { class: 'rank' }, String(rec.rank)),
        el('div', { class: 'title' }, track.name || '(untitled)'),
        el('div', { class: 'score' }, 'score ' + number(rec.rankingScore, 2), el('div', { class: 'meter' }, meterFill)),
        el('div', { class: 'meta' }, artistsText(track),
          track.genre ? el('span', { class: 'genre-tag' }, track.genre) : null,
          track.year ? ' · ' + track.year : null),
        reasons));
    }

    while (urls.length) URL.revokeObjectURL(urls.pop());
    const d = result.downloads;
    download('download-csv', new Blob([d.csv], { type: 'text/csv' }));
    download('download-m3u', new Blob([d.m3u], { type: 'audio/x-mpegurl' }));
    download('download-json', new Blob([JSON.stringify(result.recommendations, null, 2)], { type: 'application/json' }));
    const raw = atob(d.recommenderBase64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    download('download-recommender', new Blob([bytes], { type: 'application/octet-stream' }));
    $('upload-downloads').hidden = false;
  }

  function wireUpload() {
    const input = $('upload-file');
    const drop = $('drop');
    input.addEventListener('change', showChosen);
    $('upload').addEventListener('click', upload);
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        showChosen();
      }
    });
  }

  async function start() {
    $('tab-upload').addEventListener('click', () => showTab('upload'));
    wireUpload();
    $('tab-recommend').addEventListener('click', () => showTab('recommend'));
    $('tab-genre').addEventListener('click', () => showTab('genre'));
    $('recommend').addEventListener('click', recommend);
    $('clear').addEventListener('click', () => {
      state.seeds = { tracks: [], artists: [], playlist: null };
      renderSeeds();
    });
    let info;
    try {
      info = await api('/api/info', []);
    } catch (error) {
      $('catalogue-info').textContent = 'The server did not answer: ' + error.message;
      return;
    }
    state.info = info;
    $('catalogue-info').textContent = info.tracks.toLocaleString() + ' tracks by ' + info.artists.toLocaleString()
      + ' artists' + (info.genres.length ? ' in ' + info.genres.length + ' genres' : '') + ' · ' + info.catalogue;
    $('model-info').textContent = describeModels(info);
    $('genre-model').textContent = info.genreModel ? 'Model: ' + describeGenreModel(info.genreModel) : '';
    if (!info.genreModel) {
      $('tab-genre').hidden = true;
    }

    combobox($('search'), $('suggestions'), async (query, signal) => {
      const r = await api('/api/search', [['q', query], ['limit', '6']], signal);
      return [
        { label: 'Tracks', items: r.tracks.map((t) => ({ main: t.name || '(untitled)', sub: trackSubtitle(t),
          pick: () => addTrackSeed(t) })) },
        { label: 'Artists', items: r.artists.map((a) => ({ main: a.name, sub: a.tracks + ' tracks · all of them as seeds',
          pick: () => addArtistSeed(a) })) },
        { label: 'Playlists', items: r.playlists.map((p) => ({ main: p.name, sub: p.tracks + ' tracks · playlist',
          pick: () => setPlaylistSeed(p) })) },
      ];
    });
    combobox($('genre-search'), $('genre-suggestions'), async (query, signal) => {
      const r = await api('/api/search', [['q', query], ['limit', '8']], signal);
      return [{ label: 'Tracks', items: r.tracks.map((t) => ({ main: t.name || '(untitled)', sub: trackSubtitle(t),
        pick: () => predictGenre(t) })) }];
    });

    if (info.playlists > 0) {
      const playlists = await api('/api/playlists', [['limit', '1000']]);
      const select = $('playlist-select');
      for (const p of playlists.playlists) {
        select.appendChild(el('option', { value: p.id }, p.name + ' (' + p.tracks + ')'));
      }
      $('playlist-add').addEventListener('click', () => {
        const chosen = playlists.playlists.find((p) => p.id === select.value);
        if (chosen) setPlaylistSeed(chosen);
      });
      $('playlist-picker').hidden = false;
    }
    renderSeeds();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
