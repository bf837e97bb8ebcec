/**
 * The walker over a sohoa tree (flat or structured): every stage that looks
 * at the text of the tree goes through these, on `unist-util-visit`.
 */
import {visit} from 'unist-util-visit'
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
  visit(tree, isTextNode, (node) => {
    found.push(node)
  })
  return found
}

/** The nodes under `tree` that stand for a line of text, in document order: paragraphs, table cells, and section headings (a section keeps its heading paragraph's `data`). */
export function lineNodes(tree: SohoaNode): Array<TextNode | Section> {
  const found: Array<TextNode | Section> = []
  visit(tree, (node) => {
    if (isTextNode(node) || node.type === 'section') found.push(node as TextNode | Section)
  })
  return found
}

/** Every text under `nodes` in document order: paragraph values and section titles (not table cells). */
export function textsIn(nodes: readonly SohoaNode[]): string[] {
  const found: string[] = []
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type === 'paragraph') found.push((child as Paragraph).value)
      else if (child.type === 'section' && (child as {title?: string | null}).title) found.push((child as {title: string}).title)
    })
  }
  return found
}
