/**
 * A lead cell that names who leads and who cooperates in one phrase
 * ("Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan", "Chủ trì:
 * … Phối hợp: …"), as a "Trách nhiệm thực hiện" column often does: the
 * lead and the cooperating parts apart, by `grammars/responsibility.json`.
 */
import {loadGrammar} from '../util/grammar.js'
import {joinLines} from './text.js'

const grammar = loadGrammar('responsibility')
const patterns = [grammar.rule('leadThenCooperating').regex, grammar.rule('labelled').regex]

/** The lead and the cooperating parts of a lead cell; the cell as it is (and no cooperating part) when it names no roles. */
export function splitResponsibility(cell: string): {lead: string; cooperating: string | null} {
  const text = joinLines(cell)
  for (const pattern of patterns) {
    const groups = pattern.exec(text)?.groups
    if (!groups?.lead) continue
    const cooperating = groups.cooperating ?? groups.others ?? null
    return {lead: groups.lead.trim(), cooperating: cooperating?.trim() || null}
  }
  return {lead: cell, cooperating: null}
}
