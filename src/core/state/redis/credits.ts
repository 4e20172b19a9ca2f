/**
 * The credit ledger on Redis, shared by every replica: the same rules as the in-memory ledger
 * (`credits/ledger.ts`), amounts in thousandths, each change one Lua script so two replicas
 * charging one key at once can never both spend the same credit or pass a spend limit together.
 *
 * Keys (`<a>` is `<prefix>credits:account:<namespace>:<provider>:<apiKey>`, each part
 * URI-encoded so `:` never appears inside one):
 *   <a>            hash    sub, perm, purchased, consumed (thousandths), seq (spend counter)
 *   <a>:entries    list    `at|kind|amount|balanceAfter|-` or `…|+taskId`, oldest first, last 1,000
 *   <a>:charges    hash    taskId → `sub|perm` while the charge is refundable
 *   <a>:spends     zset    `seq|amount|taskId` scored by when it was charged (the last day)
 *   <a>:spend-of   hash    taskId → its member in :spends, for a refund to take it out
 *   <prefix>credits:index:<namespace>  set of the namespace's <a>, for reset
 *   <prefix>credits:namespaces         set of namespaces with accounts, for reset()
 * The reset script names account keys it reads from the index: one Redis, not a Cluster.
 */
import type { Clock } from '../../clock.js'
import type {
  AccountRef,
  ChargeResult,
  CreditAccount,
  CreditStore,
  LedgerEntry,
} from '../../credits/ledger.js'
import type { RedisContext } from './connection.js'
import { luaScript, type LuaScript } from './lua-script.lua.js'

const HOUR_MS = 60 * 60 * 1000
/** The longest spend window (the daily limit): older charges never count again. */
const SPEND_HISTORY_MS = 24 * 60 * 60 * 1000
const MAX_ENTRIES = 1_000
const toMilli = (credits: number) => Math.round(credits * 1000)
const fromMilli = (milli: number) => milli / 1000

/**
 * Shared by every account script. KEYS: 1 account, 2 entries, 3 charges, 4 spends, 5 spend-of,
 * 6 namespace index, 7 namespaces. ARGV: 1 now (ms), 2 default grant (thousandths), 3 namespace
 * (encoded); the script's own arguments follow.
 */
const PRELUDE = `
local now = tonumber(ARGV[1])
local function num(x) return string.format('%.17g', x) end
local function get(field) return tonumber(redis.call('HGET', KEYS[1], field)) end
local function record(kind, milli, taskId)
  local balance = get('sub') + get('perm')
  local task = taskId and ('+' .. taskId) or '-'
  redis.call('RPUSH', KEYS[2], ARGV[1] .. '|' .. kind .. '|' .. num(milli) .. '|' .. num(balance) .. '|' .. task)
  redis.call('LTRIM', KEYS[2], -${MAX_ENTRIES}, -1)
end
-- First use: the default grant, recorded as a grant entry, exactly as the memory ledger does.
if redis.call('EXISTS', KEYS[1]) == 0 then
  local grant = tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'sub', num(grant), 'perm', 0, 'purchased', num(grant), 'consumed', 0, 'seq', 0)
  record('grant', grant, nil)
  redis.call('SADD', KEYS[6], KEYS[1])
  redis.call('SADD', KEYS[7], ARGV[3])
end
local function spentSince(since)
  local milli = 0
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], num(since), '+inf')) do
    milli = milli + tonumber(string.match(member, '^[^|]*|([^|]*)|'))
  end
  return milli
end
local function view()
  return { redis.call('HMGET', KEYS[1], 'sub', 'perm', 'purchased', 'consumed'), redis.call('LRANGE', KEYS[2], 0, -1) }
end
`

const ACCOUNT = luaScript(`${PRELUDE}
return view()`)

