/**
 * Compile-time checks that hand-written zod schemas and the types generated from specs/ agree.
 * `agree<A, B>()(true)` compiles only when A and B are assignable to each other.
 */
export type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

export function agree<A, B>(): (proof: Agrees<A, B>) => void {
  return () => {}
}
