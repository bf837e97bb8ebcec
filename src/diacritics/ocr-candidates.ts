/**
 * Candidates for a token in OCR mode: the syllables the OCR channel finds
 * likely to have been read as it (`x4` → xã, xá…; `d6i` → đối, đội…), plus
 * the token itself when it may be something other than a Vietnamese word
 * (a number, a code, an acronym, a foreign word).
 */
import type {Channel, ChannelCandidate} from './channel.js'
import {classNames, tokenClass} from './classes.js'
import {spellingLogProb, type SpellingModel} from './spelling.js'
import type {Token} from '../vietnamese/tokenize.js'

/** Candidates of a token: model ids, the syllables they write (null: keep the token), channel scores. */
export interface OcrCandidates {
  ids: number[]
  words: Array<string | null>
  scores: number[]
}

/** Longest token searched (longer ones are never a syllable read badly). */
const maxLength = 10

/** Whether OCR may have written a syllable as this token. */
export function mayBeSyllable(token: Token): boolean {
  const text = token.text
  if (text.length > maxLength) return false
  switch (token.kind) {
    case 'word':
    case 'mixed':
      return true
    case 'code': {
      // `S6`, `x4y`, `d6i`, `1a`: letters with a digit or two; real codes have slashes or more digits.
      const digits = text.replace(/[^0-9]/g, '').length
      return !/[/]/.test(text) && digits <= 2 && text.length <= 6
    }
    case 'number':
      // `13` and `14` for `là`, `6` and `50` for `số`.
      return /^[0-9]{1,2}$/.test(text)
    case 'punct':
      return false
  }
}

/** The answers of `ocrCandidates` met so far, by channel, then by the token's kind and text. */
const answers = new WeakMap<Channel, Map<string, OcrCandidates | null>>()

/** Tokens whose answers are kept per channel (then it starts again): ~1 kB each, bounded over a long import. */
const maxAnswers = 20_000

/**
 * The OCR candidates of `token`, or null when it can only be itself. Each token's answer is worked
 * out once per channel (a pipeline restores paragraph by paragraph) and then given again, the same
 * arrays: the decoder keeps what it derives from them by array. Callers must not change them.
 */
export function ocrCandidates(
  channel: Channel,
  token: Token,
  lookup: (key: string) => number | undefined,
  cache: Map<string, ChannelCandidate[]>,
  spelling: Record<string, SpellingModel>
): OcrCandidates | null {
  let known = answers.get(channel)
  if (known === undefined) answers.set(channel, (known = new Map()))
  const key = `${token.kind}\u0000${token.text}`
  let answer = known.get(key)
  if (answer === undefined) {
    answer = searchCandidates(channel, token, lookup, cache, spelling)
    if (known.size >= maxAnswers) known.clear()
    known.set(key, answer)
  }
  return answer
}

/** `ocrCandidates` worked out: the channel's syllables for the token as read, and the token itself unless it is one of them. */
function searchCandidates(
  channel: Channel,
  token: Token,
  lookup: (key: string) => number | undefined,
  cache: Map<string, ChannelCandidate[]>,
  spelling: Record<string, SpellingModel>
): OcrCandidates | null {
  if (!mayBeSyllable(token)) return null
  const read = token.text.toLowerCase()
  let found = cache.get(read)
  if (found === undefined) {
    found = channel.candidates(read)
    if (cache.size > 100_000) cache.clear()
    cache.set(read, found)
  }
  const ids: number[] = []
  const words: Array<string | null> = []
  const scores: number[] = []
  let self = false
  for (let i = 0; i < found.length; i++) {
    const c = found[i]
    ids.push(c.id)
    words.push(c.word)
    scores.push(c.score)
    if (c.word === read) self = true
  }
  // The token as printed: a known syllable is among the candidates already; anything else may
  // be a number, code, acronym or foreign word read right: P(read right) × P(this spelling | class).
  if (!self) {
    const id = tokenClass(token, lookup)
    ids.push(id)
    words.push(null)
    const model = spelling[classNames[id]]
    scores.push(channel.table.identity + (model ? spellingLogProb(model, token.text) : -3 * token.text.length))
  }
  return ids.length > 1 ? {ids, words, scores} : null
}
