// tslab runs notebook cells as CommonJS, but some dependencies (vega's Node build) use top-level await and can only
// be loaded as ES modules. A dynamic import() in a regular file is a real ES module import, which tsx's ESM hooks
// (registered once here) let through to the workspace's TypeScript sources.
let registered;
module.exports = async function loadEsm(specifier) {
  registered ??= import('tsx/esm');
  await registered;
  return import(specifier);
};
