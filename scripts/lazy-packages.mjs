// esbuild plugin: the packages named are set up when the program first uses one of their
// exports, not when the bundle starts. esbuild runs every imported CommonJS package at startup
// (`var import_ajv = __toESM(require_ajv())` at the top of the importer), and a synchronous
// lazy import cannot be written in the ESM sources (server/ is "type": "module"; under tsx
// there is no require()). A warm --cache run and the language server's startup use neither
// ajv nor yaml, yet setting them up (and, with the code cache, deserialising the code that does
// it) was a noticeable part of both (docs/performance.md has the figures).
//
// Each import of a named package resolves to a small module whose exports are getters that
// require() the real package on first read. Its export names are read from the package at
// build time. A package whose module.exports is a function gets a function that calls or
// constructs the real one. Only for packages with no import-time side effects that the
// program relies on.
import {createRequire} from 'node:module'

const NAMESPACE = 'lazy-package'

/** The plugin for `names` (exact import specifiers), resolved from `root`'s node_modules. */
export function lazyPackages(names, root) {
  const require = createRequire(`${root}/package.json`)
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  const filter = new RegExp(`^(${escaped.join('|')})$`)
  return {
    name: 'lazy-packages',
    setup(build) {
      // The stand-in's own require() of the package falls through to esbuild's resolver.
      build.onResolve({filter}, (args) => (args.namespace === NAMESPACE ? undefined : {path: args.path, namespace: NAMESPACE}))
      build.onLoad({filter: /.*/, namespace: NAMESPACE}, (args) => ({contents: standIn(args.path, require(args.path)), loader: 'js', resolveDir: root}))
    },
  }
}

/** The source of the module standing in for package `name`, whose exports are `real`. */
function standIn(name, real) {
  const id = JSON.stringify(name)
  const lines = ['let real', `const load = () => (real ??= require(${id}))`]
  if (typeof real === 'function') lines.push('module.exports = function (...args) { return new.target ? Reflect.construct(load(), args, new.target) : load().apply(this, args) }')
  else if (typeof real !== 'object' || real === null) throw new Error(`lazy-packages: ${name} exports neither an object nor a function`)
  for (const key of Object.keys(real)) {
    const k = JSON.stringify(key)
    lines.push(`Object.defineProperty(module.exports, ${k}, {enumerable: true, get: () => load()[${k}]})`)
  }
  return lines.join('\n')
}
