/**
 * The review page (`-f html`): one self-contained HTML document per issue, to check a split at a
 * glance. It shows every source line in order, page by page; each article is a coloured box whose
 * lines are marked with their role (kicker, headline, deck, lead, body, subheading, caption,
 * credit, continuation); reporters, dates and places are highlighted, their values in `title`
 * attributes (shown on hover); leftovers and furniture are grey. A contents list and the
 * diagnostics come first. No scripts, no external assets: the page reads the same offline.
 *
 * Roles are read back from the article record, not from the stages: walking an article's lines
 * in order, a line equal to its headline, kicker or deck text is that title; a line found in the
 * body (searched forward from the previous one, so repeats land in order) is body text, and its
 * place in the body maps date spans back onto the line; what is left is a credit, or a title when
 * it stands above the body of a continued part.
 */
import { type LineStarts, lineStarts, locate, locateDiagnostics } from '../diagnostics.js';
import { sourcesOf } from '../issue/assemble.js';
import type { IssueArticle, IssueLeftover, IssuePage, SourceTexts, WholeIssue } from '../issue/types.js';
import type { Diagnostic } from '../types.js';

/** Line roles, in the order the legend lists them. */
export const HTML_ROLES = ['kicker', 'headline', 'deck', 'lead', 'body', 'subheading', 'caption', 'credit', 'continuation'] as const;
export type HtmlRole = (typeof HTML_ROLES)[number];

const ROLE_LABEL: Readonly<Record<HtmlRole, string>> = {
  kicker: '引题 kicker',
  headline: '主题 headline',
  deck: '副题 deck',
  lead: '导语 lead',
  body: '正文 body',
  subheading: '小标题 subheading',
  caption: '图说 caption',
  credit: '署名 credit',
  continuation: '转版 continuation',
};

/**
 * Renders the review page of `issue`. `sources` maps each input name to its decoded text; an issue
 * from `splitIssue`/`splitIssues` carries them already. Throws (a programmer error) when a file's
 * text is missing.
 */
