// Vite's `?inline` CSS imports, as strings.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
