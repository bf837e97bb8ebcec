/**
 * Small walkers over a sohoa tree.
 */
import type {Paragraph, SohoaNode} from './types.js'

/** Every paragraph under `nodes`, depth first, in document order. */
export function paragraphsIn(nodes: readonly SohoaNode[]): Paragraph[] {
  const found: Paragraph[] = []
  const visit = (node: SohoaNode) => {
    if (node.type === 'paragraph') found.push(node)
    else if ('children' in node) for (const child of node.children as SohoaNode[]) visit(child)
  }
  for (const node of nodes) visit(node)
  return found
}

/** Every text under `nodes` in document order: paragraph values and section titles. */
export function textsIn(nodes: readonly SohoaNode[]): string[] {
  const found: string[] = []
  const visit = (node: SohoaNode) => {
    if (node.type === 'paragraph') found.push(node.value)
    else if (node.type === 'section' && node.title) found.push(node.title)
    if ('children' in node) for (const child of node.children as SohoaNode[]) visit(child)
  }
  for (const node of nodes) visit(node)
  return found
}
