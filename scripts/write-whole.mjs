/**
 * Writes a build output beside its place, then renames it over: a process starting or a page
 * loading meanwhile reads the old file or the new one, never half of one.
 */
import { rename, writeFile } from 'node:fs/promises'
import process from 'node:process'

/** Writes `contents` to `path` in one step, as readers see it. */
export async function writeWhole(path, contents) {
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, contents)
  await rename(temp, path)
}
