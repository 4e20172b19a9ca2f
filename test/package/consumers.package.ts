/**
 * A project that installed the package loads it with require() (CommonJS: Jest, older setups)
 * and with import, gets the same API, runs an emulator with it, and type-checks against it in
 * the TypeScript settings people use.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { consumerProject, ROOT, run } from './support.js'

/** Starts an emulator, asks for health, a WebP and the docs (specs/ and yaml, found at run time). */
const SCENARIO = `
  const emulator = await startEmulator({ timing: 'instant' })
  try {
    const health = await fetch(emulator.url + '/__emulator/health')
    const image = await fetch(emulator.baseUrls.gptproto + '/v1/images/generations', {
      method: 'POST',
      headers: { authorization: 'sk-package', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-2', prompt: 'a package', output_format: 'webp' }),
    })
    const body = await image.json()
    const docs = await fetch(emulator.url + '/__emulator/docs')
    await emulator.control.reset()
    console.log(JSON.stringify({
      resolved,
      health: health.status,
      image: image.status,
      webp: Buffer.from(body.data[0].b64_json, 'base64').subarray(8, 12).toString(),
      docs: docs.status,
      providers: PROVIDER_IDS.length,
      errorClass: typeof EmulatorControlError,
    }))
  } finally {
    await emulator.close()
  }
`

const EXPECTED = { health: 200, image: 200, webp: 'WEBP', docs: 200, errorClass: 'function' }

let project: string
beforeAll(async () => {
  project = await consumerProject()
})

describe('at run time', () => {
  it('require() loads the CommonJS build, with no warning, and runs the emulator', async () => {
    await writeFile(
      join(project, 'consumer.cjs'),
      `const { startEmulator, PROVIDER_IDS, EmulatorControlError } = require('gpt-image-emulator')
      const resolved = require.resolve('gpt-image-emulator')
      ;(async () => {${SCENARIO}})().catch((err) => { console.error(err); process.exit(1) })`,
    )
    // As Jest and other CommonJS loaders see it: with Node's require() of ES modules turned off,
    // dist/index.cjs and everything it requires must be CommonJS.
    const noRequireEsm = '--no-experimental-require-module'
    const flags = process.allowedNodeEnvironmentFlags.has(noRequireEsm) ? [noRequireEsm] : []
    const ran = await run(process.execPath, [...flags, 'consumer.cjs'], { cwd: project })

    expect(ran.stderr).toBe('')
    expect(ran.code).toBe(0)
    const result = JSON.parse(ran.stdout)
    expect(result).toMatchObject(EXPECTED)
    expect(result.resolved).toBe(join(ROOT, 'dist', 'index.cjs'))
    expect(result.providers).toBeGreaterThan(0)
  })

  it('the CommonJS build loads packages with require() only: Jest has no import() by default', async () => {
    const bundle = await readFile(join(ROOT, 'dist', 'index.cjs'), 'utf8')
    expect(bundle).not.toMatch(/\bimport\(/)
    expect(bundle).toContain('require("sharp")')
  })

  it('import loads the ES module build and runs the emulator', async () => {
    await writeFile(
      join(project, 'consumer.mjs'),
      `import { startEmulator, PROVIDER_IDS, EmulatorControlError } from 'gpt-image-emulator'
      import { fileURLToPath } from 'node:url'
      const resolved = fileURLToPath(import.meta.resolve('gpt-image-emulator'))
      ${SCENARIO}`,
    )
    const ran = await run(process.execPath, ['consumer.mjs'], { cwd: project })

    expect(ran.stderr).toBe('')
    expect(ran.code).toBe(0)
    const result = JSON.parse(ran.stdout)
    expect(result).toMatchObject(EXPECTED)
    expect(result.resolved).toBe(join(ROOT, 'dist', 'index.js'))
  })
})

/** Uses the API with its types; the @ts-expect-error lines fail the check if the types were any. */
const USAGE = `
  export async function use(): Promise<string> {
    const emulator: Emulator = await startEmulator({ timing: 'instant', seed: 'types' })
    // @ts-expect-error: not a timing
    await startEmulator({ timing: 'sometimes' })
    const client = createControlClient(emulator.url)
    await client.faults.add({ match: { provider: 'gptproto' }, error: 'rate_limit_exceeded' })
    // @ts-expect-error: not a provider
    const wrong: string = emulator.baseUrls.dall_e
    await emulator.close()
    return emulator.baseUrls.gptproto + wrong
  }
`

const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')

async function typeCheck(name: string, compilerOptions: object, files: Record<string, string>) {
  const dir = join(project, name)
  await mkdir(dir, { recursive: true })
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text)
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        ...compilerOptions,
      },
      include: Object.keys(files),
    }),
  )
  const ran = await run(
    process.execPath,
    [tsc, '-p', join(dir, 'tsconfig.json'), '--traceResolution'],
    {
      cwd: project,
    },
  )
  const errors = ran.stdout.split('\n').filter((line) => /error TS\d+/.test(line))
  /** Where the package's name resolved to, one entry per resolution. */
  const resolved = [
    ...ran.stdout.matchAll(
      /Module name 'gpt-image-emulator' was successfully resolved to '([^']+)'/g,
    ),
  ].map((match) => match[1]!.replace(/^.*?(?=dist\/)/, ''))
  return { code: ran.code, errors: [...errors, ran.stderr].filter(Boolean), resolved }
}

describe('types', () => {
  it('a CommonJS file (.cts, module node16) gets the CommonJS declarations', async () => {
    const checked = await typeCheck(
      'node16',
      { module: 'node16', moduleResolution: 'node16', target: 'es2022' },
      {
        'consumer.cts': `import emulatorPackage = require('gpt-image-emulator')
        const { startEmulator, createControlClient } = emulatorPackage
        type Emulator = emulatorPackage.Emulator
        ${USAGE}`,
        'consumer.mts': `import { startEmulator, createControlClient, type Emulator } from 'gpt-image-emulator'
        ${USAGE}`,
      },
    )
    expect(checked.errors).toEqual([])
    expect(checked.code).toBe(0)
    // The require condition's declarations for the .cts file, the import condition's for .mts.
    expect(new Set(checked.resolved)).toEqual(new Set(['dist/cjs/index.d.ts', 'dist/index.d.ts']))
  })

  it('a CommonJS project on the older settings (module commonjs, node10) type-checks', async () => {
    const checked = await typeCheck(
      'commonjs',
      { module: 'commonjs', moduleResolution: 'node10', target: 'es2022', esModuleInterop: true },
      {
        'consumer.ts': `import { startEmulator, createControlClient, type Emulator } from 'gpt-image-emulator'
        ${USAGE}`,
      },
    )
    expect(checked.errors).toEqual([])
    expect(checked.code).toBe(0)
    // No exports map in node10: the top-level "types".
    expect(new Set(checked.resolved)).toEqual(new Set(['dist/index.d.ts']))
  })
})
