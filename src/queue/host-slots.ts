/**
 * Host slots: how many jobs of a queue run at once on one machine, over
 * all the worker processes there. Each slot is a Redis key leased to one
 * worker (`sohoa-slots:<queue>:<host>:<i>`, its value the worker's name),
 * which the worker renews while it lives and deletes when it stops; a
 * killed worker's slot frees itself when the lease runs out.
 *
 * Why: every worker process starts and warms its own parse threads and
 * tesseract workers (V8 shares no optimized code between processes), so
 * more jobs at once than cores on one machine cost CPU and memory and get
 * nothing more done. With slots, workers beyond the cores wait as
 * standbys, start nothing, and take over a slot when one frees.
 */
import type {Redis} from 'ioredis'

/** The key of slot `index` of `queue` on `host` (beside BullMQ's keys, as the run's counters are). */
export function slotKey(queue: string, host: string, index: number): string {
  return `sohoa-slots:${queue}:${host}:${index}`
}

/**
 * Keep the slots a worker has (renewing up to `want` of them, letting go
 * of the rest), then take free ones until it has `want`, in one step.
 * KEYS: the slot keys; ARGV: owner, lease ms, want. Returns the count held.
 */
const holdScript = `
local want = tonumber(ARGV[3])
local held = 0
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    if held < want then
      redis.call('PEXPIRE', key, ARGV[2])
      held = held + 1
    else
      redis.call('DEL', key)
    end
  end
end
for _, key in ipairs(KEYS) do
  if held >= want then break end
  if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then held = held + 1 end
end
return held
`

/** Delete the slots `ARGV[1]` holds. KEYS: the slot keys. */
const releaseScript = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 0
`

/** Options of `HostSlots`. */
export interface HostSlotsOptions {
  queue: string
  /** The machine's name (`os.hostname()`): workers with the same one share the slots. */
  host: string
  /** Slots of the machine: jobs of the queue that run on it at once. */
  slots: number
  /** The holder's name, unique among the queue's workers (`host:pid`). */
  owner: string
  /** How long a slot stays held without renewal, ms. */
  leaseMs: number
}

/** One worker's share of its machine's slots. */
export class HostSlots {
  readonly #client: Redis
  readonly #options: HostSlotsOptions
  readonly #keys: string[]

  constructor(client: Redis, options: HostSlotsOptions) {
    this.#client = client
    this.#options = options
    this.#keys = Array.from({length: options.slots}, (_, i) => slotKey(options.queue, options.host, i))
  }

  /** Renew the slots held and take free ones, up to `want` in all (fewer slots are let go); resolves to the count held. */
  async hold(want: number): Promise<number> {
    const {owner, leaseMs} = this.#options
    return Number(await this.#client.eval(holdScript, this.#keys.length, ...this.#keys, owner, String(Math.ceil(leaseMs)), String(want)))
  }

  /** Let go of every slot held. */
  async release(): Promise<void> {
    await this.#client.eval(releaseScript, this.#keys.length, ...this.#keys, this.#options.owner)
  }
}

/** What a worker says when it runs fewer jobs at once than asked for (`held` of `concurrency`), or more again. */
export function slotsText(event: {queue: string; held: number; concurrency: number; hostSlots: number}): string {
  const {queue, held, concurrency, hostSlots} = event
  if (held === 0) return `standby: other workers of queue ${queue} hold all ${hostSlots} job slots of this machine (--host-slots); taking one when it frees`
  if (held === concurrency) return `took over a free job slot: ${held} file(s) at once`
  if (held === hostSlots) return `${held} file(s) at once, not ${concurrency}: this machine has ${hostSlots} job slots for queue ${queue} (--host-slots; give every worker of the machine the same)`
  return `${held} file(s) at once for now, not ${concurrency}: other workers of queue ${queue} hold the rest of this machine's ${hostSlots} job slots (--host-slots); taking more as they free`
}
