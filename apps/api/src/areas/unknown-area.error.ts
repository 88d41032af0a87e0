/** An area no case has: 404, with the areas that are known, so a typing slip shows at once. */
export class UnknownAreaError extends Error {
  override readonly name = 'UnknownAreaError';
  constructor(
    readonly area: string,
    readonly knownAreas: string[],
  ) {
    super(`No case has the area ${JSON.stringify(area)}; the areas known are ${knownAreas.join(', ') || 'none yet'}`);
  }
}
