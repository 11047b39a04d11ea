// The event-history page's HTML: a skeleton the page script fills from LookupEvents.

/** The page at `/`; its script and style come from the same server (no inline code, no external requests). */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Event history · localtrail</title>
<link rel="stylesheet" href="/localtrail/page.css">
<link rel="icon" href="data:,">
<script src="/localtrail/page.js" defer></script>
</head>
<body>
<header class="top">
  <h1>Event history</h1>
  <span id="mode" class="mode"></span>
  <span id="source" class="source"></span>
  <span id="integrity" class="integrity" hidden></span>
</header>
<main>
  <form id="filters" class="filters" autocomplete="off">
    <label>Account and region
      <select id="scope" name="scope"></select>
    </label>
    <label>Events
      <select id="category" name="category">
        <option value="">Management events</option>
        <option value="insight">Insights events</option>
      </select>
    </label>
    <label>Lookup attribute
      <select id="attribute" name="attribute"></select>
    </label>
    <label>Value
      <input id="value" name="value" type="text" placeholder="Enter a value" maxlength="2000">
    </label>
    <label>From (UTC)
      <input id="start" name="start" type="datetime-local" step="1">
    </label>
    <label>To (UTC)
      <input id="end" name="end" type="datetime-local" step="1">
    </label>
    <div class="actions">
      <button id="apply" type="submit">Apply</button>
      <button id="clear" type="button" class="secondary">Clear</button>
    </div>
  </form>
  <div class="bar">
    <span id="summary" class="summary" role="status"></span>
    <span class="spacer"></span>
    <button id="download-json" type="button" class="secondary">Download JSON</button>
    <button id="download-csv" type="button" class="secondary">Download CSV</button>
  </div>
  <div id="new-events" class="notice" hidden>
    New events have arrived. <button id="show-newest" type="button" class="link">Show newest</button>
  </div>
  <div id="error" class="error" role="alert" hidden></div>
  <div class="table-wrap">
    <table id="events">
      <thead>
        <tr>
          <th>Event name</th><th>Event time (UTC)</th><th>User name</th><th>Event source</th>
          <th>Resource type</th><th>Resource name</th><th id="head-access">Access</th><th id="head-outcome">Outcome</th>
        </tr>
      </thead>
      <tbody id="rows"></tbody>
    </table>
    <p id="empty" class="empty" hidden>No events match.</p>
  </div>
  <nav class="pager" aria-label="Pages">
    <button id="prev" type="button" class="secondary">&lsaquo; Previous</button>
    <span id="page-number">Page 1</span>
    <button id="next" type="button" class="secondary">Next &rsaquo;</button>
  </nav>
</main>
<aside id="detail" class="detail" hidden aria-labelledby="detail-title">
  <div class="detail-head">
    <h2 id="detail-title"></h2>
    <button id="detail-close" type="button" class="secondary" aria-label="Close">Close</button>
  </div>
  <dl id="detail-facts" class="facts"></dl>
  <h3>Event record</h3>
  <pre id="detail-json" class="json"></pre>
</aside>
</body>
</html>
`;
