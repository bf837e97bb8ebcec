/**
 * The walker over a sohoa tree (flat or structured): every stage that looks
 * at the text of the tree goes through these (plain depth-first walks, in document order).
 */
import type {Paragraph, Section, SohoaNode, TableCell} from './types.js'

/** A node that holds text: a paragraph or a table cell. */
export type TextNode = Paragraph | TableCell

/** Whether `node` is a paragraph or a table cell. */
export function isTextNode(node: {type: string}): node is TextNode {
  return node.type === 'paragraph' || node.type === 'tableCell'
}

/** The paragraphs and table cells under `tree` (itself included), depth first, in document order. */
export function textNodes(tree: SohoaNode): TextNode[] {
  const found: TextNode[] = []
  eachNode(tree, (node) => {
    if (isTextNode(node)) found.push(node)
  })
  return found
}

/** Call `each` on `node` and every node under it, depth first, in document order (as `visit` does, without its bookkeeping: these walks run on every parse). */
function eachNode(node: {type: string; children?: unknown}, each: (node: {type: string}) => void): void {
  each(node)
  const children = node.children as Array<{type: string; children?: unknown}> | undefined
  if (children) for (let i = 0; i < children.length; i++) eachNode(children[i], each)
}

/** The nodes under `tree` that stand for a line of text, in document order: paragraphs, table cells, and section headings (a section keeps its heading paragraph's `data`). */
export function lineNodes(tree: SohoaNode): Array<TextNode | Section> {
  const found: Array<TextNode | Section> = []
  eachNode(tree, (node) => {
    if (isTextNode(node) || node.type === 'section') found.push(node as TextNode | Section)
  })
  return found
}

/** Every text under `nodes` in document order: paragraph values and section titles (not table cells). */
export function textsIn(nodes: readonly SohoaNode[]): string[] {
  const found: string[] = []
  for (const node of nodes) {
    eachNode(node, (child) => {
      if (child.type === 'paragraph') found.push((child as Paragraph).value)
      else if (child.type === 'section' && (child as Section).title) found.push((child as Section).title as string)
    })
  }
  return found
}
