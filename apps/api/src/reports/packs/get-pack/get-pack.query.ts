export class GetPackQuery {
  constructor(readonly id: string) {}
}
