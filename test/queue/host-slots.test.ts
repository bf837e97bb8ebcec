/**
 * Host slots on a real redis-server: leases taken, renewed, let go and
 * expired, as the workers of one machine share them; and what a worker
 * says about the slots it holds.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Redis} from 'ioredis'
import {connectRedis} from '../../src/queue/connection.js'
import {HostSlots, slotKey, slotsText} from '../../src/queue/host-slots.js'
import {startRedis, type RedisServer} from '../support/redis-server.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-host-slots-'))
let redis: RedisServer
let client: Redis

beforeAll(async () => {
  redis = await startRedis(tmp)
  client = await connectRedis(redis.url)
})

afterAll(async () => {
  client?.disconnect()
  await redis?.stop()
  rmSync(tmp, {recursive: true, force: true})
})

const slotsOf = (owner: string, options: {host?: string; slots?: number; leaseMs?: number} = {}) =>
  new HostSlots(client, {queue: 'q', host: options.host ?? 'm1', slots: options.slots ?? 3, owner, leaseMs: options.leaseMs ?? 10_000})

describe('host slots', () => {
  it('are shared by the workers of one machine, each up to what it wants; other machines have their own', async () => {
    const a = slotsOf('a')
    const b = slotsOf('b')
    const c = slotsOf('c')
    expect(await a.hold(2)).toBe(2)
    expect(await b.hold(2)).toBe(1)
    expect(await c.hold(1)).toBe(0)
    // Holding again renews what is held: nothing changes hands.
    expect(await a.hold(2)).toBe(2)
    expect(await b.hold(2)).toBe(1)
    expect(await Promise.all([0, 1, 2].map((i) => client.get(slotKey('q', 'm1', i))))).toEqual(['a', 'a', 'b'])
    // Another machine, another queue: their own slots.
    expect(await slotsOf('d', {host: 'm2'}).hold(3)).toBe(3)
    expect(await new HostSlots(client, {queue: 'other', host: 'm1', slots: 3, owner: 'e', leaseMs: 10_000}).hold(3)).toBe(3)

    // Wanting fewer lets the rest go; a standby takes what is let go.
    expect(await a.hold(1)).toBe(1)
    expect(await c.hold(1)).toBe(1)
    await b.release()
    expect(await a.hold(3)).toBe(2)
    expect(await Promise.all([0, 1, 2].map((i) => client.get(slotKey('q', 'm1', i))))).toEqual(['a', 'c', 'a'])
    await Promise.all([a.release(), c.release()])
    expect(await client.exists(slotKey('q', 'm1', 0), slotKey('q', 'm1', 1), slotKey('q', 'm1', 2))).toBe(0)
  })

  it('held without renewal, a slot frees itself when its lease runs out; renewed, it stays', async () => {
    const dead = slotsOf('dead', {slots: 1, leaseMs: 300})
    const live = slotsOf('live', {host: 'm3', slots: 1, leaseMs: 1500})
    const standby = slotsOf('standby', {slots: 1, leaseMs: 300})
    expect(await dead.hold(1)).toBe(1)
    expect(await live.hold(1)).toBe(1)
    expect(await standby.hold(1)).toBe(0)
    // Renewed every 0.3 s for longer than its 1.5 s lease.
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, 300))
      expect(await live.hold(1)).toBe(1)
    }
    expect(await standby.hold(1)).toBe(1)
    expect(await client.get(slotKey('q', 'm1', 0))).toBe('standby')
    expect(await client.get(slotKey('q', 'm3', 0))).toBe('live')
    // The dead worker's release, late, does not free what another holds now.
    await dead.release()
    expect(await client.get(slotKey('q', 'm1', 0))).toBe('standby')
    await Promise.all([live.release(), standby.release()])
  })

  it('a worker says what it holds when that is not what it asked for', () => {
    expect(slotsText({queue: 'q', held: 0, concurrency: 1, hostSlots: 2})).toBe(
      'standby: other workers of queue q hold all 2 job slots of this machine (--host-slots); taking one when it frees'
    )
    expect(slotsText({queue: 'q', held: 1, concurrency: 3, hostSlots: 4})).toBe(
      '1 file(s) at once for now, not 3: other workers of queue q hold the rest of this machine\'s 4 job slots (--host-slots); taking more as they free'
    )
    expect(slotsText({queue: 'q', held: 2, concurrency: 4, hostSlots: 2})).toBe(
      '2 file(s) at once, not 4: this machine has 2 job slots for queue q (--host-slots; give every worker of the machine the same)'
    )
    expect(slotsText({queue: 'q', held: 2, concurrency: 2, hostSlots: 4})).toBe('took over a free job slot: 2 file(s) at once')
  })
})
