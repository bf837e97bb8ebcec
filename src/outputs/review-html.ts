/**
 * The review page as one HTML file: page images with boxes over the lines
 * each field came from, coloured by confidence; beside them the fields,
 * what to check, and the JSON, each linked to its boxes. Nothing is
 * fetched: images are data URIs, the style and the small script are inline,
 * and a Content-Security-Policy forbids any request. Links work without the
 * script (anchors); the script adds the highlight. Prints pages first, then
 * the lists.
 */
import type {Output} from '../output/schema.js'
import type {BBox} from '../tree/types.js'
import type {PageImage} from './page-images.js'
import type {Doubt, Place, ReviewField} from './review-fields.js'

/** Everything the page shows. */
export interface ReviewContent {
  /** The input's name, for the heading. */
  name: string
  output: Output
  /** Pages in layout units (the boxes' units), with their images. */
  pages: Array<{number: number; width: number; height: number; image?: PageImage}>
  fields: ReviewField[]
  doubts: Doubt[]
}

/** Confidence bands: at or above `high` is sure, below `low` is doubtful. */
export const confidenceBands = {high: 0.85, low: 0.6}

/** The review page of `content`. */
export function reviewHtml(content: ReviewContent): string {
  const {output} = content
  const d = output.document
  const heading = [d.type?.name, d.number?.raw].filter(Boolean).join(' ') || content.name
  const pathToField = new Map<string, string>()
  for (const f of content.fields) if (f.path && f.places.length > 0 && !pathToField.has(f.path)) pathToField.set(f.path, f.id)
  const summary = [
    `${output.source.pages} trang (pages)`,
    `route: ${output.source.route}`,
    output.source.ocrConfidence !== undefined ? `OCR ${(output.source.ocrConfidence * 100).toFixed(0)}%` : '',
    `${content.fields.length} trường (fields)`,
    `${content.doubts.length} cần kiểm tra (to check)`
  ].filter(Boolean)
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sohoa">
<title>${escape(`Soát xét: ${heading}`)}</title>
<style>${style}</style>
</head>
<body>
<header class="top">
<h1>${escape(heading)}</h1>
<p class="subject">${escape(d.title ?? output.plan?.title ?? '')}</p>
<p class="meta"><span class="file">${escape(content.name)}</span> · ${summary.map(escape).join(' · ')}</p>
<p class="legend"><span class="swatch high"></span>chắc chắn (≥ ${pct(confidenceBands.high)}) <span class="swatch mid"></span>cần xem (${pct(confidenceBands.low)}–${pct(confidenceBands.high)}) <span class="swatch low"></span>đáng ngờ (&lt; ${pct(confidenceBands.low)}) <span class="swatch none"></span>không rõ · <span class="swatch doubt"></span>cần kiểm tra</p>
</header>
<main>
<section class="pages" aria-label="Trang (pages)">
${content.pages.map((page) => pageHtml(page, content.fields, content.doubts)).join('\n')}
</section>
<aside class="side">
<section class="fields">
<h2>Trường dữ liệu <small>(fields)</small></h2>
<table>
<thead><tr><th>Trường</th><th>Giá trị</th><th>Tin cậy</th></tr></thead>
<tbody>
${content.fields.map(fieldRow).join('\n')}
</tbody>
</table>
</section>
<section class="doubts">
<h2>Cần kiểm tra <small>(to check: ${content.doubts.length})</small></h2>
${content.doubts.length === 0 ? '<p>Không có.</p>' : `<ol>\n${content.doubts.map(doubtItem).join('\n')}\n</ol>`}
</section>
<section class="json">
<h2>JSON</h2>
<pre>${jsonHtml(output, '', pathToField, 0)}</pre>
</section>
</aside>
</main>
<script>${script}</script>
</body>
</html>
`
}

function pageHtml(page: ReviewContent['pages'][number], fields: ReviewField[], doubts: Doubt[]): string {
  const boxes: string[] = []
  for (const field of fields) {
    field.places.forEach((place, k) => {
      if (place.page !== page.number) return
      boxes.push(
        `<a class="box field ${band(place.confidence)}" id="box-${field.id}-${k}" data-field="${field.id}" href="#item-${field.id}" style="${position(place.bbox, page)}" title="${escape(`${field.label}: ${field.value}`)}">${k === 0 ? `<span class="tag">${escape(shortLabel(field.label))}</span>` : ''}</a>`
      )
    })
  }
  for (const doubt of doubts) {
    if (!doubt.place || doubt.place.page !== page.number) continue
    boxes.push(`<a class="box doubt" id="box-${doubt.id}-0" data-field="${doubt.id}" href="#item-${doubt.id}" style="${position(doubt.place.bbox, page)}" title="${escape(doubt.text)}"></a>`)
  }
  const image = page.image ? `<img src="${page.image.src}" alt="Trang ${page.number}">` : `<div class="noimage">Không có ảnh trang ${page.number}</div>`
  return `<figure class="page" id="page-${page.number}" style="aspect-ratio: ${num(page.width)} / ${num(page.height)}">
${image}
${boxes.join('\n')}
<figcaption>Trang ${page.number}</figcaption>
</figure>`
}

function fieldRow(field: ReviewField): string {
  const target = field.places.length > 0 ? `href="#box-${field.id}-0"` : ''
  const link = field.places.length > 0 ? `<a class="go" ${target} data-field="${field.id}">${escape(field.label)}</a>` : `${escape(field.label)} <em class="nobox">(không có vị trí)</em>`
  const path = field.path ? `<code>${escape(field.path)}</code>` : ''
  return `<tr id="item-${field.id}" class="${band(field.confidence)}"><td>${link}<br>${path}</td><td>${escape(field.value)}</td><td class="conf">${field.confidence === null ? '–' : pct(field.confidence)}</td></tr>`
}

function doubtItem(doubt: Doubt): string {
  const kind = {restored: 'khôi phục dấu', ocr: 'OCR', diagnostic: 'thông báo'}[doubt.kind]
  const text = `<span class="kind">${kind}</span> ${escape(doubt.text)}${doubt.confidence === null ? '' : ` <span class="conf">${pct(doubt.confidence)}</span>`}`
  const where = doubt.place ? ` <a class="go" href="#box-${doubt.id}-0" data-field="${doubt.id}">trang ${doubt.place.page}</a>` : ''
  return `<li id="item-${doubt.id}" class="${doubt.kind}">${text}${where}</li>`
}

/** The output as indented JSON, keys and items that have boxes linked to them. */
function jsonHtml(value: unknown, path: string, links: Map<string, string>, depth: number): string {
  const pad = '  '.repeat(depth + 1)
  const end = '  '.repeat(depth)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((item, i) => {
      const itemPath = `${path}[${i}]`
      const id = links.get(itemPath)
      const mark = id ? `<a class="go jl" href="#box-${id}-0" data-field="${id}" title="${escape(itemPath)}">▸</a>` : ''
      return pad + mark + jsonHtml(item, itemPath, links, depth + 1)
    })
    return `[\n${items.join(',\n')}\n${end}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    const lines = entries.map(([key, v]) => {
      const keyPath = path ? `${path}.${key}` : key
      const id = links.get(keyPath)
      const keyHtml = id ? `<a class="go jk" href="#box-${id}-0" data-field="${id}" title="${escape(keyPath)}">"${escape(key)}"</a>` : `<span class="jk">"${escape(key)}"</span>`
      return `${pad}${keyHtml}: ${jsonHtml(v, keyPath, links, depth + 1)}`
    })
    return `{\n${lines.join(',\n')}\n${end}}`
  }
  const text = JSON.stringify(value) ?? 'null'
  return `<span class="${typeof value === 'string' ? 'js' : 'jv'}">${escape(text)}</span>`
}

