/** Types for importing the repository's webpack.config.js (plain ESM JavaScript) from TypeScript. */
declare module '*webpack.config.js' {
  import type { Configuration } from 'webpack';
  const makeConfig: (env?: { outputPath?: string; pages?: string[]; workbench?: boolean }, argv?: { mode?: 'production' | 'development' }) => Promise<Configuration>;
  export default makeConfig;
  export function devServerScheme(o: { serving: boolean; workbench?: boolean }): 'https' | 'http' | null;
  export function devServerOption(
    scheme: 'https' | 'http' | null,
    getCerts?: () => Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>,
  ): Promise<{ type: 'http' } | { type: 'https'; options: { ca: Buffer; cert: Buffer; key: Buffer } }>;
}
