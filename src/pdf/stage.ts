/**
 * The PDF stage, loaded when it is first needed. pdf-lib and the finishing code are a fifth of
 * what a build loads; nothing before the first print reads a PDF, so `bantin build` starts
 * without them and loads them while Chromium prints, when this process would only wait for it
 * (print/paginate.ts asks for them once the print is asked for). Node keeps the module once
 * loaded: every call returns the same one.
 */
export const pdfStage = () => import('./index.js');
