/**
 * The diacritics stage as a unified plugin: restores the paragraphs and
 * table cells of the lines tree (before the sections stage), keeps what was
 * there in `data.raw`, the changed tokens in `data.restored`, and reports
 * doubtful repairs as info messages.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {LineData, Paragraph, Root, TableCell} from '../tree/types.js'
import {looksLikeOcr} from './line-mode.js'
import {countWords, type WordCounts} from './quality.js'
import {restore, type RestoreMode} from './restore.js'
import {tokenize} from './tokenize.js'

/** Options of the diacritics plugin. */
export interface Options {
  /**
   * Which nodes to restore: `always` (OCR text, bad text layers), `unmarked` (clean text: only
   * paragraphs and cells whose words carry no mark at all), `never`. Default `always`.
   */
  when?: 'always' | 'unmarked' | 'never'
  /** Restoration mode (default `auto`: decided per line; `marks` for text a Vietnamese OCR model read). */
  mode?: RestoreMode
  /** Path of a model file (default: the shipped model). */
  model?: string
  /** Changes below this confidence (0..1) are reported (default 0.9). */
  minConfidence?: number
}

type TextNode = Paragraph | TableCell

/** Restore Vietnamese diacritics and repair OCR damage in the paragraphs and table cells of a sohoa tree. */
const diacritics: Plugin<[Options?], Root> = function (options: Options = {}) {
  const when = options.when ?? 'always'
  const minConfidence = options.minConfidence ?? 0.9
  return function (tree: Root, file: VFile) {
    if (when === 'never') return
    const nodes: TextNode[] = []
    collect(tree, nodes)
    const tokensOf = nodes.map((node) => tokenize(node.value))
    const counts: WordCounts = countWords([])
    for (const tokens of tokensOf) countWords(tokens, counts)
    const ocrText = looksLikeOcr(counts)
    nodes.forEach((node, i) => {
      // A paragraph continues the one before it (`QUYẾT ĐỊNH` / `Ban hành Kế hoạch…`): its first
      // words are scored after that one's last words, as in running text.
      const previous = i > 0 && node.type === 'paragraph' && nodes[i - 1].type === 'paragraph' ? nodes[i - 1].value : undefined
      if (when === 'unmarked') {
        const c = countWords(tokensOf[i])
        if (c.words === 0 || c.marked > 0) return
      }
      const result = restore(node.value, {mode: options.mode ?? 'auto', model: options.model, ocrText, before: previous})
      if (result.tokens.length === 0) return
      const data: LineData = (node.data ??= {})
      data.raw = node.value
      data.restored = result.tokens
      node.value = result.text
      const doubtful = result.tokens.filter((t) => t.confidence < minConfidence)
      if (doubtful.length > 0) {
        const list = doubtful
          .slice(0, 5)
          .map((t) => `“${t.original}” → “${t.value}” (${t.confidence.toFixed(2)})`)
          .join(', ')
        const more = doubtful.length > 5 ? ` and ${doubtful.length - 5} more` : ''
        const message = file.message(`Unsure diacritics repair: ${list}${more}`, {
          place: node.position,
          source: 'diacritics',
          ruleId: 'low-confidence'
        })
        message.fatal = null
      }
    })
  }
}

export default diacritics

/** The paragraphs and table cells under `node`, in document order. */
function collect(node: {type: string; children?: unknown[]}, out: TextNode[]): void {
  if (node.type === 'paragraph' || node.type === 'tableCell') {
    out.push(node as TextNode)
    return
  }
  if (Array.isArray(node.children)) for (const child of node.children) collect(child as {type: string; children?: unknown[]}, out)
}