/** ARGV 4 amount, 5 taskId, 6 limited ('1'/'0'), 7-9 hourly, daily, total limits ('' for none). */
const CHARGE = luaScript(`${PRELUDE}
local milli, taskId = tonumber(ARGV[4]), ARGV[5]
local sub, perm, consumed = get('sub'), get('perm'), get('consumed')
local function over(limit, spent)
  return limit ~= '' and spent() + milli > tonumber(limit)
end
if ARGV[6] == '1' and (
  over(ARGV[7], function() return spentSince(now - ${HOUR_MS}) end) or
  over(ARGV[8], function() return spentSince(now - ${SPEND_HISTORY_MS}) end) or
  over(ARGV[9], function() return consumed end)) then
  return { 0, 'spend_limit_exceeded', num(sub + perm) }
end
if sub + perm < milli then return { 0, 'insufficient_credits', num(sub + perm) } end
local fromSub = math.min(sub, milli)
local fromPerm = milli - fromSub
redis.call('HSET', KEYS[1], 'sub', num(sub - fromSub), 'perm', num(perm - fromPerm), 'consumed', num(consumed + milli))
redis.call('HSET', KEYS[3], taskId, num(fromSub) .. '|' .. num(fromPerm))
-- The spend window drops what left the last day, then takes this charge.
local cutoff = '(' .. num(now - ${SPEND_HISTORY_MS})
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', cutoff)) do
  local old = string.match(member, '^[^|]*|[^|]*|(.*)$')
  if redis.call('HGET', KEYS[5], old) == member then redis.call('HDEL', KEYS[5], old) end
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', cutoff)
local member = redis.call('HINCRBY', KEYS[1], 'seq', 1) .. '|' .. num(milli) .. '|' .. taskId
redis.call('ZADD', KEYS[4], num(now), member)
redis.call('HSET', KEYS[5], taskId, member)
record('charge', milli, taskId)
return { 1, '', num(fromSub), num(fromPerm) }`)

/** ARGV 4 taskId. */
const REFUND = luaScript(`${PRELUDE}
local taskId = ARGV[4]
local charged = redis.call('HGET', KEYS[3], taskId)
if not charged then return 0 end
redis.call('HDEL', KEYS[3], taskId)
local fromSub, fromPerm = string.match(charged, '^([^|]*)|(.*)$')
fromSub, fromPerm = tonumber(fromSub), tonumber(fromPerm)
redis.call('HSET', KEYS[1], 'sub', num(get('sub') + fromSub), 'perm', num(get('perm') + fromPerm),
  'consumed', num(get('consumed') - fromSub - fromPerm))
-- The refund cancels its own charge, in whichever window that charge fell.
local member = redis.call('HGET', KEYS[5], taskId)
if member then
  redis.call('ZREM', KEYS[4], member)
  redis.call('HDEL', KEYS[5], taskId)
end
record('refund', fromSub + fromPerm, taskId)
return 1`)

/** ARGV 4 since (ms). */
const SPENT_SINCE = luaScript(`${PRELUDE}
return num(spentSince(tonumber(ARGV[4])))`)

/** ARGV 4 subscription, 5 permanent (thousandths). */
const SET_BALANCE = luaScript(`${PRELUDE}
local sub, perm = tonumber(ARGV[4]), tonumber(ARGV[5])
redis.call('HSET', KEYS[1], 'sub', num(sub), 'perm', num(perm),
  'purchased', num(math.max(get('purchased'), sub + perm + get('consumed'))))
record('grant', 0, nil)
return view()`)

/** KEYS 1 namespaces. ARGV 1 index key prefix, 2 '1' for one namespace, 3 that namespace. */
const RESET = luaScript(`
local namespaces = ARGV[2] == '1' and { ARGV[3] } or redis.call('SMEMBERS', KEYS[1])
for _, namespace in ipairs(namespaces) do
  local index = ARGV[1] .. namespace
  for _, account in ipairs(redis.call('SMEMBERS', index)) do
    redis.call('DEL', account, account .. ':entries', account .. ':charges', account .. ':spends', account .. ':spend-of')
  end
  redis.call('DEL', index)
  redis.call('SREM', KEYS[1], namespace)
end
return 0`)

