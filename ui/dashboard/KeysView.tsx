/** Keys of the namespace that have settings or credits: balances and restrictions. */
import { number } from './format.js'
import { Empty, LoadState, TableWrap } from './parts.js'
import type { Loaded } from './store.js'
import type { Key } from './types.js'

export function KeysView({ loaded, namespace }: { loaded: Loaded<Key[]>; namespace: string }) {
  return (
    <LoadState loaded={loaded} what="keys">
      {(keys) =>
        keys.length === 0 ? (
          <Empty>
            <p>
              No keys in namespace <strong>{namespace}</strong> yet.
            </p>
            <p>
              A key shows here once a request uses it or it is set with{' '}
              <code>PUT /__emulator/keys/&#123;provider&#125;/&#123;key&#125;</code> (credits, spend
              limits, a rate limit, an IP allowlist, or disabled).
            </p>
          </Empty>
        ) : (
          <TableWrap label="Keys">
            <table>
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Key</th>
                  <th scope="col" class="num">
                    Credits
                  </th>
                  <th scope="col" class="num">
                    Consumed
                  </th>
                  <th scope="col">Spend limits</th>
                  <th scope="col">Rate limit</th>
                  <th scope="col">Disabled</th>
                  <th scope="col">IP allowlist</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={`${k.provider}/${k.key}`} data-testid="key-row">
                    <td>{k.provider}</td>
                    <th scope="row">
                      <code>{k.key}</code>
                    </th>
                    <td
                      class="num"
                      title={`subscription ${number(k.credits.subscription)}, permanent ${number(k.credits.permanent)}, purchased ${number(k.credits.purchased)}`}
                    >
                      {number(k.credits.balance)}
                    </td>
                    <td class="num">{number(k.credits.consumed)}</td>
                    <td>{spendLimits(k.spend_limits)}</td>
                    <td>
                      {k.rate_limit
                        ? `${k.rate_limit.capacity} burst, ${number(k.rate_limit.refill_per_second)}/s`
                        : 'default'}
                    </td>
                    <td>{k.disabled ? <span class="badge state-failed">disabled</span> : 'no'}</td>
                    <td>{k.ip_allowlist ? k.ip_allowlist.join(', ') || 'none allowed' : 'any'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )
      }
    </LoadState>
  )
}

function spendLimits(limits: Key['spend_limits']): string {
  if (!limits) return 'none'
  const parts = (['hourly', 'daily', 'total'] as const).flatMap((period) => {
    const limit = limits[period]
    return limit === undefined ? [] : [`${number(limit)} ${period}`]
  })
  return parts.join(', ') || 'none'
}
