// Mozilla's add-on linter ships no type declarations; this is the part the Firefox build test uses.
declare module 'addons-linter' {
  export function createInstance(options: {
    config: Record<string, unknown> & { _: string[] };
    runAsBinary: boolean;
  }): { run: () => Promise<unknown> };
}