export function formatHtml(issue: WholeIssue, sources: SourceTexts | undefined = sourcesOf(issue)): string {
  if (!sources) throw new Error('formatHtml: no source texts; pass the issue returned by splitIssue, or the texts by file name');
  const files = new Map<string, FileView>();
  for (const name of issue.files) {
    const text = sources.get(name);
    if (text === undefined) throw new Error(`formatHtml: no source text for ${name}`);
    files.set(name, fileView(text));
  }
  const leftovers = new Map<string, Map<number, IssueLeftover>>(issue.files.map((name) => [name, new Map()]));
  for (const l of issue.leftovers) leftovers.get(l.file)?.set(l.line - 1, l);
  const views = new Map<string, Map<number, LineView>>(issue.files.map((name) => [name, new Map()]));
  for (const a of issue.articles) rolesOf(a, files, leftovers, views);
  const title = `${issue.source}${issue.issueDate ? ` · ${issue.issueDate.value}` : ''}`;
  return [
    '<!doctype html>',
    '<html lang="zh-Hans">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>paper-split review: ${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(summaryOf(issue))}</p></header>`,
    contentsOf(issue),
    diagnosticsOf(issue, files),
    legendOf(),
    '<main>',
    ...issue.pages.map((p, k) => pageOf(issue, p, k, files.get(p.file)!, leftovers.get(p.file)!, views.get(p.file)!)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ——— Lines ———————————————————————————————————————————————————————————————————————————

/** A file's text with its line table. */
interface FileView {
  text: string;
  starts: LineStarts;
  /** Lines already rendered (0-based): an article box may run past its page's end. */
  shown: Set<number>;
}

function fileView(text: string): FileView {
  return { text, starts: lineStarts(text), shown: new Set() };
}

/** The text of line `k` (0-based) without its break. */
function lineText(f: FileView, k: number): string {
  const end = k + 1 < f.starts.length ? f.starts[k + 1]! : f.text.length;
  return f.text.slice(f.starts[k]!, end).replace(/\r?\n$|\r$/u, '');
}

/** A highlighted stretch of a line, in UTF-16 offsets into the line. */
interface Mark {
  start: number;
  end: number;
  kind: 'date' | 'place' | 'reporter' | 'marker' | 'continuation';
  title: string;
}

/** One line as rendered: its role (or leftover reason) and its marks. */
interface LineView {
  role?: HtmlRole;
  leftover?: IssueLeftover['reason'];
  title?: string;
  marks: Mark[];
}

// ——— The page ————————————————————————————————————————————————————————————————————————

function pageOf(issue: WholeIssue, page: IssuePage, k: number, f: FileView, leftovers: ReadonlyMap<number, IssueLeftover>, views: ReadonlyMap<number, LineView>): string {
  const out: string[] = [];
  const label = page.page === undefined ? 'page ?' : `第${page.page}版`;
  const from = page.pageSource === undefined ? '' : ` (page number from the ${page.pageSource === 'header' ? 'page header' : 'file name'})`;
  out.push(`<section class="page" id="page-${k}">`, `<h2>${esc(label)} <span class="file">${esc(page.file)}${esc(from)}</span></h2>`, '<div class="src">');

  // Each article (or part of a joined one) that starts on this page, by its first line.
  const boxes = new Map<number, { article: IssueArticle; part: number; first: number; last: number }>();
  for (const a of issue.articles) {
    const parts = a.parts ?? [{ file: a.file, lines: a.lines, span: a.span }];
    parts.forEach((p, n) => {
      if (p.file === page.file && p.span[0] >= page.span[0] && p.span[0] < page.span[1]) {
        boxes.set(p.lines.first - 1, { article: a, part: n, first: p.lines.first - 1, last: p.lines.last - 1 });
      }
    });
  }

  let blank = false;
  for (let line = locate(f.starts, page.span[0]).line - 1; line < f.starts.length && f.starts[line]! < page.span[1]; line++) {
    if (f.shown.has(line)) continue;
    const box = boxes.get(line);
    if (box) {
      out.push(boxOf(box.article, box.part, box.first, box.last, f, views));
      blank = false;
      continue;
    }
    const l = leftovers.get(line);
    blank = pushLine(out, f, line, blank, () => (l ? leftoverView(l) : { leftover: 'orphan', title: 'a line outside every article', marks: [] }));
  }
  out.push('</div>', '</section>');
  return out.join('\n');
}

function leftoverView(l: IssueLeftover): LineView {
  return {
    leftover: l.reason,
    title: l.reason === 'furniture' ? 'furniture: page header, page number or editor line, kept out of the articles' : 'leftover: a line that belongs to no article',
    marks: [],
  };
}

/** The box of one article part: its header and its lines with their roles. */
function boxOf(a: IssueArticle, part: number, first: number, last: number, f: FileView, views: ReadonlyMap<number, LineView>): string {
  const hue = Math.round((a.index * 137.508) % 360);
  const cls = part === 0 ? 'box' : 'box box-cont';
  const id = part === 0 ? `a-${a.index}` : `a-${a.index}-${part}`;
  const facts = [a.kind, a.date ?? 'no date', ...a.reporters.map((r) => `${r.role} ${r.name}`)];
  if (a.parts) facts.push(`part ${part + 1} of ${a.parts.length}`);
  const out = [
    `<div class="${cls}" id="${id}" data-index="${a.index}" style="--h:${hue}">`,
    `<div class="box-head"><span class="n">#${a.index}</span> ${esc(facts.join(' · '))}</div>`,
  ];
  let blank = false;
  for (let line = first; line <= last; line++) blank = pushLine(out, f, line, blank, () => views.get(line) ?? { marks: [] });
  out.push('</div>');
  return out.join('\n');
}

/** Appends one source line, a run of blank lines shown as one; returns whether the line was blank. */
function pushLine(out: string[], f: FileView, line: number, afterBlank: boolean, view: () => LineView): boolean {
  f.shown.add(line);
  const text = lineText(f, line);
  if (text.trim().length === 0) {
    if (!afterBlank) out.push('<div class="ln blank"></div>');
    return true;
  }
  out.push(lineOf(line, text, view()));
  return false;
}

function lineOf(line: number, text: string, view: LineView): string {
  const cls = ['ln'];
  if (view.role) cls.push(`r-${view.role}`);
  if (view.leftover) cls.push('leftover', `lo-${view.leftover}`);
  const role = view.role ? ROLE_LABEL[view.role] : view.leftover === 'furniture' ? 'furniture' : view.leftover ? 'leftover' : '';
  const title = view.title ?? (view.role ? ROLE_LABEL[view.role] : undefined);
  return (
    `<div class="${cls.join(' ')}"${title ? ` title="${esc(title)}"` : ''}>` +
    `<span class="no">${line + 1}</span><span class="role">${esc(role)}</span><span class="tx">${marked(text, view.marks)}</span></div>`
  );
}

/** The line's text with its marks as spans. Marks of the same layer never overlap (see `placeMarks`). */
function marked(text: string, marks: readonly Mark[]): string {
  if (marks.length === 0) return esc(text);
  const cuts = new Set([0, text.length]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((x, y) => x - y);
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const [s, e] = [points[k]!, points[k + 1]!];
    const piece = esc(text.slice(s, e));
    const on = marks.filter((m) => m.start <= s && m.end >= e);
    if (on.length === 0) {
      out += piece;
      continue;
    }
    out += `<span class="${on.map((m) => `m-${m.kind}`).join(' ')}" title="${esc(on.map((m) => m.title).join(' · '))}">${piece}</span>`;
  }
  return out;
}

// ——— Roles, read back from the article ——————————————————————————————————————————————————

const OPENING = /^\s*[（(]\s*(?:上接|接)\s*第?\s*[A-DＡ-Ｄ]?[0-9０-９一二三四五六七八九十]{1,3}\s*版[^）)]{0,10}[）)]/u;
const CLOSING = /[（(]\s*(?:下转|转)\s*第?\s*[A-DＡ-Ｄ]?[0-9０-９一二三四五六七八九十]{1,3}\s*版[^）)]{0,10}[）)]\s*$/u;

/**
 * The role and marks of every line of `a`, part after part: the body search runs on from where
 * the previous part's last body line was found, so the parts' lines land in order in the joined body.
 */
function rolesOf(a: IssueArticle, files: ReadonlyMap<string, FileView>, leftovers: ReadonlyMap<string, ReadonlyMap<number, IssueLeftover>>, views: Map<string, Map<number, LineView>>): void {
  const titles = new Map<string, HtmlRole>();
  for (const d of a.deck) titles.set(squeeze(d), 'deck');
  if (a.kicker) for (const k of [a.kicker, ...a.kicker.split(' ')]) titles.set(squeeze(k), 'kicker');
  if (a.headline) titles.set(squeeze(a.headline), 'headline');
  const subheadings = new Set(a.subheadings.map(squeeze));
  const bodyRole: HtmlRole = a.kind === 'photo' ? 'caption' : 'body';
  const continued = a.parts !== undefined || a.continuedFrom !== undefined || a.continuedFromRef !== undefined;

  let cursor = 0;
  for (const part of a.parts ?? [{ file: a.file, lines: a.lines, span: a.span }]) {
    const f = files.get(part.file)!;
    const fileViews = views.get(part.file)!;
    const fileLeftovers = leftovers.get(part.file);
    let bodySeen = false;
    for (let line = part.lines.first - 1; line <= part.lines.last - 1; line++) {
      const text = lineText(f, line);
      if (text.trim().length === 0) continue;
      const l = fileLeftovers?.get(line);
      if (l) {
        fileViews.set(line, leftoverView(l));
        continue;
      }
      const view: LineView = { marks: [] };
      fileViews.set(line, view);
      // Continuation markers, alone on their line or at its ends.
      const open = OPENING.exec(text);
      const close = CLOSING.exec(text);
      const from = open ? open[0].length : 0;
      const to = close && close.index >= from ? close.index : text.length;
      if (open) view.marks.push({ start: text.indexOf(open[0].trim()), end: from, kind: 'continuation', title: `continued from another page: ${open[0].trim()}` });
      if (close && close.index >= from) view.marks.push({ start: close.index, end: text.length, kind: 'continuation', title: `continues on another page: ${close[0].trim()}` });
      const inner = text.slice(from, to);
      const col = from + inner.length - inner.trimStart().length;
      const content = inner.trim();
      if (content.length === 0) {
        view.role = 'continuation';
        continue;
      }
      // A line equal to a title is that title, unless it is also the next body text (a title line
      // repeated in the body); the map lookup comes first, so body lines cost no body search here.
      const titled = titles.get(squeeze(content));
      const title = titled && (!bodySeen || a.body.indexOf(content, cursor) < 0) ? titled : undefined;
      if (title) {
        view.role = title;
        placeMarks(view, text, a, col, content, false);
        continue;
      }
      const at = a.body.indexOf(content, cursor);
      if (at >= 0) {
        bodySeen = true;
        view.role = subheadings.has(squeeze(content)) ? 'subheading' : bodyRole;
        if (a.marker && at === 0 && content.startsWith(a.marker)) {
          view.role = 'lead';
          view.marks.push({ start: col, end: col + a.marker.length, kind: 'marker', title: `lead marker: ${a.marker}` });
        }
        for (const d of a.dates) {
          const s = Math.max(d.span[0], at);
          const e = Math.min(d.span[1], at + content.length);
          if (s >= e) continue;
          const extra = [d.time, d.from && d.to ? `${d.from} to ${d.to}` : undefined, d.yearSource ? `year from ${d.yearSource}` : 'year unknown'].filter((x) => x);
          view.marks.push({ start: col + s - at, end: col + e - at, kind: 'date', title: `date ${d.value}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}` });
        }
        placeMarks(view, text, a, col, content, true);
        cursor = at + content.length;
        continue;
      }
      // Neither a title the record names nor body text: above the body of a continued part it is
      // that part's own title (上接 parts repeat or shorten the headline); otherwise a credit.
      if (!bodySeen && continued) {
        view.role = 'headline';
        view.title = 'headline of a continued part';
      } else {
        view.role = 'credit';
      }
      placeMarks(view, text, a, col, content, true);
    }
  }
}

/**
 * Reporter names and place mentions on a line, where they do not overlap a date or each other
 * (the longer match wins, as in a refiner). `content` starts at `col` in the line.
 */
function placeMarks(view: LineView, text: string, a: IssueArticle, col: number, content: string, reporters: boolean): void {
  const candidates: Mark[] = [];
  if (reporters) {
    for (const r of a.reporters) {
      for (let k = content.indexOf(r.name); k >= 0; k = content.indexOf(r.name, k + r.name.length)) {
        candidates.push({ start: col + k, end: col + k + r.name.length, kind: 'reporter', title: `reporter ${r.name} (${r.role})` });
      }
    }
  }
  for (const loc of a.locations) {
    const extra = [loc.level, loc.path.join(' › ')];
    if (loc.candidates) extra.push(`candidates ${loc.candidates.join(', ')}`);
    if (loc.weak) extra.push('weak: inside an organisation name');
    for (const m of loc.mentions) {
      for (let k = content.indexOf(m); k >= 0; k = content.indexOf(m, k + m.length)) {
        candidates.push({ start: col + k, end: col + k + m.length, kind: 'place', title: `place ${loc.name} ${loc.code} (${extra.join('; ')})` });
      }
    }
  }
  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const inline = view.marks.filter((m) => m.kind === 'date');
  for (const c of candidates) {
    if (c.end > text.length || inline.some((m) => c.start < m.end && m.start < c.end)) continue;
    inline.push(c);
    view.marks.push(c);
  }
}

function squeeze(s: string): string {
  return s.replace(/\s+/gu, '');
}

// ——— Contents, diagnostics, legend —————————————————————————————————————————————————————

function summaryOf(issue: WholeIssue): string {
  const parts = [
    `${issue.articles.length} article${issue.articles.length === 1 ? '' : 's'}`,
    `${issue.pages.length} page${issue.pages.length === 1 ? '' : 's'}`,
    issue.issueDate ? `issue date ${issue.issueDate.value} (from ${issue.issueDate.source})` : 'issue date unknown',
  ];
  if (issue.home) parts.push(`home ${issue.home.name}`);
  if (issue.links.length > 0) parts.push(`${issue.links.length} continuation${issue.links.length === 1 ? '' : 's'} linked${issue.joined ? ' and joined' : ''}`);
  parts.push(issue.files.join(', '));
  return parts.join(' · ');
}

function contentsOf(issue: WholeIssue): string {
  const items = issue.articles.map((a) => {
    const hue = Math.round((a.index * 137.508) % 360);
    const where = [a.kind, a.page === undefined ? undefined : `第${a.page}版`, a.date ?? undefined, `lines ${a.lines.first}–${a.lines.last}`].filter((x) => x);
    const links: string[] = [];
    if (a.continuedOnRef) links.push(`<a href="#a-${a.continuedOnRef.index}">continues on 第${a.continuedOnRef.page}版 (#${a.continuedOnRef.index})</a>`);
    else if (a.continuedOn !== undefined) links.push(`continues on 第${a.continuedOn}版 (not found)`);
    if (a.continuedFromRef) links.push(`<a href="#a-${a.continuedFromRef.index}">continued from 第${a.continuedFromRef.page}版 (#${a.continuedFromRef.index})</a>`);
    else if (a.continuedFrom !== undefined) links.push(`continued from 第${a.continuedFrom}版 (not found)`);
    if (a.parts) links.push(`joined from ${a.parts.map((p) => (p.page === undefined ? p.file : `第${p.page}版`)).join(' + ')}`);
    return (
      `<li><a href="#a-${a.index}"><span class="swatch" style="--h:${hue}"></span>${a.headline ? esc(a.headline) : '<i>(no headline)</i>'}</a>` +
      ` <span class="meta">${esc(where.join(' · '))}</span>${links.length > 0 ? ` <span class="links">${links.join(' · ')}</span>` : ''}</li>`
    );
  });
  return `<nav class="contents"><h2>Articles</h2><ol start="0">\n${items.join('\n')}\n</ol></nav>`;
}

function diagnosticsOf(issue: WholeIssue, files: ReadonlyMap<string, FileView>): string {
  const rows = (list: Diagnostic[]): string =>
    list
      .map((d) => {
        const [located] = locateDiagnostics([d], d.file === undefined ? undefined : files.get(d.file)?.text);
        const place = `${d.file ?? issue.source}:${located!.point.line}:${located!.point.column}`;
        return `<li class="sev-${d.severity}"><span class="place">${esc(place)}</span> <span class="sev">${d.severity}</span> ${esc(d.message)} <code>${esc(d.code)}</code></li>`;
      })
      .join('\n');
  const serious = issue.diagnostics.filter((d) => d.severity !== 'info');
  const info = issue.diagnostics.filter((d) => d.severity === 'info');
  const out = ['<section class="diagnostics"><h2>Diagnostics</h2>'];
  out.push(serious.length > 0 ? `<ul>\n${rows(serious)}\n</ul>` : '<p class="meta">no errors or warnings</p>');
  if (info.length > 0) out.push(`<details><summary>${info.length} info (leftover lines, continuations without a partner)</summary><ul>\n${rows(info)}\n</ul></details>`);
  out.push('</section>');
  return out.join('\n');
}

function legendOf(): string {
  const roles = HTML_ROLES.map((r) => `<span class="ln r-${r}"><span class="role">${esc(ROLE_LABEL[r])}</span></span>`).join(' ');
  const marks = '<span class="m-reporter" title="reporter">reporter</span> <span class="m-date" title="date">date</span> <span class="m-place" title="place">place</span> <span class="m-marker" title="lead marker">lead marker</span> <span class="leftover">leftover / furniture</span>';
  return `<section class="legend"><h2>Legend</h2><p>${roles}</p><p>${marks} · hover a highlight for its value</p></section>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ESCAPES[c]!);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const CSS = `
:root { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1d1d1f; background: #fafafa; }
body { margin: 0 auto; max-width: 1100px; padding: 16px 24px 48px; line-height: 1.6; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 20px 0 8px; }
.meta, .file { color: #666; font-size: 13px; font-weight: normal; }
.contents ol { padding-left: 36px; margin: 0; } .contents li { margin: 2px 0; }
.contents a { color: inherit; text-decoration: none; } .links, .links a { color: #2456a6; font-size: 13px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; background: hsl(var(--h) 60% 50%); }
.diagnostics ul { padding-left: 20px; margin: 0; font-size: 13px; } .place { font-family: monospace; color: #555; }
.sev-error .sev { color: #c00; font-weight: bold; } .sev-warning .sev { color: #b46900; font-weight: bold; } .sev-info .sev { color: #777; }
.legend p { margin: 4px 0; font-size: 13px; } .legend .ln { display: inline-block; padding: 0 6px; border-radius: 3px; background: #eee; }
.legend .role { width: auto; }
.page { margin-top: 24px; } .page > h2 { border-bottom: 2px solid #333; padding-bottom: 2px; }
.src { font-size: 14px; }
.ln { display: flex; gap: 8px; padding: 0 6px; min-height: 1.6em; }
.ln.blank { min-height: 0.6em; }
.no { flex: 0 0 36px; text-align: right; color: #999; font-family: monospace; font-size: 12px; padding-top: 2px; }
.role { flex: 0 0 118px; color: #888; font-size: 12px; padding-top: 2px; white-space: nowrap; }
.tx { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
.box, .box-cont { margin: 6px 0; border: 2px solid hsl(var(--h) 55% 45%); border-left-width: 8px; border-radius: 6px; background: hsl(var(--h) 70% 97%); padding: 2px 0 4px; }
.box-head { font-size: 12px; color: hsl(var(--h) 55% 30%); padding: 0 8px; border-bottom: 1px dashed hsl(var(--h) 40% 75%); margin-bottom: 2px; }
.box-cont { border-style: dashed; }
.r-kicker .tx { font-style: italic; color: hsl(var(--h) 40% 30%); }
.r-headline .tx { font-size: 18px; font-weight: bold; }
.r-deck .tx { font-weight: 600; color: #333; }
.r-subheading .tx { font-weight: bold; }
.r-caption .tx { font-style: italic; }
.r-credit .tx { color: #2456a6; }
.r-continuation .tx { color: #7a4d00; }
.r-headline .role, .r-kicker .role, .r-deck .role { color: hsl(var(--h) 55% 35%); font-weight: bold; }
.leftover .tx, .leftover .role { color: #aaa; } .leftover { background: repeating-linear-gradient(135deg, #f3f3f3 0 6px, #ececec 6px 12px); }
.m-date { background: #ffe58a; border-radius: 2px; }
.m-place { background: #c9f0c4; border-bottom: 2px solid #3c9a34; }
.m-reporter { background: #f7c8e0; border-radius: 2px; }
.m-marker { background: #ffd9b8; box-shadow: 0 1px 0 #c05a00; }
.m-continuation { background: #e9dcc8; color: #7a4d00; }
`;
