export class ListPacksQuery {}