function position(b: BBox, page: {width: number; height: number}): string {
  const pad = 0.003
  const x = Math.max(0, b.x0 / page.width - pad)
  const y = Math.max(0, b.y0 / page.height - pad)
  const w = Math.min(1 - x, (b.x1 - b.x0) / page.width + 2 * pad)
  const h = Math.min(1 - y, (b.y1 - b.y0) / page.height + 2 * pad)
  return `left:${num(100 * x)}%;top:${num(100 * y)}%;width:${num(100 * w)}%;height:${num(100 * h)}%`
}

function band(confidence: number | null): string {
  if (confidence === null) return 'none'
  return confidence >= confidenceBands.high ? 'high' : confidence >= confidenceBands.low ? 'mid' : 'low'
}

/** The Vietnamese part of a label, for the tag on a box. */
function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, '')
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`
}

function num(x: number): string {
  return String(Math.round(x * 1000) / 1000)
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Colours and layout: pages left, lists right on a laptop screen; one column on a narrow one and on paper. */
const style = `
:root{--high:#1a7f37;--mid:#b26b00;--low:#c62828;--none:#3465a4;--doubt:#8e24aa;font-family:"Liberation Sans",Arial,sans-serif;font-size:14px;color:#1b1b1b;background:#eef0f2}
*{box-sizing:border-box}
body{margin:0}
.top{padding:10px 16px;background:#fff;border-bottom:1px solid #ccd}
.top h1{margin:0;font-size:20px}
.top p{margin:4px 0}
.subject{font-style:italic}
.meta{color:#555}
.legend{font-size:12px;color:#444}
.swatch{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:-2px;border:2px solid}
.swatch.high{border-color:var(--high)}.swatch.mid{border-color:var(--mid)}.swatch.low{border-color:var(--low)}.swatch.none{border-color:var(--none)}.swatch.doubt{border-color:var(--doubt);border-style:dashed}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(340px,2fr);gap:12px;padding:12px}
.pages{display:flex;flex-direction:column;gap:16px}
.page{position:relative;margin:0;width:100%;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
.page img{position:absolute;inset:0;width:100%;height:100%;display:block}
.page figcaption{position:absolute;right:6px;bottom:4px;font-size:11px;color:#666;background:rgba(255,255,255,.8);padding:0 4px}
.noimage{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;color:#888}
.box{position:absolute;display:block;border:2px solid var(--none);background:rgba(52,101,164,.08);text-decoration:none}
.box.high{border-color:var(--high);background:rgba(26,127,55,.08)}
.box.mid{border-color:var(--mid);background:rgba(178,107,0,.12)}
.box.low{border-color:var(--low);background:rgba(198,40,40,.14)}
.box.doubt{border:1px dashed var(--doubt);background:rgba(142,36,170,.06)}
.box .tag{position:absolute;left:-2px;top:-15px;font-size:10px;line-height:13px;padding:0 3px;color:#fff;background:var(--none);white-space:nowrap;max-width:220px;overflow:hidden;text-overflow:ellipsis}
.box.high .tag{background:var(--high)}.box.mid .tag{background:var(--mid)}.box.low .tag{background:var(--low)}
.box:hover,.box.flash{outline:3px solid #ffd400;z-index:2}
.side{position:sticky;top:12px;align-self:start;max-height:calc(100vh - 24px);overflow:auto;background:#fff;padding:8px 12px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
.side h2{font-size:16px;margin:12px 0 6px}
.side h2 small{font-weight:normal;color:#666}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid #e3e3e3}
td code{font-size:11px;color:#666}
tr.high td.conf{color:var(--high)}tr.mid td.conf{color:var(--mid)}tr.low td.conf{color:var(--low)}
tr.flash,li.flash{background:#fff6bf}
.nobox{color:#888;font-size:12px}
.doubts ol{padding-left:22px;margin:0}
.doubts li{margin:2px 0}
.kind{font-size:11px;color:#fff;background:var(--doubt);padding:0 4px;border-radius:2px}
li.ocr .kind{background:var(--low)}li.diagnostic .kind{background:#555}
.json pre{font-size:12px;white-space:pre-wrap;word-break:break-word;background:#f7f7f9;padding:8px;margin:0}
.jk{color:#0b4f8a}.js{color:#1b5e20}.jv{color:#8a3b00}
a.jk,a.jl{font-weight:bold;text-decoration:underline dotted}
a.go{color:inherit}
@media (max-width:900px){main{grid-template-columns:1fr}.side{position:static;max-height:none}}
@media print{
 :root{background:#fff}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 main{display:block;padding:0}
 .page{break-inside:avoid;break-after:page;box-shadow:none}
 .side{position:static;max-height:none;overflow:visible;box-shadow:none}
 a{text-decoration:none}
}
`

/** Clicking a field, a doubt or a JSON key scrolls to its first box and flashes all of them; clicking a box shows its row. */
const script = `
(function(){
  function flash(id){
    document.querySelectorAll('.flash').forEach(function(e){e.classList.remove('flash')});
    document.querySelectorAll('[data-field="'+id+'"].box,#item-'+id).forEach(function(e){e.classList.add('flash')});
  }
  document.addEventListener('click',function(event){
    var link=event.target.closest('a[data-field]');
    if(!link)return;
    var id=link.getAttribute('data-field');
    var target=link.classList.contains('box')?document.getElementById('item-'+id):document.getElementById('box-'+id+'-0');
    if(!target)return;
    event.preventDefault();
    flash(id);
    target.scrollIntoView({behavior:'smooth',block:'center'});
    history.replaceState(null,'','#'+target.id);
  });
})();
`
