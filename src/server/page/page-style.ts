// The event-history page's stylesheet.

export const PAGE_CSS = `
:root {
  --ink: #16191f; --muted: #5f6b7a; --line: #d5dbdb; --bg: #f2f3f3; --panel: #fff; --accent: #0972d3;
  --read: #037f0c; --write: #8d6605; --error: #d91515; --error-bg: #fff7f7; --ok-bg: #f2fcf3; --badge: #e9ebed;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
.top { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; padding: 14px 24px; background: #232f3e; color: #fff; }
.top h1 { font-size: 20px; margin: 0; font-weight: 700; }
.mode { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; padding: 2px 8px; border-radius: 10px; background: #414d5c; }
.mode.live { background: #037f0c; }
.top .source { color: #d1d5db; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.integrity { font-size: 12px; padding: 2px 8px; border-radius: 10px; background: #037f0c; }
.integrity.bad { background: var(--error); }
main { padding: 16px 24px 32px; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px 14px; align-items: end;
  background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px; }
.filters label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; font-size: 12px; color: var(--muted); }
select, input { font: inherit; color: var(--ink); padding: 5px 8px; border: 1px solid #8c8c94; border-radius: 6px; background: #fff; min-width: 0; }
.actions { display: flex; gap: 8px; }
button { font: inherit; font-weight: 600; padding: 5px 14px; border-radius: 16px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button.link { border: 0; background: none; color: var(--accent); padding: 0; text-decoration: underline; }
button:disabled { opacity: .45; cursor: default; }
.bar { display: flex; gap: 8px; align-items: center; margin: 14px 0 8px; }
.spacer { flex: 1; }
.summary { color: var(--muted); }
.notice { background: #f2f8fd; border: 1px solid var(--accent); border-radius: 6px; padding: 8px 12px; margin-bottom: 8px; }
.error { background: var(--error-bg); border: 1px solid var(--error); color: var(--error); border-radius: 6px; padding: 8px 12px; margin-bottom: 8px; }
.table-wrap { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; overflow: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid #eaeded; white-space: nowrap; }
th { position: sticky; top: 0; background: #fafafa; font-size: 12px; color: var(--muted); }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #f4f9fe; }
tbody tr.selected { background: #e6f2fc; }
tbody tr.failed td:first-child { box-shadow: inset 3px 0 var(--error); }
td.name { color: var(--accent); font-weight: 600; }
td.source { color: var(--muted); }
td.resource { max-width: 280px; overflow: hidden; text-overflow: ellipsis; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 8px; border-radius: 10px; background: var(--badge); }
.badge.read { color: var(--read); background: var(--ok-bg); }
.badge.write { color: var(--write); background: #fffce9; }
.badge.error { color: #fff; background: var(--error); }
.badge.insight { color: #8a4b00; background: #fff4e5; }
.badge.ok { color: var(--read); background: none; padding: 0; }
.empty { padding: 24px; text-align: center; color: var(--muted); margin: 0; }
.pager { display: flex; gap: 12px; align-items: center; justify-content: flex-end; margin-top: 10px; }
.detail { position: fixed; top: 0; right: 0; bottom: 0; width: min(640px, 100vw); background: var(--panel); border-left: 1px solid var(--line);
  box-shadow: -8px 0 24px rgba(0,0,0,.12); padding: 16px 20px; overflow: auto; }
.detail-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; }
.detail h2 { margin: 0; font-size: 18px; }
.detail h3 { font-size: 13px; color: var(--muted); margin: 16px 0 6px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 12px 0 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.json { background: #0f1b2a; color: #d1e4f5; border-radius: 6px; padding: 12px; font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.json .k { color: #8fd3ff; } .json .s { color: #b5e8a0; } .json .n { color: #ffd38a; } .json .l { color: #ff9e9e; }
`;
