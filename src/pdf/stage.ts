/**
 * The PDF stage, loaded when it is first needed. pdf-lib and the finishing code are a fifth of
 * what a build loads; nothing before the first print reads a PDF, so `bantin build` starts
 * without them and loads them while Chromium lays out the page (commands/build.ts asks for them
 * when printing starts). Node keeps the module once loaded: every call returns the same one.
 */
export const pdfStage = () => import('./index.js');
