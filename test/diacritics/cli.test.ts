import {execFileSync, spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const sohoa = (args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {cwd: root, input, encoding: 'utf8'})

describe('sohoa restore', () => {
  it('should restore stdin to stdout, keeping line breaks and punctuation', () => {
    const input = 'KE HOACH\r\n\r\nCai cach thu tuc hanh chinh (TTHC);\n  - UBND xa: 76/NQ-CP.\n'
    const out = sohoa(['restore', '--mode', 'stripped'], input)
    expect(out).toBe('KẾ HOẠCH\r\n\r\nCải cách thủ tục hành chính (TTHC);\n  - UBND xã: 76/NQ-CP.\n')
  })

  it('should fail with the file name when the file is missing, as every command does', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'restore', 'no-such-file.txt'], {cwd: root, encoding: 'utf8'})
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('no-such-file.txt  error  no such file  read:unreadable\n')
  })
})
