// Proves, in a real Chromium, what a person sees: the dashboard shows the traffic of a test run
// (journal rows, a task's loaded thumbnail, a callback's two attempts, a fault rule), redeliver
// adds an attempt, a request made while the page is open appears without a reload, reset empties
// the views; the reference shows CRUN CreateTask's fields. No page asks for anything outside the
// emulator's origin, logs a console error, or has a serious or critical axe-core violation.
// Run by `npm run test:browser` (Debian's chromium; see vitest.browser.config.ts).
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startServer, type RunningEmulator } from '../../src/server.js'
import { startReceiver, type Receiver } from '../support/receiver.js'
import { CHROMIUM } from './chromium.js'

const require = createRequire(import.meta.url)
/** Where screenshots go when SCREENSHOTS is set (the README shows docs/screenshots/). */
const SCREENSHOTS = process.env.SCREENSHOTS

let emulator: RunningEmulator
let receiver: Receiver
let browser: Browser
let page: Page
const offOrigin: string[] = []
const consoleErrors: string[] = []
const cleanups: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  const { buildUi } = (await import('../../scripts/build-ui.mjs')) as {
    buildUi: () => Promise<unknown>
  }
  await buildUi()
  emulator = await startServer({
    port: 0,
    host: '127.0.0.1',
    log: 'off',
    timing: 'instant',
    callbacks: { maxAttempts: 3, backoffMs: 100, timeoutMs: 2_000 },
  })
  cleanups.push(() => emulator.close())
  // The first callback is answered 500, every later one 200.
  receiver = await startReceiver((index) => (index === 0 ? 500 : 200))
  cleanups.push(() => receiver.close())
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  cleanups.push(() => browser.close())
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(emulator.url) && !/^(data|blob):/.test(url)) offOrigin.push(url)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  if (SCREENSHOTS) await mkdir(SCREENSHOTS, { recursive: true })
})

afterAll(async () => {
  // Newest first; only what started.
  for (const close of cleanups.reverse()) await close()
})

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

/** Runs axe-core in the page; the serious and critical violations, one line each. */
async function seriousViolations(): Promise<string[]> {
  // Evaluated through the debugger protocol, which the page's CSP does not govern.
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'))
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run: () => Promise<{ violations: unknown[] }> }
    }
    return (await axe.run()).violations as {
      id: string
      impact: string
      nodes: { target: string[] }[]
    }[]
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function showTab(name: string) {
  await page.getByTestId(`tab-${name}`).click()
}

