/** The measures' definitions in force at an instant. */
export class ListMeasuresQuery {
  constructor(readonly at: Date) {}
}
