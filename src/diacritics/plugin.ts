/**
 * The diacritics stage as a unified plugin: restores the paragraphs and
 * table cells of the lines tree (before the sections stage), keeps what was
 * there in `data.raw`, the changed tokens in `data.restored`, and reports
 * doubtful repairs as info messages. What to restore and how is decided
 * here, per file (`policy.ts`: by the route `read` recorded and the text),
 * unless the options fix it; the file's language is checked here too
 * (`language:not-vietnamese`). `parse`, `sohoa text` and bulk all run this.
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {FlatRoot, LineData} from '../tree/types.js'
import {report} from '../rules/report.js'
import {textNodes} from '../tree/walk.js'
import {checkLanguage} from './language.js'
import {looksLikeOcr} from './line-mode.js'
import {restorationFor, restorationModeFor, type Restoration} from './policy.js'
import {addCounts, countText, noWords, type WordCounts} from '../vietnamese/quality.js'
import {restore, type RestoreMode} from './restore.js'

/** Options of the diacritics plugin. */
export interface Options {
  /**
   * Which nodes to restore: `always` (OCR text, bad text layers), `unmarked` (clean text: only
   * paragraphs and cells whose words carry no mark at all), `never`. Default: decided per file by
   * the route and the text (`restorationFor`).
   */
  when?: Restoration
  /** Restoration mode (`auto`: decided per line; `marks`: check the marks of every word). Default: `marks` for pages sohoa OCR'd, else `auto` (`restorationModeFor`). */
  mode?: RestoreMode
  /** Path of a model file (default: the shipped model). */
  model?: string
  /** Changes below this confidence (0..1) are reported (default 0.9). */
  minConfidence?: number
}

/** Restore Vietnamese diacritics and repair OCR damage in the paragraphs and table cells of a sohoa tree. */
const diacritics: Plugin<[Options?], FlatRoot> = function (options: Options = {}) {
  const minConfidence = options.minConfidence ?? 0.9
  return function (tree: FlatRoot, file: VFile) {
    const nodes = textNodes(tree)
    // A tree built by hand has no file text: judge the text of its nodes.
    const text = String(file.value ?? '') || nodes.map((node) => node.value).join('\n')
    checkLanguage(file, text)
    const when = options.when ?? restorationFor(file, text)
    const mode = options.mode ?? restorationModeFor(file)
    if (when === 'never') return
    // Cells repeat (agencies, time frames): each distinct text is tokenized once.
    const known = new Map<string, WordCounts>()
    const total = noWords()
    const countsOf = nodes.map((node) => {
      let counts = known.get(node.value)
      if (counts === undefined) known.set(node.value, (counts = countText(node.value)))
      addCounts(total, counts)
      return counts
    })
    const ocrText = looksLikeOcr(total)
    nodes.forEach((node, i) => {
      // A paragraph continues the one before it (`QUYẾT ĐỊNH` / `Ban hành Kế hoạch…`): its first
      // words are scored after that one's last words, as in running text.
      const previous = i > 0 && node.type === 'paragraph' && nodes[i - 1].type === 'paragraph' ? nodes[i - 1].value : undefined
      if (when === 'unmarked') {
        const c = countsOf[i]
        if (c.words === 0 || c.marked > 0) return
      }
      const result = restore(node.value, {mode, model: options.model, ocrText, before: previous})
      if (result.tokens.length === 0) return
      const data: LineData = (node.data ??= {})
      data.raw = node.value
      data.restored = result.tokens
      node.value = result.text
      for (const token of result.tokens) {
        if (token.confidence >= minConfidence) continue
        report(file, 'low-confidence', `Unsure diacritics repair: “${token.original}” → “${token.value}” (${token.confidence.toFixed(2)})`, {
          place: node.position,
          actual: token.original,
          expected: [token.value]
        })
      }
    })
  }
}

export default diacritics
