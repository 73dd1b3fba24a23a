// NestJS 12 ships ES modules only; Jest (before Node 24.9) loads test code as CommonJS. This
// transformer turns the ES modules Jest meets in node_modules into CommonJS with TypeScript's own
// transpiler (already a dependency), so tests run the very packages production runs. CommonJS
// files pass through untouched.
const crypto = require('node:crypto');
const ts = require('typescript');

const ESM_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s)/m;

module.exports = {
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update('esm-to-cjs-v2').update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    if (!ESM_SYNTAX.test(source) && !source.includes('import.meta')) return { code: source };
    const patched = source
      .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/\bimport\.meta\.dirname\b/g, '__dirname')
      .replace(/\bimport\.meta\.filename\b/g, '__filename')
      // `const require = createRequire(import.meta.url)` is how ES modules get a require; in
      // CommonJS the module already has one, and redeclaring it is a syntax error.
      .replace(/^(\s*)(const|let|var) require\s*=/gm, '$1$2 __esmRequire =');
    const { outputText } = ts.transpileModule(patched, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
        sourceMap: false,
      },
    });
    return { code: outputText };
  },
};