async function screenshot(name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/dashboard-${name}.png` })
}

describe('the dashboard, in Chromium', () => {
  it('shows the journal of the requests a test made, and updates live', async () => {
    // A fault rule that fires once: the first generation is refused, the next one succeeds.
    const rule = await post(
      '/__emulator/faults',
      {
        match: { provider: 'gptproto', path: '/v1/images/generations' },
        error: 'rate_limit_exceeded',
        times: 1,
      },
      {},
    )
    expect(rule.status).toBe(201)
    const generate = () =>
      post(
        '/gptproto/v1/images/generations',
        { model: 'gpt-image-2', prompt: 'a lighthouse at dusk', size: '1024x1024' },
        { authorization: 'sk-browser' },
      )
    expect((await generate()).status).toBe(429)
    expect((await generate()).status).toBe(200)
    const task = await post(
      '/aivideoapi/v1/images/generations',
      { model: 'gpt-image-2', input: { prompt: 'a red kite' }, callback_url: receiver.url },
      { authorization: 'Bearer sk-browser' },
    )
    expect(task.status).toBe(200)
    const key = await fetch(`${emulator.url}/__emulator/keys/gptproto/sk-browser`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credits: 500, rate_limit: { capacity: 10, refill_per_second: 2 } }),
    })
    expect(key.status).toBe(200)
    await receiver.waitFor(2)

    // A newcomer opens the emulator's address.
    await page.goto(emulator.url + '/')
    expect(page.url()).toBe(`${emulator.url}/__emulator/ui`)
    await page.getByTestId('tab-journal').click()
    const rows = page.getByTestId('journal-row')
    await expect.poll(() => rows.count()).toBe(3)
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /gptproto[\s\S]*\/v1\/images\/generations[\s\S]*429[\s\S]*rate_limit_exceeded/,
          ),
          expect.stringMatching(/gptproto[\s\S]*\/v1\/images\/generations[\s\S]*200/),
          expect.stringMatching(/aivideoapi[\s\S]*\/v1\/images\/generations[\s\S]*200/),
        ]),
      )
    expect(await seriousViolations()).toEqual([])

    // A request made while the page is open appears without a reload.
    await generate()
    await expect.poll(() => rows.count()).toBe(4)
    // One click shows what the application sent.
    await rows.last().click()
    await expect.poll(() => page.getByText('a lighthouse at dusk').count()).toBeGreaterThan(0)
    await screenshot('journal')
    expect(await seriousViolations()).toEqual([])
  })

  it('shows the task with its timeline and a thumbnail that loaded', async () => {
    await showTab('tasks')
    const row = page.getByTestId('task-row')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.innerText()).toMatch(/aivideoapi[\s\S]*succeeded/i)
    const thumbnail = page.getByTestId('task-thumbnail').first()
    await expect
      .poll(() =>
        thumbnail.evaluate((img) => {
          // An <img>: loaded, and decoded to real pixels.
          const { complete, naturalWidth } = img as unknown as {
            complete: boolean
            naturalWidth: number
          }
          return complete ? naturalWidth : 0
        }),
      )
      .toBeGreaterThan(0)
    await screenshot('tasks')
    expect(await seriousViolations()).toEqual([])
  })

  it('shows the callback’s two attempts, and a redeliver adds a third', async () => {
    await showTab('deliveries')
    const attempts = page.getByTestId('delivery-attempt')
    await expect.poll(() => attempts.count()).toBe(2)
    expect(await attempts.nth(0).innerText()).toMatch(/500/)
    expect(await attempts.nth(1).innerText()).toMatch(/200/)
    expect(await seriousViolations()).toEqual([])
    await page.getByTestId('redeliver').first().click()
    await expect.poll(() => attempts.count()).toBe(3)
    await receiver.waitFor(3)
    await screenshot('deliveries')
  })

  it('lists the fault rule in force, and adds and removes one', async () => {
    await showTab('faults')
    const rows = page.getByTestId('fault-row')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().innerText()).toMatch(/rate_limit_exceeded/)
    await screenshot('faults')
    expect(await seriousViolations()).toEqual([])

    // Add a rule from the form, its error picked from the provider's catalogue; then remove it.
    const form = page.locator('form.fault-form')
    // A select's accessible name takes in its chosen option: find it by its label's own words.
    const field = (label: string) => form.locator(`label:has(> span:text-is("${label}")) select`)
    await field('Provider').selectOption('openai')
    await field('Error').selectOption('insufficient_quota')
    await form.getByRole('button', { name: 'Add rule' }).click()
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.nth(1).innerText()).toMatch(/openai[\s\S]*insufficient_quota/)
    await page
      .getByRole('button', { name: /^Remove rule / })
      .nth(1)
      .click()
    await expect.poll(() => rows.count()).toBe(1)
  })

  it('shows a key with its balance and limits, never the whole key', async () => {
    await showTab('keys')
    const rows = page.getByTestId('key-row')
    await expect.poll(() => rows.count()).toBe(1)
    const text = await rows.first().innerText()
    // The masked key, then its balance: 500 credits less what the generations cost.
    expect(text).toMatch(/^gptproto\s+sk-bro…\s+\d/)
    expect(text).not.toContain('sk-browser')
    await screenshot('keys')
    expect(await seriousViolations()).toEqual([])
  })

  it('empties every view on a reset of everything', async () => {
    await page.getByTestId('reset').click()
    await page.getByTestId('reset-all').check()
    await screenshot('reset')
    expect(await seriousViolations()).toEqual([])
    await page.getByTestId('reset-confirm').click()
    for (const [tab, row] of [
      ['journal', 'journal-row'],
      ['tasks', 'task-row'],
      ['deliveries', 'delivery'],
      ['faults', 'fault-row'],
      ['keys', 'key-row'],
    ] as const) {
      await page.getByTestId(`tab-${tab}`).click()
      await expect.poll(() => page.getByTestId(row).count(), { message: tab }).toBe(0)
    }
  })

  it("shows every field of CRUN's CreateTask in the reference", async () => {
    await page.goto(`${emulator.url}/__emulator/docs/crun`)
    const operation = page.locator('[id="operation/createTask"]')
    await operation.waitFor({ timeout: 15_000 })
    await operation.scrollIntoViewIfNeeded()
    const text = await operation.innerText()
    for (const field of ['model', 'callback_url', 'input', 'prompt', 'aspect_ratio'])
      expect(text, field).toContain(field)
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/reference-crun.png` })
    expect(await seriousViolations()).toEqual([])
  })

  it('renders the control plane reference without serious accessibility faults', async () => {
    await page.goto(`${emulator.url}/__emulator/docs/emulator`)
    await page.locator('[id="operation/redeliver"]').waitFor({ timeout: 15_000 })
    expect(await seriousViolations()).toEqual([])
  })

  it('asked nothing outside the origin and logged no console error', () => {
    expect(offOrigin).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
