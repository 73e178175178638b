/** Types for importing the repository's webpack.config.js (plain ESM JavaScript) from TypeScript. */
declare module '*webpack.config.js' {
  import type { Configuration } from 'webpack';
  const makeConfig: (env?: { outputPath?: string; pages?: string[]; workbench?: boolean }, argv?: { mode?: 'production' | 'development' }) => Promise<Configuration>;
  export default makeConfig;
}
