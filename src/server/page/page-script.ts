// The event-history page's script: LookupEvents over awsJson (as the AWS CLI sends it), pages, filters, downloads.
// Plain browser JavaScript in a string, served by localtrail: no framework, no build step, no external request.
// Record values are application data, so they only ever reach the DOM as text (textContent), never as markup.

export const PAGE_SCRIPT = String.raw`'use strict';
(function () {
  var TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.';
  var PAGE_SIZE = 50;
  var POLL_MS = 3000;
  var DOWNLOAD_LIMIT = 100000;
  var ATTRIBUTES = [
    ['EventName', 'Event name'], ['Username', 'User name'], ['EventSource', 'Event source'], ['ReadOnly', 'Read-only'],
    ['ResourceType', 'Resource type'], ['ResourceName', 'Resource name'], ['AccessKeyId', 'AWS access key'], ['EventId', 'Event ID']
  ];
  var INSIGHT_ATTRIBUTES = { EventId: true, EventName: true, EventSource: true };

  var state = { info: null, scope: null, category: '', attribute: 'EventName', value: '', start: '', end: '',
    pages: [], tokens: [undefined], page: 0, selected: null, loading: false };

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ---- the API: awsJson1.1 POSTs to this server, region and account in the (unchecked) SigV4 credential scope ----
  function call(operation, input) {
    var scope = state.scope;
    return fetch('/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': TARGET + operation,
        authorization: 'AWS4-HMAC-SHA256 Credential=' + scope.accountId + '/20000101/' + scope.region +
          '/cloudtrail/aws4_request, SignedHeaders=host, Signature=0'
      },
      body: JSON.stringify(input)
    }).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) {
          var error = new Error(body.message || body.Message || res.statusText);
          error.name = String(body.__type || 'Error').replace(/^.*#/, '');
          throw error;
        }
        return body;
      });
    });
  }

  function lookupInput(extra) {
    var input = { MaxResults: PAGE_SIZE };
    if (state.attribute && state.value) input.LookupAttributes = [{ AttributeKey: state.attribute, AttributeValue: state.value }];
    if (state.start) input.StartTime = Date.parse(state.start + 'Z') / 1000;
    if (state.end) input.EndTime = Date.parse(state.end + 'Z') / 1000;
    if (state.category === 'insight') input.EventCategory = 'insight';
    for (var key in extra) if (extra[key] !== undefined) input[key] = extra[key];
    return input;
  }

  function toRow(event) {
    var record = {};
    try { record = JSON.parse(event.CloudTrailEvent || '{}'); } catch (e) { record = {}; }
    var resources = event.Resources || [];
    return {
      id: event.EventId, name: event.EventName || '', time: event.EventTime, user: event.Username || '',
      source: event.EventSource || '', readOnly: event.ReadOnly, accessKey: event.AccessKeyId || '',
      resourceType: resources.map(function (r) { return r.ResourceType || ''; }).filter(Boolean).join(', '),
      resourceName: resources.map(function (r) { return r.ResourceName || ''; }).filter(Boolean).join(', '),
      errorCode: record.errorCode || '', region: record.awsRegion || '', ip: record.sourceIPAddress || '', record: record,
      insight: record.eventCategory === 'Insight' ? (record.insightDetails || {}) : null
    };
  }

  function utc(seconds) {
    if (typeof seconds !== 'number') return '';
    return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
  }

  // ---- rendering ----
  function renderInfo() {
    var info = state.info;
    var mode = $('mode');
    mode.textContent = info.mode === 'live' ? 'live' : 'delivered files';
    mode.className = 'mode ' + info.mode;
    $('source').textContent = info.description;
    var integrity = $('integrity');
    if (info.integrity) {
      var i = info.integrity;
      integrity.hidden = false;
      integrity.className = 'integrity' + (i.ok ? '' : ' bad');
      integrity.textContent = (i.ok ? 'Integrity valid: ' : 'Integrity INVALID: ') + i.digestsValid + '/' + i.digestsTotal +
        ' digests, ' + i.logFilesValid + '/' + i.logFilesTotal + ' log files';
    }
    var select = $('scope');
    select.textContent = '';
    var scopes = info.scopes.slice();
    if (!scopes.some(function (s) { return s.accountId === state.scope.accountId && s.region === state.scope.region; })) {
      scopes.unshift({ accountId: state.scope.accountId, region: state.scope.region, events: 0, insights: 0 });
    }
    scopes.forEach(function (s) {
      var option = el('option', '', s.region + ' · ' + s.accountId);
      option.title = s.events + ' management events, ' + s.insights + ' Insights events';
      option.value = s.accountId + '/' + s.region;
      option.selected = s.accountId === state.scope.accountId && s.region === state.scope.region;
      select.append(option);
    });
  }

  function renderAttributes() {
    var select = $('attribute');
    select.textContent = '';
    ATTRIBUTES.forEach(function (a) {
      if (state.category === 'insight' && !INSIGHT_ATTRIBUTES[a[0]]) return;
      var option = el('option', '', a[1]);
      option.value = a[0];
      select.append(option);
    });
    if (!select.querySelector('option[value="' + state.attribute + '"]')) state.attribute = 'EventName';
    select.value = state.attribute;
  }

  function renderPage() {
    var rows = state.pages[state.page] || [];
    var body = $('rows');
    body.textContent = '';
    rows.forEach(function (row) {
      var tr = el('tr');
      tr.dataset.eventId = row.id;
      if (row.errorCode) tr.className = 'failed';
      if (state.selected && state.selected.id === row.id) tr.className += ' selected';
      tr.append(el('td', 'name', row.name), el('td', 'time', utc(row.time)), el('td', 'user', row.user), el('td', 'source', row.source));
      var type = el('td', 'resource', row.resourceType);
      var name = el('td', 'resource', row.resourceName);
      type.title = row.resourceType;
      name.title = row.resourceName;
      tr.append(type, name);
      var access = el('td');
      var outcome = el('td');
      if (row.insight) {
        // Insights events: their type and whether the unusual activity starts or ends.
        access.append(el('span', 'badge insight', row.insight.insightType || 'Insight'));
        outcome.append(el('span', 'badge', row.insight.state || ''));
      } else {
        if (row.readOnly === 'true') access.append(el('span', 'badge read', 'read'));
        else if (row.readOnly === 'false') access.append(el('span', 'badge write', 'write'));
        outcome.append(row.errorCode ? el('span', 'badge error', row.errorCode) : el('span', 'badge ok', 'success'));
      }
      tr.append(access, outcome);
      tr.addEventListener('click', function () { openDetail(row); });
      body.append(tr);
    });
    $('empty').hidden = rows.length > 0 || state.loading;
    $('head-access').textContent = state.category === 'insight' ? 'Insight type' : 'Access';
    $('head-outcome').textContent = state.category === 'insight' ? 'State' : 'Outcome';
    var first = state.page * PAGE_SIZE;
    var more = state.tokens[state.page + 1] !== undefined;
    $('summary').textContent = state.loading ? 'Loading…' : rows.length === 0 ? 'No events' :
      'Events ' + (first + 1) + '–' + (first + rows.length) + (more ? ' (more on the next page)' : '');
    $('page-number').textContent = 'Page ' + (state.page + 1);
    $('prev').disabled = state.page === 0 || state.loading;
    $('next').disabled = !more || state.loading;
  }

  function showError(error) {
    var box = $('error');
    if (!error) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = error.name + ': ' + error.message;
  }

  function appendJson(target, value) {
    // JSON.stringify output split into tokens and coloured as text nodes: no markup from the record ever.
    var text = JSON.stringify(value, null, 2);
    var token = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
    var last = 0;
    var match;
    while ((match = token.exec(text)) !== null) {
      if (match.index > last) target.append(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) {
        target.append(el('span', match[2] ? 'k' : 's', match[1]));
        if (match[2]) target.append(document.createTextNode(match[2]));
      } else target.append(el('span', match[3] !== undefined ? 'l' : 'n', match[0]));
      last = token.lastIndex;
    }
    target.append(document.createTextNode(text.slice(last)));
  }

  function openDetail(row) {
    state.selected = row;
    $('detail-title').textContent = row.name || row.id;
    var facts = $('detail-facts');
    facts.textContent = '';
    [['Event time', utc(row.time) + ' UTC'], ['User name', row.user], ['Event source', row.source], ['AWS region', row.region],
      ['Source IP address', row.ip], ['AWS access key', row.accessKey], ['Event ID', row.id],
      ['Read-only', row.readOnly === undefined ? '' : row.readOnly], ['Error code', row.errorCode || 'none'],
      ['Resources', row.resourceName ? row.resourceType + ': ' + row.resourceName : '']].forEach(function (pair) {
      if (!pair[1]) return;
      facts.append(el('dt', '', pair[0]), el('dd', '', pair[1]));
    });
    var json = $('detail-json');
    json.textContent = '';
    appendJson(json, row.record);
    $('detail').hidden = false;
    writeUrl();
    renderPage();
  }

  function closeDetail() {
    state.selected = null;
    $('detail').hidden = true;
    writeUrl();
    renderPage();
  }

  // ---- loading pages: each page is kept once fetched, so paging stays put while new events arrive ----
  function loadPage(index) {
    if (state.pages[index]) {
      state.page = index;
      renderPage();
      return Promise.resolve();
    }
    state.loading = true;
    renderPage();
    return call('LookupEvents', lookupInput({ NextToken: state.tokens[index] })).then(function (out) {
      state.pages[index] = (out.Events || []).map(toRow);
      state.tokens[index + 1] = out.NextToken;
      state.page = index;
      showError(null);
    }, function (error) {
      showError(error);
      state.pages[index] = [];
    }).then(function () {
      state.loading = false;
      renderPage();
    });
  }

  function reload() {
    state.pages = [];
    state.tokens = [undefined];
    state.page = 0;
    $('new-events').hidden = true;
    writeUrl();
    return loadPage(0);
  }

  function poll() {
    if (state.info.mode !== 'live' || state.loading || !state.pages[0]) return;
    call('LookupEvents', lookupInput({ MaxResults: 1 })).then(function (out) {
      var newest = (out.Events || [])[0];
      var shown = state.pages[0][0];
      if (newest && (!shown || newest.EventId !== shown.id)) $('new-events').hidden = false;
    }, function () { /* the next poll tries again */ });
  }

  // ---- downloads: every event the filter matches, as the console exports them ----
  function fetchAll() {
    var out = [];
    function next(token) {
      return call('LookupEvents', lookupInput({ NextToken: token })).then(function (page) {
        (page.Events || []).forEach(function (e) { out.push(toRow(e)); });
        $('summary').textContent = 'Preparing download… ' + out.length + ' events';
        if (page.NextToken && out.length < DOWNLOAD_LIMIT) return next(page.NextToken);
        return out;
      });
    }
    return next(undefined);
  }

  function csvField(value) {
    var text = value === undefined || value === null ? '' : String(value);
    return '"' + text.replace(/"/g, '""') + '"';
  }

  var CSV_COLUMNS = [
    ['Event ID', 'id'], ['Event time', function (r) { return new Date(r.time * 1000).toISOString().replace('.000Z', 'Z'); }],
    ['User name', 'user'], ['Event name', 'name'], ['Resource type', 'resourceType'], ['Resource name', 'resourceName'],
    ['AWS access key', 'accessKey'], ['Event source', 'source'], ['AWS region', 'region'], ['Source IP address', 'ip'],
    ['Read-only', 'readOnly'], ['Error code', 'errorCode']
  ];

  function toCsv(rows) {
    var lines = [CSV_COLUMNS.map(function (c) { return csvField(c[0]); }).join(',')];
    rows.forEach(function (row) {
      lines.push(CSV_COLUMNS.map(function (c) { return csvField(typeof c[1] === 'function' ? c[1](row) : row[c[1]]); }).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function save(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function download(kind) {
    var buttons = [$('download-json'), $('download-csv')];
    buttons.forEach(function (b) { b.disabled = true; });
    fetchAll().then(function (rows) {
      var stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (kind === 'json') save('event-history-' + stamp + '.json', 'application/json', JSON.stringify({ Records: rows.map(function (r) { return r.record; }) }, null, 2));
      else save('event-history-' + stamp + '.csv', 'text/csv', toCsv(rows));
      showError(null);
    }, showError).then(function () {
      buttons.forEach(function (b) { b.disabled = false; });
      renderPage();
    });
  }

  // ---- the URL holds the filter (and the open event), so a view can be bookmarked and shared ----
  function readUrl() {
    var q = new URLSearchParams(location.search);
    if (q.get('account') && q.get('region')) state.scope = { accountId: q.get('account'), region: q.get('region') };
    state.category = q.get('category') === 'insight' ? 'insight' : '';
    if (q.get('attribute')) state.attribute = q.get('attribute');
    state.value = q.get('value') || '';
    state.start = q.get('start') || '';
    state.end = q.get('end') || '';
    return q.get('event');
  }

  function writeUrl() {
    var q = new URLSearchParams();
    q.set('account', state.scope.accountId);
    q.set('region', state.scope.region);
    if (state.category) q.set('category', state.category);
    if (state.value) { q.set('attribute', state.attribute); q.set('value', state.value); }
    if (state.start) q.set('start', state.start);
    if (state.end) q.set('end', state.end);
    if (state.selected) q.set('event', state.selected.id);
    history.replaceState(null, '', '?' + q.toString());
  }

  function readForm() {
    var scope = $('scope').value.split('/');
    state.scope = { accountId: scope[0], region: scope.slice(1).join('/') };
    state.category = $('category').value;
    state.attribute = $('attribute').value;
    state.value = $('value').value.trim();
    state.start = $('start').value;
    state.end = $('end').value;
  }

  function writeForm() {
    $('category').value = state.category;
    renderAttributes();
    $('value').value = state.value;
    $('start').value = state.start;
    $('end').value = state.end;
  }

  function start() {
    fetch('/localtrail/info').then(function (res) { return res.json(); }).then(function (info) {
      state.info = info;
      state.scope = info.defaultScope;
      var openId = readUrl();
      renderInfo();
      writeForm();
      $('filters').addEventListener('submit', function (e) { e.preventDefault(); readForm(); closeDetail(); reload(); });
      $('clear').addEventListener('click', function () {
        state.value = ''; state.start = ''; state.end = ''; state.category = ''; state.attribute = 'EventName';
        writeForm(); closeDetail(); reload();
      });
      $('category').addEventListener('change', function () { state.category = $('category').value; renderAttributes(); });
      $('scope').addEventListener('change', function () { readForm(); closeDetail(); reload(); });
      $('prev').addEventListener('click', function () { if (state.page > 0) loadPage(state.page - 1); });
      $('next').addEventListener('click', function () { if (state.tokens[state.page + 1] !== undefined) loadPage(state.page + 1); });
      $('show-newest').addEventListener('click', reload);
      $('detail-close').addEventListener('click', closeDetail);
      document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && state.selected) closeDetail(); });
      $('download-json').addEventListener('click', function () { download('json'); });
      $('download-csv').addEventListener('click', function () { download('csv'); });
      setInterval(poll, POLL_MS);
      return reload().then(function () {
        var row = (state.pages[0] || []).filter(function (r) { return r.id === openId; })[0];
        if (row) openDetail(row);
        else if (openId) {
          // An event linked directly but not on the first page: fetch it by id.
          call('LookupEvents', { LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: openId }], EventCategory: state.category || undefined })
            .then(function (out) { var e = (out.Events || [])[0]; if (e) openDetail(toRow(e)); }, showError);
        }
        document.body.dataset.ready = 'true';
      });
    }).catch(function (error) {
      showError(error);
      document.body.dataset.ready = 'true';
    });
  }

  start();
})();
`;
