/**
 * The default stores: plain in-process objects, written synchronously and seen through `asAsync`
 * so they answer the same interface the Redis stores do. Nothing to install, nothing shared.
 */
import { asAsync } from './async.js'
import type { StoreDeps, Stores } from './stores.js'
import { createImageRenderer } from '../images/render-image.js'
import { createImageFiles } from '../images/image-files.js'
import { createTaskEngine } from '../tasks/task-engine.js'
import { createCreditLedger } from '../credits/ledger.js'
import { createDeliveryQueue } from '../callbacks/delivery-queue.js'
import { createWebhookEndpoints } from '../callbacks/webhook-endpoints.js'
import { createJournal } from '../journal/journal.js'
import { createKeyPolicies } from '../keys/key-policies.js'
import { createFaultRules } from '../faults/fault-rules.js'
import { createChanges } from '../changes.js'
import { createRecords } from './records.js'

export function createMemoryStores(deps: StoreDeps): Stores {
  const { config, clock, scheduler, randomFor } = deps
  const changes = createChanges()
  const images = createImageFiles({
    renderer: createImageRenderer(config.images),
    uploadBytes: config.images.fileStoreBytes,
    looseRecipes: config.images.looseRecipes,
  })
  const tasks = createTaskEngine({ clock, scheduler, images, retention: config.tasks })
  const deliveries = createDeliveryQueue({
    clock,
    scheduler,
    policy: config.callbacks,
    ...(deps.fetch && { fetch: deps.fetch }),
    onChange: (namespace) => changes.notify('deliveries', namespace),
    ...(deps.onAttempt && { onAttempt: deps.onAttempt }),
  })
  return {
    kind: 'memory',
    images: asAsync(images),
    tasks: asAsync(tasks, ['subscribe']),
    credits: asAsync(createCreditLedger({ clock, defaultBalance: config.credits.defaultBalance })),
    deliveries: asAsync(deliveries, ['close']),
    webhooks: asAsync(createWebhookEndpoints({ randomFor, now: () => clock.now() })),
    journal: asAsync(createJournal(config.journal.maxEntries, config.journal.maxNamespaces)),
    keys: asAsync(createKeyPolicies()),
    faults: asAsync(createFaultRules(config.seed)),
    changes: asAsync(changes, ['notify', 'reset', 'subscribe']),
    records: (_name, max) => asAsync(createRecords(max)),
    close() {
      tasks.reset()
      deliveries.close()
    },
  }
}