export function createRedisCreditStore(
  { redis, prefix }: RedisContext,
  options: { clock: Clock; defaultBalance: number },
): CreditStore {
  const namespacesKey = `${prefix}credits:namespaces`
  const indexPrefix = `${prefix}credits:index:`

  const accountKey = (ref: AccountRef) =>
    `${prefix}credits:account:${[ref.namespace, ref.provider, ref.apiKey].map(encodeURIComponent).join(':')}`

  /** Runs an account script: its keys, and the arguments every one of them starts with. */
  function runOn(script: LuaScript, ref: AccountRef, args: (string | number)[]) {
    const namespace = encodeURIComponent(ref.namespace)
    const account = accountKey(ref)
    const keys = [
      account,
      `${account}:entries`,
      `${account}:charges`,
      `${account}:spends`,
      `${account}:spend-of`,
      indexPrefix + namespace,
      namespacesKey,
    ]
    const common = [options.clock.now(), toMilli(options.defaultBalance), namespace]
    return script.run(redis, keys, [...common, ...args])
  }

  return {
    account: async (ref) => toAccount(await runOn(ACCOUNT, ref, [])),
    async charge(ref, amount, taskId, limits) {
      const limit = (value: number | undefined) => (value === undefined ? '' : toMilli(value))
      // Taken: [1, '', from subscription, from permanent]; refused: [0, reason, balance].
      const [ok, reason, first, second] = (await runOn(CHARGE, ref, [
        toMilli(amount),
        taskId,
        limits ? '1' : '0',
        limit(limits?.hourly),
        limit(limits?.daily),
        limit(limits?.total),
      ])) as [number, string, string, string?]
      if (ok === 1)
        return {
          ok: true,
          total: amount,
          subscription: credits(first),
          permanent: credits(second ?? '0'),
        }
      return { ok: false, reason: reason as RefusalReason, balance: credits(first) }
    },
    async settle(ref, taskId) {
      // A settled charge is only forgotten: one command, and no account provisioned for it.
      await redis.hdel(`${accountKey(ref)}:charges`, taskId)
    },
    async refund(ref, taskId) {
      await runOn(REFUND, ref, [taskId])
    },
    spentSince: async (ref, since) => credits((await runOn(SPENT_SINCE, ref, [since])) as string),
    setBalance: async (ref, { subscription, permanent = 0 }) =>
      toAccount(await runOn(SET_BALANCE, ref, [toMilli(subscription), toMilli(permanent)])),
    async reset(namespace) {
      const one = namespace !== undefined
      await RESET.run(
        redis,
        [namespacesKey],
        [indexPrefix, one ? '1' : '0', one ? encodeURIComponent(namespace) : ''],
      )
    },
  }
}

type RefusalReason = Extract<ChargeResult, { ok: false }>['reason']

/** Credits from thousandths as a script answers them (decimal text). */
const credits = (milli: string) => fromMilli(Number(milli))

/** The account as the memory ledger shows it, from the hash fields and the entry list. */
function toAccount(reply: unknown): CreditAccount {
  const [[sub, perm, purchased, consumed], entries] = reply as [string[], string[]]
  return {
    balance: fromMilli(Number(sub) + Number(perm)),
    subscription: credits(sub!),
    permanent: credits(perm!),
    purchased: credits(purchased!),
    consumed: credits(consumed!),
    entries: entries.map(toEntry),
  }
}

function toEntry(line: string): LedgerEntry {
  const [at, kind, amount, balanceAfter] = line.split('|', 4) as [string, string, string, string]
  const task = line.slice(at.length + kind.length + amount.length + balanceAfter.length + 4)
  return {
    at: Number(at),
    kind: kind as LedgerEntry['kind'],
    amount: credits(amount),
    taskId: task.startsWith('+') ? task.slice(1) : undefined,
    balanceAfter: credits(balanceAfter),
  }
}
