/**
 * The language model's view of a token: a syllable of its vocabulary, or one
 * of a few classes standing for everything else (numbers, codes, acronyms,
 * foreign words, punctuation), so context flows through `số 76/NQ-CP ngày`.
 */
import {canonical, isValidSyllable} from '../vietnamese/orthography.js'
import {isAcronym, type Token} from '../vietnamese/tokenize.js'

/** Class names, in id order; syllables follow them in the vocabulary. */
export const classNames = [
  '<s>', '<num>', '<code>', '<acr>', '<foreign>', '<unk>',
  '<.>', '<,>', '<;>', '<:>', '<(>', '<)>', '<->', '</>', '<">', '<p>', '<letter>'
] as const

/** Id of each class. */
export const Class = {
  boundary: 0,
  number: 1,
  code: 2,
  acronym: 3,
  foreign: 4,
  unknownSyllable: 5,
  period: 6,
  comma: 7,
  semicolon: 8,
  colon: 9,
  open: 10,
  close: 11,
  dash: 12,
  slash: 13,
  quote: 14,
  otherPunct: 15,
  letter: 16
} as const

/** Number of class ids; the first syllable has this id. */
export const classCount = classNames.length

const punctClass: Record<string, number> = {
  '.': Class.period, '!': Class.period, '?': Class.period, '…': Class.period,
  ',': Class.comma, ';': Class.semicolon, ':': Class.colon,
  '(': Class.open, '[': Class.open, '{': Class.open,
  ')': Class.close, ']': Class.close, '}': Class.close,
  '-': Class.dash, '–': Class.dash, '—': Class.dash, '/': Class.slash,
  '"': Class.quote, '“': Class.quote, '”': Class.quote, "'": Class.quote, '‘': Class.quote, '’': Class.quote,
  '«': Class.quote, '»': Class.quote
}

/** The class of a punctuation character. */
export function punctuationClass(char: string): number {
  return punctClass[char] ?? Class.otherPunct
}

/** The lowercase canonical form of a word, the key the model knows syllables by. */
export function syllableKey(word: string): string {
  return canonical(word.toLowerCase())
}

/**
 * The model id of a token as written (no restoration): its syllable id when `lookup` knows it,
 * else the class it belongs to.
 */
export function tokenClass(token: Token, lookup: (key: string) => number | undefined): number {
  switch (token.kind) {
    case 'punct':
      return punctuationClass(token.text)
    case 'number':
      return Class.number
    case 'code':
      return Class.code
    case 'mixed':
      return Class.foreign
    case 'word': {
      if (isValidSyllable(token.text)) return lookup(syllableKey(token.text)) ?? Class.unknownSyllable
      // A lone consonant is a list marker (`b)`, `đ)`) or an initial.
      if (token.text.length === 1) return Class.letter
      return isAcronym(token.text) ? Class.acronym : Class.foreign
    }
  }
}
