/** Styles of the card parts in the card extras script (parts.ts); see styles.ts. */
export const CARD_EXTRAS_CSS = `
.diffs { margin: 6px 0; padding: 0; list-style: none; font-size: 13px; }
.diffs li { margin: 3px 0; display: grid; grid-template-columns: auto 1fr; column-gap: 6px; }
.diffs .q { background: var(--del); border-radius: 3px; padding: 0 3px; }
.diffs .t { background: var(--ins); border-radius: 3px; padding: 0 3px; }
.diffs .k { color: var(--muted); }
.counterpart { margin: 6px 0; font-size: 13px; }
.counterpart .label { display: block; color: var(--muted); font-size: 12px; }
.counterpart blockquote { margin: 2px 0 0; }
.contra { margin: 8px 0; padding: 8px 10px; border: 1px solid var(--bad); border-radius: 6px; background: var(--bad-bg); }
.contra-kind { margin: 0 0 6px; font-size: 13px; font-weight: 600; color: var(--bad); }
.contra-cols { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.contra-label { font-size: 12px; color: var(--muted); }
.contra blockquote { margin: 2px 0 0; font-size: 13px; overflow-wrap: anywhere; color: var(--fg); }
.mentions { margin: 8px 0 0; font-size: 12px; color: var(--muted); border-top: 1px dashed var(--line); padding-top: 6px; }
.mentions-label { font-weight: 600; text-transform: uppercase; letter-spacing: .03em; font-size: 11px; }
.rows { list-style: none; margin: 4px 0; padding: 0; }
.row { border: 1px solid var(--line); border-radius: 8px; padding: 6px 8px; margin: 6px 0; }
.row-head { display: flex; gap: 8px; align-items: center; }
.row-quote { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 13px; }
.row-sub { font-size: 12px; color: var(--muted); margin-top: 2px; }
.row-body { margin-top: 6px; }
.source.match-source { border-top: none; margin: 2px 0 4px; padding-top: 0; }
`;
