/** Font files imported by the pane are emitted by webpack as separate files (asset/resource): the import is their URL. */
declare module '*.ttf' {
  const url: string;
  export default url;
}
