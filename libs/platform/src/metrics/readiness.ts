/** What each dependency answered: `ok`, or why not. */
export type Readiness = { ready: boolean; answers: Record<string, string> };

/** Asks every dependency at once; ready only when all of them answer. */
export async function readinessOf(probes: Record<string, () => Promise<unknown>>): Promise<Readiness> {
  const names = Object.keys(probes);
  const answers = await Promise.all(names.map((name) => probes[name]().then(() => 'ok', (error: unknown) => (error instanceof Error ? error.message : String(error)))));
  return { ready: answers.every((answer) => answer === 'ok'), answers: Object.fromEntries(names.map((name, i) => [name, answers[i]])) };
}
