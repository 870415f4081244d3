/**
 * The pure platform APIs shared/ uses, as every runtime it runs in (browsers, the extension's service
 * worker, Node) provides them. shared/ loads neither DOM nor Node types so that I/O cannot creep in;
 * add a member here only for an API that computes and touches nothing outside.
 */

/** The WHATWG URL parser: the members the catalog classifier reads. */
declare class URL {
  static parse(url: string, base?: string): URL | null;
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}
